// Package ui is the Bubble Tea program of targon-dash: the root model that
// holds the session's views (tabs built from the account's capabilities:
// credits, API keys, and SSH keys where the account has them), the modal
// stack and the login screen, routes messages between them, and lays the
// chrome (tab bar, status bar, help line) around them. It gets its
// accounts from main as one Accounts value and programs against api.Account
// only.
//
// It imports api (neutral), the views (ui/credits, ui/apikeys, ui/sshkeys,
// ui/login), ui/components and ui/common; never config, accounts or a
// concrete provider.
package ui

import (
	"errors"
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/footer"
	"github.com/targon-dash/targon-dash/ui/components/modal"
	"github.com/targon-dash/targon-dash/ui/components/statusbar"
	"github.com/targon-dash/targon-dash/ui/login"
)

// MinWidth and MinHeight are the smallest screen the dashboard draws on;
// below it a "terminal too small" notice is shown instead.
const (
	MinWidth  = 60
	MinHeight = 15
)

// Options is everything the dashboard needs from main.
type Options struct {
	// Accounts is the session to start on, the account switcher's
	// accounts and the demo; required.
	Accounts Accounts
	// Keys are the key map's overrides (action → keys) from the file
	// KeysFile, which errors name.
	Keys     map[string][]string
	KeysFile string
	// RefreshInterval is how often the credits reload (0: never).
	RefreshInterval time.Duration
	Clipboard       common.Copier
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Mouse turns mouse reporting on (--mouse, mouse = true): the wheel
	// scrolls, clicks select rows, tabs and dialog buttons. Off, the
	// terminal keeps its own text selection.
	Mouse bool

	// ListRefreshInterval is how often the key lists reload (0: never).
	ListRefreshInterval time.Duration
	// ReadOnly turns off every action that changes something;
	// ReadOnlyReason says why ("--read-only").
	ReadOnly       bool
	ReadOnlyReason string

	// Sort is the order the key lists start in (zero: created, newest
	// first).
	Sort common.SortOrder
}

// Model is the root model: it routes messages between the session's
// views, the modal stack and the login screen, and lays out the chrome
// (tab bar, status bar, help line) around them.
type Model struct {
	opts Options
	// board is the account shown: its Common (m.c), views and tabs.
	*board
	// boards are the accounts shown since the start, by session, each as
	// it was left (see board).
	boards   map[*api.Session]*board
	modals   modal.Stack
	login    *login.Model
	status   statusbar.Model
	warnings statusbar.Warnings
	footer   footer.Footer
	spinner  spinner.Model
	spin     bool
	// demoStarting is set while the demo API starts, so a second request
	// to switch waits for the first.
	demoStarting bool
	// covered says a dialog covered the views after the last Update.
	covered bool
	// settling says the shown account is being asked what it is
	// (settle): its views start once it has answered.
	settling bool
}

// demoStartedMsg is the demo account, started off the event loop, or why
// it could not start.
type demoStartedMsg struct {
	session *api.Session
	err     error
}

// New returns the root model. It shows the login screen when there is no
// API key. Key overrides from the preferences that name no action are an
// error.
func New(opts Options) (*Model, error) {
	if opts.Accounts == nil {
		return nil, errors.New("ui: Options.Accounts is required")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	keys := common.DefaultKeyMap()
	if err := keys.Override(opts.Keys); err != nil {
		return nil, fmt.Errorf("%s: %w", opts.KeysFile, err)
	}
	if opts.ReadOnly {
		keys.SetReadOnly() // the one place: every view's changing keys go with it
	}
	// P only where Accounts offers accounts to switch to.
	keys.SwitchAccount.SetEnabled(opts.Accounts.CanSwitch())
	m := &Model{opts: opts, boards: make(map[*api.Session]*board)}
	c := &common.Common{
		Session:         opts.Accounts.Start(),
		Styles:          common.NewStyles(),
		Keys:            keys,
		Clipboard:       opts.Clipboard,
		RefreshInterval: opts.RefreshInterval,
		Sort:            opts.Sort,
		Now:             opts.Now,
		IDs:             new(common.IDs),
	}
	c.ListRefreshInterval = opts.ListRefreshInterval
	c.ReadOnly, c.ReadOnlyReason = opts.ReadOnly, opts.ReadOnlyReason
	c.DialogOpen = m.dialogOpen
	m.spinner = spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(c.Styles.Accent))
	m.footer = footer.New(c.Styles)
	m.board = m.keep(newBoard(c))
	if !m.c.Account.HasToken() {
		m.login = login.New(m.c, "", opts.Accounts.CanDemo())
	}
	return m, nil
}

// Init draws at once and, when signed in, loads the credits and the first
// page of both lists concurrently (as the first board's, see own).
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.settleOrStart()}
	if m.login != nil {
		cmds = append(cmds, m.login.Init())
	}
	cmds = append(cmds, m.showWarnings(m.c.Warnings))
	return tea.Batch(cmds...)
}

// startViews starts the shown board's views once there is a key: Init
// the first time; after a sign-in, or on a board switched back to,
// Refresh, which reloads (the rows stay until the new ones are in) and
// starts the refresh timers again.
func (m *Model) startViews() tea.Cmd {
	if m.login != nil || m.settling {
		return nil
	}
	cmds := make([]tea.Cmd, len(m.views))
	for i, v := range m.views {
		if m.started {
			cmds[i] = v.Refresh()
		} else {
			cmds[i] = v.Init()
		}
	}
	m.started = true
	return tea.Batch(cmds...)
}

