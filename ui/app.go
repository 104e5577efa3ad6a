// Package ui is the Bubble Tea program of targon-dash: the root model that
// owns the tabs (built from the account's capabilities: credits, API keys,
// and SSH keys where the account has them), the status bar, toasts, the
// modal stack and the login screen, and routes messages between them. It
// programs against api.Account only; main wires a concrete provider in.
package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components"
	"github.com/targon-dash/targon-dash/ui/credits"
	"github.com/targon-dash/targon-dash/ui/login"
	"github.com/targon-dash/targon-dash/ui/sshkeys"
)

// MinWidth and MinHeight are the smallest screen the dashboard draws on;
// below it a "terminal too small" notice is shown instead.
const (
	MinWidth  = 60
	MinHeight = 15
)

// toastDuration is how long a toast stays in the status bar;
// startupWarningDuration is how long a warning found at start stays.
const (
	toastDuration          = 5 * time.Second
	startupWarningDuration = 30 * time.Second
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

// Model is the root model.
type Model struct {
	opts  Options
	c     *common.Common
	views []common.View
	// tabKeys are the key map's Tab1…Tab3, enabled for as many tabs as
	// there are, so "1".."n" and their help follow the tabs.
	tabKeys []key.Binding
	// switchKey is the key map's SwitchAccount, enabled only when
	// Accounts offers accounts to switch to.
	switchKey key.Binding
	active    int
	modals    []common.Modal
	login     *login.Model
	toast     *toast
	toastID   int
	spinner   spinner.Model
	spin      bool
	help      help.Model
	started   bool
	// warnings are the start-up warnings (a credentials file others can
	// read), drawn whole on lines of their own above the status bar until
	// startupWarningDuration has passed.
	warnings []string
	// warningsID numbers the warnings shown, so that the expiry of those
	// of an earlier account does not take down the current ones.
	warningsID int
	// demoStarting is set while the demo API starts, so a second request
	// to switch waits for the first.
	demoStarting bool
	// covered says a dialog covered the views at the last syncModals.
	covered bool
}

type toast struct {
	id   int
	text string
	kind common.ToastKind
}

type toastExpiredMsg struct{ id int }

// warningsExpiredMsg takes the start-up warnings numbered id off the
// screen.
type warningsExpiredMsg struct{ id int }

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
	m := &Model{opts: opts, switchKey: keys.SwitchAccount}
	m.switchKey.SetEnabled(opts.Accounts.CanSwitch())
	m.c = &common.Common{
		Session:         opts.Accounts.Start(),
		Styles:          common.NewStyles(),
		Keys:            keys,
		Clipboard:       opts.Clipboard,
		RefreshInterval: opts.RefreshInterval,
		Sort:            opts.Sort,
		Now:             opts.Now,
	}
	m.c.ListRefreshInterval = opts.ListRefreshInterval
	m.c.ReadOnly, m.c.ReadOnlyReason = opts.ReadOnly, opts.ReadOnlyReason
	m.c.DialogOpen = m.dialogOpen
	m.spinner = spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(m.c.Styles.Accent))
	m.help = help.New()
	m.help.Styles.ShortKey = m.c.Styles.HelpKey
	m.help.Styles.ShortDesc = m.c.Styles.HelpDesc
	m.help.Styles.ShortSeparator = m.c.Styles.HelpSep
	m.help.Styles.Ellipsis = m.c.Styles.HelpSep
	m.buildViews()
	if !m.c.Account.HasToken() {
		m.login = login.New(m.c, "", opts.Accounts.CanDemo())
	}
	return m, nil
}

// buildViews makes the tabs for the current Common's account: Credits
// and API keys always, SSH keys where the account has them. Views of an
// earlier account are stopped (a view with a Stop method ends its list
// walks and refresh timers there), so nothing of theirs keeps running.
func (m *Model) buildViews() {
	for _, v := range m.views {
		if s, ok := v.(interface{ Stop() }); ok {
			s.Stop()
		}
	}
	m.views = []common.View{credits.New(m.c), apikeys.New(m.c)}
	if _, ok := m.c.Account.(api.SSHKeys); ok {
		m.views = append(m.views, sshkeys.New(m.c))
	}
	k := m.c.Keys
	m.tabKeys = []key.Binding{k.Tab1, k.Tab2, k.Tab3}
	for i := range m.tabKeys {
		m.tabKeys[i].SetEnabled(i < len(m.views))
	}
	m.active = min(m.active, len(m.views)-1)
	m.started = false
}

