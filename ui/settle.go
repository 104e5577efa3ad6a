package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
)

// settledMsg is the account a session's api.Settler settled on, or why it
// could not.
type settledMsg struct {
	session *api.Session
	account api.Account
	err     error
}

// settle asks the shown account what it is, off the UI goroutine, when it
// is an api.Settler (Targon's api_version = "auto"); nil otherwise. Its
// views wait for the answer (startViews), so nothing is loaded twice.
func (m *Model) settle() tea.Cmd {
	s, ok := m.c.Account.(api.Settler)
	if !ok {
		return nil
	}
	m.settling = true
	session := m.c.Session
	return func() tea.Msg {
		ctx, cancel := m.c.RequestContext()
		defer cancel()
		acct, err := s.Settle(ctx)
		return settledMsg{session: session, account: acct, err: err}
	}
}

// settled rebuilds the board on the settled account (its tabs and actions
// from its own capabilities: a v2 server's account rolls, a v3 one has
// organizations), or, when the account could not tell, starts the views
// it has (each then says what went wrong).
func (m *Model) settled(msg settledMsg) tea.Cmd {
	if msg.session != m.c.Session {
		return nil // an account switched away from settles when shown
	}
	m.settling = false
	if msg.err == nil && msg.account != nil {
		m.c.Session.Account = msg.account // shared with Accounts: it is the account from now on
		active := m.tabs.Active()         // a tab chosen while it settled stays chosen
		m.board.pause()
		delete(m.boards, m.c.Session)
		m.board = m.keep(newBoard(m.c))
		m.tabs.SetActive(active)
		m.resize()
	}
	return m.startViews() // Update makes them the board's
}

// settleOrStart starts the shown board's views, or settles its account
// first (settle).
func (m *Model) settleOrStart() tea.Cmd {
	if cmd := m.settle(); cmd != nil {
		return cmd
	}
	return own(m.board, m.startViews())
}
