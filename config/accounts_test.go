package config

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// dashFile is the dashboard's config file under a testEnv home without
// XDG_CONFIG_HOME.
const dashFile = ".config/targon-dash/config.toml"

func TestParseAccounts(t *testing.T) {
	const file = `theme = "dark"

[accounts.work]
provider = "openrouter"

[accounts.local-dev_2]
provider = "openrouter"
base_url = "http://127.0.0.1:8080/api/v1/"

[accounts.tg]
provider = "targon"
base_url = "https://tg.example.com"
`
	p, err := ParsePreferences("c.toml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	want := []Account{
		{Name: "local-dev_2", Provider: ProviderOpenRouter, BaseURL: "http://127.0.0.1:8080/api/v1", Line: 6},
		{Name: "tg", Provider: ProviderTargon, BaseURL: "https://tg.example.com", Line: 10},
		{Name: "work", Provider: ProviderOpenRouter, Line: 3},
	}
	if len(p.Accounts) != len(want) {
		t.Fatalf("Accounts = %+v, want %+v", p.Accounts, want)
	}
	for i := range want {
		if p.Accounts[i] != want[i] {
			t.Errorf("Accounts[%d] = %+v, want %+v", i, p.Accounts[i], want[i])
		}
	}
	if p.Theme != "dark" {
		t.Errorf("Theme = %q: the other preferences must still be read", p.Theme)
	}
}

