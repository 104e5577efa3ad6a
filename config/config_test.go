package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// testEnv is a hermetic Environment: home is a fresh temp dir and only vars
// are set.
func testEnv(t *testing.T, vars map[string]string) (Environment, string) {
	t.Helper()
	home := t.TempDir()
	return Environment{HomeDir: home, Getenv: func(k string) string { return vars[k] }}, home
}

// writeFile writes a file under home, creating directories.
func writeFile(t *testing.T, home, rel, content string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(home, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, mode); err != nil { // WriteFile's mode is filtered by the umask
		t.Fatal(err)
	}
	return p
}

const sampleTargonConfig = `# written by the Targon CLI
current = "work"
telemetry = false

[profiles.default]
base_url = "https://default.example.com"

[profiles.work]
base_url = "https://work.example.com/"
token_expiry = 2025-01-01T00:00:00Z

[profiles.staging]
base_url = "https://staging.example.com"
[something.else]
x = [1, 2]
`

func TestResolveProfilePrecedence(t *testing.T) {
	tests := []struct {
		name    string
		flag    string
		env     string
		config  string // "" = no file
		want    string
		wantURL string
	}{
		{name: "flag wins", flag: "staging", env: "default", config: sampleTargonConfig, want: "staging", wantURL: "https://staging.example.com"},
		{name: "env over current", env: "default", config: sampleTargonConfig, want: "default", wantURL: "https://default.example.com"},
		{name: "current", config: sampleTargonConfig, want: "work", wantURL: "https://work.example.com"},
		{name: "no current", config: "[profiles.default]\nbase_url = \"https://d.example.com\"\n", want: "default", wantURL: "https://d.example.com"},
		{name: "empty current", config: "current = \"\"\n", want: "default", wantURL: DefaultBaseURL},
		{name: "no file", want: "default", wantURL: DefaultBaseURL},
		{name: "default without a section", flag: "default", config: "[profiles.prod]\n", want: "default", wantURL: DefaultBaseURL},
		{name: "profile without base_url", config: "current = \"x\"\n[profiles.x]\nname = \"y\"\n", want: "x", wantURL: DefaultBaseURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, map[string]string{"TARGON_PROFILE": tt.env})
			if tt.config != "" {
				writeFile(t, home, ".targon/config.toml", tt.config, 0o600)
			}
			s, err := Resolve(Flags{Profile: tt.flag}, env)
			if err != nil {
				t.Fatal(err)
			}
			if s.Profile != tt.want {
				t.Errorf("Profile = %q, want %q", s.Profile, tt.want)
			}
			if s.BaseURL != tt.wantURL {
				t.Errorf("BaseURL = %q, want %q", s.BaseURL, tt.wantURL)
			}
			if want := filepath.Join(home, ".targon", "credentials-"+tt.want); s.CredentialsPath != want {
				t.Errorf("CredentialsPath = %q, want %q", s.CredentialsPath, want)
			}
			if want := filepath.Join(home, ".targon", "config.toml"); s.ConfigPath != want {
				t.Errorf("ConfigPath = %q, want %q", s.ConfigPath, want)
			}
		})
	}
}

func TestResolveBaseURLPrecedence(t *testing.T) {
	const cfg = "current = \"p\"\n[profiles.p]\nbase_url = \"https://profile.example.com/\"\n"
	tests := []struct {
		name, flag, env, config, want string
	}{
		{name: "flag", flag: "https://flag.example.com/", env: "https://env.example.com", config: cfg, want: "https://flag.example.com"},
		{name: "env", env: " https://env.example.com/ \n", config: cfg, want: "https://env.example.com"},
		{name: "profile", config: cfg, want: "https://profile.example.com"},
		{name: "blank env ignored", env: "  ", config: cfg, want: "https://profile.example.com"},
		{name: "default", want: DefaultBaseURL},
		{name: "empty base_url", config: "[profiles.default]\nbase_url = \"\"\n", want: DefaultBaseURL},
		{name: "loopback http", flag: "http://127.0.0.1:8080/", want: "http://127.0.0.1:8080"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, map[string]string{"TARGON_BASE_URL": tt.env})
			if tt.config != "" {
				writeFile(t, home, ".targon/config.toml", tt.config, 0o600)
			}
			s, err := Resolve(Flags{BaseURL: tt.flag}, env)
			if err != nil {
				t.Fatal(err)
			}
			if s.BaseURL != tt.want {
				t.Errorf("BaseURL = %q, want %q", s.BaseURL, tt.want)
			}
		})
	}
}

