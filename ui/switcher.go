package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// switcher is the account switcher (P): it lists Accounts.List (loaded
// off the UI goroutine), and opens the chosen one with Accounts.Open (off
// the UI goroutine too); the root then rebuilds on the new session.
type switcher struct {
	common.Outbox // dialogs it opens (common.Opener)
	c             *common.Common
	accounts      Accounts
	choices       []api.Choice
	loaded        bool
	err           error
	cursor        int
	// top is the first choice shown when they do not all fit (see
	// window); moves keep the cursor inside.
	top int
	// opening is the generation of the open in flight (0: none); esc
	// while opening voids it.
	opening, gen int
	closed       bool
	box          dialog.Box
	// early holds the keys typed before the list arrived (P j enter in
	// one burst); they are played back once it is in, so none is lost.
	early []tea.KeyMsg
}

// Messages of the switcher.
type (
	// choicesMsg is the list of accounts, or why it could not be made.
	choicesMsg struct {
		to      *switcher
		choices []api.Choice
		err     error
	}
	// openedMsg is the session of a chosen account, or why it did not
	// open.
	openedMsg struct {
		to      *switcher
		gen     int
		name    string
		session *api.Session
		err     error
	}
	// switchMsg asks the root to rebuild on session.
	switchMsg struct {
		session *api.Session
		name    string
	}
)

// newSwitcher returns the switcher and the command that loads its choices.
func newSwitcher(c *common.Common, accounts Accounts) (*switcher, tea.Cmd) {
	p := &switcher{c: c, accounts: accounts}
	p.SetSize(c.Width, c.Height)
	return p, func() tea.Msg {
		choices, err := accounts.List()
		return choicesMsg{to: p, choices: choices, err: err}
	}
}

// SetSize fits the switcher to the screen.
func (p *switcher) SetSize(w, h int) {
	p.box.SetSize(w, h, 72, 8)
	p.follow()
}

// Busy reports whether the list or an account is loading.
func (p *switcher) Busy() bool { return !p.loaded || p.opening != 0 }

// Closed reports whether the switcher is done.
func (p *switcher) Closed() bool { return p.closed }

// selectable reports whether choice i can be opened.
func (p *switcher) selectable(i int) bool {
	return i >= 0 && i < len(p.choices) && p.choices[i].Problem == ""
}

// move moves the cursor step choices (common.KeyMap.Step), clamped to
// the list, onto the nearest choice that can be opened: onward in the
// step's direction first, then back.
func (p *switcher) move(step int) {
	if len(p.choices) == 0 {
		return
	}
	dir := 1
	if step < 0 {
		dir = -1
	}
	target := max(0, min(len(p.choices)-1, p.cursor+step))
	for _, d := range []int{dir, -dir} {
		for i := target; i >= 0 && i < len(p.choices); i += d {
			if p.selectable(i) {
				p.cursor = i
				p.follow()
				return
			}
		}
	}
}

// Update loads the choices, moves, opens the chosen one and closes.
func (p *switcher) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	switch msg := msg.(type) {
	case choicesMsg:
		if msg.to != p {
			return p, nil
		}
		// The accounts package cleaned the text (api.Choice).
		p.loaded, p.choices, p.err = true, msg.choices, msg.err
		p.cursor = 0
		for i, ch := range p.choices {
			if ch.Current && p.selectable(i) {
				p.cursor = i
			}
		}
		p.move(0) // onto a choice that opens
		var cmds []tea.Cmd
		for _, km := range p.early {
			cmds = append(cmds, p.onKey(km))
		}
		p.early = nil
		return p, tea.Batch(cmds...)
	case openedMsg:
		if msg.to != p || msg.gen != p.opening {
			return p, nil // cancelled with esc
		}
		p.opening = 0
		if msg.err != nil {
			p.err = msg.err
			return p, nil
		}
		p.closed = true
		s, name := msg.session, msg.name
		return p, func() tea.Msg { return switchMsg{session: s, name: name} }
	case tea.KeyMsg:
		if !p.loaded && !key.Matches(msg, p.c.Keys.Back) {
			p.early = append(p.early, msg)
			return p, nil
		}
		return p, p.onKey(msg)
	}
	return p, nil
}

// onKey moves, opens (enter) and cancels (esc: the open in flight, else
// the switcher).
func (p *switcher) onKey(km tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(km, k.Back):
		if p.opening != 0 {
			p.opening = 0
			return nil
		}
		p.closed = true
	case p.opening != 0:
		// One open at a time.
	case key.Matches(km, k.Submit) && p.selectable(p.cursor):
		ch := p.choices[p.cursor]
		if ch.Current {
			p.closed = true
			return nil
		}
		p.gen++
		p.opening, p.err = p.gen, nil
		gen, accounts, self := p.gen, p.accounts, p
		return func() tea.Msg {
			s, err := accounts.Open(ch)
			return openedMsg{to: self, gen: gen, name: ch.Name, session: s, err: err}
		}
	default:
		if step, ok := k.Step(km, p.page()); ok {
			p.move(step)
		}
	}
	return nil
}

