package dialog

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/mouse"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// Confirm asks before a destructive action. y confirms, n or esc cancels,
// enter takes the highlighted choice, which starts on No; ←/→, h/l and tab
// move the highlight. While the action runs it takes no input; a failure is
// shown in the dialog, and enter (on Yes) tries again.
type Confirm struct {
	common.Outbox // dialogs it opens (common.Opener)
	c             *common.Common
	title         string
	body          []string
	yes           string
	onYes         bool
	danger        bool
	act           Action
	run           runner
	box           Box
}

// NewConfirm returns a confirmation; body lines are shown as given. yes is
// the label of the confirming button, e.g. "Delete".
func NewConfirm(c *common.Common, title string, body []string, yes string, act Action) *Confirm {
	m := &Confirm{c: c, title: title, body: body, yes: yes, act: act, run: newRunner(c), danger: true}
	m.SetSize(c.Width, c.Height)
	return m
}

// NewDeleteConfirm asks before deleting an item: del runs on yes, and done
// is delivered when the item is gone — also when the server answers 404,
// since then it was already deleted, which is what the user wanted.
func NewDeleteConfirm(c *common.Common, title string, body []string, del func(ctx context.Context) error, done tea.Msg) *Confirm {
	return NewConfirm(c, title, body, "Delete", func(ctx context.Context) (tea.Msg, error) {
		if err := del(ctx); err != nil {
			return nil, err
		}
		return done, nil
	}).OnError(CloseOnNotFound(func() tea.Cmd {
		return func() tea.Msg { return done }
	}))
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
func (m *Confirm) SetSize(w, h int) { m.box.SetSize(w, h, 64, 8) }

// Update handles y, n, esc, enter, the choice keys and, when the text
// scrolls, the movement keys.
func (m *Confirm) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	if done, closeIt, cmd := m.run.update(msg); done || cmd != nil {
		m.run.closed = m.run.closed || closeIt
		return m, cmd
	}
	if mm, ok := msg.(tea.MouseMsg); ok {
		return m, m.mouse(mm)
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
	case key.Matches(km, k.Submit):
		if m.onYes {
			return m, m.run.start(m.act)
		}
		m.run.closed = true
		return m, nil
	case key.Matches(km, k.Choice):
		m.onYes = !m.onYes
	default:
		m.box.Scroll(km, k)
	}
	return m, nil
}

// mouse scrolls the text with the wheel; a click on No cancels, on the
// action's button runs it (or tries again after an error), as y and n do.
// x and y count from the dialog's top-left corner (the root translates).
func (m *Confirm) mouse(msg tea.MouseMsg) tea.Cmd {
	if d := mouse.Wheel(msg); d != 0 {
		m.box.Wheel(d)
		return nil
	}
	if !mouse.Click(msg) || m.run.busy {
		return nil
	}
	// The layout View draws for the state the dialog is in now, which is
	// what the user sees.
	head, text, foot, compact := m.parts()
	rects := m.box.layout(head, text, foot).footButtons(m.c.Styles, compact, m.active(), "No", m.yes)
	switch {
	case rects[0].Contains(msg.X, msg.Y):
		m.run.closed = true
	case rects[1].Contains(msg.X, msg.Y):
		m.onYes = true
		return m.run.start(m.act)
	}
	return nil
}

// active is the index of the highlighted button.
func (m *Confirm) active() int {
	if m.onYes {
		return 1
	}
	return 0
}

// View draws the question, the buttons and any error. The buttons and the
// error are always shown; on a short screen the buttons get compact and
// the text scrolls.
func (m *Confirm) View() string {
	st, k := m.c.Styles, m.c.Keys
	head, text, foot, _ := m.parts()
	frame := st.Modal
	if m.danger {
		frame = st.ModalDanger
	}
	return m.box.Render(st, k, frame, head, text, foot)
}

// parts is what View puts in the box: title, text and foot (buttons and
// status line), and whether the buttons are the compact ones.
func (m *Confirm) parts() (head, text, foot string, compact bool) {
	st, k := m.c.Styles, m.c.Keys
	inner := m.box.Inner()
	var body []string
	for _, line := range m.body {
		body = append(body, textfit.WrapWords(line, inner))
	}
	status := m.run.statusLine("working", textfit.KeyNames(k.Yes), inner,
		textfit.Hint(st, inner, textfit.KeyNames(k.Yes), "yes", textfit.KeyNames(k.No, k.Back), "no", textfit.KeyNames(k.Submit), "choose"))
	active := m.active()
	head = titleLine(st, m.title, inner)
	text = strings.Join(body, "\n")
	foot = buttons(st, false, active, "No", m.yes) + "\n" + status
	if !m.box.Fits(head, text, foot) {
		compact = true
		// Short screen: one-line buttons, no blank lines in the text.
		foot = buttons(st, true, active, "No", m.yes) + "\n" + status
		var packed []string
		for _, l := range body {
			if strings.TrimSpace(l) != "" {
				packed = append(packed, l)
			}
		}
		text = strings.Join(packed, "\n")
	}
	return head, text, foot, compact
}

// ShortHelp lists the dialog's keys.
func (m *Confirm) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Yes, k.No, common.WithDesc(k.Submit, "choose"), k.Choice}
}