func TestResolveBadBaseURL(t *testing.T) {
	tests := []struct {
		name, flag, env, config string
		want                    []string
	}{
		{name: "flag", flag: "http://api.example.com", want: []string{"refusing plain http:// for api.example.com", "--base-url"}},
		{name: "env", env: "ftp://x", want: []string{"not supported", "TARGON_BASE_URL"}},
		{name: "profile", config: "\n[profiles.default]\nbase_url = \"http://evil.example.com\"\n",
			want: []string{"refusing plain http:// for evil.example.com", "profiles.default.base_url", "config.toml:3"}},
		{name: "profile wrong type", config: "[profiles.default]\nbase_url = 42\n",
			want: []string{"config.toml:2: profiles.default.base_url: expected a URL (a string), got integer 42"}},
		{name: "profile not a table", config: "profiles = { default = 1 }\n",
			want: []string{"config.toml:1: profiles.default: expected a table, got integer 1"}},
		{name: "profiles not a table", config: "profiles = \"x\"\n",
			want: []string{"config.toml:1: profiles: expected a table of profiles"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, map[string]string{"TARGON_BASE_URL": tt.env})
			if tt.config != "" {
				writeFile(t, home, ".targon/config.toml", tt.config, 0o600)
			}
			_, err := Resolve(Flags{BaseURL: tt.flag}, env)
			if err == nil {
				t.Fatal("want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestResolveTargonConfigErrors(t *testing.T) {
	tests := []struct {
		name, config string
		line         int
		want         string
	}{
		{name: "syntax", config: "current = \"a\"\n[profiles.a\nbase_url = \"x\"\n", line: 2, want: "invalid TOML"},
		{name: "unterminated string", config: "\n\ncurrent = \"a\n", line: 3, want: "invalid TOML"},
		{name: "duplicate key", config: "current = \"a\"\ncurrent = \"b\"\n", line: 2, want: "invalid TOML"},
		{name: "current not a string", config: "# c\ncurrent = 3\n", line: 2, want: "current: expected a profile name (a string), got integer 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, nil)
			path := writeFile(t, home, ".targon/config.toml", tt.config, 0o600)
			_, err := Resolve(Flags{}, env)
			if err == nil {
				t.Fatal("want an error")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %q (%T) is not a *FileError", err, err)
			}
			if fe.Path != path || fe.Line != tt.line {
				t.Errorf("error at %s:%d, want %s:%d", fe.Path, fe.Line, path, tt.line)
			}
			if prefix := fmt.Sprintf("%s:%d: ", path, tt.line); !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("error %q does not start with %q", err, prefix)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestResolveMalformedConfigIsAnErrorEvenWithFlags(t *testing.T) {
	env, home := testEnv(t, nil)
	writeFile(t, home, ".targon/config.toml", "= broken", 0o600)
	if _, err := Resolve(Flags{Profile: "p", BaseURL: "https://x.example.com"}, env); err == nil {
		t.Fatal("want an error for a malformed config.toml")
	}
}

func TestResolveBadProfileNames(t *testing.T) {
	tests := []struct {
		name, flag, env, current, want string
	}{
		{name: "slash", flag: "a/b", want: `"/"`},
		{name: "backslash", flag: `a\b`, want: `"\"`},
		{name: "dotdot", flag: "..", want: `".."`},
		{name: "dotdot inside", flag: "a..b", want: `".."`},
		{name: "newline", flag: "a\nb", want: "control characters"},
		{name: "nul", flag: "a\x00b", want: "control characters"},
		{name: "escape", env: "a\x1b[31m", want: "control characters"},
		{name: "space", flag: " a", want: "space"},
		{name: "invalid utf8", flag: "a\xffb", want: "UTF-8"},
		{name: "too long", flag: strings.Repeat("p", 129), want: "longer"},
		{name: "from env", env: "../etc", want: "TARGON_PROFILE"},
		{name: "from current", current: "../../x", want: "current in"},
		{name: "flag named", flag: "x/y", want: "--profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, map[string]string{"TARGON_PROFILE": tt.env})
			if tt.current != "" {
				writeFile(t, home, ".targon/config.toml", fmt.Sprintf("current = %q\n", tt.current), 0o600)
			}
			_, err := Resolve(Flags{Profile: tt.flag}, env)
			if err == nil {
				t.Fatal("want an error")
			}
			if !strings.Contains(err.Error(), "invalid profile name") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to mention an invalid profile name and %q", err, tt.want)
			}
		})
	}
	for _, ok := range []string{"default", "work-2", "my_profile", "a.b", "prod.eu", "Ünïcödé", "with space"} {
		if err := CheckProfile(ok); err != nil {
			t.Errorf("CheckProfile(%q): %v", ok, err)
		}
	}
	if err := CheckProfile(""); err == nil {
		t.Error("CheckProfile(\"\") accepted an empty name")
	}
}

func TestResolveKey(t *testing.T) {
	tests := []struct {
		name       string
		envKey     string
		file       *string // nil: no credentials file
		wantKey    string
		wantSource KeySource
		wantWarn   bool
	}{
		{name: "none", wantSource: KeyNone},
		{name: "file", file: ptr("tgn_file\n"), wantKey: "tgn_file", wantSource: KeyFromFile},
		{name: "file trimmed", file: ptr("  \r\n\ttgn_file \r\n\n"), wantKey: "tgn_file", wantSource: KeyFromFile},
		{name: "env", envKey: "tgn_env", wantKey: "tgn_env", wantSource: KeyFromEnv},
		{name: "env trimmed", envKey: " tgn_env\n", wantKey: "tgn_env", wantSource: KeyFromEnv},
		{name: "env over file", envKey: "tgn_env", file: ptr("tgn_file"), wantKey: "tgn_env", wantSource: KeyFromEnv},
		{name: "blank env falls back to file", envKey: " \n", file: ptr("tgn_file"), wantKey: "tgn_file", wantSource: KeyFromFile},
		{name: "empty file", file: ptr("\n"), wantSource: KeyNone, wantWarn: true},
		// Windows editors may start the file with a UTF-8 byte order mark.
		{name: "BOM and CRLF", file: ptr("\ufefftgn_file\r\n"), wantKey: "tgn_file", wantSource: KeyFromFile},
		{name: "BOM after blank lines", file: ptr("\r\n\ufeff tgn_file \r\n"), wantKey: "tgn_file", wantSource: KeyFromFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, map[string]string{"TARGON_API_KEY": tt.envKey})
			if tt.file != nil {
				writeFile(t, home, ".targon/credentials-default", *tt.file, 0o600)
			}
			s, err := Resolve(Flags{}, env)
			if err != nil {
				t.Fatal(err)
			}
			if s.APIKey() != tt.wantKey || s.KeySource != tt.wantSource {
				t.Errorf("key %q from %v, want %q from %v", s.APIKey(), s.KeySource, tt.wantKey, tt.wantSource)
			}
			if (len(s.Warnings) > 0) != tt.wantWarn {
				t.Errorf("warnings %q, want some: %v", s.Warnings, tt.wantWarn)
			}
		})
	}
}

func TestResolveKeyPerProfile(t *testing.T) {
	env, home := testEnv(t, nil)
	writeFile(t, home, ".targon/config.toml", "current = \"work\"\n", 0o600)
	writeFile(t, home, ".targon/credentials-default", "tgn_default", 0o600)
	writeFile(t, home, ".targon/credentials-work", "tgn_work", 0o600)
	s, err := Resolve(Flags{}, env)
	if err != nil {
		t.Fatal(err)
	}
	if s.APIKey() != "tgn_work" {
		t.Fatalf("key %q, want the work profile's", s.APIKey())
	}
}

func TestResolveBadKey(t *testing.T) {
	const secret = "tgn_sec ret"
	t.Run("file", func(t *testing.T) {
		env, home := testEnv(t, nil)
		writeFile(t, home, ".targon/credentials-default", secret+"\n", 0o600)
		_, err := Resolve(Flags{}, env)
		if err == nil || !strings.Contains(err.Error(), "credentials-default") {
			t.Fatalf("error %v, want one naming the file", err)
		}
		if strings.Contains(err.Error(), "sec ret") {
			t.Fatalf("error leaks the key: %q", err)
		}
	})
	t.Run("env", func(t *testing.T) {
		env, _ := testEnv(t, map[string]string{"TARGON_API_KEY": secret})
		_, err := Resolve(Flags{}, env)
		if err == nil || !strings.Contains(err.Error(), "TARGON_API_KEY") {
			t.Fatalf("error %v, want one naming TARGON_API_KEY", err)
		}
		if strings.Contains(err.Error(), "sec ret") {
			t.Fatalf("error leaks the key: %q", err)
		}
	})
	t.Run("directory", func(t *testing.T) {
		env, home := testEnv(t, nil)
		if err := os.MkdirAll(filepath.Join(home, ".targon", "credentials-default"), 0o700); err != nil {
			t.Fatal(err)
		}
		if _, err := Resolve(Flags{}, env); err == nil {
			t.Fatal("want an error when the credentials path is a directory")
		}
	})
}

func TestResolveUnreadableCredentials(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs Unix permissions and a non-root user")
	}
	env, home := testEnv(t, nil)
	writeFile(t, home, ".targon/credentials-default", "tgn_x", 0o000)
	if _, err := Resolve(Flags{}, env); err == nil || !strings.Contains(err.Error(), "credentials-default") {
		t.Fatalf("error %v, want one naming the unreadable file", err)
	}
}

func TestResolvePermissionWarning(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	tests := []struct {
		mode     os.FileMode
		envKey   string
		wantWarn bool
	}{
		{mode: 0o600},
		{mode: 0o400},
		{mode: 0o644, wantWarn: true},
		{mode: 0o640, wantWarn: true},
		{mode: 0o604, wantWarn: true},
		{mode: 0o644, envKey: "tgn_env", wantWarn: true}, // the file still holds a secret
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%04o/%v", tt.mode, tt.envKey != ""), func(t *testing.T) {
			env, home := testEnv(t, map[string]string{"TARGON_API_KEY": tt.envKey})
			path := writeFile(t, home, ".targon/credentials-default", "tgn_file\n", tt.mode)
			s, err := Resolve(Flags{}, env)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.wantWarn {
				if len(s.Warnings) != 0 {
					t.Fatalf("unexpected warnings %q", s.Warnings)
				}
				return
			}
			if len(s.Warnings) != 1 {
				t.Fatalf("warnings %q, want one", s.Warnings)
			}
			if w := s.Warnings[0]; !strings.Contains(w, path) || !strings.Contains(w, "chmod 600 "+path) {
				t.Fatalf("warning %q should name %s and suggest chmod 600", w, path)
			}
		})
	}
}

