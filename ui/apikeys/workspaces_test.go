package apikeys_test

import (
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// newWSView is the API keys view of the simulator's demo account as an
// account with two workspaces (staging and batch-embeddings in Research)
// and activity (uitest.Workspaced).
func newWSView(t *testing.T, tweak ...func(*uitest.Workspaced)) (*orView, *uitest.Workspaced) {
	t.Helper()
	sim, url := uitest.OpenRouter(t)
	c, clip := uitest.NewOpenRouterCommon(t, url, sim.DemoManagementKey())
	ws := &uitest.Workspaced{Account: uitest.OpenRouterAccount(t, url, sim.DemoManagementKey()), Research: []string{"staging", "batch-embeddings"}}
	for _, f := range tweak {
		f(ws)
	}
	c.Account = ws
	m := apikeys.New(c)
	v := &orView{t: t, c: c, clip: clip, m: m, sim: sim, api: uitest.OpenRouterAccount(t, url, sim.DemoManagementKey()).Client()}
	v.d = uitest.NewDriver(t, c, m)
	return v, ws
}

// Keys of every workspace are listed with a WORKSPACE column and counted
// per workspace; w narrows the list to one through a picker, w again or
// esc shows all.
func TestWorkspacesListedCountedAndNarrowed(t *testing.T) {
	v, _ := newWSView(t)
	v.want("WORKSPACE", "11 API keys · Default 9 · Research 2", "Research", "Default")
	v.d.Keys("w")
	v.want("Show one workspace", "Default (9)", "Research (2)")
	v.d.Keys("right", "enter")
	v.want("Research · 2 of 11 API keys", "staging", "batch-embeddings")
	v.wantNot("production-chat", "mobile-app-beta")
	v.d.Keys("w")
	v.want("11 API keys · Default 9", "production-chat")
	v.d.Keys("w", "enter") // the default workspace
	v.want("Default · 9 of 11")
	v.wantNot("staging")
	v.d.Keys("esc")
	v.want("11 API keys · Default 9", "staging")
}

// On an account of one workspace the column, the tally and w are not
// there.
func TestOneWorkspaceHidesTheColumn(t *testing.T) {
	v := newORView(t)
	v.want("11 API keys")
	v.wantNot("WORKSPACE", "Default")
	v.d.Keys("w")
	if v.d.Top() != nil {
		t.Fatal("w opened a dialog on an account without workspaces")
	}
}

// Create asks which workspace, the narrowed one first, and for an expiry
// (7 days, sent in UTC); the new key shows its expiry in the warning
// state.
func TestCreateInWorkspaceWithExpiry(t *testing.T) {
	v, ws := newWSView(t)
	v.d.Keys("w", "right", "enter", "n")
	v.want("Workspace", "● Research", "Expires", "○ 7 days")
	v.d.Type("eval-bot")
	v.d.Keys("tab", "tab", "tab", "tab", "right", "right", "enter", "enter")
	v.want("New API key “eval-bot”", "copied via")
	got := ws.Created()
	if len(got) != 1 || got[0].Workspace != uitest.ResearchSpace || !got[0].ExpiresAt.Equal(uitest.Clock.Add(7*24*time.Hour)) || got[0].ExpiresAt.Location() != time.UTC {
		t.Fatalf("created %+v, want Research, expiring in 7 days (UTC)", got)
	}
	v.d.Keys("esc")
	v.want("eval-bot", "expires in 7d", "Research · 3 of 12")
}

// A typed date chooses "date" and is sent as 00:00 UTC of that day; a
// past or malformed date is refused under the field, the text kept.
func TestCreateWithTypedExpiryDate(t *testing.T) {
	v, ws := newWSView(t)
	v.d.Keys("n")
	v.d.Type("dated")
	v.d.Keys("tab", "tab", "tab", "tab", "tab")
	v.d.Type("2020-01-01")
	v.want("● date")
	v.d.Keys("enter")
	v.want("has begun already", "2020-01-01")
	for range 10 {
		v.d.Keys("backspace")
	}
	v.d.Type("2030-02-03")
	v.d.Keys("enter")
	got := ws.Created()
	if len(got) != 1 || !got[0].ExpiresAt.Equal(time.Date(2030, 2, 3, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("created %+v", got)
	}
}

// A key's details show its 30 days of spend by day and its top models,
// read once (cached), and the current window of a resetting limit.
func TestDetailsShowSpendHistoryAndWindow(t *testing.T) {
	v, ws := newWSView(t)
	v.pick("staging")
	v.d.Keys("enter")
	v.want("Last 30 days", "requests", "This window", "0.22 of 50.00 USD spent this week", "resets Mon 2026-11-30 00:00 UTC")
	v.d.Keys("G", "j", "j", "j", "j", "j", "j", "j", "j")
	v.want("Top models", "openai/gpt-4.1", "anthropic/claude-sonnet-4")
	before := len(ws.Asked())
	if before == 0 {
		t.Fatal("no activity read")
	}
	v.d.Keys("esc", "enter")
	if len(ws.Asked()) != before {
		t.Fatalf("the activity was read again: %v", ws.Asked())
	}
}

// With a key that may not read activity, the details say so in place.
func TestActivityRefusedSaysSo(t *testing.T) {
	v, _ := newWSView(t, func(w *uitest.Workspaced) { w.Refuse = true })
	v.pick("staging")
	v.d.Keys("enter")
	v.want("needs a management key")
}

// Replace asks for the new key's expiry, the old key's remaining span
// first, and keeps the workspace.
func TestReplaceAsksExpiryKeepsWorkspace(t *testing.T) {
	v, ws := newWSView(t, func(w *uitest.Workspaced) { w.Research = append(w.Research, "contractor-eval") })
	v.pick("contractor-eval")
	v.d.Keys("R")
	v.want("as old key (6d)", "in the workspace Research", "expires in 6d")
	v.d.Keys("enter", "enter")
	v.want("copied via")
	got := ws.Created()
	if len(got) != 1 || got[0].Workspace != uitest.ResearchSpace || got[0].ExpiresAt.IsZero() ||
		got[0].ExpiresAt.Sub(uitest.Clock) < 6*24*time.Hour || got[0].ExpiresAt.Sub(uitest.Clock) > 7*24*time.Hour {
		t.Fatalf("replace created %+v", got)
	}
}

// s sorts by expiry too: the soonest first, keys that never expire last.
func TestSortByExpiry(t *testing.T) {
	v, _ := newWSView(t)
	for range 5 {
		if name, _ := v.m.Table.SortedBy(); name == "expires" {
			break
		}
		v.d.Keys("s")
	}
	if name, _ := v.m.Table.SortedBy(); name != "expires" {
		t.Fatalf("s never sorts by expiry")
	}
	v.want("STATE ▲")
	lines := strings.Split(v.screen(), "\n")
	for _, l := range lines {
		if strings.Contains(l, "contractor-eval") {
			return
		}
		if strings.Contains(l, "active") {
			t.Fatalf("a key without expiry before the expiring one:\n%s", v.screen())
		}
	}
}