// Init draws at once and, when signed in, loads the credits and the first
// page of both lists concurrently.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.startViews()}
	if m.login != nil {
		cmds = append(cmds, m.login.Init())
	}
	cmds = append(cmds, m.showWarnings(m.c.Warnings))
	return tea.Batch(cmds...)
}

// showWarnings puts a session's start-up warnings (a credentials file
// others can read) up in place of any shown: they get lines of their own,
// so they are read whole, and stay up longer than a toast without blocking
// the keys. The command takes them down after startupWarningDuration.
func (m *Model) showWarnings(warnings []string) tea.Cmd {
	m.warningsID++
	shown := len(m.warnings) > 0
	m.warnings = nil
	for _, w := range warnings {
		if home, err := os.UserHomeDir(); err == nil && home != "" {
			w = strings.ReplaceAll(w, home+string(os.PathSeparator), "~"+string(os.PathSeparator))
		}
		m.warnings = append(m.warnings, w)
	}
	if shown || len(m.warnings) > 0 {
		m.resize() // their lines come out of the views' height
	}
	if len(m.warnings) == 0 {
		return nil
	}
	id := m.warningsID
	return m.c.After(startupWarningDuration, func(time.Time) tea.Msg { return warningsExpiredMsg{id} })
}

// startViews runs the views' Init once there is a key.
func (m *Model) startViews() tea.Cmd {
	if m.started || m.login != nil {
		return nil
	}
	m.started = true
	cmds := make([]tea.Cmd, len(m.views))
	for i, v := range m.views {
		cmds[i] = v.Init()
	}
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
			cmds = append(cmds, m.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: km.Alt}))
			cmds = append(cmds, m.syncModals())
		}
		return m, safeCmd(tea.Batch(append(cmds, m.keepSpinning())...), m.c.Keys.Refresh.Help().Key)
	}
	cmd = m.update(msg)
	closed := m.syncModals()
	return m, safeCmd(tea.Batch(cmd, closed, m.keepSpinning()), m.c.Keys.Refresh.Help().Key)
}

// dialogOpen reports whether a modal or the login screen covers the views
// (common.Common.DialogOpen): background refreshes wait for it.
func (m *Model) dialogOpen() bool { return len(m.modals) > 0 || m.login != nil }

// dialogsClosed tells the views when the dialogs that covered them at
// the last call are all gone, so a refresh they skipped runs now.
func (m *Model) dialogsClosed() tea.Cmd {
	was := m.covered
	m.covered = m.dialogOpen()
	if !was || m.covered {
		return nil
	}
	return func() tea.Msg { return common.DialogsClosedMsg{} }
}

// syncModals drops the modals that closed and stacks the ones the views
// and modals returned during this Update (common.Opener), so the next key
// already goes to the right place. The command it returns tells the views
// when the last dialog has closed (dialogsClosed).
func (m *Model) syncModals() tea.Cmd {
	var opened []common.OpenModalMsg
	for _, v := range m.views {
		if o, ok := v.(common.Opener); ok {
			opened = append(opened, o.TakeOpened()...)
		}
	}
	kept := m.modals[:0]
	for _, md := range m.modals {
		if o, ok := md.(common.Opener); ok {
			opened = append(opened, o.TakeOpened()...)
		}
		if !md.Closed() {
			kept = append(kept, md)
		}
	}
	m.modals = kept
	for _, o := range opened {
		m.push(o.Modal)
	}
	return m.dialogsClosed()
}

