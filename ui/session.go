package ui

import (
	"reflect"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/tabs"
	"github.com/targon-dash/targon-dash/ui/credits"
	"github.com/targon-dash/targon-dash/ui/login"
	"github.com/targon-dash/targon-dash/ui/sshkeys"
	"github.com/targon-dash/targon-dash/ui/tokens"
)

// sessionUpdate handles the messages that change the session: a sign-in,
// the demo starting, an account switch. It reports whether msg was one.
func (m *Model) sessionUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case login.DoneMsg:
		return m.signedIn(msg), true
	case login.DemoMsg:
		return m.startDemo(), true
	case demoStartedMsg:
		return m.switchToDemo(msg), true
	case switchMsg:
		return m.switchAccount(msg), true
	case settledMsg:
		return m.settled(msg), true
	case login.SwitchMsg:
		if m.login == nil {
			return nil, true
		}
		p, load := newSwitcher(m.c, m.opts.Accounts)
		m.login.Cover(p)
		return load, true
	case login.BackMsg:
		m.login = nil
		return nil, true
	case common.SignInMsg:
		if m.login != nil || !m.current(msg.Account) {
			return nil, true
		}
		m.showLogin(msg.Reason)
		m.login.AllowBack()
		return m.login.Init(), true
	}
	return nil, false
}

// showLogin puts the login screen up with a reason.
func (m *Model) showLogin(reason string) {
	m.login = login.New(m.c, reason, m.opts.Accounts.CanDemo())
}

// showWarnings puts a session's start-up warnings (a credentials file
// others can read) up in place of any shown; the command takes them down.
func (m *Model) showWarnings(warnings []string) tea.Cmd {
	cmd, changed := m.warnings.Show(m.c, warnings)
	if changed {
		m.resize() // their lines come out of the views' height
	}
	return cmd
}

// signedIn switches the client to the checked key, records where it is
// kept on the session (shared with Accounts, which is told) and (re)loads
// the views.
func (m *Model) signedIn(msg login.DoneMsg) tea.Cmd {
	m.c.Account.SetToken(msg.Key)
	m.c.Minted.SignedIn(msg.Key)
	if msg.Saved {
		m.c.Home.Source = api.KeyFromFile
	}
	m.login = nil
	toastCmd := common.Toast(common.ToastSuccess, "Signed in")
	if msg.Saved {
		toastCmd = common.Toast(common.ToastSuccess, "Signed in; key saved to %s", common.ShortPath(m.c.Home.File))
	}
	m.opts.Accounts.Use(m.c.Session)
	return tea.Batch(toastCmd, m.startViews())
}

// startDemo starts the demo API in a command: it opens a listener, which
// has no place inside Update.
func (m *Model) startDemo() tea.Cmd {
	accounts := m.opts.Accounts
	if !accounts.CanDemo() || m.demoStarting {
		return nil
	}
	m.demoStarting = true
	return func() tea.Msg {
		s, err := accounts.Demo()
		return demoStartedMsg{session: s, err: err}
	}
}

// switchToDemo rebuilds the dashboard on the demo API that startDemo
// started.
func (m *Model) switchToDemo(msg demoStartedMsg) tea.Cmd {
	m.demoStarting = false
	if msg.err != nil {
		return common.Toast(common.ToastError, "could not start the demo: %s", m.c.ErrorText(msg.err))
	}
	m.use(msg.session)
	return tea.Batch(m.startViews(), m.showWarnings(msg.session.Warnings), common.Toast(common.ToastSuccess, "Demo account: nothing you do here touches a real account"))
}

// switchAccount shows the session the switcher opened: as it was left
// when it was shown before, else new (tabs from its capabilities); its
// views (re)load, modals are cleared, and the login screen comes first
// when it has no key.
func (m *Model) switchAccount(msg switchMsg) tea.Cmd {
	m.use(msg.session)
	var loginInit tea.Cmd
	if !m.c.Account.HasToken() {
		m.showLogin("")
		loginInit = m.login.Init()
	}
	m.resize()
	return tea.Batch(m.startViews(), loginInit, m.showWarnings(msg.session.Warnings), common.Toast(common.ToastSuccess, "Switched to %s (%s)", m.c.Profile, m.c.ProviderName()))
}

