package apikeys_test

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
)

// wantNot fails when the screen shows any of texts.
func (v *orView) wantNot(texts ...string) {
	v.t.Helper()
	s := v.screen()
	for _, w := range texts {
		if strings.Contains(s, w) {
			v.t.Fatalf("screen shows %q:\n%s", w, s)
		}
	}
}

// Amounts are written one way in the list, the details and the toasts:
// two decimals (more only where two would show zero), separators, and
// the currency once, as a code after the amount.
func TestORMoneyOneFormat(t *testing.T) {
	v := newORView(t)
	if _, err := v.api.CreateKey(t.Context(), openrouter.CreateRequest{Name: "tiny", Limit: "0.001", LimitReset: "weekly"}); err != nil {
		t.Fatal(err)
	}
	v.d.Run(v.m.Refresh())
	v.m.SetSize(140, 30)
	v.want("0.00 of 100.00/mo", "9.20 of 15.00", "433.25 of 500.00/mo", "0.00/0.00/0.00", "6.20/6.20/100.07",
		"0.001 of 0.001/wk")
	v.pick("mobile-app-beta")
	v.d.Keys("enter")
	v.want("100.00 USD, resets monthly", "0.00 USD left", "today 6.20 USD", "this month 100.07 USD", "in all 263.92 USD")
	v.wantNot("$", "6.204417383")
	v.d.Keys("esc", "esc")
	v.pick("staging")
	v.d.Keys("L")
	v.d.Top().(*dialog.Form).SetValue(0, "1234.5")
	v.d.Keys("enter", "enter")
	if got := v.d.LastToast(); !strings.Contains(got, "limit 1,234.50 USD, resets weekly") {
		t.Fatalf("toast %q", got)
	}
}

// "No limit" is written one way: in the list, the details, the replace
// confirmation and the toast after clearing a limit.
func TestORNoLimitOneWay(t *testing.T) {
	v := newORView(t)
	v.m.SetSize(140, 30)
	v.pick("batch-embeddings")
	v.want("no limit")
	v.wantNot("—")
	v.d.Keys("enter")
	v.want("Limit no limit")
	v.d.Keys("esc", "R")
	v.want("no limit")
	v.wantNot("no spending limit")
	v.d.Keys("esc", "esc")
	v.pick("staging")
	v.d.Keys("L")
	v.d.Top().(*dialog.Form).SetValue(0, "")
	v.d.Keys("tab", "right", "right") // weekly → monthly → none
	v.d.Keys("enter")
	if got := v.d.LastToast(); !strings.HasSuffix(got, ": no limit") {
		t.Fatalf("toast %q", got)
	}
}

// Replacing a disabled key says the old key is disabled (not that it
// still works), asks nothing after the secret, and says plainly that the
// new key starts enabled, which it does.
func TestORReplaceDisabledKey(t *testing.T) {
	v := newORView(t)
	old, _ := v.server("hackathon-2025")
	if !old.Disabled {
		t.Fatal("setup: hackathon-2025 is not disabled")
	}
	v.pick("hackathon-2025")
	v.d.Keys("R")
	v.want("Replace API key “hackathon-2025”?", "is disabled", "the new key starts enabled")
	v.wantNot("keeps working", "still works", "same settings", "asked next")
	v.d.Keys("enter", "enter")
	v.want("copied via", "shown once")
	v.d.Keys("esc")
	if top := v.d.Top(); top != nil {
		t.Fatalf("a question followed the secret:\n%s", v.screen())
	}
	if got, _ := v.api.GetKey(t.Context(), old.Hash); !got.Disabled {
		t.Fatal("the old key was enabled")
	}
	page, _ := v.api.ListKeys(t.Context(), openrouter.ListOptions{IncludeDisabled: true})
	for _, k := range page {
		if k.Name == old.Name && k.Hash != old.Hash {
			if k.Disabled || k.Limit != old.Limit || k.LimitReset != old.LimitReset || k.IncludeBYOKInLimit != old.IncludeBYOKInLimit {
				t.Fatalf("new key %+v; old %+v", k, old)
			}
			return
		}
	}
	t.Fatal("no new key")
}

// A reset needs a limit: the create form refuses a reset with an empty
// limit, keeping what was typed, and so does the limit form.
func TestORResetWithoutLimitRefused(t *testing.T) {
	v := newORView(t)
	v.d.Keys("n")
	v.d.Type("nightly")
	v.d.Keys("tab", "tab", "tab", "right") // the default workspace, no limit, reset daily
	v.want("● daily")
	v.d.Keys("enter", "enter", "enter")
	if v.count("nightly") != 0 {
		t.Fatal("a reset without a limit was sent")
	}
	v.want("nightly", "● daily", "a reset needs a limit")
	v.d.Type("5")
	v.d.Keys("enter", "enter", "enter", "enter")
	if k, ok := v.server("nightly"); !ok || k.Limit != "5" || k.LimitReset != "daily" {
		t.Fatalf("server has %+v (found %v)", k, ok)
	}
	v.d.Keys("esc")

	v.pick("batch-embeddings")
	v.d.Keys("L", "tab", "right", "enter")
	v.want("a reset needs a limit", "● daily")
	if k, _ := v.server("batch-embeddings"); k.LimitReset != "" {
		t.Fatalf("reset %q sent without a limit", k.LimitReset)
	}
}

// A key that has a reset but no limit (set by another tool) reads the
// same in its details and in L.
func TestORResetWithoutLimitDetailsAgreeWithL(t *testing.T) {
	v := newORView(t)
	k, _ := v.server("batch-embeddings")
	daily := "daily"
	if _, err := v.api.UpdateKey(t.Context(), k.Hash, openrouter.UpdateRequest{LimitReset: &daily}); err != nil {
		t.Fatal(err)
	}
	v.d.Run(v.m.Refresh())
	v.pick("batch-embeddings")
	v.d.Keys("enter")
	v.want("no limit", "daily")
	v.d.Keys("esc", "L")
	v.want("● daily")
}
