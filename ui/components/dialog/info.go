package dialog

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/mouse"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// DetailRow is one "label  value" line of a details pane.
type DetailRow struct {
	Label, Value string
}

// Info is a read-only modal: details of an item, or a new secret. esc or
// enter closes it; y copies CopyText when there is one.
type Info struct {
	closed bool
	c      *common.Common
	title  string
	rows   []DetailRow
	lines  []string
	// copyText is what y copies; copyWhat names it ("public key").
	copyText, copyWhat string
	// copySecret: y copies a secret, which clipboard_clear may clear later.
	copySecret bool
	note       string
	box        Box
	// then is opened when the pane closes (see Then).
	then common.Modal
	// body, when set, gives lines after the rows at each frame, for the
	// inner width (see WithBody).
	body func(width int) []string
	common.Outbox
}

// NewInfo returns a details pane with rows and free lines under them.
func NewInfo(c *common.Common, title string, rows []DetailRow, lines ...string) *Info {
	m := &Info{c: c, title: title, rows: rows, lines: lines}
	m.SetSize(c.Width, c.Height)
	return m
}

// WithCopy makes y copy text, described as what. A secret (the only
// kind the clipboard_clear preference clears) is copied as one; other text
// (an id, a public key) with common.CopyKept, so it stays.
func (m *Info) WithCopy(text, what string) *Info {
	m.copyText, m.copyWhat = text, what
	return m
}

// WithBody adds lines after the rows that body gives for the pane's inner
// width when it is drawn: what arrives while the pane is open (a key's
// spend history), read from the model of the view that opened it.
func (m *Info) WithBody(body func(width int) []string) *Info {
	m.body = body
	return m
}

// secretCopy marks the text y copies as a secret (see WithCopy).
func (m *Info) secretCopy() *Info {
	m.copySecret = true
	m.SetSize(m.c.Width, m.c.Height)
	return m
}

// Then makes the pane open md when it closes, so a question that follows
// a shown-once secret ("disable the old key now?") comes only after the
// secret has been seen.
func (m *Info) Then(md common.Modal) *Info {
	m.then = md
	return m
}

// Closed reports whether the pane was closed.
func (m *Info) Closed() bool { return m.closed }

// Busy is always false: an Info runs no action.
func (m *Info) Busy() bool { return false }

// SetSize fits the pane to the screen.
func (m *Info) SetSize(w, h int) {
	margin := 6
	if m.copySecret {
		// A secret reads and selects best on one line: OpenRouter's 73
		// characters fit at 80 columns with a narrower margin.
		margin = 2
	}
	m.box.SetSize(w, h, 84, margin)
}

// Update closes on esc/enter, copies on y and scrolls a long text (also
// with the mouse wheel).
func (m *Info) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	if c, ok := msg.(copiedMsg); ok && c.to == m {
		m.noteCopy(c)
		return m, nil
	}
	if mm, ok := msg.(tea.MouseMsg); ok {
		m.box.Wheel(mouse.Wheel(mm))
		return m, nil
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	k := m.c.Keys
	switch {
	case key.Matches(km, k.Back, k.Submit):
		m.closed = true
		if m.then != nil {
			m.Open(m.then)
			m.then = nil
		}
		return m, nil
	case key.Matches(km, k.Copy) && m.copyText != "":
		// Copying may run a helper program (xclip, wl-copy): off the UI
		// goroutine, like every other piece of I/O.
		clip, text, secret, self := m.c.Clipboard, m.copyText, m.copySecret, m
		return m, func() tea.Msg {
			copyText := clip.Copy
			if !secret {
				copyText = func(t string) (string, error) { return common.CopyKept(clip, t) }
			}
			how, err := copyText(text)
			return copiedMsg{to: self, how: how, err: err}
		}
	default:
		m.box.Scroll(km, k)
	}
	return m, nil
}

// copiedMsg is the outcome of a copy started by an Info.
type copiedMsg struct {
	to  *Info
	how string
	err error
}

// noteCopy shows how a copy went.
func (m *Info) noteCopy(msg copiedMsg) {
	if msg.err != nil {
		m.note = m.c.Styles.Error.Render("✗ could not copy: " + m.c.ErrorText(msg.err))
		return
	}
	m.note = m.c.Styles.Success.Render("✓ " + m.copyWhat + " copied via " + common.ClearsAt(msg.how, m.c.Now()))
}

// View draws the rows, the lines and the copy note; on a short screen the
// rows and lines scroll and the note and hint stay.
func (m *Info) View() string {
	st, k := m.c.Styles, m.c.Keys
	var b strings.Builder
	inner := m.box.Inner()
	for _, r := range m.rows {
		label := st.DetailKey.Render(r.Label)
		valueWidth := max(10, inner-lipgloss.Width(label))
		value := st.DetailValue.Render(textfit.WrapWords(r.Value, valueWidth))
		b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, label, value))
		b.WriteString("\n")
	}
	lines := m.lines
	if m.body != nil {
		lines = append(slices.Clip(lines), m.body(inner)...)
	}
	for i, l := range lines {
		if i > 0 || len(m.rows) > 0 {
			b.WriteString("\n")
		}
		b.WriteString(textfit.WrapWords(l, inner))
	}
	foot := ""
	if m.note != "" {
		foot = m.note + "\n"
	}
	copyKey := ""
	if m.copyText != "" {
		copyKey = textfit.KeyNames(k.Copy)
	}
	foot += textfit.Hint(st, inner, copyKey, "copy "+m.copyWhat, textfit.KeyNames(k.Back, k.Submit), "close")
	return m.box.Render(st, k, st.Modal, titleLine(st, m.title, inner), b.String(), foot)
}

// ShortHelp lists the pane's keys.
func (m *Info) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.copyText != "" {
		return []key.Binding{common.WithDesc(k.Copy, "copy "+m.copyWhat), common.WithDesc(k.Back, "close")}
	}
	return []key.Binding{common.WithDesc(k.Back, "close")}
}

// NewSecret is the one place a full API key is shown: right after a create
// or a roll. how says where it was copied ("" with copyErr when copying
// failed); extra lines follow (e.g. "update TARGON_API_KEY").
//
// The client hands over only secrets in the provider's documented shape
// (api.Provider.CheckSecret); one that is not is never drawn or offered for
// copying here either.
func NewSecret(c *common.Common, title, secret, how string, copyErr error, extra ...string) *Info {
	st := c.Styles
	if err := c.Account.Provider().CheckSecret(secret); err != nil {
		return NewInfo(c, title, nil, st.Error.Render("✗ the server sent a malformed key ("+c.ErrorText(err)+"); it was not shown, copied or saved."))
	}
	lines := []string{st.Secret.Render(secret), ""}
	if copyErr != nil {
		lines = append(lines, st.Warning.Render("⚠ could not copy it ("+c.ErrorText(copyErr)+"): select it and copy it by hand."))
	} else {
		lines = append(lines, st.Success.Render("✓ copied via "+common.ClearsAt(how, c.Now())+"."))
	}
	lines = append(lines, st.Muted.Render("It is shown once: after you close this, the dashboard cannot show it again."))
	lines = append(lines, extra...)
	return NewInfo(c, title, nil, lines...).WithCopy(secret, "key").secretCopy()
}
