package dialog

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// A click is hit-tested on the layout View draws, without drawing: the
// click handler leaves the box as it was, and finds the buttons where
// View puts them, on a roomy screen and on a short one (compact buttons,
// scrolling text).
func TestConfirmClickDoesNotDraw(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 15}} {
		c, _ := uitest.NewCommon(nil)
		c.Width, c.Height = size[0], size[1]
		body := []string{strings.Repeat("A long line of text that wraps. ", 12), "", "Another paragraph."}
		yes := 0
		m := NewConfirm(c, "Delete “staging”?", body, "Delete", func(context.Context) (tea.Msg, error) { yes++; return nil, nil })

		before := m.box
		m.Update(tea.MouseMsg{X: 0, Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}) // the border
		if m.box != before {
			t.Fatalf("%v: a click changed the box: %+v, was %+v", size, m.box, before)
		}

		// The No button is where View draws it: the line holding "No".
		lines := strings.Split(m.View(), "\n")
		row, col := -1, -1
		for i, l := range lines {
			plain := ansi.Strip(l)
			if at := strings.Index(plain, "No"); at >= 0 && strings.Contains(plain, "Delete") && !strings.Contains(plain, "staging") {
				row, col = i, ansi.StringWidth(plain[:at])
				break
			}
		}
		if row < 0 {
			t.Fatalf("%v: no buttons drawn:\n%s", size, m.View())
		}
		m.Update(tea.MouseMsg{X: col, Y: row, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
		if !m.Closed() {
			t.Fatalf("%v: a click on No at %d,%d did not cancel:\n%s", size, col, row, m.View())
		}
	}
}
