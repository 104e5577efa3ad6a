// Package login is the sign-in screen: shown when no API key is configured,
// when the API rejects the key (401), or when the user asks to sign in with
// another key. The key is typed masked, checked with one request, and may
// be saved to the profile's credentials file.
//
// It imports api (neutral), ui/common and ui/components; never a concrete
// provider.
package login

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/keyguard"
)

// DoneMsg says the user signed in with Key (already checked by the API).
type DoneMsg struct {
	Key string
	// Saved is true when the key was written to the credentials file.
	Saved bool
}

// DemoMsg asks the root to switch to the built-in demo account.
type DemoMsg struct{}

// SwitchMsg asks the root to open the account switcher over the screen
// (see Cover).
type SwitchMsg struct{}

// BackMsg says the user left a screen opened with AllowBack without
// signing in: the root closes it and keeps the key in use.
type BackMsg struct{}

// step is where the screen is in its flow.
type step int

const (
	typing   step = iota // the user types the key
	checking             // a request checks it
	askSave              // "save to the credentials file?"
	saving               // writing the file
)

// privateKeyRefused says why the key box was just cleared: this screen
// wants an API key, not the public key a form would.
const privateKeyRefused = "that was a private key: it was cleared, never shown and nothing was sent; paste an API key instead"

// Model is the sign-in screen.
type Model struct {
	c       *common.Common
	input   textinput.Model
	spinner spinner.Model
	step    step
	reason  string
	err     string
	saveYes bool
	key     string
	host    string // where the key was checked
	// kind says what kind of key was accepted, where the account can tell
	// (api.CurrentKeyer): management or inference.
	kind    keyKind
	canDemo bool
	// canBack lets esc on an empty box leave the screen (AllowBack).
	canBack bool
	// saved is what the credentials file holds, read after a rejection.
	saved savedKey
	guard keyguard.KeyGuard
	box   dialog.Box
	// over is a dialog the root put over the screen (the account
	// switcher): it has the keys until it closes.
	over common.Modal
}

// New returns the screen; reason says why it is shown (may be empty);
// canDemo offers the demo account (the Demo key).
func New(c *common.Common, reason string, canDemo bool) *Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = c.Account.Provider().SecretHint
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	in.CharLimit = 512
	in.Cursor.Style = c.Styles.Accent
	in.PlaceholderStyle = c.Styles.Muted
	in.Focus()
	m := &Model{c: c, input: in, reason: reason, canDemo: canDemo,
		spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
	m.box.SetTyping()
	m.SetSize(c.Width, c.Height)
	return m
}

// AllowBack lets esc (on an empty key box) leave the screen with BackMsg:
// for a sign-in the user asked for while a key is in use.
func (m *Model) AllowBack() { m.canBack = true }

// Cover puts md (the account switcher) over the screen: it gets the keys
// and is drawn instead of the screen until it closes.
func (m *Model) Cover(md common.Modal) {
	md.SetSize(m.c.Width, m.c.Height)
	m.over = md
}

// SetSize fits the screen.
func (m *Model) SetSize(w, h int) {
	m.box.SetSize(w, h, 70, 6)
	m.input.Width = m.box.Inner() - 4
	if m.over != nil {
		m.over.SetSize(w, h)
	}
}

// Busy reports whether a check or a save is running, or the dialog over
// the screen waits for something.
func (m *Model) Busy() bool {
	return m.step == checking || m.step == saving || m.over != nil && m.over.Busy()
}

// Init starts the cursor blinking and, after a rejection, reads what the
// credentials file holds.
func (m *Model) Init() tea.Cmd { return tea.Batch(textinput.Blink, m.readSaved()) }

// Update handles typing, the check and the save question; while a dialog
// covers the screen, input goes to it.
func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	if m.over == nil {
		return m, m.update(msg)
	}
	var cmd tea.Cmd
	m.over, cmd = m.over.Update(msg)
	if m.over.Closed() {
		m.over = nil
	}
	switch msg.(type) {
	case tea.KeyMsg, tea.MouseMsg:
		return m, cmd
	}
	return m, tea.Batch(cmd, m.update(msg))
}