// push puts md on top of the screen.
func (m *Model) push(md common.Modal) {
	if md == nil {
		return
	}
	md.SetSize(m.c.Width, m.c.Height)
	m.modals = append(m.modals, md)
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.resize()
		return nil
	case tea.KeyMsg:
		return m.onKey(msg)
	case tea.MouseMsg:
		return m.onMouse(msg)
	case common.OpenModalMsg:
		m.push(msg.Modal)
		return nil
	case common.ToastMsg:
		m.toastID++
		m.toast = &toast{id: m.toastID, text: msg.Text, kind: msg.Kind}
		id := m.toastID
		d := toastDuration
		if msg.Kind == common.ToastError {
			d *= 2
		}
		if msg.For > 0 {
			d = msg.For
		}
		return tea.Tick(d, func(time.Time) tea.Msg { return toastExpiredMsg{id} })
	case toastExpiredMsg:
		if m.toast != nil && m.toast.id == msg.id {
			m.toast = nil
		}
		return nil
	case backgroundMsg:
		// Colours resolve as they are drawn: the next frame has the
		// terminal's palette.
		lipgloss.SetHasDarkBackground(msg.dark)
		return nil
	case warningsExpiredMsg:
		if msg.id == m.warningsID {
			m.warnings = nil
			m.resize()
		}
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
	case login.DoneMsg:
		return m.signedIn(msg)
	case login.DemoMsg:
		return m.startDemo()
	case demoStartedMsg:
		return m.switchToDemo(msg)
	case switchMsg:
		return m.switchAccount(msg)
	case spinner.TickMsg:
		if msg.ID == m.spinner.ID() {
			if !m.busy() {
				m.spin = false
				return nil
			}
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return cmd
		}
	}
	return m.broadcast(msg)
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
	var cmds []tea.Cmd
	for i := range m.modals {
		var cmd tea.Cmd
		m.modals[i], cmd = m.modals[i].Update(msg)
		cmds = append(cmds, cmd)
	}
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

// onKey: ctrl+c always quits; below the minimum size only quitting works;
// otherwise the login screen (drawn over everything, dialogs included),
// then the top modal, then a view that is taking text, then the global
// keys, then the active view. q quits only from the main views: in a
// dialog it is the dialog's (usually nothing).
func (m *Model) onKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if key.Matches(msg, k.ForceQuit) {
		return tea.Quit
	}
	if m.tooSmallNow() {
		// Nothing may act on a screen the user cannot see.
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		return nil
	}
	if m.login != nil {
		// A 401 in a dialog brings the login screen up over it: the dialog
		// waits underneath, hidden, for the user to sign in and retry.
		var cmd tea.Cmd
		m.login, cmd = m.login.Update(msg)
		return cmd
	}
	if n := len(m.modals); n > 0 {
		top := m.modals[n-1]
		// In a dialog q neither quits nor closes (some dialogs close on
		// it, and closing the shown-once secret by a stray q loses it); in
		// a form it is text.
		if _, typing := top.(interface{ TakesText() bool }); !typing && key.Matches(msg, k.Quit) {
			return nil
		}
		var cmd tea.Cmd
		m.modals[n-1], cmd = top.Update(msg)
		return cmd
	}
	view := m.views[m.active]
	if view.Capturing() {
		_, cmd := view.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.push(components.NewHelp(m.c, m.fullHelp()))
		return nil
	case key.Matches(msg, m.tabKeys...):
		for i, b := range m.tabKeys {
			if key.Matches(msg, b) {
				m.active = i
			}
		}
	case key.Matches(msg, k.NextTab):
		m.active = (m.active + 1) % len(m.views)
	case key.Matches(msg, k.PrevTab):
		m.active = (m.active + len(m.views) - 1) % len(m.views)
	case key.Matches(msg, k.Refresh):
		return view.Refresh()
	case key.Matches(msg, m.switchKey):
		sw, load := newSwitcher(m.c, m.opts.Accounts)
		m.push(sw)
		return load
	case m.c.ReadOnly && k.Refused(msg) != "":
		// Disabled, so no view acts on it: say why rather than nothing.
		return common.Toast(common.ToastInfo, "read-only: %s is off (%s)", k.Refused(msg), m.c.ReadOnlyReason)
	default:
		_, cmd := view.Update(msg)
		return cmd
	}
	return nil
}

// showLogin puts the login screen up with a reason.
func (m *Model) showLogin(reason string) {
	m.login = login.New(m.c, reason, m.opts.Accounts.CanDemo())
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
	// A new Common, so commands still running for the old one keep their
	// own account and settings.
	c := *m.c
	c.Session = msg.session
	m.c = &c
	m.opts.Accounts.Use(msg.session)
	m.login = nil
	m.modals = nil
	m.buildViews()
	m.resize()
	warnings := m.showWarnings(msg.session.Warnings)
	return tea.Batch(m.startViews(), warnings, common.Toast(common.ToastSuccess, "Demo account: nothing you do here touches a real account"))
}

