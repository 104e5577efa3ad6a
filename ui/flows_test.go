package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

const keysPath = "/tha/v2/me/api-keys"

// TestCreateKeyCopiesAndMasks: the new secret is on the clipboard, shown
// once, and masked on the list after the modal closes.
func TestCreateKeyCopiesAndMasks(t *testing.T) {
	h := start(t)
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("n")
	h.typeText("ci-bot")
	h.keys("enter")
	h.waitFor("copied via")
	secret := h.clip.Last()
	if !strings.HasPrefix(secret, "tgn_") {
		t.Fatalf("clipboard = %q, want the new key", secret)
	}
	h.keys("esc")
	h.idle()
	view := h.final()
	if strings.Contains(view, secret) {
		t.Fatalf("secret still on screen after closing the modal:\n%s", view)
	}
	if !strings.Contains(view, "tgn_…"+secret[len(secret)-4:]) {
		t.Fatalf("masked key not listed:\n%s", view)
	}
}

// TestLettersInFormsAreText: q, d, n, 1 typed in a form are text.
func TestLettersInFormsAreText(t *testing.T) {
	h := start(t)
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("n")
	h.typeText("qdn1?R")
	h.waitFor("qdn1?R")
	h.idle()
	view := h.final()
	if !strings.Contains(view, "New API key") || !strings.Contains(view, "qdn1?R") {
		t.Fatalf("form lost focus or text:\n%s", view)
	}
}

// TestFilterLettersAreText: letters typed in the filter do not act.
func TestFilterLettersAreText(t *testing.T) {
	h := start(t)
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("/")
	h.typeText("qdn")
	h.idle()
	view := h.final()
	if !strings.Contains(view, "qdn") || strings.Contains(view, "Delete API key") || strings.Contains(view, "New API key") {
		t.Fatalf("filter letters acted as commands:\n%s", view)
	}
}

// TestBadRequestKeepsInput: a 400 shows the server's reason in the form and
// keeps what was typed.
func TestBadRequestKeepsInput(t *testing.T) {
	h := start(t)
	h.sim.InjectFault(targontest.Fault{Method: "POST", Path: keysPath, Status: 400, Times: 1,
		Body: `{"error":"invalid request body","reason":"name is reserved"}`, ContentType: "application/json"})
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("n")
	h.typeText("admin")
	h.keys("enter")
	h.waitFor("name is reserved")
	h.idle()
	view := h.final()
	if !strings.Contains(view, "admin") || !strings.Contains(view, "New API key") {
		t.Fatalf("form closed or input lost:\n%s", view)
	}
}

// TestCreateNotRetriedThenManualRetry: a 503 on create is sent once, the
// form stays with the error, and enter retries by hand.
func TestCreateNotRetriedThenManualRetry(t *testing.T) {
	h := start(t)
	h.sim.InjectFault(targontest.Fault{Method: "POST", Path: keysPath, Status: 503, Times: 1})
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("n")
	h.typeText("retry-me")
	h.keys("enter")
	h.waitFor("to retry")
	if n := countRequests(h.sim, "POST", keysPath); n != 1 {
		t.Fatalf("create sent %d times, want 1", n)
	}
	h.keys("enter")
	h.waitFor("copied via")
	if n := countRequests(h.sim, "POST", keysPath); n != 2 {
		t.Fatalf("create sent %d times after the manual retry, want 2", n)
	}
	h.final()
}

// TestUnauthorizedShowsLogin: a 401 brings up the login screen.
func TestUnauthorizedShowsLogin(t *testing.T) {
	h := start(t)
	h.waitFor("USD")
	h.sim.InjectFault(targontest.Fault{Path: "/tha/v2/me/credits", Status: 401})
	h.keys("r")
	h.waitFor("Sign in")
	h.final()
}

// TestServerErrorThenRetry: a 500 on the list shows an error line; r loads.
func TestServerErrorThenRetry(t *testing.T) {
	h := start(t, withFault(targontest.Fault{Method: "GET", Path: "/tha/v2/ssh-keys", Status: 500, Times: 1}))
	h.keys("3")
	h.waitFor("r to retry")
	h.keys("r")
	h.waitFor("work-laptop")
	h.final()
}