func TestSettingsNeverPrintsKey(t *testing.T) {
	const key = "tgn_supersecret_1234"
	s := &Settings{Profile: "p", BaseURL: "https://x.example.com", KeySource: KeyFromFile, Warnings: []string{"w"}}
	s.SetAPIKey(key)
	type wrapper struct {
		S  Settings
		SP *Settings
	}
	for _, f := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%10v", "%d"} {
		for _, v := range []any{s, *s, wrapper{*s, s}, []*Settings{s}} {
			out := fmt.Sprintf(f, v)
			if strings.Contains(out, "supersecret") || strings.Contains(out, fmt.Sprintf("%x", key)) || strings.Contains(strings.ToLower(out), fmt.Sprintf("%x", key)) {
				t.Errorf("fmt %s of %T leaks the key: %s", f, v, out)
			}
		}
	}
	if out := fmt.Sprintf("%+v", s); !strings.Contains(out, "Profile:p") || !strings.Contains(out, "APIKey:<redacted>") {
		t.Errorf("%%+v = %s, want the fields with the key masked", out)
	}
	if out := fmt.Sprintf("%#v", *s); !strings.HasPrefix(out, "config.Settings{") {
		t.Errorf("%%#v = %s, want config.Settings{...}", out)
	}
	if s.APIKey() != key {
		t.Fatal("APIKey() lost the key")
	}
}

