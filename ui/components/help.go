package components

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
)

// Help shows every key binding in columns. esc, enter, ? or q closes it.
type Help struct {
	closed bool
	c      *common.Common
	groups [][]key.Binding
	help   help.Model
	width  int
}

// NewHelp returns the help screen for the given columns of bindings.
func NewHelp(c *common.Common, groups [][]key.Binding) *Help {
	h := help.New()
	h.Styles.FullKey = c.Styles.HelpKey
	h.Styles.FullDesc = c.Styles.HelpDesc
	h.Styles.FullSeparator = c.Styles.HelpSep
	h.FullSeparator = "    "
	m := &Help{c: c, groups: groups, help: h}
	m.SetSize(c.Width, c.Height)
	return m
}

// Closed reports whether the pane was closed.
func (m *Help) Closed() bool { return m.closed }

// Busy is always false.
func (m *Help) Busy() bool { return false }

// SetSize fits the help to the screen.
func (m *Help) SetSize(w, h int) {
	m.width = max(20, w-6)
	m.help.Width = m.width - 6
}

// Update closes the help.
func (m *Help) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		k := m.c.Keys
		if key.Matches(km, k.Back, k.Help, k.Quit) || km.Type == tea.KeyEnter {
			m.closed = true
			return m, nil
		}
	}
	return m, nil
}

// View draws the key map.
func (m *Help) View() string {
	st := m.c.Styles
	body := st.ModalTitle.Render("Keys") + "\n\n" + m.help.FullHelpView(m.groups) + "\n\n" +
		st.Muted.Render("In forms, letters are text: tab moves between fields, enter submits, esc cancels.") + "\n" +
		st.Muted.Render("Confirmations start on No: y confirms, n or esc cancels.") + "\n\n" +
		st.Muted.Render("esc/enter/? close")
	return st.Modal.Render(body)
}

// ShortHelp lists the help's keys.
func (m *Help) ShortHelp() []key.Binding {
	return []key.Binding{withHelp(m.c.Keys.Back, "close")}
}