// switchAccount rebuilds the dashboard on the session the switcher opened:
// tabs from its capabilities, views reloaded, modals cleared, and the
// login screen first when it has no key.
func (m *Model) switchAccount(msg switchMsg) tea.Cmd {
	c := *m.c // a new Common: commands of the old account keep theirs
	c.Session = msg.session
	m.c = &c
	m.opts.Accounts.Use(msg.session)
	m.login, m.modals = nil, nil
	m.active = 0
	m.buildViews()
	var loginInit tea.Cmd
	if !m.c.Account.HasToken() {
		m.showLogin("")
		loginInit = m.login.Init()
	}
	m.resize()
	warnings := m.showWarnings(msg.session.Warnings)
	return tea.Batch(m.startViews(), loginInit, warnings, common.Toast(common.ToastSuccess, "Switched to %s (%s)", m.c.Profile, m.c.ProviderName()))
}

// busy reports whether anything waits for the API.
func (m *Model) busy() bool {
	for _, v := range m.views {
		if v.Busy() {
			return true
		}
	}
	for _, md := range m.modals {
		if md.Busy() {
			return true
		}
	}
	return m.login != nil && m.login.Busy()
}

// keepSpinning starts the status-bar spinner when something is in flight.
func (m *Model) keepSpinning() tea.Cmd {
	if m.spin || !m.busy() {
		return nil
	}
	m.spin = true
	return m.spinner.Tick
}

// baseChrome is the height of the tab bar (2 lines), status bar and help
// line.
const baseChrome = 4

// chrome is the height of everything but the view: baseChrome and the
// lines of the start-up warnings.
func (m *Model) chrome() int {
	return baseChrome + len(m.warningLines())
}

// warningLines are the start-up warnings wrapped to the screen's width,
// each line starting with a marker or an indent, so they read whole.
func (m *Model) warningLines() []string {
	if len(m.warnings) == 0 || m.c.Width <= 0 {
		return nil
	}
	st := m.c.Styles
	width := max(10, m.c.Width-4) // " ⚠ " before, a space after
	var lines []string
	for _, w := range m.warnings {
		for i, l := range wrapAtSpaces(w, width) {
			mark := "   "
			if i == 0 {
				mark = " ⚠ "
			}
			lines = append(lines, st.ToastError.Render(ansi.Truncate(mark+l, m.c.Width, "")))
		}
	}
	return lines
}

// wrapAtSpaces wraps s to width columns, breaking only at spaces, so a
// path or a command stays whole on one line; only a word longer than a
// line is cut.
func wrapAtSpaces(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case ansi.StringWidth(line)+1+ansi.StringWidth(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
		for ansi.StringWidth(line) > width {
			lines = append(lines, ansi.Truncate(line, width, ""))
			line = ansi.TruncateLeft(line, width, "")
		}
	}
	return append(lines, line)
}

// resize hands out the screen: tab bar (2 lines), view, warnings, status,
// help.
func (m *Model) resize() {
	w, h := m.c.Width, m.c.Height
	chrome := m.chrome()
	for _, v := range m.views {
		v.SetSize(w, max(1, h-chrome))
	}
	for _, md := range m.modals {
		md.SetSize(w, h)
	}
	if m.login != nil {
		m.login.SetSize(w, h)
	}
	m.help.Width = w - 2
}

// View draws the screen from the model alone. A panic while drawing gives
// a one-line notice instead of ending the program.
func (m *Model) View() (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "targon-dash: internal error while drawing this screen; press esc, another view's number, or q to quit"
		}
	}()
	w, h := m.c.Width, m.c.Height
	if w == 0 || h == 0 {
		return "targon-dash: starting…"
	}
	if m.tooSmallNow() {
		return m.tooSmall()
	}
	warnings := m.warningLines()
	bodyH := max(1, h-baseChrome-len(warnings))
	body := ""
	if m.login != nil {
		body = lipgloss.Place(w, bodyH, lipgloss.Center, lipgloss.Center, m.login.View())
	} else {
		body = m.views[m.active].View()
	}
	body = fitHeight(body, bodyH, w)
	// The login screen is on top: dialogs under it stay hidden until the
	// user has signed in.
	if n := len(m.modals); n > 0 && m.login == nil {
		body = overlay(m.c.Styles, body, m.modals[n-1].View(), w, bodyH)
	}
	parts := append([]string{m.tabBar(), body}, warnings...)
	return strings.Join(append(parts, m.statusBar(), m.helpLine()), "\n")
}

