package common_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/ui/common"
)

const prefsPath = "prefs/config.toml"

// parse reads a preferences file, failing the test on a parse error.
func parse(t *testing.T, file string) config.Preferences {
	t.Helper()
	p, err := config.ParsePreferences(prefsPath, []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A key name Bubble Tea never reports, or a key two actions of one scope
// share, is an error naming the file, the line and the field. Both used to
// be accepted: refresh = ["F5"] silently disabled refresh, and roll = ["j"]
// turned moving down into rolling.
func TestCheckKeyPreferencesErrors(t *testing.T) {
	tests := []struct {
		name, file string
		want       string // the whole message
	}{
		{"capital F5", "theme = \"dark\"\n[keys]\nrefresh = [\"r\", \"F5\"]\n",
			prefsPath + `:3: keys.refresh: "F5" is not a key name: did you mean "f5"?`},
		{"dash instead of plus", "[keys]\nhelp = [\"?\"]\nfilter = [\"ctrl-f\"]\n",
			prefsPath + `:3: keys.filter: "ctrl-f" is not a key name: did you mean "ctrl+f"?`},
		{"made-up name", "[keys]\nquit = [\"escape\"]\n",
			prefsPath + `:2: keys.quit: "escape" is not a key name (examples: "r", "R", "ctrl+r", "alt+r", "f5", "enter", "esc", "space", "pgdown", "shift+tab")`},
		{"two characters", "[keys]\n\ndelete = [\"dd\"]\n",
			prefsPath + `:3: keys.delete: "dd" is not a key name (examples: "r", "R", "ctrl+r", "alt+r", "f5", "enter", "esc", "space", "pgdown", "shift+tab")`},
		{"roll on down's key", "[keys]\nroll = [\"j\"]\n",
			prefsPath + `:2: keys.roll: "j" is also the key of down in the main views: choose another key, or rebind down too`},
		{"two overrides collide", "[keys]\nnew = [\"a\"]\nrename = [\"e\", \"a\"]\n",
			prefsPath + `:3: keys.rename: "a" is also the key of new in the main views: choose another key, or rebind new too`},
		{"tab key on a tab", "[keys]\ntab_credits = [\"tab\"]\n",
			prefsPath + `:2: keys.tab_credits: "tab" is also the key of next_tab in the main views: choose another key, or rebind next_tab too`},
		{"back on yes in confirmations", "[keys]\ncopy = [\"Y\"]\nback = [\"esc\", \"y\"]\n",
			prefsPath + `:3: keys.back: "y" is also the key of yes in confirmations: choose another key, or rebind yes too`},
		{"back on next field in forms", "[keys]\nnext_tab = [\"]\"]\nback = [\"tab\"]\n",
			prefsPath + `:3: keys.back: "tab" is also the key of next_field in forms: choose another key, or rebind next_field too`},
		{"space twice", "[keys]\nfilter = [\"space\"]\nhelp = [\" \"]\n",
			prefsPath + `:3: keys.help: "space" is also the key of filter in the main views: choose another key, or rebind filter too`},
		{"unknown action still reported", "[keys]\nreload = [\"f5\"]\n",
			prefsPath + `:2: keys.reload: unknown action "reload"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := common.CheckKeyPreferences(parse(t, tt.file))
			var fe *config.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("CheckKeyPreferences = %v, want a *config.FileError", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n got %q\nwant %q", err, tt.want)
			}
		})
	}
}

// Valid remaps pass, and do what they say once applied: a key moved away
// from an action frees it for another (up and down swapped), and quit may
// share ctrl+c with force_quit since both quit.
func TestCheckKeyPreferencesAcceptsValidRemaps(t *testing.T) {
	file := `[keys]
refresh = ["f5"]
up = ["j"]
down = ["k"]
filter = ["space", "alt+/"]
quit = ["q", "ctrl+c"]
help = ["?", "f1", "ctrl+shift+up"]
`
	p := parse(t, file)
	if err := common.CheckKeyPreferences(p); err != nil {
		t.Fatal(err)
	}
	km := common.DefaultKeyMap()
	if err := km.Override(p.Keys); err != nil {
		t.Fatal(err)
	}
	presses := []struct {
		msg     tea.KeyMsg
		binding key.Binding
		want    bool
	}{
		{tea.KeyMsg{Type: tea.KeyF5}, km.Refresh, true},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")}, km.Refresh, false},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}, km.Up, true},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("k")}, km.Down, true},
		{tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}, km.Filter, true},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/"), Alt: true}, km.Filter, true},
	}
	for _, pr := range presses {
		if got := key.Matches(pr.msg, pr.binding); got != pr.want {
			t.Errorf("%q matches %v: %v, want %v", pr.msg.String(), pr.binding.Keys(), got, pr.want)
		}
	}
	if h := km.Filter.Help().Key; h != "space/alt+/" {
		t.Errorf("filter help key = %q, want space/alt+/", h)
	}
}

// The default key map has no conflicts, and every scope names real
// bindings (Conflicts panics otherwise).
func TestDefaultKeyMapHasNoConflicts(t *testing.T) {
	if c := common.DefaultKeyMap().Conflicts(); len(c) != 0 {
		t.Fatalf("conflicts in the default key map: %+v", c)
	}
	if err := common.CheckKeyPreferences(config.DefaultPreferences()); err != nil {
		t.Fatalf("defaults: %v", err)
	}
}

// ValidKeyName accepts what Bubble Tea reports and nothing else.
func TestValidKeyName(t *testing.T) {
	for _, ok := range []string{"j", "G", "?", "é", " ", "enter", "esc", "tab", "shift+tab", "backspace",
		"ctrl+a", "ctrl+@", "f1", "f20", "pgup", "pgdown", "home", "ctrl+pgdown", "alt+x", "alt+enter", "alt+ "} {
		if !common.ValidKeyName(ok) {
			t.Errorf("ValidKeyName(%q) = false", ok)
		}
	}
	for _, bad := range []string{"", "F5", "f21", "Enter", "ctrl-x", "space", "runes", "pagedown", "shift+x",
		"ctrl+alt+x", "alt+", "alt+alt+x", "xy", "\t", "\x00", "\u200b"} {
		if common.ValidKeyName(bad) {
			t.Errorf("ValidKeyName(%q) = true", bad)
		}
	}
}
