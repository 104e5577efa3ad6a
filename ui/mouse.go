package ui

import (
	tea "github.com/charmbracelet/bubbletea"

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
// layout View uses (the tab bar, the modal stack, the chrome's heights): a
// modal on top gets the wheel and the clicks inside it, and nothing
// reaches the view behind it; otherwise a click on a tab switches to it,
// and the wheel and clicks in the body go to the active view, with y
// counted from the body's top. Nothing acts on the "too small" screen or
// under the login screen.
func (m *Model) onMouse(msg tea.MouseMsg) tea.Cmd {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 || m.tooSmallNow() || m.login != nil {
		return nil
	}
	bodyTop := m.tabs.Height(m.c.Styles, w)
	bodyH := max(1, h-m.chrome())
	if m.modals.Len() > 0 {
		msg.Y -= bodyTop
		return m.modals.Mouse(msg, w, bodyH)
	}
	if mouse.Click(msg) && msg.Y == 0 {
		if i := m.tabs.At(m.c.Styles, w, msg.X); i >= 0 {
			m.tabs.SetActive(i)
		}
		return nil
	}
	if mouse.Wheel(msg) == 0 && (msg.Y < bodyTop || msg.Y >= bodyTop+bodyH) {
		return nil // the status and help lines take no clicks
	}
	msg.Y -= bodyTop
	_, cmd := m.views[m.tabs.Active()].Update(msg)
	return cmd
}
