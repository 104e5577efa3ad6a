package login

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// screen is a sign-in screen talking to a fresh simulator.
type screen struct {
	m    *Model
	sim  *targontest.Server
	path string // the profile's credentials file (not there yet)
}

// newScreen builds the sign-in screen for a profile whose key would be
// saved under a temporary home.
func newScreen(t *testing.T, canDemo bool, source api.KeySource) *screen {
	t.Helper()
	sim := targontest.New()
	path := filepath.Join(t.TempDir(), ".targon", "credentials-default")
	c, _ := uitest.NewCommon(uitest.Client(t, sim, ""))
	c.Profile = "default"
	c.Home = api.KeyHome{Source: source, Env: "TARGON_API_KEY", File: path}
	c.SaveKey = func(k string) error { return config.SaveCredentials(path, k) }
	return &screen{m: New(c, "", canDemo), sim: sim, path: path}
}

// typeText types text one rune at a time, dropping the cursor blinks.
func (s *screen) typeText(text string) { uitest.Type(s.m.Update, text) }

// send presses keys, feeding the screen its own messages (the check's and
// the save's outcome), and returns the messages meant for the root.
func (s *screen) send(t *testing.T, keys ...string) []tea.Msg {
	t.Helper()
	return s.solo().Keys(t, keys...)
}

// solo drives the screen alone: its own messages (a check's, a save's,
// the credentials file's) go back to it.
func (s *screen) solo() uitest.Solo[*Model] {
	return uitest.Solo[*Model]{Update: s.m.Update, Own: func(msg tea.Msg) bool {
		switch msg.(type) {
		case checkedMsg, savedMsg, savedKeyMsg:
			return true
		}
		return false
	}}
}

// creditsCalls counts the check requests the simulator saw.
func (s *screen) creditsCalls() int {
	n := 0
	for _, r := range s.sim.Requests() {
		if strings.HasSuffix(r.Path, "/me/credits") {
			n++
		}
	}
	return n
}

// The key is typed masked: neither it nor any part of it is ever drawn,
// before the check, after a failed one, or at the save question.
func TestLoginMasksKey(t *testing.T) {
	s := newScreen(t, true, api.KeyNone)
	good := s.sim.DemoKey()
	secretPart := good[len(good)-12:]
	check := func(when string) {
		t.Helper()
		v := s.m.View()
		if strings.Contains(v, good) || strings.Contains(v, secretPart) {
			t.Errorf("%s: the view shows the key:\n%s", when, v)
		}
	}
	s.typeText("tgn_wrong_" + secretPart)
	check("typing")
	if !strings.Contains(s.m.View(), "••••••••") {
		t.Errorf("no mask characters:\n%s", s.m.View())
	}
	s.send(t, "enter")
	check("after a failed check")

	s.send(t, "esc")
	// A paste arrives as one message.
	s.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(good), Paste: true})
	check("pasted")
	s.send(t, "enter")
	if !strings.Contains(s.m.View(), "Key accepted") {
		t.Fatalf("not at the save question:\n%s", s.m.View())
	}
	check("save question")
}

// A key the API rejects: the 401 is explained, the typed key stays for
// correction, and nothing is reported to the root.
func TestLoginWrongKey(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	s.typeText("tgn_wrongkey0000000000")
	_, cmd := s.m.Update(uitest.Key("enter"))
	if !s.m.Busy() || !strings.Contains(uitest.Plain(s.m.View()), "checking…") {
		t.Fatalf("busy=%v view:\n%s", s.m.Busy(), s.m.View())
	}
	// Keys do nothing while the check runs.
	for _, k := range []string{"x", "enter", "esc", "backspace"} {
		if _, c := s.m.Update(uitest.Key(k)); c != nil {
			t.Errorf("%q while checking returned a command", k)
		}
	}
	var out []tea.Msg
	for _, msg := range uitest.Run(t, cmd) {
		if _, ok := msg.(checkedMsg); !ok {
			t.Fatalf("unexpected %T", msg)
		}
		_, next := s.m.Update(msg)
		out = append(out, uitest.Run(t, next)...)
	}
	if len(out) != 0 {
		t.Errorf("a rejected key emitted %v", out)
	}
	if s.m.Busy() || s.m.input.Value() != "tgn_wrongkey0000000000" {
		t.Errorf("busy=%v input=%q, want the typed key kept", s.m.Busy(), s.m.input.Value())
	}
	if v := uitest.Plain(s.m.View()); !strings.Contains(v, "Targon did not accept this key (401)") {
		t.Errorf("view:\n%s", s.m.View())
	}
	reqs := s.sim.Requests()
	if len(reqs) != 1 || reqs[0].Method != "GET" || !strings.HasSuffix(reqs[0].Path, "/me/credits") || reqs[0].Status != 401 {
		t.Errorf("requests = %+v, want one credits call answered 401", reqs)
	}
	// Typing again clears the error.
	s.m.Update(uitest.Key("x"))
	if strings.Contains(s.m.View(), "did not accept") {
		t.Error("the error stayed after editing")
	}
}

