package config

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
)

// Choice is one entry of the account switcher: a Targon profile or a
// dashboard account. Listing reads no secret; ResolveChoice reads the key.
type Choice struct {
	Name            string // the profile or account name
	Provider        string // ProviderTargon or ProviderOpenRouter
	IsAccount       bool   // an [accounts.<name>] of the dashboard's file, not a Targon CLI profile
	Current         bool   // the account in use (the start Settings given to Choices)
	BaseURL         string
	KeySource       KeySource // where the key would come from: KeyFromEnv (KeyEnvVar), KeyFromFile (CredentialsPath exists), KeyNone
	KeyEnvVar       string
	CredentialsPath string
	Err             error // why this entry cannot be used (e.g. a bad base_url); ResolveChoice returns it

	settings *Settings // without the key; for the current choice, the start Settings themselves
	useEnv   bool      // the provider's environment variables apply
}

// HasKey reports whether a key is available for the choice, as far as
// can be told without reading it.
func (c Choice) HasKey() bool { return c.KeySource != KeyNone }

// Choices lists what the account switcher offers: start (the Settings in use,
// marked Current) first, then the Targon profiles of ~/.targon/config.toml
// (its sections, its current profile, and "default" when it has a key), then
// the dashboard's accounts (and OpenRouterDefaultAccount when it has a key),
// each group by name.
//
// The environment variables of a provider (TARGON_API_KEY, TARGON_BASE_URL;
// OPENROUTER_MANAGEMENT_KEY, OPENROUTER_API_KEY, OPENROUTER_BASE_URL) belong
// to one account: start, when it is of that provider; otherwise the one a
// start without --profile would use (for Targon TARGON_PROFILE, current,
// "default"; for OpenRouter OpenRouterDefaultAccount). Every other choice
// uses its file's base URL and its credentials file. --base-url applies to
// start only.
//
// A problem with the whole of a file is an error (naming file:line: field);
// a problem with one entry is that choice's Err.
func Choices(start *Settings, env Environment) ([]Choice, error) {
	src, err := loadSources(env)
	if err != nil {
		return nil, err
	}
	prefs, err := src.dashboard()
	if err != nil {
		return nil, err
	}
	startProvider := cmp.Or(start.Provider, ProviderTargon)
	list := []Choice{{
		Name: start.Profile, Provider: startProvider, IsAccount: start.IsAccount, Current: true,
		BaseURL: start.BaseURL, KeySource: start.KeySource, KeyEnvVar: start.KeyEnvVar,
		CredentialsPath: start.CredentialsPath, settings: start,
	}}
	if start.APIKey() == "" {
		list[0].KeySource = KeyNone
	}
	isStart := func(name, provider string, account bool) bool {
		return name == start.Profile && provider == startProvider && account == start.IsAccount
	}
	profiles, err := src.profileChoices(startProvider, isStart)
	if err != nil {
		return nil, err
	}
	list = append(list, profiles...)
	list = append(list, src.accountChoices(prefs.Accounts, startProvider, isStart)...)
	slices.SortStableFunc(list[1:], func(a, b Choice) int {
		if a.IsAccount != b.IsAccount {
			if a.IsAccount {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return list, nil
}

// profileChoices are the Targon profiles Choices lists, but the start
// (isStart): the sections, current, the one the environment belongs to,
// and "default" when it has a key.
func (src *sources) profileChoices(startProvider string, isStart func(name, provider string, account bool) bool) ([]Choice, error) {
	sections, err := src.targon.profileNames()
	if err != nil {
		return nil, err
	}
	from := make(map[string]string) // name → where it came from, for errors
	for _, name := range sections {
		from[name] = "the picker"
	}
	cur, err := src.targon.current()
	if err != nil {
		return nil, err
	}
	if cur != "" {
		from[cur] = "current in " + src.targon.path
	}
	envProfile := ""
	if startProvider != ProviderTargon {
		var where string
		if envProfile, where, err = src.targonDefault(); err == nil {
			from[envProfile] = where
		}
	}
	from[DefaultProfile] = cmp.Or(from[DefaultProfile], "the picker")
	var list []Choice
	for _, name := range slices.Sorted(maps.Keys(from)) {
		if isStart(name, ProviderTargon, false) {
			continue
		}
		useEnv := name == envProfile
		s, err := src.profile(name, from[name], "", useEnv)
		c := src.choice(name, ProviderTargon, false, s, err, useEnv)
		if name == DefaultProfile && name != cur && !slices.Contains(sections, name) && !c.HasKey() {
			continue // the implicit default, with no key anywhere
		}
		list = append(list, c)
	}
	return list, nil
}

// accountChoices are the dashboard accounts Choices lists (configured, and
// OpenRouterDefaultAccount when it has a key), but the start (isStart).
func (src *sources) accountChoices(configured []Account, startProvider string, isStart func(name, provider string, account bool) bool) []Choice {
	accounts := slices.Clone(configured)
	if startProvider != ProviderOpenRouter && !slices.ContainsFunc(accounts, func(a Account) bool { return a.Name == OpenRouterDefaultAccount }) {
		accounts = append(accounts, Account{Name: OpenRouterDefaultAccount, Provider: ProviderOpenRouter}) // implicit: kept below only with a key
	}
	var list []Choice
	for _, a := range accounts {
		if isStart(a.Name, a.Provider, true) {
			continue
		}
		useEnv := a.Name == OpenRouterDefaultAccount && a.Provider == ProviderOpenRouter && startProvider != ProviderOpenRouter
		s, err := src.account(a, "", useEnv)
		c := src.choice(a.Name, a.Provider, true, s, err, useEnv)
		if !slices.Contains(configured, a) && !c.HasKey() {
			continue // the implicit OpenRouter account, with no key anywhere
		}
		list = append(list, c)
	}
	return list
}

// choice makes the switcher entry for settings s (without a key) or err.
func (src *sources) choice(name, provider string, account bool, s *Settings, err error, useEnv bool) Choice {
	c := Choice{Name: name, Provider: provider, IsAccount: account, Err: err, useEnv: useEnv}
	if err != nil {
		return c
	}
	c.BaseURL, c.CredentialsPath, c.settings = s.BaseURL, s.CredentialsPath, s
	for _, v := range s.keyVars(useEnv) {
		if strings.TrimSpace(src.env.getenv(v)) != "" {
			c.KeySource, c.KeyEnvVar = KeyFromEnv, v
			return c
		}
	}
	if _, err := os.Stat(s.CredentialsPath); err == nil {
		c.KeySource = KeyFromFile
	}
	return c
}

// ResolveChoice returns the Settings of a choice Choices listed, reading its
// key (from the environment only where Choices says the variables apply).
// For the current choice it returns the start Settings themselves, so a key
// saved or set on them since is kept.
func ResolveChoice(c Choice, env Environment) (*Settings, error) {
	if c.Err != nil {
		return nil, c.Err
	}
	if c.settings == nil {
		return nil, fmt.Errorf("choice %q was not made by Choices", c.Name)
	}
	if c.Current {
		return c.settings, nil
	}
	s := *c.settings
	s.Warnings = nil
	if err := s.loadKey(env, s.keyVars(c.useEnv)); err != nil {
		return nil, err
	}
	return &s, nil
}