func TestParseAccountsErrors(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"bad provider", "[accounts.a]\n\nprovider = \"openai\"\n",
			`c.toml:3: accounts.a.provider: "openai" is not a provider (use "openrouter", "targon")`},
		{"provider not a string", "[accounts.a]\nprovider = 1\n",
			`c.toml:2: accounts.a.provider: integer 1 is not a provider`},
		{"no provider", "# x\n[accounts.a]\nbase_url = \"https://x.example.com\"\n",
			`c.toml:2: accounts.a: no provider: add provider = "openrouter" (or "targon")`},
		{"http for a remote host", "[accounts.a]\nprovider = \"openrouter\"\nbase_url = \"http://openrouter.ai/api/v1\"\n",
			`c.toml:3: accounts.a.base_url: refusing plain http:// for openrouter.ai`},
		{"base_url not a string", "[accounts.a]\nprovider = \"openrouter\"\nbase_url = true\n",
			`c.toml:3: accounts.a.base_url: expected a URL (a string), got boolean true`},
		{"unknown field", "[accounts.a]\nprovider = \"openrouter\"\nkey = \"sk-or-x\"\n",
			`c.toml:3: accounts.a.key: unknown field (known fields: provider, base_url, api_version, org)`},
		{"name with a dot", "[accounts.\"a.b\"]\nprovider = \"openrouter\"\n",
			`c.toml:1: accounts."a.b": invalid account name "a.b": use only letters, digits, "-" and "_"`},
		{"name with a slash", "[accounts.\"../x\"]\nprovider = \"openrouter\"\n", `use only letters, digits`},
		{"name too long", "[accounts." + strings.Repeat("a", 65) + "]\nprovider = \"openrouter\"\n", "longer than 64"},
		{"not a table", "accounts = 3\n", `c.toml:1: accounts: expected tables like [accounts.work]`},
		{"account not a table", "[accounts]\nwork = \"openrouter\"\n", `c.toml:2: accounts.work: expected a table, got string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePreferences("c.toml", []byte(tt.file))
			var fe *FileError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want a *FileError containing %q", err, tt.want)
			}
		})
	}
}

func TestResolveOpenRouterWithoutProfile(t *testing.T) {
	tests := []struct {
		name       string
		vars       map[string]string
		baseFlag   string
		file       string // credentials-openrouter, "" = none
		dash       string // the dashboard's config file, "" = none
		wantKey    string
		wantSource KeySource
		wantVar    string
		wantURL    string
	}{
		{name: "management key wins",
			vars:    map[string]string{"OPENROUTER_MANAGEMENT_KEY": "sk-or-mgmt", "OPENROUTER_API_KEY": "sk-or-inf"},
			file:    "sk-or-file\n",
			wantKey: "sk-or-mgmt", wantSource: KeyFromEnv, wantVar: "OPENROUTER_MANAGEMENT_KEY", wantURL: DefaultOpenRouterBaseURL},
		{name: "api key next",
			vars:    map[string]string{"OPENROUTER_MANAGEMENT_KEY": "  ", "OPENROUTER_API_KEY": " sk-or-inf\n"},
			file:    "sk-or-file\n",
			wantKey: "sk-or-inf", wantSource: KeyFromEnv, wantVar: "OPENROUTER_API_KEY", wantURL: DefaultOpenRouterBaseURL},
		{name: "then the file, BOM and CRLF stripped",
			file:    "\uFEFFsk-or-file\r\n",
			wantKey: "sk-or-file", wantSource: KeyFromFile, wantURL: DefaultOpenRouterBaseURL},
		{name: "no key", wantSource: KeyNone, wantURL: DefaultOpenRouterBaseURL},
		{name: "Targon variables do not count",
			vars:       map[string]string{"TARGON_API_KEY": "tgn_x", "TARGON_BASE_URL": "https://t.example.com", "TARGON_PROFILE": "p"},
			wantSource: KeyNone, wantURL: DefaultOpenRouterBaseURL},
		{name: "OPENROUTER_BASE_URL",
			vars:       map[string]string{"OPENROUTER_BASE_URL": "http://localhost:9/api/v1/"},
			wantSource: KeyNone, wantURL: "http://localhost:9/api/v1"},
		{name: "--base-url over OPENROUTER_BASE_URL",
			vars:       map[string]string{"OPENROUTER_BASE_URL": "https://env.example.com"},
			baseFlag:   "https://flag.example.com/v1",
			wantSource: KeyNone, wantURL: "https://flag.example.com/v1"},
		{name: "the file's [accounts.openrouter]",
			dash:       "[accounts.openrouter]\nprovider = \"openrouter\"\nbase_url = \"https://proxy.example.com/v1\"\n",
			wantSource: KeyNone, wantURL: "https://proxy.example.com/v1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, tt.vars)
			credentials := filepath.Join(home, ".config", "targon-dash", "credentials-openrouter")
			if tt.file != "" {
				writeFile(t, home, ".config/targon-dash/credentials-openrouter", tt.file, 0o600)
			}
			if tt.dash != "" {
				writeFile(t, home, dashFile, tt.dash, 0o600)
			}
			s, err := Resolve(Flags{Provider: ProviderOpenRouter, BaseURL: tt.baseFlag}, env)
			if err != nil {
				t.Fatal(err)
			}
			if s.Provider != ProviderOpenRouter || s.Profile != OpenRouterDefaultAccount || !s.IsAccount {
				t.Errorf("Provider, Profile, IsAccount = %q, %q, %v; want openrouter, openrouter, true", s.Provider, s.Profile, s.IsAccount)
			}
			if s.APIKey() != tt.wantKey || s.KeySource != tt.wantSource || s.KeyEnvVar != tt.wantVar {
				t.Errorf("key %q from %v %q, want %q from %v %q", s.APIKey(), s.KeySource, s.KeyEnvVar, tt.wantKey, tt.wantSource, tt.wantVar)
			}
			if s.BaseURL != tt.wantURL {
				t.Errorf("BaseURL = %q, want %q", s.BaseURL, tt.wantURL)
			}
			if s.CredentialsPath != credentials {
				t.Errorf("CredentialsPath = %q, want %q", s.CredentialsPath, credentials)
			}
			if want := filepath.Join(home, filepath.FromSlash(dashFile)); s.ConfigPath != want {
				t.Errorf("ConfigPath = %q, want %q", s.ConfigPath, want)
			}
		})
	}
}

func TestResolveAccountUsesXDGConfigHome(t *testing.T) {
	xdg := t.TempDir()
	env := Environment{HomeDir: t.TempDir(), Getenv: func(k string) string {
		return map[string]string{"XDG_CONFIG_HOME": xdg}[k]
	}}
	writeFile(t, xdg, "targon-dash/config.toml", "[accounts.team]\nprovider = \"openrouter\"\n", 0o600)
	writeFile(t, xdg, "targon-dash/credentials-team", "sk-or-team\n", 0o600)
	s, err := Resolve(Flags{Profile: "team"}, env)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(xdg, "targon-dash", "credentials-team"); s.CredentialsPath != want || s.APIKey() != "sk-or-team" || s.KeySource != KeyFromFile {
		t.Errorf("got %q from %v at %s, want sk-or-team from the file %s", s.APIKey(), s.KeySource, s.CredentialsPath, want)
	}
	if keyWhere(s) != s.CredentialsPath {
		t.Errorf("KeyWhere = %q, want the credentials file", keyWhere(s))
	}
}

func TestResolveBadOpenRouterBaseURL(t *testing.T) {
	tests := []struct {
		name, flag, env, dash string
		want                  []string
	}{
		{name: "env", env: "http://openrouter.example.com/api/v1", want: []string{"refusing plain http:// for openrouter.example.com", "OPENROUTER_BASE_URL"}},
		{name: "flag", flag: "http://10.0.0.1/api/v1", want: []string{"refusing plain http:// for 10.0.0.1", "--base-url"}},
		{name: "file", dash: "[accounts.openrouter]\nprovider = \"openrouter\"\nbase_url = \"http://x.example.com\"\n",
			want: []string{"config.toml:3: accounts.openrouter.base_url: refusing plain http:// for x.example.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, map[string]string{"OPENROUTER_BASE_URL": tt.env})
			if tt.dash != "" {
				writeFile(t, home, dashFile, tt.dash, 0o600)
			}
			_, err := Resolve(Flags{Provider: ProviderOpenRouter, BaseURL: tt.flag}, env)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// The Targon CLI's config and the dashboard's file used by the --profile
// tests: "shared" is both a Targon profile and an OpenRouter account.
const (
	pickTargonConfig = "current = \"work\"\n[profiles.work]\nbase_url = \"https://work.example.com\"\n[profiles.shared]\n"
	pickDashConfig   = `[accounts.router]
provider = "openrouter"
base_url = "https://router.example.com/api/v1"

[accounts.shared]
provider = "openrouter"

[accounts.tg]
provider = "targon"
`
)

func TestResolveProfileOrAccount(t *testing.T) {
	tests := []struct {
		name, profile, provider string
		vars                    map[string]string
		wantProvider            string
		wantAccount             bool
		wantURL                 string
		wantErr                 []string
	}{
		{name: "Targon profile", profile: "work", wantProvider: ProviderTargon, wantURL: "https://work.example.com"},
		{name: "Targon profile, agreeing --provider", profile: "work", provider: "targon", wantProvider: ProviderTargon, wantURL: "https://work.example.com"},
		{name: "account", profile: "router", wantProvider: ProviderOpenRouter, wantAccount: true, wantURL: "https://router.example.com/api/v1"},
		{name: "account, agreeing --provider", profile: "router", provider: "openrouter", wantProvider: ProviderOpenRouter, wantAccount: true, wantURL: "https://router.example.com/api/v1"},
		{name: "account env base URL", profile: "router", vars: map[string]string{"OPENROUTER_BASE_URL": "https://env.example.com"},
			wantProvider: ProviderOpenRouter, wantAccount: true, wantURL: "https://env.example.com"},
		{name: "Targon account", profile: "tg", wantProvider: ProviderTargon, wantAccount: true, wantURL: DefaultBaseURL},
		{name: "both, --provider openrouter", profile: "shared", provider: "openrouter", wantProvider: ProviderOpenRouter, wantAccount: true, wantURL: DefaultOpenRouterBaseURL},
		{name: "both, --provider targon", profile: "shared", provider: "targon", wantProvider: ProviderTargon, wantURL: DefaultBaseURL},
		{name: "both", profile: "shared", wantErr: []string{
			`--profile "shared" is both a Targon profile (~/.targon/config.toml or ~/.targon/credentials-shared) and the openrouter account [accounts.shared] in `,
			"config.toml:5: rename one of them, or add --provider targon or --provider openrouter"}},
		{name: "--provider openrouter, Targon profile", profile: "work", provider: "openrouter",
			wantErr: []string{`--provider openrouter: "work" is a Targon profile`, "not an account"}},
		{name: "--provider targon, OpenRouter account", profile: "router", provider: "targon",
			wantErr: []string{`--provider targon: "router" is the openrouter account [accounts.router] in `, "config.toml:1"}},
		{name: "--provider openrouter, Targon account", profile: "tg", provider: "openrouter",
			wantErr: []string{`--provider openrouter: "tg" is the targon account`}},
		{name: "unknown, --provider openrouter", profile: "nope", provider: "openrouter",
			wantErr: []string{`--profile "nope": there is no [accounts.nope] in ~/.config/targon-dash/config.toml (accounts: router, shared, tg)`}},
		{name: "unknown", profile: "nope",
			wantErr: []string{`profile "nope" (from --profile) is not in ~/.targon/config.toml (profiles: shared, work)`,
				"and ~/.config/targon-dash/config.toml has no [accounts.nope]"}},
		{name: "bad --provider", profile: "work", provider: "openai", wantErr: []string{`--provider: unknown provider "openai" (use "openrouter", "targon")`}},
		{name: "bad --provider alone", provider: "Targon", wantErr: []string{`--provider: unknown provider "Targon"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, tt.vars)
			writeFile(t, home, ".targon/config.toml", pickTargonConfig, 0o600)
			writeFile(t, home, dashFile, pickDashConfig, 0o600)
			s, err := Resolve(Flags{Profile: tt.profile, Provider: tt.provider}, env)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("no error, got %+v", s)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), filepath.FromSlash(w)) {
						t.Errorf("error %q does not contain %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Profile != tt.profile || s.Provider != tt.wantProvider || s.IsAccount != tt.wantAccount || s.BaseURL != tt.wantURL {
				t.Errorf("got %s %s account=%v %s, want %s %s account=%v %s",
					s.Profile, s.Provider, s.IsAccount, s.BaseURL, tt.profile, tt.wantProvider, tt.wantAccount, tt.wantURL)
			}
			dir := filepath.Join(home, ".targon")
			if tt.wantAccount {
				dir = filepath.Join(home, ".config", "targon-dash")
			}
			if want := filepath.Join(dir, "credentials-"+tt.profile); s.CredentialsPath != want {
				t.Errorf("CredentialsPath = %q, want %q", s.CredentialsPath, want)
			}
		})
	}
}