// Any other failure says what went wrong with the check.
func TestLoginServerError(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	s.sim.InjectFault(targontest.Fault{Status: 500, Times: 1})
	s.typeText(s.sim.DemoKey())
	if out := s.send(t, "enter"); len(out) != 0 {
		t.Errorf("out = %v", out)
	}
	if v := uitest.Plain(s.m.View()); !strings.Contains(v, "could not check the key: the Targon API had a problem (HTTP 500)") {
		t.Errorf("view:\n%s", s.m.View())
	}
	// Enter tries again.
	s.send(t, "enter")
	if !strings.Contains(s.m.View(), "Key accepted") {
		t.Errorf("retry did not reach the save question:\n%s", s.m.View())
	}
}

// A key that cannot be valid is refused without a request.
func TestLoginRefusesBadInputWithoutRequest(t *testing.T) {
	tests := []struct {
		typed string
		want  string
	}{
		{"", "the API key is empty"},
		{"    ", "the API key is empty"},
		{"tgn_a b", "the API key contains spaces or control characters"},
		// Only a key in the provider's documented shape is sent.
		{"tgn_$(touch${IFS}/tmp/x)", "Targon API keys are tgn_ and then letters, digits and _: this is not one"},
		{"sk-or-v1-" + strings.Repeat("0", 64), "Targon API keys are tgn_ and then letters, digits and _: this is not one"},
		{"tgn_short", "Targon API keys are tgn_ and then letters, digits and _: this is not one"},
	}
	for _, tt := range tests {
		s := newScreen(t, false, api.KeyNone)
		s.typeText(tt.typed)
		_, cmd := s.m.Update(uitest.Key("enter"))
		if cmd != nil || s.m.Busy() {
			t.Errorf("%q: enter started a check", tt.typed)
		}
		if v := uitest.Plain(s.m.View()); !strings.Contains(v, "✗ "+tt.want) {
			t.Errorf("%q: view:\n%s", tt.typed, s.m.View())
		}
		if n := len(s.sim.Requests()); n != 0 {
			t.Errorf("%q: %d requests sent", tt.typed, n)
		}
	}
}

// esc while typing clears the input and the error.
func TestLoginEscClears(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	s.send(t, "enter") // empty: an error
	s.typeText("tgn_partial")
	s.send(t, "esc")
	if s.m.input.Value() != "" || s.m.err != "" {
		t.Errorf("input=%q err=%q after esc", s.m.input.Value(), s.m.err)
	}
}

// After the key is accepted the screen asks whether to save it. y saves
// (0600, the key and a newline, as Targon's CLI reads it); n, esc and
// enter (default No) continue without saving; ←/→, tab, h/l move the
// highlight. Either way the root gets DoneMsg with the key.
func TestLoginSaveQuestion(t *testing.T) {
	tests := []struct {
		keys      []string
		wantSaved bool
	}{
		{[]string{"y"}, true},
		{[]string{"n"}, false},
		{[]string{"esc"}, false},
		{[]string{"enter"}, false},
		{[]string{"right", "enter"}, true},
		{[]string{"left", "enter"}, true},
		{[]string{"tab", "enter"}, true},
		{[]string{"l", "enter"}, true},
		{[]string{"l", "h", "enter"}, false},
		{[]string{"right", "n"}, false},
		{[]string{"x", "q", "enter"}, false}, // other letters do nothing
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			s := newScreen(t, false, api.KeyNone)
			key := s.sim.DemoKey()
			s.typeText(key)
			if out := s.send(t, "enter"); len(out) != 0 {
				t.Fatalf("the check emitted %v before the question", out)
			}
			v := uitest.Plain(s.m.View())
			// The question names the host the key was checked against.
			host := strings.TrimPrefix(s.m.c.Account.BaseURL(), "http://")
			if !strings.Contains(v, "✓ Key accepted by "+host+".") || !strings.Contains(v, "(mode 0600) so you stay signed in to "+host+"?") || !strings.Contains(v, "[ No ]") || strings.Contains(v, "[ Save ]") {
				t.Fatalf("no save question:\n%s", s.m.View())
			}
			out := s.send(t, tt.keys...)
			want := DoneMsg{Key: key, Saved: tt.wantSaved}
			if len(out) != 1 || out[0] != want {
				t.Fatalf("out = %+v, want [%+v]", out, want)
			}
			data, err := os.ReadFile(s.path)
			if !tt.wantSaved {
				if err == nil {
					t.Errorf("credentials saved without asking: %q", data)
				}
				return
			}
			if err != nil {
				t.Fatalf("credentials not saved: %v", err)
			}
			if string(data) != key+"\n" {
				t.Errorf("credentials file = %q, want the key and a newline", data)
			}
			fi, err := os.Stat(s.path)
			if err != nil {
				t.Fatal(err)
			}
			if mode := fi.Mode().Perm(); mode != 0o600 {
				t.Errorf("credentials mode = %o, want 600", mode)
			}
		})
	}
}

