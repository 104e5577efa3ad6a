package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/ui/components/mouse"
)

// programOptions are the Bubble Tea options Run starts the program with:
// the alternate screen, and mouse reporting only when asked for (with it
// on, most terminals select text only with shift or another modifier held).
// Cell motion is enough: the wheel and clicks; moves without a button
// pressed are not reported.
func programOptions(mouse bool) []tea.ProgramOption {
	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if mouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	return opts
}

// onMouse routes a mouse event by what is drawn where, with the same
// layout View uses (tabParts, modalOrigin, the chrome's heights): a modal
// on top gets the wheel and the clicks inside it, in its own coordinates,
// and nothing reaches the view behind it; otherwise a click on a tab
// switches to it, and the wheel and clicks in the body go to the active
// view, with y counted from the body's top. Nothing acts on the "too
// small" screen or under the login screen.
func (m *Model) onMouse(msg tea.MouseMsg) tea.Cmd {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 || m.tooSmallNow() || m.login != nil {
		return nil
	}
	bodyTop := lipgloss.Height(m.tabBar())
	bodyH := max(1, h-m.chrome())
	if n := len(m.modals); n > 0 {
		top := m.modals[n-1]
		drawn := top.View()
		left, y := modalOrigin(drawn, w, bodyH)
		area := mouse.Rect{X: left, Y: bodyTop + y, W: lipgloss.Width(drawn), H: min(bodyH, lipgloss.Height(drawn))}
		if mouse.Wheel(msg) == 0 && !area.Contains(msg.X, msg.Y) {
			return nil
		}
		msg.X, msg.Y = msg.X-area.X, msg.Y-area.Y
		var cmd tea.Cmd
		m.modals[n-1], cmd = top.Update(msg)
		return cmd
	}
	if mouse.Click(msg) && msg.Y == 0 {
		if i := m.tabAt(msg.X); i >= 0 {
			m.active = i
		}
		return nil
	}
	if mouse.Wheel(msg) == 0 && (msg.Y < bodyTop || msg.Y >= bodyTop+bodyH) {
		return nil // the status and help lines take no clicks
	}
	msg.Y -= bodyTop
	_, cmd := m.views[m.active].Update(msg)
	return cmd
}

// tabAt is the tab drawn at column x of the tab bar's line, or -1 (the
// app name, the empty rest of the line, or a tab cut off at the edge).
func (m *Model) tabAt(x int) int {
	left := 0
	for i, p := range m.tabParts() {
		right := left + lipgloss.Width(p)
		if i > 0 && x >= left && x < right && right <= m.c.Width {
			return i - 1
		}
		left = right
	}
	return -1
}
