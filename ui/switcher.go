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
func (p *switcher) SetSize(w, h int) { p.box.SetSize(w, h, 72, 8) }

// Busy reports whether the list or an account is loading.
func (p *switcher) Busy() bool { return !p.loaded || p.opening != 0 }

// Closed reports whether the switcher is done.
func (p *switcher) Closed() bool { return p.closed }

// selectable reports whether choice i can be opened.
func (p *switcher) selectable(i int) bool {
	return i >= 0 && i < len(p.choices) && p.choices[i].Problem == ""
}

// move puts the cursor on the next selectable choice in direction dir.
func (p *switcher) move(dir int) {
	for i := p.cursor + dir; i >= 0 && i < len(p.choices); i += dir {
		if p.selectable(i) {
			p.cursor = i
			return
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
		if !p.selectable(p.cursor) {
			p.move(1)
		}
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
	case key.Matches(km, k.Up):
		p.move(-1)
	case key.Matches(km, k.Down):
		p.move(1)
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
	}
	return nil
}

// View draws the choices: the current one marked, each with provider and
// host, broken ones with their problem.
func (p *switcher) View() string {
	st, k := p.c.Styles, p.c.Keys
	inner := p.box.Inner()
	var body []string
	switch {
	case !p.loaded:
		body = append(body, st.Muted.Render("loading accounts…"))
	case len(p.choices) == 0 && p.err == nil:
		body = append(body, st.Muted.Render("No accounts are configured."))
	}
	nameW, provW := 4, 6
	for _, ch := range p.choices {
		nameW = max(nameW, min(20, ansi.StringWidth(ch.Name)))
		provW = max(provW, min(12, ansi.StringWidth(ch.Provider)))
	}
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
			body = append(body, st.Accent.Render("› ")+st.RowSelected.Render(line))
		case ch.Problem != "":
			body = append(body, "  "+st.Muted.Render(line))
			body = append(body, "    "+st.Error.Render(textfit.WrapWords("✗ "+ch.Problem, inner-4)))
		default:
			body = append(body, "  "+line)
		}
	}
	var foot string
	switch {
	case p.opening != 0:
		foot = st.Muted.Render("opening " + p.choices[p.cursor].Name + "… (" + textfit.KeyNames(k.Back) + " cancels)")
	case p.err != nil && len(p.choices) == 0:
		body = append(body, st.Error.Render(textfit.WrapWords("✗ could not list the accounts: "+p.c.ErrorText(p.err), inner)))
		foot = textfit.Hint(st, inner, textfit.KeyNames(k.Back), "close")
	case p.err != nil:
		foot = st.Error.Render(textfit.WrapWords("✗ could not open it: "+p.c.ErrorText(p.err), inner)) + "\n"
		fallthrough
	default:
		foot += textfit.Hint(st, inner, textfit.KeyNames(k.Up, k.Down), "move", textfit.KeyNames(k.Submit), "open", textfit.KeyNames(k.Back), "cancel")
	}
	return p.box.Render(st, k, st.Modal, st.ModalTitle.Render("Switch account"), strings.Join(body, "\n"), foot)
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
