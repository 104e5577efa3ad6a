package config

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// summary is one line per choice: name, provider, profile or account, *
// for the current one, the key source (and variable), error.
func summary(list []Choice) string {
	var b strings.Builder
	for _, c := range list {
		kind := "profile"
		if c.IsAccount {
			kind = "account"
		}
		cur := ""
		if c.Current {
			cur = " *"
		}
		envVar := ""
		if c.KeyEnvVar != "" {
			envVar = " " + c.KeyEnvVar
		}
		fmt.Fprintf(&b, "%s %s %s%s key=%v%s url=%s", c.Name, c.Provider, kind, cur, c.KeySource, envVar, c.BaseURL)
		if c.Err != nil {
			b.WriteString(" err")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func pick(t *testing.T, list []Choice, name string, account bool) Choice {
	t.Helper()
	for _, c := range list {
		if c.Name == name && c.IsAccount == account {
			return c
		}
	}
	t.Fatalf("no choice %s (account %v) in\n%s", name, account, summary(list))
	return Choice{}
}

func TestChoicesFromATargonStart(t *testing.T) {
	env, home := testEnv(t, map[string]string{
		"TARGON_API_KEY":            "tgn_env",
		"OPENROUTER_MANAGEMENT_KEY": "sk-or-env",
		"OPENROUTER_BASE_URL":       "https://or-env.example.com/v1",
	})
	writeFile(t, home, ".targon/config.toml", pickTargonConfig, 0o600)
	writeFile(t, home, dashFile, pickDashConfig, 0o600)
	writeFile(t, home, ".config/targon-dash/credentials-router", "sk-or-router\n", 0o600)
	start, err := Resolve(Flags{}, env)
	if err != nil {
		t.Fatal(err)
	}
	list, err := Choices(start, env)
	if err != nil {
		t.Fatal(err)
	}
	// The OpenRouter variables belong to the implicit "openrouter" account,
	// the Targon ones to the start; "default" has no key and is not listed.
	want := `work targon profile * key=env TARGON_API_KEY url=https://work.example.com
shared targon profile key=none url=https://api.targon.com
openrouter openrouter account key=env OPENROUTER_MANAGEMENT_KEY url=https://or-env.example.com/v1
router openrouter account key=file url=https://router.example.com/api/v1
shared openrouter account key=none url=https://openrouter.ai/api/v1
tg targon account key=none url=https://api.targon.com
`
	if got := summary(list); got != want {
		t.Errorf("Choices:\n%s\nwant:\n%s", got, want)
	}

	cur, err := ResolveChoice(list[0], env)
	if err != nil || cur != start {
		t.Errorf("current choice: %p, %v; want the start Settings %p", cur, err, start)
	}
	for _, tt := range []struct {
		name    string
		account bool
		key     string
		source  KeySource
	}{
		{"router", true, "sk-or-router", KeyFromFile},
		{"openrouter", true, "sk-or-env", KeyFromEnv},
		{"shared", false, "", KeyNone}, // TARGON_API_KEY is the start's
		{"tg", true, "", KeyNone},
	} {
		s, err := ResolveChoice(pick(t, list, tt.name, tt.account), env)
		if err != nil {
			t.Fatal(err)
		}
		if s.Profile != tt.name || s.APIKey() != tt.key || s.KeySource != tt.source {
			t.Errorf("%s: %q from %v, want %q from %v", tt.name, s.APIKey(), s.KeySource, tt.key, tt.source)
		}
	}
}

func TestChoicesFromAnOpenRouterStart(t *testing.T) {
	env, home := testEnv(t, map[string]string{
		"TARGON_API_KEY":            "tgn_env",
		"TARGON_BASE_URL":           "https://t-env.example.com",
		"OPENROUTER_MANAGEMENT_KEY": "sk-or-env",
	})
	writeFile(t, home, ".targon/config.toml", pickTargonConfig, 0o600)
	writeFile(t, home, ".targon/credentials-default", "tgn_default\n", 0o600)
	writeFile(t, home, dashFile, pickDashConfig, 0o600)
	start, err := Resolve(Flags{Profile: "router", BaseURL: "https://flag.example.com"}, env)
	if err != nil {
		t.Fatal(err)
	}
	list, err := Choices(start, env)
	if err != nil {
		t.Fatal(err)
	}
	// Now the Targon variables belong to "work" (current in the CLI's
	// file), the OpenRouter ones to the start; --base-url to the start only.
	want := `router openrouter account * key=env OPENROUTER_MANAGEMENT_KEY url=https://flag.example.com
default targon profile key=file url=https://api.targon.com
shared targon profile key=none url=https://api.targon.com
work targon profile key=env TARGON_API_KEY url=https://t-env.example.com
shared openrouter account key=none url=https://openrouter.ai/api/v1
tg targon account key=none url=https://api.targon.com
`
	if got := summary(list); got != want {
		t.Errorf("Choices:\n%s\nwant:\n%s", got, want)
	}
	s, err := ResolveChoice(pick(t, list, "work", false), env)
	if err != nil || s.APIKey() != "tgn_env" || s.KeyEnvVar != "TARGON_API_KEY" || s.BaseURL != "https://t-env.example.com" {
		t.Errorf("work: %+v, %v", s, err)
	}
	s, err = ResolveChoice(pick(t, list, "default", false), env)
	if err != nil || s.APIKey() != "tgn_default" || s.KeySource != KeyFromFile {
		t.Errorf("default: %+v, %v", s, err)
	}
	s, err = ResolveChoice(pick(t, list, "shared", true), env)
	if err != nil || s.APIKey() != "" || s.Provider != ProviderOpenRouter {
		t.Errorf("shared account: %+v, %v; want no key (the variables are the start's)", s, err)
	}
}

// A bad entry is listed with its error; a bad file fails the whole list.
func TestChoicesErrors(t *testing.T) {
	env, home := testEnv(t, nil)
	writeFile(t, home, ".targon/config.toml",
		"current = \"ghost\"\n[profiles.work]\n[profiles.bad]\nbase_url = \"http://bad.example.com\"\n", 0o600)
	start, err := Resolve(Flags{Profile: "work"}, env)
	if err != nil {
		t.Fatal(err)
	}
	list, err := Choices(start, env)
	if err != nil {
		t.Fatal(err)
	}
	want := `work targon profile * key=none url=https://api.targon.com
bad targon profile key=none url= err
ghost targon profile key=none url= err
`
	if got := summary(list); got != want {
		t.Errorf("Choices:\n%s\nwant:\n%s", got, want)
	}
	for name, msgs := range map[string][]string{
		"bad":   {"refusing plain http:// for bad.example.com", "(from profiles.bad.base_url in ", "config.toml:4)"},
		"ghost": {`profile "ghost" (from current in `, "(profiles: bad, work)"},
	} {
		_, err := ResolveChoice(pick(t, list, name, false), env)
		for _, msg := range msgs {
			if err == nil || !strings.Contains(err.Error(), msg) {
				t.Errorf("%s: error %v, want %q", name, err, msg)
			}
		}
	}

	writeFile(t, home, dashFile, "[accounts.x]\nprovider = \"openai\"\n", 0o600)
	_, err = Choices(start, env)
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "config.toml:2: accounts.x.provider:") {
		t.Errorf("error %v, want the file's *FileError", err)
	}
}

func TestResolveChoiceNotFromChoices(t *testing.T) {
	if _, err := ResolveChoice(Choice{Name: "x"}, Environment{}); err == nil {
		t.Error("no error for a hand-made Choice")
	}
}