// A failed save is shown, and the user may still go on without saving.
func TestLoginSaveFailure(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	// The directory to save in is a regular file.
	dir := filepath.Dir(s.path)
	if err := os.WriteFile(dir, []byte("not a directory"), 0o600); err != nil {
		t.Fatal(err)
	}
	key := s.sim.DemoKey()
	s.typeText(key)
	s.send(t, "enter")
	if out := s.send(t, "y"); len(out) != 0 {
		t.Errorf("a failed save emitted %v", out)
	}
	v := uitest.Plain(s.m.View())
	if !strings.Contains(v, "✗ could not save:") || strings.Contains(v, key) {
		t.Errorf("view:\n%s", s.m.View())
	}
	if out := s.send(t, "n"); len(out) != 1 || out[0] != (DoneMsg{Key: key}) {
		t.Errorf("out = %v, want DoneMsg without saving", out)
	}
}

// With a demo key, or no credentials file for the profile, there is
// nothing to save: an accepted key is done at once.
func TestLoginNoSaveQuestion(t *testing.T) {
	for _, tt := range []struct {
		name   string
		source api.KeySource
		noPath bool
	}{
		{"demo", api.KeyFromDemo, false},
		{"no credentials path", api.KeyNone, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newScreen(t, true, tt.source)
			if tt.noPath {
				s.m.c.Home.File = ""
			}
			key := s.sim.DemoKey()
			s.typeText(key)
			out := s.send(t, "enter")
			if len(out) != 1 || out[0] != (DoneMsg{Key: key}) {
				t.Errorf("out = %+v, want DoneMsg{Saved: false} at once", out)
			}
			if _, err := os.Stat(s.path); err == nil {
				t.Error("a credentials file was written")
			}
		})
	}
}

// ctrl+d offers the demo only when the screen was opened with it.
func TestLoginDemo(t *testing.T) {
	s := newScreen(t, true, api.KeyNone)
	if !strings.Contains(uitest.Plain(s.m.View()), "ctrl+d try the demo") {
		t.Errorf("demo not offered:\n%s", s.m.View())
	}
	if out := s.send(t, "ctrl+d"); len(out) != 1 || out[0] != (DemoMsg{}) {
		t.Errorf("out = %v, want DemoMsg", out)
	}

	s = newScreen(t, false, api.KeyNone)
	if strings.Contains(s.m.View(), "demo") {
		t.Errorf("demo offered:\n%s", s.m.View())
	}
	if out := s.send(t, "ctrl+d"); len(out) != 0 {
		t.Errorf("out = %v, want nothing", out)
	}
	if n := len(s.sim.Requests()); n != 0 {
		t.Errorf("%d requests", n)
	}
}

// The reason the screen is shown (e.g. a 401) and where the key is
// checked are on screen.
func TestLoginView(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	s.m = New(s.m.c, "The API rejected the saved key.", false)
	v := uitest.Plain(s.m.View())
	for _, want := range []string{"Sign in to Targon", "The API rejected the saved key.", "checked with a request to " + s.m.c.Account.BaseURL(), "API key", "enter sign in · esc clear · ctrl+p switch account · ctrl+c quit"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, s.m.View())
		}
	}
}

// A private key pasted into the key field is refused as it arrives:
// cleared, never checked (no request), and the screen says why.
func TestLoginRefusesPrivateKey(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	pk := "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n"
	s.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(pk), Paste: true})
	if s.m.input.Value() != "" {
		t.Errorf("the key field holds %d characters of a private key", len(s.m.input.Value()))
	}
	if v := uitest.Plain(s.m.View()); !strings.Contains(v, "that was a private key") || strings.Contains(v, "b3BlbnNz") {
		t.Errorf("view:\n%s", v)
	}
	s.send(t, "enter")
	if s.creditsCalls() != 0 {
		t.Errorf("%d checks sent", s.creditsCalls())
	}
}

// The hints follow the key map: a remapped demo key shows its new name,
// and it is the new key that switches to the demo.
func TestLoginHintsFollowKeyMap(t *testing.T) {
	s := newScreen(t, true, api.KeyNone)
	if err := s.m.c.Keys.Override(map[string][]string{"demo": {"ctrl+o"}}); err != nil {
		t.Fatal(err)
	}
	v := uitest.Plain(s.m.View())
	if !strings.Contains(v, "ctrl+o try the demo") || strings.Contains(v, "ctrl+d") {
		t.Errorf("hint does not show the remapped key:\n%s", v)
	}
	if help := uitest.Hints(s.m.ShortHelp()); !strings.Contains(help, "ctrl+o try the demo") {
		t.Errorf("short help shows %q", help)
	}
	if out := s.send(t, "ctrl+d"); len(out) != 0 {
		t.Errorf("the old key still acts: %v", out)
	}
	_, cmd := s.m.Update(tea.KeyMsg{Type: tea.KeyCtrlO})
	if cmd == nil {
		t.Fatal("ctrl+o did nothing")
	}
	if _, ok := cmd().(DemoMsg); !ok {
		t.Error("ctrl+o did not ask for the demo")
	}
}