// update is Update for the screen itself.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if m.Busy() {
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return cmd
		}
		return nil
	case checkedMsg:
		return m.checked(msg)
	case savedKeyMsg:
		if msg.to == m {
			m.saved = msg.saved
		}
		return nil
	case savedMsg:
		if msg.err != nil {
			m.step, m.err = askSave, "could not save: "+m.c.ErrorText(msg.err)
			return nil
		}
		return done(msg.key, true)
	case tea.KeyMsg:
		return m.onKey(msg)
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// checked takes the outcome of a check: an error to correct, or the key,
// then the save question where the key can be saved.
func (m *Model) checked(msg checkedMsg) tea.Cmd {
	if m.step != checking {
		return nil
	}
	if msg.err != nil {
		m.step, m.err = typing, m.checkError(msg.err)
		return nil
	}
	m.key, m.host, m.kind = msg.key, msg.host, msg.kind
	if !m.canSave() {
		return done(msg.key, false)
	}
	m.step, m.saveYes = askSave, false
	return nil
}

// canSave reports whether an accepted key may be saved: there is a
// credentials file to save to, and read-only mode (which writes nothing,
// the credentials file included) is off.
func (m *Model) canSave() bool {
	h := m.c.Home
	return h.Source != api.KeyFromDemo && h.File != "" && m.c.SaveKey != nil && !m.c.ReadOnly
}

// canSwitch reports whether the account switcher is offered (the root
// enables P only where there are accounts to switch to).
func (m *Model) canSwitch() bool { return m.c.Keys.SwitchAccount.Enabled() }

func (m *Model) onKey(msg tea.KeyMsg) tea.Cmd {
	switch m.step {
	case checking, saving:
		return nil
	case askSave:
		return m.onSaveKey(msg)
	}
	k := m.c.Keys
	empty := m.input.Value() == ""
	switch {
	case m.guard.Drop(msg):
		// The rest of a private key typed in a burst (esc stops it).
		return nil
	case m.canDemo && key.Matches(msg, k.Demo):
		return func() tea.Msg { return DemoMsg{} }
	case m.canSwitch() && key.Matches(msg, k.LoginSwitch):
		return func() tea.Msg { return SwitchMsg{} }
	case key.Matches(msg, k.Submit) && !msg.Paste:
		if empty && m.saved.works() {
			return done(m.saved.key, false)
		}
		return m.check()
	case key.Matches(msg, k.Back) && msg.Type != tea.KeyRunes:
		if empty && m.canBack {
			return func() tea.Msg { return BackMsg{} }
		}
		m.input.SetValue("")
		m.err = ""
		return nil
	case msg.Type != tea.KeyRunes && key.Matches(msg, k.Up, k.Down):
		// Only keys that are not text scroll: letters go into the box.
		m.box.Scroll(msg, k)
		return nil
	}
	before := m.input.Value()
	cmd, refused := m.guard.Update(&m.input, msg)
	switch {
	case refused.PrivateKey:
		m.err = privateKeyRefused + m.keyLooksLike()
	case refused.Length > 0:
		m.err = fmt.Sprintf("that is %d characters, more than any API key (at most %d): it was not taken", refused.Length, m.input.CharLimit)
	case m.input.Value() != before:
		m.err = ""
	}
	return cmd
}

// onSaveKey answers the save question: y saves, n or esc does not, enter
// takes the highlighted choice (No first), the choice keys move it.
func (m *Model) onSaveKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Yes):
		return m.save()
	case key.Matches(msg, k.No), key.Matches(msg, k.Back):
		return done(m.key, false)
	case key.Matches(msg, k.Submit):
		if m.saveYes {
			return m.save()
		}
		return done(m.key, false)
	case key.Matches(msg, k.Choice):
		m.saveYes = !m.saveYes
	}
	return nil
}