// A Targon start without --profile does not read the dashboard's file, so
// a mistake there (reported by LoadPreferences anyway) changes nothing.
func TestResolveTargonIgnoresDashboardFile(t *testing.T) {
	env, home := testEnv(t, nil)
	writeFile(t, home, dashFile, "[accounts.x]\nprovider = \"nope\"\n", 0o600)
	if _, err := Resolve(Flags{}, env); err != nil {
		t.Fatal(err)
	}
	_, err := Resolve(Flags{Profile: "x"}, env)
	if err == nil || !strings.Contains(err.Error(), "config.toml:2: accounts.x.provider:") {
		t.Fatalf("error %v, want the file's error", err)
	}
}

// An account may be called "default" when no Targon "default" is
// defined; --profile default then picks the account.
func TestResolveAccountNamedDefault(t *testing.T) {
	env, home := testEnv(t, nil)
	writeFile(t, home, dashFile, "[accounts.default]\nprovider = \"openrouter\"\n", 0o600)
	s, err := Resolve(Flags{Profile: "default"}, env)
	if err != nil {
		t.Fatal(err)
	}
	if !s.IsAccount || s.Provider != ProviderOpenRouter {
		t.Errorf("got %s account=%v, want the OpenRouter account", s.Provider, s.IsAccount)
	}
	writeFile(t, home, ".targon/credentials-default", "tgn_k\n", 0o600)
	if _, err := Resolve(Flags{Profile: "default"}, env); err == nil || !strings.Contains(err.Error(), "is both") {
		t.Fatalf("error %v, want one saying default is both", err)
	}
	if s, err := Resolve(Flags{}, env); err != nil || s.IsAccount || s.APIKey() != "tgn_k" {
		t.Fatalf("without --profile: %+v, %v; want the Targon default", s, err)
	}
}