// Update routes a message: keys to the login screen, the top modal or the
// active view; results to everyone (each part keeps only its own).
func (m *Model) Update(msg tea.Msg) (_ tea.Model, cmd tea.Cmd) {
	defer func() {
		// A bug must not end the session (or print its panic value, which
		// could hold a secret): report it and carry on.
		if r := recover(); r != nil {
			cmd = common.Toast(common.ToastError, "internal error; the dashboard keeps running (%s refreshes)", m.c.Keys.Refresh.Help().Key)
		}
	}()
	// Keys that arrive in one read (key repeat, a slow link, a script) come
	// as one message with several runes, "jj", which matches no binding.
	// Take them one at a time, as if typed apart; a paste stays whole.
	if km, ok := msg.(tea.KeyMsg); ok && km.Type == tea.KeyRunes && len(km.Runes) > 1 && !km.Paste {
		cmds := make([]tea.Cmd, 0, len(km.Runes)+1)
		for _, r := range km.Runes {
			cmd := m.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: km.Alt})
			cmds = append(cmds, own(m.board, cmd)) // the board shown after the update
			cmds = append(cmds, m.syncModals())
		}
		return m, safeCmd(tea.Batch(append(cmds, m.keepSpinning())...), m.c.Keys.Refresh.Help().Key)
	}
	// What the update asks for belongs to the board shown after it (an
	// account switch starts the new one's loads).
	// (Two statements: Go leaves unspecified whether m.board would be read
	// before or after the call in one expression.)
	cmd = m.update(msg)
	cmd = own(m.board, cmd)
	closed := m.syncModals()
	return m, safeCmd(tea.Batch(cmd, closed, m.keepSpinning()), m.c.Keys.Refresh.Help().Key)
}

// dialogOpen reports whether a modal or the login screen covers the views
// (common.Common.DialogOpen): background refreshes wait for it.
func (m *Model) dialogOpen() bool { return m.modals.Len() > 0 || m.login != nil }

// syncModals drops the modals that closed and stacks the ones the views
// and modals queued during this Update, so the next key already goes to
// the right place. The command it returns tells the views when the last
// dialog over them has closed, so a refresh they skipped runs now.
func (m *Model) syncModals() tea.Cmd {
	views := make([]common.Opener, len(m.views))
	for i, v := range m.views {
		views[i] = v
	}
	m.modals.Sync(views...)
	was := m.covered
	m.covered = m.dialogOpen()
	if !was || m.covered {
		return nil
	}
	return func() tea.Msg { return common.DialogsClosedMsg{} }
}

// update handles one message: the chrome's, then the root's own, then
// every part's (broadcast). A message a board not shown asked for goes no
// further than the chrome (fromHidden).
func (m *Model) update(msg tea.Msg) tea.Cmd {
	if o, ok := msg.(ownedMsg); ok {
		if o.board != m.board {
			return m.fromHidden(o.msg)
		}
		msg = o.msg
	}
	if cmd, ok := m.chromeUpdate(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.resize()
		return nil
	case tea.KeyMsg:
		return m.onKey(msg)
	case tea.MouseMsg:
		return m.onMouse(msg)
	case backgroundMsg:
		// Colours resolve as they are drawn: the next frame has the
		// terminal's palette.
		lipgloss.SetHasDarkBackground(msg.dark)
		return nil
	case common.UnauthorizedMsg:
		// One from an account switched away from says nothing of this one.
		if m.login == nil && m.current(msg.Account) {
			m.showLogin(m.c.ProviderName() + " did not accept the API key (401): it may have been deleted, rolled or disabled. Sign in with a valid key.")
			return m.login.Init()
		}
		return nil
	case common.KeyInUseDeletedMsg:
		if !m.current(msg.Account) {
			return nil // the key of an account switched away from
		}
		m.c.Account.SetToken("")
		m.showLogin("You deleted the API key this dashboard was signed in with. Sign in with another key.")
		return m.login.Init()
	}
	if cmd, ok := m.sessionUpdate(msg); ok {
		return cmd
	}
	return m.broadcast(msg)
}

// chromeUpdate handles the messages of the status bar (toasts), the start-up
// warnings and the spinner; ok says msg was one.
func (m *Model) chromeUpdate(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	if cmd, ok := m.status.Update(msg); ok {
		return cmd, true
	}
	if ours, gone := m.warnings.Update(msg); ours {
		if gone {
			m.resize()
		}
		return nil, true
	}
	if t, ok := msg.(spinner.TickMsg); ok && t.ID == m.spinner.ID() {
		return m.spinTick(t), true
	}
	return nil, false
}

// current reports whether acct is the account in use (the same value, not
// merely one at the same provider): messages about another account, sent
// before an account switch, are dropped.
func (m *Model) current(acct api.Account) bool {
	return acct != nil && acct == m.c.Account
}

// broadcast hands a non-key message to every modal, the login screen and
// every view; each keeps only what is its own (ids, generations, types).
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := []tea.Cmd{m.modals.Broadcast(msg)}
	if m.login != nil {
		var cmd tea.Cmd
		m.login, cmd = m.login.Update(msg)
		cmds = append(cmds, cmd)
	}
	for _, v := range m.views {
		_, cmd := v.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}
