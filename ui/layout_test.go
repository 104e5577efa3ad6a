package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// TestNothingOverflows: at 80x24, 100x30 and 200x50, every screen and
// dialog fits: no line is wider than the terminal and there are exactly as
// many lines as rows.
func TestNothingOverflows(t *testing.T) {
	screens := map[string][]string{
		"credits":    {"1"},
		"api keys":   {"2"},
		"ssh keys":   {"3"},
		"help":       {"2", "?"},
		"new key":    {"2", "n"},
		"delete":     {"2", "d"},
		"roll":       {"2", "R"},
		"details":    {"2", "enter"},
		"ssh add":    {"3", "n"},
		"ssh delete": {"3", "d"},
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {200, 50}} {
		for name, keys := range screens {
			h := start(t)
			h.tm.Send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			h.waitFor("USD")
			h.keys(keys...)
			if keys[0] == "2" || keys[0] == "3" {
				h.idle()
			}
			h.idle()
			view := h.final()
			lines := strings.Split(view, "\n")
			if len(lines) != size[1] {
				t.Errorf("%s at %dx%d: %d lines", name, size[0], size[1], len(lines))
			}
			for i, l := range lines {
				if w := lipgloss.Width(l); w > size[0] {
					t.Errorf("%s at %dx%d: line %d is %d wide: %q", name, size[0], size[1], i, w, l)
				}
			}
		}
	}
}

// TestForbiddenSaysNotAllowed: a 403 keeps the form open with "not allowed".
func TestForbiddenSaysNotAllowed(t *testing.T) {
	h := start(t)
	h.sim.InjectFault(targontest.Fault{Method: "PATCH", Path: keysPath + "/*", Status: 403, Times: 1})
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("j", "e")
	h.waitFor("Rename")
	h.typeText("-x")
	h.keys("enter")
	h.waitFor("not allowed")
	h.idle()
	if view := h.final(); !strings.Contains(view, "Rename") {
		t.Fatalf("form closed on 403:\n%s", view)
	}
}

// TestKeyOverrides: a binding from the preferences replaces the default.
func TestKeyOverrides(t *testing.T) {
	h := start(t, func(o *Options, _ *targontest.Server) {
		o.Keys = map[string][]string{"tab_api_keys": {"a"}, "new": {"+"}}
	})
	h.waitFor("USD")
	h.keys("a")
	h.waitFor("production-inference")
	h.keys("+")
	h.waitFor("New API key")
	h.final()

	if _, err := New(Options{Accounts: &uitest.Accounts{Session: testSession(t, "http://"+h.host, "", api.KeyNone)}, Keys: map[string][]string{"explode": {"x"}}}); err == nil || !strings.Contains(err.Error(), "explode") {
		t.Fatalf("unknown action accepted: %v", err)
	}
}

// TestLoginOffersDemo: with no key the login screen shows, and ctrl+d
// switches to the demo account.
func TestLoginOffersDemo(t *testing.T) {
	demo := targontest.NewDemo()
	ts := uitest.Serve(t, demo)
	h := start(t, func(o *Options, _ *targontest.Server) {
		sessionOf(o).Account.SetToken("")
		testAccounts(o).StartDemo = func() (*api.Session, error) { return testSession(t, ts, demo.DemoKey(), api.KeyFromDemo), nil }
	})
	h.waitFor("Sign in")
	h.keys("ctrl+d")
	h.waitFor("1,284,750")
	h.final()
}
