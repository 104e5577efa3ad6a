package modal

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
)

// Draw draws the top dialog centred over body, a w×h area that is dimmed
// behind it; with no dialog open it returns body as it is.
func (s *Stack) Draw(st *common.Styles, body string, w, h int) string {
	top := s.Top()
	if top == nil {
		return body
	}
	return overlay(st, body, top.View(), w, h)
}

// Mouse gives a mouse event over a w×h body to the top dialog, in the
// dialog's own coordinates (y counted from the body's top): the wheel
// always, a click only inside the dialog. Nothing reaches the view behind.
func (s *Stack) Mouse(msg tea.MouseMsg, w, h int) tea.Cmd {
	top := s.Top()
	if top == nil {
		return nil
	}
	drawn := top.View()
	left, y := origin(drawn, w, h)
	width, height := lipgloss.Width(drawn), min(h, lipgloss.Height(drawn))
	inside := msg.X >= left && msg.X < left+width && msg.Y >= y && msg.Y < y+height
	if !wheel(msg) && !inside {
		return nil
	}
	msg.X, msg.Y = msg.X-left, msg.Y-y
	return s.Update(msg)
}

// overlay draws dialog centred over body, which is dimmed behind it. The
// lines the dialog covers show nothing beside it: a row cut at the frame
// would leave fragments of names and the list's selection mark next to
// the dialog, as if they were part of it.
func overlay(st *common.Styles, body, dialog string, w, h int) string {
	bg := strings.Split(body, "\n")
	fg := strings.Split(dialog, "\n")
	if len(fg) > h {
		fg = fg[:h]
	}
	dim := st.Muted.Faint(true)
	left, top := origin(dialog, w, h)
	for i := range bg {
		if i < top || i >= top+len(fg) {
			bg[i] = dim.Render(ansi.Strip(bg[i]))
			continue
		}
		line := strings.Repeat(" ", left) + ansi.Truncate(fg[i-top], w-left, "")
		bg[i] = line + strings.Repeat(" ", max(0, w-lipgloss.Width(line)))
	}
	return strings.Join(bg, "\n")
}

// origin is where overlay puts the top-left corner of dialog over a body
// of w×h: centred, cut at the bottom when it is taller.
func origin(dialog string, w, h int) (left, top int) {
	return max(0, (w-lipgloss.Width(dialog))/2), max(0, (h-min(h, lipgloss.Height(dialog)))/2)
}

// wheel reports whether msg turns the wheel. (The stack imports no other
// component, so that every component's tests may use ui/uitest, which
// drives dialogs with this stack.)
func wheel(msg tea.MouseMsg) bool {
	return msg.Action == tea.MouseActionPress && (msg.Button == tea.MouseButtonWheelUp || msg.Button == tea.MouseButtonWheelDown)
}
