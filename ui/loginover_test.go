package ui

import (
	"net/http"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// A 401 inside a dialog brings the login screen up over it: the login
// screen takes the keys and is drawn on top, the dialog waits hidden and
// untouched, and comes back once signed in, where the action can be
// retried. ctrl+c still quits meanwhile.
func TestLoginOverDialog(t *testing.T) {
	d := newDirect(t)
	d.size(100, 30)
	d.init()
	d.keys("2", "n", "b", "o", "t")
	if v := uitest.Plain(d.m.View()); !strings.Contains(v, "New API key") {
		t.Fatalf("setup: no form:\n%s", v)
	}
	d.sim.InjectFault(targontest.Fault{Method: http.MethodPost, Path: keysPath, Status: http.StatusUnauthorized, Times: 1})
	d.keys("enter")
	if d.m.login == nil || d.m.modals.Len() != 1 {
		t.Fatalf("after the 401: login %v, %d dialogs; want the login screen over the form", d.m.login != nil, d.m.modals.Len())
	}
	v := uitest.Plain(d.m.View())
	if !strings.Contains(v, "did not accept the API key") || strings.Contains(v, "New API key") {
		t.Fatalf("the login screen is not on top:\n%s", v)
	}
	if out := d.send(uitest.Key("ctrl+c")); !hasQuit(out) {
		t.Error("ctrl+c does not quit over the login screen")
	}
	// Keys go to the login screen (its input echoes •), not to the form
	// under it.
	dots := strings.Count(v, "•")
	d.keys("x")
	if v := uitest.Plain(d.m.View()); strings.Count(v, "•") != dots+1 {
		t.Fatalf("a key typed did not reach the login screen:\n%s", v)
	}
	d.keys("backspace")
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(d.sim.DemoKey()), Paste: true})
	d.keys("enter")
	if d.m.login != nil {
		t.Fatalf("not signed in:\n%s", uitest.Plain(d.m.View()))
	}
	v = uitest.Plain(d.m.View())
	if !strings.Contains(v, "New API key") || !strings.Contains(v, "bot") || strings.Contains(v, "botx") {
		t.Fatalf("the form is not back as it was:\n%s", v)
	}
	posts := countRequests(d.sim, http.MethodPost, keysPath)
	d.keys("enter")
	if n := countRequests(d.sim, http.MethodPost, keysPath) - posts; n != 1 {
		t.Fatalf("retrying after sign-in sent %d creates, want 1", n)
	}
}

// hasQuit reports whether msgs holds tea.QuitMsg.
func hasQuit(msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}
