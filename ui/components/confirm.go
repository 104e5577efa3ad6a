package components

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/ui/common"
)

// Confirm asks before a destructive action. y confirms, n or esc cancels,
// enter takes the highlighted choice, which starts on No; ←/→, h/l and tab
// move the highlight. While the action runs it takes no input; a failure is
// shown in the dialog, and enter (on Yes) tries again.
type Confirm struct {
	c      *common.Common
	title  string
	body   []string
	yes    string
	onYes  bool
	danger bool
	act    Action
	run    runner
	width  int
}

// NewConfirm returns a confirmation; body lines are shown as given. yes is
// the label of the confirming button, e.g. "Delete".
func NewConfirm(c *common.Common, title string, body []string, yes string, act Action) *Confirm {
	m := &Confirm{c: c, title: title, body: body, yes: yes, act: act, run: newRunner(), danger: true}
	m.SetSize(c.Width, c.Height)
	return m
}

// OnError sets what happens when the action fails.
func (m *Confirm) OnError(p ErrorPolicy) *Confirm {
	m.run.onError = p
	return m
}

// Closed reports whether the dialog is done.
func (m *Confirm) Closed() bool { return m.run.closed }

// Busy reports whether the action is running.
func (m *Confirm) Busy() bool { return m.run.busy }

// Err is the last action error.
func (m *Confirm) Err() error { return m.run.err }

// SetSize fits the dialog to the screen.
func (m *Confirm) SetSize(w, h int) { m.width = min(64, max(20, w-8)) }

// Update handles y, n, esc, enter and the arrows.
func (m *Confirm) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	if done, closeIt, cmd := m.run.update(msg); done || cmd != nil {
		m.run.closed = m.run.closed || closeIt
		return m, cmd
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.run.busy {
		// One action at a time; esc cancels it (the dialog stays).
		if key.Matches(km, m.c.Keys.Back) {
			m.run.stop()
		}
		return m, nil
	}
	k := m.c.Keys
	switch {
	case key.Matches(km, k.Yes):
		m.onYes = true
		return m, m.run.start(m.act)
	case key.Matches(km, k.No), key.Matches(km, k.Back):
		m.run.closed = true
		return m, nil
	case km.Type == tea.KeyEnter:
		if m.onYes {
			return m, m.run.start(m.act)
		}
		m.run.closed = true
		return m, nil
	case km.Type == tea.KeyLeft, km.Type == tea.KeyRight, km.Type == tea.KeyTab, km.Type == tea.KeyShiftTab,
		km.String() == "h", km.String() == "l":
		m.onYes = !m.onYes
	}
	return m, nil
}

// View draws the question, the buttons and any error.
func (m *Confirm) View() string {
	st := m.c.Styles
	var b strings.Builder
	b.WriteString(st.ModalTitle.Render(m.title))
	b.WriteString("\n\n")
	for _, line := range m.body {
		b.WriteString(wrap(line, m.width-4))
		b.WriteString("\n")
	}
	b.WriteString("\n")
	no, yes := st.Button, st.Button
	if m.onYes {
		yes = st.ButtonActive
	} else {
		no = st.ButtonActive
	}
	b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, no.Render("No"), " ", yes.Render(m.yes)))
	b.WriteString("\n")
	switch {
	case m.run.busy:
		b.WriteString(m.run.spinner.View() + " " + st.Muted.Render("working… (esc cancels)"))
	case m.run.err != nil:
		b.WriteString(wrap(m.run.errorLine(st, "y"), m.width-4))
	default:
		b.WriteString(st.Muted.Render("y yes · n/esc no · enter choose"))
	}
	frame := st.Modal
	if m.danger {
		frame = st.ModalDanger
	}
	return frame.Width(m.width).Render(b.String())
}

// ShortHelp lists the dialog's keys.
func (m *Confirm) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Yes, k.No, withHelp(k.Submit, "choose")}
}