// use shows s's board, and tells Accounts: the board shown so far is
// paused, no dialogs stay.
func (m *Model) use(s *api.Session) {
	m.board.pause()
	m.opts.Accounts.Use(s)
	m.login = nil
	m.modals.Clear()
	m.board = m.boardOf(s)
	m.resize()
}

// board is the dashboard of one account: its Common, its views (the
// tabs, from the account's capabilities) and which tab is shown. The root
// keeps the board of every account it has shown while the program runs,
// so switching back shows an account as it was left: its tab, each list's
// sort, filter and scroll, the credits since start. A board not shown is
// paused: nothing of it runs, and what it had asked for is dropped
// (fromHidden).
type board struct {
	c     *common.Common
	views []common.View
	tabs  *tabs.Tabs
	// started says the views' Init ran (there was a key).
	started bool
}

// newBoard builds the views of c's account: Credits and API keys (API
// tokens, as the provider calls them) always, SSH keys and Service tokens
// where the account has them; the first tab shown.
func newBoard(c *common.Common) *board {
	c.Minted = new(common.Minted)
	b := &board{c: c, views: []common.View{credits.New(c), apikeys.New(c)}}
	if _, ok := c.Account.(api.SSHKeys); ok {
		b.views = append(b.views, sshkeys.New(c))
	}
	if _, ok := c.Account.(api.ServiceTokens); ok {
		b.views = append(b.views, tokens.New(c))
	}
	titles := make([]string, len(b.views))
	for i, v := range b.views {
		titles[i] = v.Title()
	}
	b.tabs = tabs.New(c.Keys, titles)
	return b
}

// pause stops the board's background work while another account is
// shown: list walks end, refresh timers stop, answers in flight are
// dropped (common.View.Stop). startViews starts them again.
func (b *board) pause() {
	for _, v := range b.views {
		v.Stop()
	}
}

// boardOf is s's board: the one kept from when s was shown before, at
// today's size, else a new one on a copy of the Common (commands still
// running for other accounts keep theirs).
func (m *Model) boardOf(s *api.Session) *board {
	if b, ok := m.boards[s]; ok {
		b.c.Width, b.c.Height = m.c.Width, m.c.Height
		return b
	}
	c := *m.c
	c.Session = s
	return m.keep(newBoard(&c))
}

// keep records b as its session's board. A board of another session of
// the same account (Accounts opened it afresh: it had no key) goes.
func (m *Model) keep(b *board) *board {
	s := b.c.Session
	for other := range m.boards {
		if other != s && s.ID != "" && other.ID == s.ID {
			delete(m.boards, other)
		}
	}
	m.boards[s] = b
	return b
}

// ownedMsg is a message a board asked for: its views, its dialogs and
// the login screen over it. Update hands it on only while that board is
// shown, so nothing an account asked for reaches another.
type ownedMsg struct {
	board *board
	msg   tea.Msg
}

// Inner is the message msg carries: what a board's command yielded, for a
// tool that watches the traffic (the performance trial); msg itself when it
// is not a board's.
func Inner(msg tea.Msg) tea.Msg {
	if o, ok := msg.(ownedMsg); ok {
		return o.msg
	}
	return msg
}

// teaPackage is Bubble Tea's import path: its own messages (quit,
// batches) are the runtime's, never a board's.
var teaPackage = reflect.TypeOf(tea.QuitMsg{}).PkgPath()

// own marks what cmd yields, and what the commands it batches yield, as
// b's.
func own(b *board, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			owned := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				owned[i] = own(b, c)
			}
			return owned
		}
		if _, owned := msg.(ownedMsg); owned || msg == nil || reflect.TypeOf(msg).PkgPath() == teaPackage {
			return msg // already a board's, or the runtime's
		}
		return ownedMsg{board: b, msg: msg}
	}
}

// fromHidden takes a message that a board not shown asked for. The
// chrome's own timers run on (a toast's or a warning's expiry, the
// spinner); everything else — answers, toasts, a sign-in, the demo
// starting — is dropped, as the board's paused views drop the answers
// they were waiting for.
func (m *Model) fromHidden(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case common.ToastMsg:
		return nil
	case demoStartedMsg:
		m.demoStarting = false // asked for again, it starts again
		return nil
	}
	cmd, _ := m.chromeUpdate(msg)
	return cmd
}
