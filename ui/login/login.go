// Package login is the sign-in screen: shown when no API key is configured
// or when the API rejects the key (401). The key is typed masked, checked
// with a credits call, and may be saved to the profile's credentials file.
//
// It imports api (neutral), ui/common and ui/components; never a concrete
// provider.
package login

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/keyguard"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// DoneMsg says the user signed in with Key (already checked by the API).
type DoneMsg struct {
	Key string
	// Saved is true when the key was written to the credentials file.
	Saved bool
}

// DemoMsg asks the root to switch to the built-in demo account.
type DemoMsg struct{}

// checkedMsg is the outcome of checking a key with a credits call against
// host.
type checkedMsg struct {
	key, host string
	err       error
}

// savedMsg is the outcome of saving the key.
type savedMsg struct {
	key string
	err error
}

// step is where the screen is in its flow.
type step int

const (
	typing   step = iota // the user types the key
	checking             // a credits call checks it
	askSave              // "save to the credentials file?"
	saving               // writing the file
)

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
	canDemo bool
	guard   keyguard.KeyGuard
	box     dialog.Box
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
	m.SetSize(c.Width, c.Height)
	return m
}

// SetSize fits the screen.
func (m *Model) SetSize(w, h int) {
	m.box.SetSize(w, h, 70, 6)
	m.input.Width = m.box.Inner() - 4
}

// Busy reports whether a check or a save is running.
func (m *Model) Busy() bool { return m.step == checking || m.step == saving }

// Init starts the cursor blinking.
func (m *Model) Init() tea.Cmd { return textinput.Blink }

// Update handles typing, the check and the save question.
func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if m.Busy() {
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return m, cmd
		}
		return m, nil
	case checkedMsg:
		if m.step != checking {
			return m, nil
		}
		if msg.err != nil {
			m.step, m.err = typing, m.checkError(msg.err)
			return m, nil
		}
		m.key, m.host = msg.key, msg.host
		// Read-only writes nothing, the credentials file included.
		if m.c.Home.Source == api.KeyFromDemo || m.c.Home.File == "" || m.c.SaveKey == nil || m.c.ReadOnly {
			return m, done(msg.key, false)
		}
		m.step, m.saveYes = askSave, false
		return m, nil
	case savedMsg:
		if msg.err != nil {
			m.step, m.err = askSave, "could not save: "+m.c.ErrorText(msg.err)
			return m, nil
		}
		return m, done(msg.key, true)
	case tea.KeyMsg:
		return m.onKey(msg)
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

func (m *Model) onKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.c.Keys
	switch m.step {
	case checking, saving:
		return m, nil
	case askSave:
		switch {
		case key.Matches(msg, k.Yes):
			return m, m.save()
		case key.Matches(msg, k.No), key.Matches(msg, k.Back):
			return m, done(m.key, false)
		case key.Matches(msg, k.Submit):
			if m.saveYes {
				return m, m.save()
			}
			return m, done(m.key, false)
		case key.Matches(msg, k.Choice):
			m.saveYes = !m.saveYes
		}
		return m, nil
	}
	switch {
	case m.guard.Drop(msg):
		// The rest of a private key typed in a burst (esc stops it).
		return m, nil
	case m.canDemo && key.Matches(msg, k.Demo):
		return m, func() tea.Msg { return DemoMsg{} }
	case key.Matches(msg, k.Submit) && !msg.Paste:
		return m, m.check()
	case key.Matches(msg, k.Back) && msg.Type != tea.KeyRunes:
		m.input.SetValue("")
		m.err = ""
		return m, nil
	}
	before := m.input.Value()
	cmd, refused := m.guard.Update(&m.input, msg)
	switch {
	case refused.PrivateKey:
		m.err = keyguard.PrivateKeyRefused + m.keyLooksLike()
	case m.input.Value() != before:
		m.err = ""
	}
	return m, cmd
}

// check tries the typed key with one request: the current-key endpoint where
// the account has one (an inference key may call nothing else), else the
// balance.
func (m *Model) check() tea.Cmd {
	k := strings.TrimSpace(m.input.Value())
	if err := api.CheckKey(k); err != nil {
		m.err = err.Error()
		return nil
	}
	m.step, m.err = checking, ""
	host := common.HostOf(m.c.Account.BaseURL())
	newAccount := m.c.NewAccount
	return tea.Batch(m.spinner.Tick, func() tea.Msg {
		if newAccount == nil {
			return checkedMsg{key: k, host: host, err: errors.New("signing in is not possible here")}
		}
		acct, err := newAccount(k)
		if err != nil {
			return checkedMsg{key: k, host: host, err: err}
		}
		ctx, cancel := context.WithTimeout(context.Background(), common.RequestTimeout)
		defer cancel()
		// An account that can describe its own key checks it that way, so
		// a key that may not read the credits (an inference key) still
		// signs in; others ask for the balance.
		if keyer, ok := acct.(api.CurrentKeyer); ok {
			_, err = keyer.CurrentKey(ctx)
		} else {
			_, err = acct.Balance(ctx)
		}
		return checkedMsg{key: k, host: host, err: err}
	})
}

