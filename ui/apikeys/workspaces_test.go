package apikeys_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/internal/simfault"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The demo account (openroutertest.NewDemo) has two workspaces: Default,
// with eleven keys (contractor-eval expiring in 6 days), and Research,
// with five (eval-harness, notebook (bob), legacy-webhook unused for over
// a month, demo-day-2026 expired, partner-trial expiring in 3 days).

// Keys of every workspace are listed with a WORKSPACE column and counted
// per workspace; w narrows the list to one through a picker, w again or
// esc shows all.
func TestWorkspacesListedCountedAndNarrowed(t *testing.T) {
	v := newORView(t)
	v.want("WORKSPACE", "16 API keys · Default 11 · Research 5", "Research", "Default")
	v.d.Keys("w")
	v.want("Show one workspace", "Default (11)", "Research (5)")
	v.d.Keys("right", "enter")
	v.want("Research · 5 of 16 API keys", "eval-harness", "partner-trial", "legacy-webhook")
	v.wantNot("production-chat", "mobile-app-beta")
	v.d.Keys("w")
	v.want("16 API keys · Default 11", "production-chat")
	v.d.Keys("w", "enter") // the default workspace
	v.want("Default · 11 of 16")
	v.wantNot("eval-harness", "partner-trial")
	v.d.Keys("esc")
	v.want("16 API keys · Default 11", "eval-harness")
}

// On an account of one workspace the column, the tally and w are not
// there.
func TestOneWorkspaceHidesTheColumn(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithClock(uitest.Now), openroutertest.WithSeededSecrets(), openroutertest.WithKeys(11))
	v := newORViewOn(t, sim, uitest.Serve(t, sim)+openroutertest.BasePath)
	v.want("11 API keys", "svc-00000")
	v.wantNot("WORKSPACE", "Default")
	v.d.Keys("w")
	if v.d.Top() != nil {
		t.Fatal("w opened a dialog on an account without workspaces")
	}
}

// Create asks which workspace, the narrowed one first, and for an expiry
// (7 days, sent in UTC: the server refuses any other zone); the new key
// lands in that workspace and shows its expiry in the warning state.
func TestCreateInWorkspaceWithExpiry(t *testing.T) {
	v := newORView(t)
	v.d.Keys("w", "right", "enter", "n")
	v.want("Workspace", "● Research", "Expires", "○ 7 days")
	v.d.Type("eval-bot")
	v.d.Keys("tab", "tab", "tab", "tab", "right", "right", "enter", "enter") // to Expires, 7 days, past the date, submit
	v.want("New API key “eval-bot”", "copied via")
	k, ok := v.server("eval-bot")
	if !ok || k.WorkspaceID != v.workspace("Research") || !k.ExpiresAt.Equal(uitest.Clock.Add(7*24*time.Hour)) {
		t.Fatalf("server has %+v (found %v), want it in Research, expiring in 7 days", k, ok)
	}
	v.d.Keys("esc")
	v.want("eval-bot", "expires in 7d", "Research · 6 of 17")
	v.d.Keys("w")
	v.want("17 API keys · Default 11 · Research 6")
}

// A typed date chooses "date" and is sent as 00:00 UTC of that day; a
// past or malformed date is refused under the field, the text kept.
func TestCreateWithTypedExpiryDate(t *testing.T) {
	v := newORView(t)
	v.d.Keys("n")
	v.d.Type("dated")
	v.d.Keys("tab", "tab", "tab", "tab", "tab") // past the workspace, limit, reset and expiry to the date
	v.d.Type("2020-01-01")
	v.want("● date")
	v.d.Keys("enter")
	v.want("has begun already", "2020-01-01")
	if _, ok := v.server("dated"); ok {
		t.Fatal("a past date was sent")
	}
	for range 10 {
		v.d.Keys("backspace")
	}
	v.d.Type("2030-02-03")
	v.d.Keys("enter")
	k, ok := v.server("dated")
	if !ok || !k.ExpiresAt.Equal(time.Date(2030, 2, 3, 0, 0, 0, 0, time.UTC)) || k.WorkspaceID != v.sim.DefaultWorkspace() {
		t.Fatalf("server has %+v (found %v)", k, ok)
	}
}

// activityReads counts the simulator's GET /activity requests for the key
// with hash.
func (v *orView) activityReads(hash string) int {
	n := 0
	for _, r := range v.sim.Requests() {
		if strings.HasSuffix(r.Path, "/activity") && strings.Contains(r.Query, "api_key_hash="+hash) {
			n++
		}
	}
	return n
}

// A key's details show its 30 days of spend by day and its top models,
// read once (cached), and the current window of a resetting limit.
func TestDetailsShowSpendHistoryAndWindow(t *testing.T) {
	v := newORView(t)
	v.pick("staging")
	v.d.Keys("enter")
	v.want("Last 30 days", "requests", "This window", "0.22 of 50.00 USD spent this week", "resets Mon 2026-11-30 00:00 UTC")
	v.d.Keys("G", "j", "j", "j", "j", "j", "j", "j", "j")
	v.want("Top models", "meta-llama/llama-3.3-70b-instruct", "openai/gpt-4.1", "anthropic/claude-sonnet-4")
	k, _ := v.server("staging")
	before := v.activityReads(k.Hash)
	if before == 0 {
		t.Fatal("no activity read")
	}
	v.d.Keys("esc", "enter")
	if n := v.activityReads(k.Hash); n != before {
		t.Fatalf("the activity was read again: %d reads, then %d", before, n)
	}
}

// When the server refuses the activity (403, as it does to a key that is
// not a management key), the details say so in place.
func TestActivityRefusedSaysSo(t *testing.T) {
	sim, url := uitest.OpenRouter(t)
	sim.InjectFault(simfault.Fault{Method: http.MethodGet, Path: openroutertest.BasePath + "/activity", Status: http.StatusForbidden})
	v := newORViewOn(t, sim, url)
	v.pick("staging")
	v.d.Keys("enter")
	v.want("needs a management key")
}

// Replace asks for the new key's expiry, the old key's remaining span
// first, and keeps the workspace.
func TestReplaceAsksExpiryKeepsWorkspace(t *testing.T) {
	v := newORView(t)
	old, _ := v.server("partner-trial")
	v.pick("partner-trial")
	v.d.Keys("R")
	v.want("as old key (3d)", "in the workspace Research", "expires in 3d")
	v.d.Keys("enter", "enter") // as old key, past the date, submit
	v.want("copied via")
	var made []openrouter.APIKey
	for _, k := range v.named("partner-trial") {
		if k.Hash != old.Hash {
			made = append(made, k)
		}
	}
	if len(made) != 1 || made[0].WorkspaceID != v.workspace("Research") || !made[0].ExpiresAt.Equal(old.ExpiresAt.Time) {
		t.Fatalf("replace created %+v; the old key expires %v", made, old.ExpiresAt)
	}
}

// s sorts by expiry too: the soonest first, keys that never expire last.
func TestSortByExpiry(t *testing.T) {
	v := newORView(t)
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
