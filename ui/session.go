package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/login"
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
	if msg.Saved {
		m.c.Home.Source = api.KeyFromFile
	}
	m.login = nil
	toastCmd := common.Toast(common.ToastSuccess, "Signed in")
	if msg.Saved {
		toastCmd = common.Toast(common.ToastSuccess, "Signed in; key saved to %s", common.ShortPath(m.c.Home.File))
	}
	m.opts.Accounts.Use(m.c.Session)
	if !m.started {
		return tea.Batch(toastCmd, m.startViews())
	}
	cmds := []tea.Cmd{toastCmd}
	for _, v := range m.views {
		cmds = append(cmds, v.Refresh())
	}
	return tea.Batch(cmds...)
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

// switchAccount rebuilds the dashboard on the session the switcher opened:
// tabs from its capabilities, views reloaded, modals cleared, and the
// login screen first when it has no key.
func (m *Model) switchAccount(msg switchMsg) tea.Cmd {
	m.tabs.SetActive(0)
	m.use(msg.session)
	var loginInit tea.Cmd
	if !m.c.Account.HasToken() {
		m.showLogin("")
		loginInit = m.login.Init()
	}
	m.resize()
	return tea.Batch(m.startViews(), loginInit, m.showWarnings(msg.session.Warnings), common.Toast(common.ToastSuccess, "Switched to %s (%s)", m.c.Profile, m.c.ProviderName()))
}

// use rebuilds the dashboard on s, and tells Accounts: a new Common
// (commands still running for the old account keep theirs), its views,
// no dialogs.
func (m *Model) use(s *api.Session) {
	c := *m.c
	c.Session = s
	m.c = &c
	m.opts.Accounts.Use(s)
	m.login = nil
	m.modals.Clear()
	m.buildViews()
	m.resize()
}