// tooSmallNow reports whether the screen is known and below the minimum.
// Before the first size arrives nothing is too small: keys typed then act
// as usual, on the screen that the first frame shows.
func (m *Model) tooSmallNow() bool {
	w, h := m.c.Width, m.c.Height
	return w > 0 && h > 0 && (w < MinWidth || h < MinHeight)
}

// tooSmall is drawn instead of a broken layout.
func (m *Model) tooSmall() string {
	st := m.c.Styles
	quit := components.KeyNames(m.c.Keys.Quit, m.c.Keys.ForceQuit)
	msg := fmt.Sprintf("Terminal too small: %d×%d.\ntargon-dash needs at least %d×%d.\n\n%s quits.", m.c.Width, m.c.Height, MinWidth, MinHeight, quit)
	text := st.Warning.Render(msg)
	return lipgloss.Place(m.c.Width, m.c.Height, lipgloss.Center, lipgloss.Center, ansi.Truncate(text, max(1, m.c.Width)*4, ""),
		lipgloss.WithWhitespaceChars(" "))
}

// tabBar draws the app name and the three tabs.
func (m *Model) tabBar() string {
	st := m.c.Styles
	parts := m.tabParts()
	bar := lipgloss.JoinHorizontal(lipgloss.Top, parts...)
	return st.TabBar.Width(m.c.Width).Render(ansi.Truncate(bar, m.c.Width, "…"))
}

// tabParts are the pieces of the tab bar's line, left to right: the app
// name, then one per tab (tabAt finds a click among them).
func (m *Model) tabParts() []string {
	st := m.c.Styles
	parts := []string{st.AppName.Render("targon-dash")}
	for i, v := range m.views {
		label := fmt.Sprintf("%d %s", i+1, v.Title())
		if i == m.active && m.login == nil {
			parts = append(parts, st.TabActive.Render(label))
		} else {
			parts = append(parts, st.Tab.Render(label))
		}
	}
	return parts
}

// statusBar: account, provider, API host, last refresh, spinner; a toast
// on the right.
func (m *Model) statusBar() string {
	st := m.c.Styles
	left := []string{st.StatusValue.Render(m.c.Profile), st.StatusValue.Render(m.c.ProviderName())}
	host := common.HostOf(m.c.Account.BaseURL())
	if m.c.Home.Source == api.KeyFromDemo {
		host = "built-in demo" // its loopback port means nothing to anyone
	}
	left = append(left, st.StatusValue.Render(host))
	if t := m.views[m.active].Updated(); !t.IsZero() && m.login == nil {
		if s, ok := m.views[m.active].(common.Staler); ok && s.Stale() {
			// The last refresh failed: the rows are this old.
			left = append(left, st.Warning.Render("stale "+staleAge(m.c.Now().Sub(t))))
		} else {
			left = append(left, st.StatusKey.Render("updated ")+st.StatusValue.Render(t.Local().Format("15:04:05")))
		}
	}
	// READ-ONLY is always seen: it goes first. On a narrow screen the time
	// and then the host make room (whole parts go, none is cut).
	readOnly := ""
	if m.c.ReadOnly {
		readOnly = " " + st.Badge.Render("READ-ONLY")
	}
	spin := ""
	if m.busy() {
		spin = "  " + m.spinner.View()
	}
	join := func() string { return readOnly + " " + strings.Join(left, st.StatusKey.Render(" · ")) + spin }
	line := join()
	for len(left) > 2 && lipgloss.Width(line) > m.c.Width-1 {
		left = left[:len(left)-1]
		line = join()
	}
	right := ""
	if m.toast != nil {
		style := st.ToastInfo
		switch m.toast.kind {
		case common.ToastSuccess:
			style = st.ToastSuccess
		case common.ToastError:
			style = st.ToastError
		}
		// A toast is news: it gets room before the time of the last load
		// and the host, never before the account and provider.
		for len(left) > 2 && lipgloss.Width(line)+ansi.StringWidth(m.toast.text)+3 > m.c.Width {
			left = left[:len(left)-1]
			line = join()
		}
		room := m.c.Width - lipgloss.Width(line) - 3
		right = style.Render(ansi.Truncate(m.toast.text, max(0, room), "…"))
	}
	gap := m.c.Width - lipgloss.Width(line) - lipgloss.Width(right) - 1
	if gap < 1 {
		return ansi.Truncate(line, m.c.Width, "…")
	}
	return line + strings.Repeat(" ", gap) + right + " "
}

