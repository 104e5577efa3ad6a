package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const prefsPath = "prefs/targon-dash/config.toml"

func TestDefaultPreferences(t *testing.T) {
	p := DefaultPreferences()
	if p.Theme != "auto" || p.RefreshInterval != 60*time.Second || p.ListRefreshInterval != 5*time.Minute || p.ReadOnly || p.ClipboardClear != 0 || p.Keys != nil {
		t.Fatalf("DefaultPreferences() = %+v", p)
	}
}

func TestParsePreferencesValid(t *testing.T) {
	tests := []struct {
		name string
		file string
		want Preferences
	}{
		{name: "empty", file: "", want: Preferences{Theme: "auto", RefreshInterval: time.Minute}},
		{name: "comments only", file: "# nothing\n\n", want: Preferences{Theme: "auto", RefreshInterval: time.Minute}},
		{
			name: "everything",
			file: `theme = "light"
refresh_interval = "2m30s"
clipboard_clear = "30s"

[keys]
refresh = ["r", "f5"]
quit = [ "q",
  "ctrl+c", # comment
]
"new" = ["n"]
`,
			want: Preferences{
				Theme: "light", RefreshInterval: 150 * time.Second, ClipboardClear: 30 * time.Second,
				Keys: map[string][]string{"refresh": {"r", "f5"}, "quit": {"q", "ctrl+c"}, "new": {"n"}},
			},
		},
		{name: "off", file: "refresh_interval = \"off\"\nclipboard_clear = \"OFF\"\n", want: Preferences{Theme: "auto"}},
		{name: "zero", file: "refresh_interval = \"0\"\nclipboard_clear = \"0s\"\n", want: Preferences{Theme: "auto"}},
		{name: "minimum", file: "refresh_interval = \"5s\"\n", want: Preferences{Theme: "auto", RefreshInterval: 5 * time.Second}},
		{name: "list refresh", file: "list_refresh_interval = \"2m\"\n", want: Preferences{Theme: "auto", RefreshInterval: time.Minute, ListRefreshInterval: 2 * time.Minute}},
		{name: "list refresh off", file: "list_refresh_interval = \"off\"\n", want: Preferences{Theme: "auto", RefreshInterval: time.Minute}},
		{name: "read only", file: "read_only = true\n", want: Preferences{Theme: "auto", RefreshInterval: time.Minute, ReadOnly: true}},
		{name: "dark", file: "theme = 'dark'", want: Preferences{Theme: "dark", RefreshInterval: time.Minute}},
		{name: "mouse", file: "mouse = true", want: Preferences{Theme: "auto", RefreshInterval: time.Minute, Mouse: true}},
		{name: "inline keys", file: "keys = { help = [\"?\"] }\n", want: Preferences{Theme: "auto", RefreshInterval: time.Minute, Keys: map[string][]string{"help": {"?"}}}},
		{name: "dotted keys", file: "keys.help = [\"?\", \"h\"]\n", want: Preferences{Theme: "auto", RefreshInterval: time.Minute, Keys: map[string][]string{"help": {"?", "h"}}}},
		{name: "space bar by name", file: "[keys]\nfilter = [\"space\", \" \"]\n", want: Preferences{Theme: "auto", RefreshInterval: time.Minute, Keys: map[string][]string{"filter": {" ", " "}}}},
		{name: "empty keys table", file: "[keys]\n", want: Preferences{Theme: "auto", RefreshInterval: time.Minute, Keys: map[string][]string{}}},
		{name: "crlf", file: "theme = \"dark\"\r\n[keys]\r\nquit = [\"q\"]\r\n", want: Preferences{Theme: "dark", RefreshInterval: time.Minute, Keys: map[string][]string{"quit": {"q"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePreferences(prefsPath, []byte(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Path = prefsPath
			if !strings.Contains(tt.file, "list_refresh_interval") {
				tt.want.ListRefreshInterval = DefaultListRefreshInterval // the lists' own default
			}
			got.src = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParsePreferencesErrors(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		line  int
		field string
		msg   string
	}{
		{name: "bad duration", file: "theme = \"dark\"\n\nrefresh_interval = \"soon\"\n", line: 3, field: "refresh_interval",
			msg: `"soon" is not a duration (examples: "30s", "2m", "off")`},
		{name: "duration without unit", file: "refresh_interval = \"60\"", line: 1, field: "refresh_interval", msg: "is not a duration"},
		{name: "duration as integer", file: "refresh_interval = 60", line: 1, field: "refresh_interval", msg: "expected a duration string, got integer 60"},
		{name: "too short", file: "refresh_interval = \"1s\"", line: 1, field: "refresh_interval", msg: `"1s" is too short: the minimum is 5s (or "off")`},
		{name: "list refresh too short", file: "list_refresh_interval = \"2s\"", line: 1, field: "list_refresh_interval", msg: `"2s" is too short: the minimum is 5s (or "off")`},
		{name: "list refresh not a duration", file: "list_refresh_interval = 300", line: 1, field: "list_refresh_interval", msg: "expected a duration string"},
		{name: "read only not a boolean", file: "\nread_only = \"yes\"", line: 2, field: "read_only", msg: `expected true or false, got string "yes"`},
		{name: "negative", file: "\nrefresh_interval = \"-10s\"", line: 2, field: "refresh_interval", msg: "negative"},
		{name: "clipboard bad", file: "clipboard_clear = \"30 seconds\"", line: 1, field: "clipboard_clear", msg: "is not a duration"},
		{name: "clipboard negative", file: "clipboard_clear = \"-1s\"", line: 1, field: "clipboard_clear", msg: "negative"},
		{name: "clipboard bool", file: "clipboard_clear = false", line: 1, field: "clipboard_clear", msg: "got boolean false"},
		{name: "bad theme", file: "# x\ntheme = \"blue\"", line: 2, field: "theme", msg: `"blue" is not a theme (use "auto", "dark", "light")`},
		{name: "bad mouse", file: "theme = \"dark\"\nmouse = \"yes\"", line: 2, field: "mouse", msg: `"yes" is not true or false`},
		{name: "theme case", file: "theme = \"Dark\"", line: 1, field: "theme", msg: "is not a theme"},
		{name: "theme not string", file: "theme = 1", line: 1, field: "theme", msg: "integer 1 is not a theme"},
		{name: "unknown field", file: "theme = \"dark\"\nrefresh = \"30s\"\n", line: 2, field: "refresh", msg: "unknown field (known fields: theme, refresh_interval, list_refresh_interval, read_only, clipboard_clear, sort, sort_reverse, keys, accounts, mouse)"},
		{name: "wrong case field", file: "Theme = \"dark\"", line: 1, field: "Theme", msg: "unknown field"},
		{name: "unknown table", file: "theme = \"dark\"\n\n[colors]\nfg = 1\n", line: 3, field: "colors", msg: "unknown field"},
		{name: "first in file order", file: "zzz = 1\naaa = 2\n", line: 1, field: "zzz", msg: "unknown field"},
		{name: "keys not a table", file: "keys = [\"r\"]", line: 1, field: "keys", msg: "expected a table of actions"},
		{name: "key not a list", file: "[keys]\nrefresh = \"r\"\n", line: 2, field: "keys.refresh", msg: `expected a list of keys like ["r", "f5"], got string "r"`},
		{name: "key empty list", file: "[keys]\nquit = [\"q\"]\nrefresh = []\n", line: 3, field: "keys.refresh", msg: "empty list"},
		{name: "key empty string", file: "[keys]\n\nrefresh = [\"r\", \"\"]\n", line: 3, field: "keys.refresh", msg: "item 2 is an empty key"},
		{name: "key blank string", file: "[keys]\nrefresh = [\"  \"]\n", line: 2, field: "keys.refresh", msg: "item 1 is an empty key"},
		{name: "key not string", file: "[keys]\nrefresh = [\"r\", 5]\n", line: 2, field: "keys.refresh", msg: "item 2 is integer 5"},
		{name: "key is table", file: "[keys.refresh]\nx = 1\n", line: 1, field: "keys.refresh", msg: "got table"},
		{name: "key multi-line", file: "[keys]\nquit = [\n  \"q\",\n]\nhelp = [\n  1,\n]\n", line: 5, field: "keys.help", msg: "item 1 is integer 1"},
		{name: "quoted action", file: "[keys]\n\"my action\" = 1\n", line: 2, field: `keys."my action"`, msg: "got integer 1"},
		{name: "syntax", file: "theme = \"dark\"\nrefresh_interval = \n", line: 2, msg: "invalid TOML"},
		{name: "syntax unclosed table", file: "theme = \"dark\"\n[keys\n", line: 2, msg: "invalid TOML"},
		{name: "duplicate", file: "theme = \"dark\"\ntheme = \"light\"\n", line: 2, msg: "invalid TOML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePreferences(prefsPath, []byte(tt.file))
			if err == nil {
				t.Fatal("want an error")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %q (%T) is not a *FileError", err, err)
			}
			if fe.Path != prefsPath || fe.Line != tt.line || fe.Field != tt.field {
				t.Errorf("error at %s:%d field %q, want %s:%d field %q", fe.Path, fe.Line, fe.Field, prefsPath, tt.line, tt.field)
			}
			prefix := fmt.Sprintf("%s:%d: ", prefsPath, tt.line)
			if tt.field != "" {
				prefix += tt.field + ": "
			}
			if !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("error %q does not start with %q", err, prefix)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
			if strings.ContainsAny(err.Error(), "\r\n") {
				t.Errorf("error %q spans lines", err)
			}
		})
	}
}

func TestValidateKeys(t *testing.T) {
	known := []string{"refresh", "quit", "help"}
	p, err := ParsePreferences(prefsPath, []byte("[keys]\nrefresh = [\"r\"]\n\nreload = [\"R\"]\nzap = [\"z\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = p.ValidateKeys(known)
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("ValidateKeys: %v, want a *FileError", err)
	}
	want := prefsPath + `:4: keys.reload: unknown action "reload" (known actions: help, quit, refresh)`
	if err.Error() != want {
		t.Fatalf("ValidateKeys error\n got %q\nwant %q", err, want)
	}

	ok, err := ParsePreferences(prefsPath, []byte("keys = { quit = [\"q\"], help = [\"?\"] }"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ok.ValidateKeys(known); err != nil {
		t.Fatalf("ValidateKeys: %v", err)
	}
	if err := DefaultPreferences().ValidateKeys(known); err != nil {
		t.Fatalf("ValidateKeys of defaults: %v", err)
	}

	// Built by hand: no line to report.
	hand := Preferences{Path: "x.toml", Keys: map[string][]string{"nope": {"n"}}}
	if err := hand.ValidateKeys(known); err == nil || !strings.HasPrefix(err.Error(), "x.toml: keys.nope: unknown action") {
		t.Fatalf("ValidateKeys = %v", err)
	}
}

func TestLoadPreferences(t *testing.T) {
	t.Run("missing file means defaults", func(t *testing.T) {
		env, home := testEnv(t, nil)
		p, err := LoadPreferences(env)
		if err != nil {
			t.Fatal(err)
		}
		want := DefaultPreferences()
		want.Path = filepath.Join(home, ".config", "targon-dash", "config.toml")
		if !reflect.DeepEqual(p, want) {
			t.Fatalf("got %+v, want %+v", p, want)
		}
	})
	t.Run("default XDG dir", func(t *testing.T) {
		env, home := testEnv(t, nil)
		writeFile(t, home, ".config/targon-dash/config.toml", "theme = \"light\"\n", 0o644)
		p, err := LoadPreferences(env)
		if err != nil {
			t.Fatal(err)
		}
		if p.Theme != "light" {
			t.Fatalf("Theme = %q", p.Theme)
		}
	})
	t.Run("XDG_CONFIG_HOME", func(t *testing.T) {
		xdg := t.TempDir()
		env, home := testEnv(t, map[string]string{"XDG_CONFIG_HOME": xdg})
		writeFile(t, home, ".config/targon-dash/config.toml", "theme = \"light\"\n", 0o644)
		path := writeFile(t, xdg, "targon-dash/config.toml", "theme = \"dark\"\n", 0o644)
		p, err := LoadPreferences(env)
		if err != nil {
			t.Fatal(err)
		}
		if p.Theme != "dark" || p.Path != path {
			t.Fatalf("Theme = %q from %s, want dark from %s", p.Theme, p.Path, path)
		}
	})
	t.Run("relative XDG_CONFIG_HOME ignored", func(t *testing.T) {
		env, home := testEnv(t, map[string]string{"XDG_CONFIG_HOME": "relative/dir"})
		want := filepath.Join(home, ".config", "targon-dash", "config.toml")
		if got, err := PreferencesPath(env); err != nil || got != want {
			t.Fatalf("PreferencesPath = %q, %v; want %q", got, err, want)
		}
	})
	t.Run("bad file names the path", func(t *testing.T) {
		env, home := testEnv(t, nil)
		path := writeFile(t, home, ".config/targon-dash/config.toml", "\n\nrefresh_interval = \"soon\"\n", 0o644)
		_, err := LoadPreferences(env)
		want := path + `:3: refresh_interval: "soon" is not a duration (examples: "30s", "2m", "off")`
		if err == nil || err.Error() != want {
			t.Fatalf("error %v, want %q", err, want)
		}
	})
	t.Run("directory", func(t *testing.T) {
		env, home := testEnv(t, nil)
		if err := os.MkdirAll(filepath.Join(home, ".config", "targon-dash", "config.toml"), 0o700); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadPreferences(env); err == nil {
			t.Fatal("want an error when the preferences path is a directory")
		}
	})
	t.Run("too large", func(t *testing.T) {
		env, home := testEnv(t, nil)
		writeFile(t, home, ".config/targon-dash/config.toml", "# "+strings.Repeat("x", maxPrefsSize), 0o644)
		if _, err := LoadPreferences(env); err == nil || !strings.Contains(err.Error(), "larger than") {
			t.Fatalf("error %v, want one about the size", err)
		}
	})
}

// The sort preference names a column the key lists start sorted by, in
// its own direction unless sort_reverse; unset, the lists start by created.
func TestParsePreferencesSort(t *testing.T) {
	p, err := ParsePreferences(prefsPath, []byte("theme = \"dark\"\nsort = \"name\"\nsort_reverse = true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Sort != "name" || !p.SortReverse {
		t.Errorf("sort = %q, reverse %v; want name, reversed", p.Sort, p.SortReverse)
	}
	for _, col := range SortColumns {
		if p, err := ParsePreferences(prefsPath, []byte("sort = \""+col+"\"")); err != nil || p.Sort != col {
			t.Errorf("sort = %q: %+v, %v", col, p.Sort, err)
		}
	}
	if p := DefaultPreferences(); p.Sort != "" || p.SortReverse {
		t.Errorf("default sort %q, reverse %v; want unset (created, newest first)", p.Sort, p.SortReverse)
	}
}

// A bad sort value is an error naming the file, the line and the field.
func TestParsePreferencesSortErrors(t *testing.T) {
	tests := []struct{ file, field, msg string }{
		{"theme = \"dark\"\n\nsort = \"size\"\n", "sort", `"size" is not a column to sort by (use "name", "created", "updated", "usage", "limit", "type")`},
		{"theme = \"dark\"\n\nsort = \"Name\"\n", "sort", "is not a column to sort by"},
		{"theme = \"dark\"\n\nsort = 1\n", "sort", "integer 1 is not a column to sort by"},
		{"theme = \"dark\"\n\nsort_reverse = \"yes\"\n", "sort_reverse", `expected true or false, got string "yes"`},
	}
	for _, tt := range tests {
		_, err := ParsePreferences(prefsPath, []byte(tt.file))
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Fatalf("%q: error %v is not a *FileError", tt.file, err)
		}
		want := prefsPath + ":3: " + tt.field + ": "
		if !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%q: error %q, want %q…%q", tt.file, err, want, tt.msg)
		}
	}
}
