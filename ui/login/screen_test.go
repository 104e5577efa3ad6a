package login

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// atMinimum is the screen at the dashboard's minimum size, 60×15, after a
// rejection (the longest text above the box).
func atMinimum(t *testing.T) *screen {
	t.Helper()
	s := newScreen(t, true, api.KeyNone)
	s.m = New(s.m.c, "Targon did not accept the API key (401): it may have been deleted, rolled or disabled. Sign in with a valid key.", true)
	s.m.SetSize(60, 15)
	return s
}

// fitsAtMinimum fails unless v fits the 11 lines the root leaves a
// dialog at 60×15, its lower border included.
func fitsAtMinimum(t *testing.T, when, v string) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) > 11 || !strings.HasPrefix(strings.TrimSpace(lines[len(lines)-1]), "╰") || lipgloss.Width(v) > 60 {
		t.Errorf("%s: %d lines, %d wide, want the whole box in 60×11:\n%s", when, len(lines), lipgloss.Width(v), v)
	}
}

// At 60×15 the key box is always on screen, the scroll line names no key
// that is text there (j and k are typed into the box), ↑/↓ scroll the text
// above, and after a good key the save question fits with its lower
// border.
func TestLoginAtMinimumSize(t *testing.T) {
	s := atMinimum(t)
	v := uitest.Plain(s.m.View())
	fitsAtMinimum(t, "typing", s.m.View())
	if !strings.Contains(v, "API key") || !strings.Contains(v, "› "+s.m.c.Account.Provider().SecretHint) {
		t.Errorf("the key box is not on screen:\n%s", s.m.View())
	}
	if strings.Contains(v, "k/↑") || strings.Contains(v, "j/↓") {
		t.Errorf("the scroll line names letters that are typed into the box:\n%s", s.m.View())
	}
	if !strings.Contains(v, "↑ scroll") && !strings.Contains(v, "↓ scroll") {
		t.Errorf("the scroll line names no scroll key:\n%s", s.m.View())
	}
	s.typeText("jjj")
	if s.m.input.Value() != "jjj" {
		t.Errorf("input = %q", s.m.input.Value())
	}
	top := s.m.View()
	s.m.Update(tea.KeyMsg{Type: tea.KeyDown})
	if s.m.View() == top {
		t.Errorf("↓ did not scroll:\n%s", s.m.View())
	}
	s.send(t, "esc")
	s.typeText(s.sim.DemoKey())
	s.send(t, "enter")
	if !strings.Contains(uitest.Plain(s.m.View()), "[ No ]") {
		t.Fatalf("no save question:\n%s", s.m.View())
	}
	fitsAtMinimum(t, "save question", s.m.View())
}

// NO_COLOR (the ASCII profile) keeps the save choice marked: the
// highlighted button is bracketed, the other is not.
func TestLoginSaveChoiceMarkedWithoutColour(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	s.typeText(s.sim.DemoKey())
	s.send(t, "enter")
	no := uitest.Plain(s.m.View())
	s.send(t, "right")
	yes := uitest.Plain(s.m.View())
	if !strings.Contains(no, "[ No ]") || strings.Contains(no, "[ Save ]") || !strings.Contains(yes, "[ Save ]") || strings.Contains(yes, "[ No ]") {
		t.Errorf("the choice is not marked:\n%s\n%s", no, yes)
	}
}

// Read-only: the screen does not promise a save it will not offer.
func TestLoginReadOnlyPromisesNoSave(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	s.m.c.ReadOnly = true
	v := uitest.Plain(s.m.View())
	if strings.Contains(v, "save it") || !strings.Contains(v, "Read-only: it is used until you quit and saved nowhere.") {
		t.Errorf("view:\n%s", v)
	}
}

// A private key pasted here is refused with advice for this screen: an API
// key, not a public key.
func TestLoginPrivateKeyAdvice(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	s.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----\n"), Paste: true})
	v := uitest.Plain(s.m.View())
	if strings.Contains(v, "public key") || !strings.Contains(v, "paste an API key instead (it starts with tgn_)") {
		t.Errorf("view:\n%s", v)
	}
}

// The screen names the account it signs in to; where there are accounts
// to switch to, ctrl+p (P is text here) asks the root for the switcher,
// which then covers the screen and has the keys until it closes.
func TestLoginOffersAccountSwitcher(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	v := uitest.Plain(s.m.View())
	if !strings.Contains(v, "Sign in to Targon account “default”") || !strings.Contains(v, "ctrl+p switch account") {
		t.Errorf("view:\n%s", v)
	}
	if out := s.send(t, "ctrl+p"); len(out) != 1 || out[0] != (SwitchMsg{}) {
		t.Fatalf("ctrl+p: %v, want SwitchMsg", out)
	}
	over := &fakeDialog{}
	s.m.Cover(over)
	s.send(t, "P", "enter")
	if s.m.input.Value() != "" || len(over.keys) != 2 || !strings.Contains(s.m.View(), "fake switcher") {
		t.Errorf("input %q, dialog got %v:\n%s", s.m.input.Value(), over.keys, s.m.View())
	}
	if h := uitest.Hints(s.m.ShortHelp()); h != "esc cancel" {
		t.Errorf("short help %q, want the dialog's", h)
	}
	s.send(t, "esc")
	s.typeText("P")
	if s.m.input.Value() != "P" || !strings.Contains(s.m.View(), "Sign in") {
		t.Errorf("after the dialog closed: input %q:\n%s", s.m.input.Value(), s.m.View())
	}
	// Without accounts to switch to, nothing is offered.
	s = newScreen(t, false, api.KeyNone)
	s.m.c.Keys.SwitchAccount.SetEnabled(false)
	if strings.Contains(uitest.Plain(s.m.View()), "switch account") || len(s.send(t, "ctrl+p")) != 0 {
		t.Error("the switcher is offered without accounts")
	}
}

// A screen the user asked for (AllowBack) goes back with esc on an empty
// box; esc with text clears it first.
func TestLoginAllowBack(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	if out := s.send(t, "esc"); len(out) != 0 {
		t.Errorf("esc left a screen shown for want of a key: %v", out)
	}
	s.m.AllowBack()
	if !strings.Contains(uitest.Plain(s.m.View()), "esc back") {
		t.Errorf("view:\n%s", s.m.View())
	}
	s.typeText("tgn_x")
	if out := s.send(t, "esc"); len(out) != 0 || s.m.input.Value() != "" {
		t.Errorf("esc with text: %v, input %q", out, s.m.input.Value())
	}
	if out := s.send(t, "esc"); len(out) != 1 || out[0] != (BackMsg{}) {
		t.Errorf("esc on an empty box: %v, want BackMsg", out)
	}
}

// fakeDialog records the keys it gets and closes on esc.
type fakeDialog struct {
	common.Outbox
	keys   []string
	closed bool
}

func (f *fakeDialog) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		f.keys = append(f.keys, km.String())
		f.closed = km.Type == tea.KeyEsc
	}
	return f, nil
}
func (f *fakeDialog) View() string     { return "fake switcher" }
func (f *fakeDialog) SetSize(_, _ int) {}
func (f *fakeDialog) Busy() bool       { return false }
func (f *fakeDialog) Closed() bool     { return f.closed }
func (f *fakeDialog) ShortHelp() []key.Binding {
	return []key.Binding{key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))}
}