// keyLooksLike says what the provider's keys look like, after a refused
// private key: " (an API key starts with tgn_)".
func (m *Model) keyLooksLike() string {
	hint := strings.TrimSuffix(m.c.Account.Provider().SecretHint, "…")
	if hint == "" {
		return ""
	}
	return " (an API key starts with " + hint + ")"
}

// save writes the key to the profile's credentials file.
func (m *Model) save() tea.Cmd {
	m.step, m.err = saving, ""
	save, k := m.c.SaveKey, m.key
	return tea.Batch(m.spinner.Tick, func() tea.Msg {
		return savedMsg{key: k, err: save(k)}
	})
}

func done(k string, saved bool) tea.Cmd {
	return func() tea.Msg { return DoneMsg{Key: k, Saved: saved} }
}

// checkError words a failed check.
func (m *Model) checkError(err error) string {
	if errors.Is(err, api.ErrUnauthorized) {
		return m.c.ProviderName() + " did not accept this key (401). Check it and try again."
	}
	return "could not check the key: " + m.c.ErrorText(err)
}

// View draws the screen. The input (or the save question) and the hint
// are always shown; on a short screen the text above scrolls.
func (m *Model) View() string {
	st, k := m.c.Styles, m.c.Keys
	inner := m.box.Inner()
	home, provider := m.c.Home, m.c.ProviderName()
	var b strings.Builder
	if m.reason != "" {
		b.WriteString(st.Warning.Render(textfit.WrapWords(m.reason, inner)))
		b.WriteString("\n")
		if note := m.storedKeyNote(inner); note != "" {
			b.WriteString(st.Warning.Render(textfit.WrapWords(note, inner)))
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	intro := "Paste an API key from the " + provider + " console. It is checked with a request to " + textfit.FitPath(m.c.Account.BaseURL(), inner) + "."
	if m.reason == "" && m.c.SaveKey != nil && home.File != "" {
		intro += " You can then save it to " + textfit.FitPath(common.ShortPath(home.File), inner) + "."
	}
	b.WriteString(st.Muted.Render(textfit.WrapWords(intro, inner)))
	b.WriteString("\n\n")
	b.WriteString(st.LabelFocused.Render("API key"))
	b.WriteString("\n› ")
	b.WriteString(m.input.View())
	var foot strings.Builder
	switch m.step {
	case checking:
		foot.WriteString(m.spinner.View() + st.Muted.Render(" checking…"))
	case saving:
		foot.WriteString(m.spinner.View() + st.Muted.Render(" saving…"))
	case askSave:
		foot.WriteString(st.Success.Render(textfit.WrapWords("✓ Key accepted by "+m.host+".", inner)))
		foot.WriteString("\n")
		foot.WriteString(textfit.WrapWords("Save it to "+textfit.FitPath(common.ShortPath(home.File), inner)+" (mode 0600) so you stay signed in to "+m.host+"?", inner))
		foot.WriteString("\n")
		no, yes := st.Button, st.Button
		if m.saveYes {
			yes = st.ButtonActive
		} else {
			no = st.ButtonActive
		}
		foot.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, no.UnsetBorderStyle().UnsetPadding().Render("[ No ]"), "  ", yes.UnsetBorderStyle().UnsetPadding().Render("[ Save ]")))
	}
	if m.err != "" {
		if foot.Len() > 0 {
			foot.WriteString("\n")
		}
		foot.WriteString(st.Error.Render(textfit.WrapWords("✗ "+m.err, inner)))
	}
	if foot.Len() > 0 {
		foot.WriteString("\n")
	}
	foot.WriteString(m.hint(inner))
	return m.box.Render(st, k, st.Modal, st.ModalTitle.Render("Sign in to "+provider), b.String(), foot.String())
}

// storedKeyNote says where the rejected or deleted key is still stored,
// and what saving a new one does.
func (m *Model) storedKeyNote(width int) string {
	h := m.c.Home
	switch {
	case h.Source == api.KeyFromFile && h.File != "":
		return textfit.FitPath(common.ShortPath(h.File), width) + " still holds that key; saving the new key replaces it."
	case h.Source == api.KeyFromEnv:
		return h.Env + " still holds that key: update it in your environment."
	}
	return ""
}

// hint names the keys that work now, from the key map.
func (m *Model) hint(width int) string {
	st, k := m.c.Styles, m.c.Keys
	quit := textfit.KeyNames(k.ForceQuit)
	switch m.step {
	case askSave:
		return textfit.Hint(st, width, textfit.KeyNames(k.Yes), "save", textfit.KeyNames(k.No, k.Back), "don't save", textfit.KeyNames(k.Submit), "choose")
	case typing:
		demo := ""
		if m.canDemo {
			demo = textfit.KeyNames(k.Demo)
		}
		return textfit.Hint(st, width, textfit.KeyNames(k.Submit), "sign in", textfit.KeyNames(k.Back), "clear", demo, "try the demo", quit, "quit")
	}
	return textfit.Hint(st, width, quit, "quit")
}

// ShortHelp lists the screen's keys.
func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.step == askSave {
		return []key.Binding{k.Yes, k.No}
	}
	b := []key.Binding{common.WithDesc(k.Submit, "sign in")}
	if m.canDemo {
		b = append(b, k.Demo)
	}
	return append(b, k.ForceQuit)
}