// View draws the choices: the current one marked, each with provider and
// host, broken ones with their problem; when they do not all fit, the
// window that holds the cursor and where it stands.
func (p *switcher) View() string {
	st, k := p.c.Styles, p.c.Keys
	inner := p.box.Inner()
	var body []string
	switch {
	case !p.loaded:
		body = append(body, st.Muted.Render("loading accounts…"))
	case len(p.choices) == 0 && p.err == nil:
		body = append(body, st.Muted.Render("No accounts are configured."))
	case len(p.choices) == 0:
		body = append(body, st.Error.Render(textfit.WrapWords("✗ could not list the accounts: "+p.c.ErrorText(p.err), inner)))
	}
	entries := p.entries()
	lo, hi := p.window(entries)
	for _, e := range entries[lo:hi] {
		body = append(body, e)
	}
	if lo > 0 || hi < len(entries) {
		body = append(body, st.Muted.Render(fmt.Sprintf("  %d of %d", p.cursor+1, len(entries))))
	}
	return p.box.Render(st, k, st.Modal, st.ModalTitle.Render("Switch account"), strings.Join(body, "\n"), p.foot())
}

// entries draws each choice, the selected one highlighted; a broken one
// takes a second line (or more) for its problem.
func (p *switcher) entries() []string {
	st := p.c.Styles
	inner := p.box.Inner()
	nameW, provW := 4, 6
	for _, ch := range p.choices {
		provW = max(provW, min(12, ansi.StringWidth(ch.Provider)))
	}
	// A name gets what the provider and at least 14 columns of host leave
	// (an organization's row, "work · acme (team, ADMIN)", reads whole).
	nameCap := max(20, inner-2-2-provW-2-14)
	for _, ch := range p.choices {
		nameW = max(nameW, min(nameCap, ansi.StringWidth(ch.Name)))
	}
	out := make([]string, len(p.choices))
	for i, ch := range p.choices {
		mark := "  "
		if ch.Current {
			mark = "● "
		}
		line := fmt.Sprintf("%s%s  %s  %s", mark, fitText(ch.Name, nameW), fitText(ch.Provider, provW), ch.Host)
		if ch.Current {
			line += " (current)"
		}
		line = ansi.Truncate(line, inner-2, "…")
		switch {
		case i == p.cursor && p.selectable(i):
			out[i] = st.Accent.Render("› ") + st.RowSelected.Render(line)
		case ch.Problem != "":
			out[i] = "  " + st.Muted.Render(line) + "\n    " + st.Error.Render(textfit.WrapWords("✗ "+ch.Problem, inner-4))
		default:
			out[i] = "  " + line
		}
	}
	return out
}

// foot is what goes under the choices: the open in flight, or why an
// open failed, and the keys.
func (p *switcher) foot() string {
	st, k := p.c.Styles, p.c.Keys
	inner := p.box.Inner()
	switch {
	case p.opening != 0:
		return st.Muted.Render("opening " + p.choices[p.cursor].Name + "… (" + textfit.KeyNames(k.Back) + " cancels)")
	case p.err != nil && len(p.choices) == 0:
		return textfit.Hint(st, inner, textfit.KeyNames(k.Back), "close")
	}
	foot := ""
	if p.err != nil {
		foot = st.Error.Render(textfit.WrapWords("✗ could not open it: "+p.c.ErrorText(p.err), inner)) + "\n"
	}
	return foot + textfit.Hint(st, inner, textfit.KeyNames(k.Up, k.Down), "move", textfit.KeyNames(k.Submit), "open", textfit.KeyNames(k.Back), "cancel")
}

// room is how many lines the choices may take without the dialog
// scrolling: the box less its border, title, foot and the blank lines.
func (p *switcher) room() int {
	return max(2, p.box.Height()-4-1-strings.Count(p.foot(), "\n")-1)
}

// window is the range of entries shown, from top on: all when they fit,
// else as many as fit above the position line, the cursor's among them
// and the last screenful full.
func (p *switcher) window(entries []string) (lo, hi int) {
	lines := func(i int) int { return strings.Count(entries[i], "\n") + 1 }
	total := 0
	for i := range entries {
		total += lines(i)
	}
	room := p.room()
	if total <= room {
		return 0, len(entries)
	}
	room-- // the position line
	lo = max(0, min(p.top, p.cursor))
	used := 0
	for i := lo; i <= p.cursor && i < len(entries); i++ {
		used += lines(i)
	}
	for lo < p.cursor && used > room {
		used -= lines(lo)
		lo++
	}
	hi = p.cursor + 1
	for hi < len(entries) && used+lines(hi) <= room {
		used += lines(hi)
		hi++
	}
	for lo > 0 && used+lines(lo-1) <= room {
		lo--
		used += lines(lo)
	}
	return lo, min(hi, len(entries))
}

// follow keeps the window where the last draw had it, moved just enough
// to hold the cursor.
func (p *switcher) follow() {
	if len(p.choices) == 0 {
		return
	}
	p.top, _ = p.window(p.entries())
}

// page is how many choices a page key moves: those a window holds.
func (p *switcher) page() int {
	lo, hi := p.window(p.entries())
	return max(1, hi-lo-1)
}

// ShortHelp lists the switcher's keys.
func (p *switcher) ShortHelp() []key.Binding {
	k := p.c.Keys
	return []key.Binding{k.Up, k.Down, common.WithDesc(k.Submit, "open"), common.WithDesc(k.Back, "cancel")}
}

// fitText cuts s to n columns or pads it.
func fitText(s string, n int) string {
	s = ansi.Truncate(s, n, "…")
	return s + strings.Repeat(" ", max(0, n-ansi.StringWidth(s)))
}
