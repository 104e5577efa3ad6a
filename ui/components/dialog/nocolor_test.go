package dialog

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/common"
)

// Without colour (the ASCII profile, which NO_COLOR gives) the highlighted
// button of a confirmation is still marked, framed or compact: → moves the
// mark to the action's button, so the screen never seems to say No while
// enter would confirm.
func TestHighlightedButtonMarkedWithoutColour(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {60, 15}} {
		m, _ := newTestConfirm(t, nil)
		m.SetSize(size.w, size.h)
		onNo := m.View()
		send(t, m, "right")
		onYes := m.View()
		if onNo == onYes {
			t.Errorf("%dx%d: the highlighted button is not marked:\n%s", size.w, size.h, onYes)
		}
	}
	st := common.NewStyles()
	for _, compact := range []bool{false, true} {
		if buttons(st, compact, 0, "No", "Delete") == buttons(st, compact, 1, "No", "Delete") {
			t.Errorf("compact=%v: the buttons look the same whichever is highlighted", compact)
		}
	}
	if got := CompactButtons(st, 1, "No", "Save"); !strings.Contains(got, "[ Save ]") || strings.Contains(got, "[ No ]") {
		t.Errorf("CompactButtons = %q, want only Save bracketed", got)
	}
}
