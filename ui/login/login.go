// Package login is the sign-in screen: shown when no API key is configured
// or when the API rejects the key (401). The key is typed masked, checked
// with a credits call, and may be saved to the profile's credentials file.
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
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/ui/common"
)

// DoneMsg says the user signed in with Key (already checked by the API).
type DoneMsg struct {
	Key string
	// Saved is true when the key was written to the credentials file.
	Saved bool
}

// DemoMsg asks the root to switch to the built-in demo account.
type DemoMsg struct{}

// checkedMsg is the outcome of checking a key with a credits call.
type checkedMsg struct {
	key string
	err error
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
	canDemo bool
	width   int
}

// New returns the screen; reason says why it is shown (may be empty);
// canDemo offers the demo account (ctrl+d).
func New(c *common.Common, reason string, canDemo bool) *Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = "tgn_…"
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

// demoKey is the key that switches to the demo account.
var demoKey = key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "try the demo"))

// SetSize fits the screen.
func (m *Model) SetSize(w, h int) {
	m.width = min(70, max(20, w-6))
	m.input.Width = m.width - 8
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
			m.step, m.err = typing, checkError(msg.err)
			return m, nil
		}
		m.key = msg.key
		if m.c.Settings.KeySource == config.KeyFromDemo || m.c.Settings.CredentialsPath == "" {
			return m, done(msg.key, false)
		}
		m.step, m.saveYes = askSave, false
		return m, nil
	case savedMsg:
		if msg.err != nil {
			m.step, m.err = askSave, "could not save: "+common.ErrorText(msg.err)
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
		case msg.Type == tea.KeyEnter:
			if m.saveYes {
				return m, m.save()
			}
			return m, done(m.key, false)
		case msg.Type == tea.KeyLeft, msg.Type == tea.KeyRight, msg.Type == tea.KeyTab, msg.String() == "h", msg.String() == "l":
			m.saveYes = !m.saveYes
		}
		return m, nil
	}
	switch {
	case m.canDemo && key.Matches(msg, demoKey):
		return m, func() tea.Msg { return DemoMsg{} }
	case msg.Type == tea.KeyEnter && !msg.Paste:
		return m, m.check()
	case key.Matches(msg, k.Back) && msg.Type != tea.KeyRunes:
		m.input.SetValue("")
		m.err = ""
		return m, nil
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m.err = ""
	}
	return m, cmd
}

// check sends the typed key to the credits endpoint.
func (m *Model) check() tea.Cmd {
	k := strings.TrimSpace(m.input.Value())
	if err := config.CheckKey(k); err != nil {
		m.err = err.Error()
		return nil
	}
	m.step, m.err = checking, ""
	baseURL := m.c.Settings.BaseURL
	return tea.Batch(m.spinner.Tick, func() tea.Msg {
		client, err := api.New(baseURL, k, api.WithUserAgent(api.DefaultUserAgent))
		if err != nil {
			return checkedMsg{key: k, err: err}
		}
		ctx, cancel := context.WithTimeout(context.Background(), common.RequestTimeout)
		defer cancel()
		_, err = client.Credits(ctx)
		return checkedMsg{key: k, err: err}
	})
}

// save writes the key to the profile's credentials file.
func (m *Model) save() tea.Cmd {
	m.step, m.err = saving, ""
	path, k := m.c.Settings.CredentialsPath, m.key
	return tea.Batch(m.spinner.Tick, func() tea.Msg {
		return savedMsg{key: k, err: config.SaveCredentials(path, k)}
	})
}

func done(k string, saved bool) tea.Cmd {
	return func() tea.Msg { return DoneMsg{Key: k, Saved: saved} }
}

// checkError words a failed check.
func checkError(err error) string {
	if errors.Is(err, api.ErrUnauthorized) {
		return "Targon did not accept this key (401). Check it and try again."
	}
	return "could not check the key: " + common.ErrorText(err)
}

// View draws the screen.
func (m *Model) View() string {
	st := m.c.Styles
	var b strings.Builder
	b.WriteString(st.ModalTitle.Render("Sign in to Targon"))
	b.WriteString("\n\n")
	if m.reason != "" {
		b.WriteString(st.Warning.Render(wrapText(m.reason, m.width-6)))
		b.WriteString("\n\n")
	}
	b.WriteString(st.Muted.Render(wrapText("Paste an API key from the Targon console. It is checked with a credits request to "+m.c.Settings.BaseURL+".", m.width-6)))
	b.WriteString("\n\n")
	b.WriteString(st.LabelFocused.Render("API key"))
	b.WriteString("\n› ")
	b.WriteString(m.input.View())
	b.WriteString("\n\n")
	switch m.step {
	case checking:
		b.WriteString(m.spinner.View() + st.Muted.Render(" checking…"))
	case saving:
		b.WriteString(m.spinner.View() + st.Muted.Render(" saving…"))
	case askSave:
		b.WriteString(st.Success.Render("✓ Key accepted."))
		b.WriteString("\n")
		b.WriteString(wrapText("Save it to "+common.ShortPath(m.c.Settings.CredentialsPath)+" (mode 0600) so you stay signed in?", m.width-6))
		b.WriteString("\n\n")
		no, yes := st.Button, st.Button
		if m.saveYes {
			yes = st.ButtonActive
		} else {
			no = st.ButtonActive
		}
		b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, no.Render("No"), " ", yes.Render("Save")))
	}
	if m.err != "" {
		b.WriteString("\n")
		b.WriteString(st.Error.Render(wrapText("✗ "+m.err, m.width-6)))
	}
	b.WriteString("\n\n")
	b.WriteString(st.Muted.Render(m.hint()))
	return st.Modal.Width(m.width).Render(b.String())
}

func (m *Model) hint() string {
	switch m.step {
	case askSave:
		return "y save · n/esc don't save · enter choose"
	case typing:
		h := "enter sign in · esc clear"
		if m.canDemo {
			h += " · ctrl+d try the demo"
		}
		return h + " · ctrl+c quit"
	}
	return "ctrl+c quit"
}

// ShortHelp lists the screen's keys.
func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.step == askSave {
		return []key.Binding{k.Yes, k.No}
	}
	b := []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "sign in"))}
	if m.canDemo {
		b = append(b, demoKey)
	}
	return append(b, k.ForceQuit)
}

func wrapText(s string, w int) string {
	return lipgloss.NewStyle().Width(max(10, w)).Render(s)
}