// TestRenameGoneRefreshes: renaming a key deleted elsewhere says it is gone.
func TestRenameGoneRefreshes(t *testing.T) {
	h := start(t)
	h.sim.InjectFault(targontest.Fault{Method: "PATCH", Path: keysPath + "/*", Status: 404, Times: 1})
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("j", "e")
	h.waitFor("Rename")
	h.typeText("-x")
	h.keys("enter")
	h.waitFor("no longer exists")
	h.final()
}

// TestDeleteAsksAndDefaultsToNo: enter on the confirmation cancels; y
// deletes, and the row goes only when the server confirmed.
func TestDeleteAsksAndDefaultsToNo(t *testing.T) {
	h := start(t)
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("j", "d")
	h.waitFor("Delete API key")
	h.keys("enter")
	h.idle()
	if n := countRequests(h.sim, "DELETE", keysPath+"/*"); n != 0 {
		t.Fatalf("enter on the default (No) sent %d deletes", n)
	}
	h.keys("d")
	h.idle()
	h.keys("y")
	h.waitFor("deleted")
	if n := countRequests(h.sim, "DELETE", keysPath+"/*"); n != 1 {
		t.Fatalf("deletes sent = %d, want 1", n)
	}
	h.final()
}

// TestRollKeyInUseKeepsSession: rolling the dashboard's own key switches
// the client, so the next request still works.
func TestRollKeyInUseKeepsSession(t *testing.T) {
	h := start(t)
	old := h.sim.DemoKey()
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("R")
	h.waitFor("signed in with")
	h.keys("y")
	h.waitFor("copied via")
	if h.clip.Last() == old || h.sim.DemoKey() == old {
		t.Fatal("key was not rolled")
	}
	h.keys("esc", "1", "r")
	h.idle()
	view := h.final()
	if strings.Contains(view, "Sign in") {
		t.Fatalf("rolling the key in use signed the dashboard out:\n%s", view)
	}
	if !h.acct.Client().UsesKey(h.clip.Last()) {
		t.Fatal("the account does not use the new key")
	}
}

// TestDeleteKeyInUseShowsLogin: deleting the dashboard's own key warns,
// then shows the login screen.
func TestDeleteKeyInUseShowsLogin(t *testing.T) {
	h := start(t)
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("d")
	h.waitFor("signs you out")
	h.keys("y")
	h.waitFor("Sign in")
	h.final()
}

// TestQuitKeys: q quits from a list; ctrl+c quits from a form.
func TestQuitKeys(t *testing.T) {
	h := start(t)
	h.waitFor("USD")
	h.keys("q")
	h.tm.WaitFinished(t)

	h = start(t)
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("n", "ctrl+c")
	h.tm.WaitFinished(t)
}

// TestKeysInOneRead: keys that arrive together ("jj", then "d") act one by
// one, and letters after "n" land in the form that "n" opened.
func TestKeysInOneRead(t *testing.T) {
	h := start(t)
	h.keys("2")
	h.waitFor("production-inference")
	h.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjd")})
	h.waitFor("Delete API key “jupyter-research”")
	h.keys("esc")
	h.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("nbot")})
	h.waitFor("New API key")
	h.idle()
	if view := h.final(); !strings.Contains(view, "› bot") {
		t.Fatalf("letters after n did not reach the form:\n%s", view)
	}
}

// TestPageSizeRefused: a server that refuses limit=100 with a 400 is asked
// again without a limit, and the list loads.
func TestPageSizeRefused(t *testing.T) {
	h := start(t, withFault(targontest.Fault{Method: "GET", Path: "/tha/v2/me/api-keys", Status: 400, Times: 1,
		Body: `{"error":"invalid query parameters","reason":"limit must be between 1 and 50"}`}))
	h.keys("2")
	h.waitFor("production-inference")
	h.idle()
	var queries []string
	for _, r := range h.sim.Requests() {
		if r.Path == "/tha/v2/me/api-keys" {
			queries = append(queries, r.Query)
		}
	}
	if len(queries) != 2 || !strings.Contains(queries[0], "limit=100") || strings.Contains(queries[1], "limit") {
		t.Fatalf("list requests = %q, want limit=100 then no limit", queries)
	}
	h.final()
}
