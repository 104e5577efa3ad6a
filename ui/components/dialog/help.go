package dialog

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/mouse"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// Help shows every key binding in groups. The groups flow into as few
// columns as the screen's width needs (a group is never split); when the
// screen is too short even then, the help scrolls inside its frame. esc,
// enter or ? closes it.
type Help struct {
	common.Outbox // dialogs it opens (common.Opener)
	closed        bool
	c             *common.Common
	groups        [][]key.Binding
	box           Box
}

// NewHelp returns the help screen for the given groups of bindings; a
// group of the keys that work in dialogs is added after them.
func NewHelp(c *common.Common, groups [][]key.Binding) *Help {
	m := &Help{c: c, groups: groups}
	m.SetSize(c.Width, c.Height)
	return m
}

// Closed reports whether the pane was closed.
func (m *Help) Closed() bool { return m.closed }

// Busy is always false.
func (m *Help) Busy() bool { return false }

// SetSize fits the help to the screen.
func (m *Help) SetSize(w, h int) { m.box.SetSize(w, h, 100, 2) }

// Update closes the help, or scrolls it (keys or the mouse wheel).
func (m *Help) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	if mm, ok := msg.(tea.MouseMsg); ok {
		m.box.Wheel(mouse.Wheel(mm))
	}
	if km, ok := msg.(tea.KeyMsg); ok {
		k := m.c.Keys
		if key.Matches(km, k.Back, k.Help, k.Submit) {
			m.closed = true
			return m, nil
		}
		m.box.Scroll(km, k)
	}
	return m, nil
}

// dialogKeys is the group of keys that work in forms and confirmations.
func (m *Help) dialogKeys() []key.Binding {
	k := m.c.Keys
	return []key.Binding{
		common.WithDesc(k.NextField, "next field"), common.WithDesc(k.Submit, "submit / choose"),
		common.WithDesc(k.Back, "cancel / close"), common.WithDesc(k.Yes, "yes"), common.WithDesc(k.No, "no"), k.Choice,
	}
}

// signInKeys is the group of keys that work on the login screen besides
// enter and esc: the account switcher (where P, typed, is text) where
// there are accounts to switch to.
func (m *Help) signInKeys() []key.Binding {
	k := m.c.Keys
	if !k.SwitchAccount.Enabled() {
		return nil
	}
	return []key.Binding{k.LoginSwitch}
}

// View draws the key map.
func (m *Help) View() string {
	st, k := m.c.Styles, m.c.Keys
	blocks := make([]helpBlock, 0, len(m.groups)+1)
	for _, g := range m.groups {
		if b := newHelpBlock("", g); len(b.keys) > 0 {
			blocks = append(blocks, b)
		}
	}
	blocks = append(blocks, newHelpBlock("in dialogs", m.dialogKeys()))
	var extra []helpBlock
	if b := newHelpBlock("on the sign-in screen", m.signInKeys()); len(b.keys) > 0 {
		extra = append(extra, b)
	}
	inner := m.box.Inner()
	head := st.ModalTitle.Render("Keys")
	foot := st.Muted.Render(textfit.WrapWords("In forms, letters are text. Confirmations start on No.", inner)) + "\n" +
		textfit.Hint(st, inner, textfit.KeyNames(k.Back, k.Submit, k.Help), "close")
	body := flow(st, blocks, extra, inner)
	return m.box.Render(st, k, st.Modal, head, body, foot)
}

// helpBlock is one group of the help: an optional title and the enabled
// bindings, drawn as lines of "key  description".
type helpBlock struct {
	title string
	keys  []key.Binding
}

// newHelpBlock keeps the enabled bindings of bs.
func newHelpBlock(title string, bs []key.Binding) helpBlock {
	b := helpBlock{title: title}
	for _, kb := range bs {
		if kb.Enabled() {
			b.keys = append(b.keys, kb)
		}
	}
	return b
}

// lines is how many lines the block takes.
func (b helpBlock) lines() int {
	if b.title != "" {
		return len(b.keys) + 1
	}
	return len(b.keys)
}

// column draws blocks one under another, a blank line between two, with
// one width of keys for all of them, so every description of the column
// starts at the same place.
func column(st *common.Styles, blocks []helpBlock) string {
	keyW := 0
	for _, b := range blocks {
		for _, kb := range b.keys {
			keyW = max(keyW, lipgloss.Width(kb.Help().Key))
		}
	}
	var out []string
	for i, b := range blocks {
		if i > 0 {
			out = append(out, "")
		}
		if b.title != "" {
			out = append(out, st.Muted.Render(b.title))
		}
		for _, kb := range b.keys {
			k := kb.Help().Key
			out = append(out, st.HelpKey.Render(k)+strings.Repeat(" ", keyW-lipgloss.Width(k)+1)+st.HelpDesc.Render(kb.Help().Desc))
		}
	}
	return strings.Join(out, "\n")
}

// helpGap is the space between two columns of the help.
const helpGap = "   "

// flow arranges blocks in columns, in order, top to bottom then left to
// right, with a blank line between blocks of a column; each of extra goes
// under the first column with room for it. It picks the lowest
// arrangement no wider than width; when nothing is that narrow, one block
// under another (the dialog then scrolls).
func flow(st *common.Styles, blocks, extra []helpBlock, width int) string {
	tallest, total := 0, 0
	for _, b := range append(append([]helpBlock(nil), blocks...), extra...) {
		tallest = max(tallest, b.lines())
		total += b.lines() + 1
	}
	for limit := tallest; limit <= total; limit++ {
		cols := columns(blocks, extra, limit)
		parts := make([]string, 0, 2*len(cols))
		for i, col := range cols {
			if i > 0 {
				parts = append(parts, helpGap)
			}
			parts = append(parts, column(st, col))
		}
		if out := lipgloss.JoinHorizontal(lipgloss.Top, parts...); lipgloss.Width(out) <= width {
			return out
		}
	}
	return column(st, append(append([]helpBlock(nil), blocks...), extra...))
}

// columns stacks blocks into columns of at most limit lines, then puts
// each of extra under the first column with room (or in a column of its
// own).
func columns(blocks, extra []helpBlock, limit int) [][]helpBlock {
	var cols [][]helpBlock
	var heights []int
	for _, b := range blocks {
		n := len(cols) - 1
		if n >= 0 && heights[n]+1+b.lines() <= limit {
			cols[n], heights[n] = append(cols[n], b), heights[n]+1+b.lines()
			continue
		}
		cols, heights = append(cols, []helpBlock{b}), append(heights, b.lines())
	}
	for _, b := range extra {
		i := 0
		for i < len(cols) && heights[i]+1+b.lines() > limit {
			i++
		}
		if i == len(cols) {
			cols, heights = append(cols, nil), append(heights, -1)
		}
		cols[i], heights[i] = append(cols[i], b), heights[i]+1+b.lines()
	}
	return cols
}

// ShortHelp lists the help's keys.
func (m *Help) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{common.WithDesc(k.Back, "close"), k.Up, k.Down}
}
