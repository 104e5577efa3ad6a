package login

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// rejected is the screen after the key in use, from the credentials file,
// was rejected; the file holds text (nothing when it is "").
func rejected(t *testing.T, text string) *screen {
	t.Helper()
	s := newScreen(t, false, api.KeyFromFile)
	if text != "" {
		if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(s.path, []byte(text+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	path := s.path
	s.m.c.SavedKey = func() (string, error) { return config.ReadCredentials(path) }
	s.m = New(s.m.c, "Targon did not accept the API key (401).", false)
	s.settle(t, s.m.Init())
	return s
}

// settle runs cmd and feeds the screen its own messages.
func (s *screen) settle(t *testing.T, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	return s.solo().Settle(t, cmd)
}

// After a rejection the screen says what the credentials file holds now,
// having read it and checked its key: the rejected key, nothing, or
// another key that works (another copy of the dashboard rolled the key
// and saved the new one), which enter on an empty box signs in with.
func TestLoginSaysWhatTheFileHolds(t *testing.T) {
	s := rejected(t, "tgn_rolled_away_0000000000")
	if v := uitest.Plain(s.m.View()); !strings.Contains(v, "credentials-default still holds a key Targon does not accept; saving the new key replaces it.") {
		t.Errorf("rejected key in the file:\n%s", v)
	}

	s = rejected(t, "")
	if v := uitest.Plain(s.m.View()); !strings.Contains(v, "credentials-default holds no key now; saving the new key replaces it.") || strings.Contains(v, "still holds") {
		t.Errorf("no file:\n%s", v)
	}

	s = rejected(t, "")
	good := s.sim.DemoKey()
	if err := config.SaveCredentials(s.path, good); err != nil {
		t.Fatal(err)
	}
	s.m = New(s.m.c, "Targon did not accept the API key (401).", false)
	s.settle(t, s.m.Init())
	v := uitest.Plain(s.m.View())
	if !strings.Contains(v, "credentials-default now holds another key, which Targon accepts") || strings.Contains(v, "still holds") ||
		!strings.Contains(v, "enter use the saved key") || strings.Contains(v, good) {
		t.Errorf("a working key in the file:\n%s", v)
	}
	if out := s.send(t, "enter"); len(out) != 1 || out[0] != (DoneMsg{Key: good}) {
		t.Errorf("enter on an empty box: %v, want DoneMsg with the saved key", out)
	}
}