func TestResolveOpenRouterAccountOfOtherProvider(t *testing.T) {
	env, home := testEnv(t, nil)
	writeFile(t, home, dashFile, "[accounts.openrouter]\nprovider = \"targon\"\n", 0o600)
	_, err := Resolve(Flags{Provider: ProviderOpenRouter}, env)
	if err == nil || !strings.Contains(err.Error(), `the account named "openrouter" must be an OpenRouter one`) {
		t.Fatalf("error %v", err)
	}
}

func TestAccountKeySavedAndRead(t *testing.T) {
	env, home := testEnv(t, map[string]string{})
	writeFile(t, home, dashFile, pickDashConfig, 0o600)
	s, err := Resolve(Flags{Profile: "router"}, env)
	if err != nil {
		t.Fatal(err)
	}
	if s.KeySource != KeyNone || keyWhere(s) != s.CredentialsPath {
		t.Fatalf("KeySource %v, KeyWhere %q: want none, the credentials file", s.KeySource, keyWhere(s))
	}
	if err := s.SaveAPIKey(" sk-or-v1-new\n"); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if m := mode(t, s.CredentialsPath); m != 0o600 {
			t.Errorf("mode %04o, want 0600", m)
		}
	}
	data, err := os.ReadFile(s.CredentialsPath)
	if err != nil || string(data) != "sk-or-v1-new\n" {
		t.Fatalf("file holds %q, %v", data, err)
	}
	again, err := Resolve(Flags{Profile: "router"}, env)
	if err != nil || again.APIKey() != "sk-or-v1-new" || again.KeySource != KeyFromFile {
		t.Fatalf("read back %q from %v, %v", again.APIKey(), again.KeySource, err)
	}
}

