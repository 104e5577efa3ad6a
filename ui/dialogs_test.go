package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// A rename that keeps the name (after trimming) sends no PATCH and says
// the name is unchanged.
func TestAPIKeyRenameUnchangedSendsNothing(t *testing.T) {
	h := start(t)
	openAPIKeys(h)
	h.keys("j", "e")
	h.waitFor("Rename")
	h.typeText("  ")
	h.keys("enter")
	h.waitFor("unchanged")
	h.idle()
	if n := countRequests(h.sim, "PATCH", "/tha/v2/api-keys/*"); n != 0 {
		t.Errorf("%d PATCHes for an unchanged name", n)
	}
}

// Deleting an API key names it in the message, as the SSH keys view does.
func TestAPIKeyDeleteNamesKey(t *testing.T) {
	h := start(t)
	openAPIKeys(h)
	h.keys("j", "d")
	h.waitFor("Delete API key")
	h.keys("y")
	h.waitFor("API key “grafana-exporter” deleted")
}

// At 80x24 the help fits whole (no scrolling) and the footer shows whole
// hints; at 60x15 every confirmation shows its buttons.
func TestDialogsFitTheDesignAndMinimumSizes(t *testing.T) {
	h := start(t)
	h.tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	openAPIKeys(h)
	var footer, help string
	h.tm.Send(probeMsg{func(m *Model) { footer = m.helpLine() }})
	h.keys("?")
	h.waitFor("Keys")
	h.tm.Send(probeMsg{func(m *Model) { help = m.View() }})
	h.idle()
	if strings.Contains(footer, "…") || !strings.Contains(footer, "? help") {
		t.Errorf("footer at 80x24: %q", footer)
	}
	if strings.Contains(help, "scroll") || !strings.Contains(help, "roll secret") || !strings.Contains(help, "ctrl+c quit") {
		t.Errorf("help at 80x24 does not fit whole:\n%s", help)
	}
	h.keys("esc")
	h.tm.Send(tea.WindowSizeMsg{Width: MinWidth, Height: MinHeight})
	h.keys("R")
	h.waitFor("Roll the secret")
	view := h.final()
	for _, want := range []string{"[ No ]", "Roll", "signed in with this key", "y yes"} {
		if !strings.Contains(view, want) {
			t.Errorf("roll confirmation at 60x15 lacks %q:\n%s", want, view)
		}
	}
}

// A remapped key shows its new name in the footer and in the dialogs'
// own hints.
func TestHintsFollowRemappedKeys(t *testing.T) {
	h := start(t, func(o *Options, _ *targontest.Server) {
		o.Keys = map[string][]string{"new": {"a"}, "help": {"f1"}, "back": {"ctrl+g"}}
	})
	openAPIKeys(h)
	var footer string
	h.tm.Send(probeMsg{func(m *Model) { footer = m.helpLine() }})
	h.idle()
	if !strings.Contains(footer, "a new") || !strings.Contains(footer, "f1 help") || strings.Contains(footer, "n new") {
		t.Errorf("footer %q does not follow the key map", footer)
	}
	h.keys("a")
	h.waitFor("New API key")
	view := h.final()
	if !strings.Contains(view, "ctrl+g cancel") || strings.Contains(view, "esc") {
		t.Errorf("the form's hint does not follow the key map:\n%s", view)
	}
}