// helpLine is the short help of whatever has the keys.
func (m *Model) helpLine() string {
	var b []key.Binding
	k := m.c.Keys
	switch {
	case m.login != nil:
		b = m.login.ShortHelp()
	case len(m.modals) > 0:
		b = m.modals[len(m.modals)-1].ShortHelp()
	default:
		b = append(m.views[m.active].ShortHelp(), k.Refresh, m.switchKey)
		// A list's own keys (sort, copy the id) come after the global ones.
		if l, ok := m.views[m.active].(interface{ ListKeys() []key.Binding }); ok {
			b = append(b, l.ListKeys()...)
		}
		b = uniqueBindings(append(b, k.Help, k.Quit))
	}
	// Whole hints only: fewer of them rather than a line cut with "…";
	// help (which lists the rest), quit and cancel stay.
	return " " + m.help.ShortHelpView(components.FitShortHelp(m.help, b, m.c.Width-2, k.Help, k.Quit, k.Back, k.ForceQuit))
}

// uniqueBindings drops bindings whose keys were already listed.
func uniqueBindings(bs []key.Binding) []key.Binding {
	seen := map[string]bool{}
	out := bs[:0:0]
	for _, b := range bs {
		if k := b.Help().Key; !seen[k] {
			seen[k] = true
			out = append(out, b)
		}
	}
	return out
}

// fullHelp is what "?" shows: the global keys and the active view's.
func (m *Model) fullHelp() [][]key.Binding {
	k := m.c.Keys
	groups := [][]key.Binding{
		append(append([]key.Binding(nil), m.tabKeys...), k.NextTab, k.PrevTab),
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
	}
	global := []key.Binding{k.Filter, common.WithDesc(k.Back, "back"), k.Refresh, m.switchKey, k.Help, k.Quit, k.ForceQuit}
	listed := map[string]bool{}
	for _, b := range global {
		listed[b.Help().Key] = true
	}
	// The view's own keys, minus any the global column already shows.
	for _, g := range m.views[m.active].FullHelp() {
		var own []key.Binding
		for _, b := range g {
			if !listed[b.Help().Key] {
				own = append(own, b)
			}
		}
		if len(own) > 0 {
			groups = append(groups, own)
		}
	}
	return append(groups, global)
}

// staleAge is how old stale rows are, in the largest whole unit: "40s",
// "3m", "2h", "5d".
func staleAge(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", max(0, int(d.Seconds())))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

// fitHeight pads or cuts s to exactly h lines, each cut to w columns.
func fitHeight(s string, h, w int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// overlay draws a modal centred over the body, which is dimmed behind it.
func overlay(st *common.Styles, body, modal string, w, h int) string {
	bg := strings.Split(body, "\n")
	fg := strings.Split(modal, "\n")
	if len(fg) > h {
		fg = fg[:h]
	}
	left, top := modalOrigin(modal, w, h)
	for i := range bg {
		plain := ansi.Strip(bg[i])
		if i < top || i >= top+len(fg) {
			bg[i] = st.Muted.Faint(true).Render(plain)
			continue
		}
		line := fg[i-top]
		lw := lipgloss.Width(line)
		leftPart := ansi.Truncate(plain, left, "")
		leftPart += strings.Repeat(" ", left-ansi.StringWidth(leftPart))
		rightPart := ansi.TruncateLeft(plain, left+lw, "")
		bg[i] = st.Muted.Faint(true).Render(leftPart) + ansi.Truncate(line, w-left, "") + st.Muted.Faint(true).Render(rightPart)
	}
	return strings.Join(bg, "\n")
}

// modalOrigin is where overlay puts the top-left corner of modal over a
// body of w×h: centred, cut at the bottom when it is taller.
func modalOrigin(modal string, w, h int) (left, top int) {
	return max(0, (w-lipgloss.Width(modal))/2), max(0, (h-min(h, lipgloss.Height(modal)))/2)
}