func TestKeySourceString(t *testing.T) {
	for ks, want := range map[KeySource]string{KeyNone: "none", KeyFromEnv: "env", KeyFromFile: "file", KeyFromDemo: "demo", 42: "KeySource(42)"} {
		if got := ks.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(ks), got, want)
		}
	}
}

func TestSettingsSaveAPIKey(t *testing.T) {
	env, home := testEnv(t, nil)
	s, err := Resolve(Flags{}, env)
	if err != nil {
		t.Fatal(err)
	}
	if s.KeySource != KeyNone {
		t.Fatalf("KeySource = %v, want none", s.KeySource)
	}
	if err := s.SaveAPIKey(" tgn_new\n"); err != nil {
		t.Fatal(err)
	}
	if s.APIKey() != "tgn_new" || s.KeySource != KeyFromFile {
		t.Fatalf("after save: key %q from %v", s.APIKey(), s.KeySource)
	}
	again, err := Resolve(Flags{}, env)
	if err != nil {
		t.Fatal(err)
	}
	if again.APIKey() != "tgn_new" || again.KeySource != KeyFromFile {
		t.Fatalf("re-resolved: key %q from %v", again.APIKey(), again.KeySource)
	}
	if _, err := os.Stat(filepath.Join(home, ".targon", "credentials-default")); err != nil {
		t.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }

// The permission warning leads with the fix and is short: the status bar
// shows it (home as "~") next to the profile and host, whole at 80 columns.
func TestPermissionWarningIsShort(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	env, home := testEnv(t, nil)
	writeFile(t, home, ".targon/credentials-default", "tgn_file\n", 0o644)
	s, err := Resolve(Flags{}, env)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 1 {
		t.Fatalf("warnings %q, want one", s.Warnings)
	}
	w := strings.ReplaceAll(s.Warnings[0], home+string(os.PathSeparator), "~"+string(os.PathSeparator))
	if !strings.HasPrefix(w, "chmod 600 ~/.targon/credentials-default") {
		t.Errorf("warning %q should start with the chmod command", w)
	}
	if n := ansi.StringWidth(w); n > 60 {
		t.Errorf("warning %q is %d columns, want at most 60", w, n)
	}
}

// A profile that exists nowhere is an error naming it, where it came from
// and the profiles there are; it used to run silently against the default
// URL. "default" needs no section, and a profile with a credentials file
// but no section is accepted (the Targon CLI's login writes only that).
func TestResolveUnknownProfile(t *testing.T) {
	tests := []struct {
		name, flag, env, config, creds string
		want                           []string // nil: no error
	}{
		{name: "flag", flag: "stagign", config: sampleTargonConfig,
			want: []string{`profile "stagign" (from --profile) is not in ~/.targon/config.toml (profiles: default, staging, work)`}},
		{name: "env", env: "prdo", config: "[profiles.default]\n[profiles.prod]\n",
			want: []string{`profile "prdo" (from TARGON_PROFILE)`, "(profiles: default, prod)"}},
		{name: "current", config: "current = \"ghost\"\n[profiles.prod]\n",
			want: []string{`profile "ghost" (from current in`, "(profiles: prod)"}},
		{name: "no profiles", flag: "x", config: "telemetry = false\n",
			want: []string{`profile "x"`, "(it has no profiles)", "no ~/.targon/credentials-x"}},
		{name: "no file", flag: "x", want: []string{`profile "x"`, "(the file does not exist)"}},
		{name: "no file, default", flag: "default"},
		{name: "credentials file only", flag: "ci", config: sampleTargonConfig, creds: "credentials-ci"},
		{name: "section only", flag: "staging", config: sampleTargonConfig},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, map[string]string{"TARGON_PROFILE": tt.env})
			if tt.config != "" {
				writeFile(t, home, ".targon/config.toml", tt.config, 0o600)
			}
			if tt.creds != "" {
				writeFile(t, home, ".targon/"+tt.creds, "tgn_ci\n", 0o600)
			}
			s, err := Resolve(Flags{Profile: tt.flag}, env)
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil {
				t.Fatalf("profile %q accepted (base URL %s), want an error", s.Profile, s.BaseURL)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), filepath.FromSlash(w)) {
					t.Errorf("error %q\n does not say %q", err, w)
				}
			}
		})
	}
}