func TestAccountKeyFromEnvWhere(t *testing.T) {
	env, home := testEnv(t, map[string]string{"OPENROUTER_API_KEY": "sk-or-inf"})
	writeFile(t, home, dashFile, pickDashConfig, 0o600)
	s, err := Resolve(Flags{Profile: "router"}, env)
	if err != nil {
		t.Fatal(err)
	}
	if keyWhere(s) != "$OPENROUTER_API_KEY" {
		t.Errorf("KeyWhere = %q, want $OPENROUTER_API_KEY", keyWhere(s))
	}
	if err := s.SaveAPIKey("sk-or-saved"); err != nil {
		t.Fatal(err)
	}
	if s.KeySource != KeyFromFile || s.KeyEnvVar != "" || keyWhere(s) != s.CredentialsPath {
		t.Errorf("after saving: %v %q %q", s.KeySource, s.KeyEnvVar, keyWhere(s))
	}
}

func TestAccountCredentialsChecks(t *testing.T) {
	env, home := testEnv(t, map[string]string{})
	writeFile(t, home, dashFile, pickDashConfig, 0o600)
	path := writeFile(t, home, ".config/targon-dash/credentials-router", "sk-or-k\n", 0o644)
	s, err := Resolve(Flags{Profile: "router"}, env)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && (len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "chmod 600 "+path)) {
		t.Errorf("Warnings = %q, want the chmod 600 one", s.Warnings)
	}
	writeFile(t, home, ".config/targon-dash/credentials-router", "sk or k\n", 0o600)
	if _, err := Resolve(Flags{Profile: "router"}, env); err == nil || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "sk or k") {
		t.Errorf("error %v, want one naming the file and not the key", err)
	}
}

// keyWhere says where the key of s is kept, as the messages after a login
// or a replace would: "$VAR" when it came from the environment variable
// VAR (a new key must go there: the variable wins over the file at the
// next start), else CredentialsPath, where SaveAPIKey writes.
func keyWhere(s *Settings) string {
	if s.KeySource == KeyFromEnv && s.KeyEnvVar != "" {
		return "$" + s.KeyEnvVar
	}
	return s.CredentialsPath
}
