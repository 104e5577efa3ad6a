package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/components/footer"
	"github.com/targon-dash/targon-dash/ui/components/statusbar"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// baseChrome is the height of the tab bar (2 lines), status bar and help
// line.
const baseChrome = 4

// View draws the screen from the model alone: the tab bar, the active view
// (or the login screen) with the top dialog over it, the start-up
// warnings, the status bar and the help line. A panic while drawing gives
// a one-line notice instead of ending the program.
func (m *Model) View() (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "targon-dash: internal error while drawing this screen; press esc, another view's number, or q to quit"
		}
	}()
	w, h := m.c.Width, m.c.Height
	if w == 0 || h == 0 {
		return "targon-dash: starting…"
	}
	if m.tooSmallNow() {
		return m.tooSmall()
	}
	warnings := m.warnings.Lines(m.c.Styles, w)
	bodyH := max(1, h-baseChrome-len(warnings))
	var body string
	if m.login != nil {
		body = lipgloss.Place(w, bodyH, lipgloss.Center, lipgloss.Center, m.login.View())
	} else {
		body = m.views[m.tabs.Active()].View()
	}
	body = fitHeight(body, bodyH, w)
	// The login screen is on top: dialogs under it stay hidden until the
	// user has signed in.
	if m.login == nil {
		body = m.modals.Draw(m.c.Styles, body, w, bodyH)
	}
	parts := append([]string{m.tabBar(), body}, warnings...)
	return strings.Join(append(parts, m.statusBar(), m.helpLine()), "\n")
}

// chrome is the height of everything but the view: baseChrome and the
// lines of the start-up warnings.
func (m *Model) chrome() int {
	return baseChrome + len(m.warnings.Lines(m.c.Styles, m.c.Width))
}

// resize hands out the screen: tab bar (2 lines), view, warnings, status,
// help.
func (m *Model) resize() {
	w, h := m.c.Width, m.c.Height
	for _, v := range m.views {
		v.SetSize(w, max(1, h-m.chrome()))
	}
	m.modals.SetSize(w, h)
	if m.login != nil {
		m.login.SetSize(w, h)
	}
}

// tooSmallNow reports whether the screen is known and below the minimum.
// Before the first size arrives nothing is too small: keys typed then act
// as usual, on the screen that the first frame shows.
func (m *Model) tooSmallNow() bool {
	w, h := m.c.Width, m.c.Height
	return w > 0 && h > 0 && (w < MinWidth || h < MinHeight)
}

// tooSmall is drawn instead of a broken layout.
func (m *Model) tooSmall() string {
	st := m.c.Styles
	quit := textfit.KeyNames(m.c.Keys.Quit, m.c.Keys.ForceQuit)
	msg := fmt.Sprintf("Terminal too small: %d×%d.\ntargon-dash needs at least %d×%d.\n\n%s quits.", m.c.Width, m.c.Height, MinWidth, MinHeight, quit)
	text := st.Warning.Render(msg)
	return lipgloss.Place(m.c.Width, m.c.Height, lipgloss.Center, lipgloss.Center, ansi.Truncate(text, max(1, m.c.Width)*4, ""),
		lipgloss.WithWhitespaceChars(" "))
}

// tabBar draws the tab bar; the active tab is marked unless the login
// screen is up.
func (m *Model) tabBar() string { return m.tabs.View(m.c.Styles, m.c.Width, m.login == nil) }

// statusBar draws the status bar for the active view.
func (m *Model) statusBar() string {
	var d statusbar.Data
	if v := m.views[m.tabs.Active()]; m.login == nil {
		d.Updated, d.Stale = v.Updated(), v.Stale()
	}
	if m.busy() {
		d.Spinner = m.spinner.View()
	}
	return m.status.View(m.c, d)
}

// helpLine is the short help of whatever has the keys.
func (m *Model) helpLine() string {
	var b []key.Binding
	switch {
	case m.login != nil:
		b = m.login.ShortHelp()
	case m.modals.Len() > 0:
		b = m.modals.Top().ShortHelp()
	default:
		b = m.views[m.tabs.Active()].Footer()
	}
	return m.footer.View(m.c.Keys, b, m.c.Width)
}

// fullHelp is what "?" shows: the global keys and the active view's; the
// moves and the filter only on a list.
func (m *Model) fullHelp() [][]key.Binding {
	v := m.views[m.tabs.Active()]
	lister, ok := v.(interface{ HasList() bool })
	return footer.Full(m.c.Keys, m.tabs.Bindings(), v.FullHelp(), m.c.Keys.SwitchAccount, ok && lister.HasList())
}

// busy reports whether anything waits for the API.
func (m *Model) busy() bool {
	for _, v := range m.views {
		if v.Busy() {
			return true
		}
	}
	return m.modals.Busy() || (m.login != nil && m.login.Busy())
}

// keepSpinning starts the status-bar spinner when something is in flight.
func (m *Model) keepSpinning() tea.Cmd {
	if m.spin || !m.busy() {
		return nil
	}
	m.spin = true
	return m.spinner.Tick
}

// spinTick turns the spinner, or stops it when nothing is in flight.
func (m *Model) spinTick(msg spinner.TickMsg) tea.Cmd {
	if !m.busy() {
		m.spin = false
		return nil
	}
	var cmd tea.Cmd
	m.spinner, cmd = m.spinner.Update(msg)
	return cmd
}

// fitHeight pads or cuts s to exactly h lines, each cut to w columns.
func fitHeight(s string, h, w int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
