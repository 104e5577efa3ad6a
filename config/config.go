// Package config finds the account, API base URL and API key targon-dash
// uses: Targon profiles compatibly with Targon's own CLI
// (~/.targon/config.toml and ~/.targon/credentials-<profile>), and the
// dashboard's own accounts (OpenRouter or Targon) and preferences in
// $XDG_CONFIG_HOME/targon-dash/config.toml. It lists the choices of the
// account switcher and saves keys atomically. It deals in files and
// settings only: it imports the TOML parser and api (for its text and
// secret rules), never a provider's client or the UI.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultProfile is the profile used when nothing names another.
const DefaultProfile = "default"

// maxTargonConfigSize caps how much of ~/.targon/config.toml is read.
const maxTargonConfigSize = 1 << 20

// Environment is what Resolve and LoadPreferences read from the outside
// world, so that tests need not touch the real environment or home.
type Environment struct {
	Getenv  func(string) string // nil: os.Getenv
	HomeDir string              // "": os.UserHomeDir()
}

func (e Environment) getenv(key string) string {
	if e.Getenv == nil {
		return os.Getenv(key)
	}
	return e.Getenv(key)
}

func (e Environment) home() (string, error) {
	if e.HomeDir != "" {
		return e.HomeDir, nil
	}
	h, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the home directory: %w", err)
	}
	return h, nil
}

// Flags are the command-line values that take precedence over the
// environment and the files. Empty means not given. There is no flag for the
// API key: it would show up in shell history and ps.
type Flags struct {
	Profile  string // --profile: a Targon profile or a dashboard account
	Provider string // --provider: "", ProviderTargon or ProviderOpenRouter
	BaseURL  string // --base-url
	Org      string // --org: the Targon v3 organization (a slug)
}

// Resolve works out the settings to start with.
//
// With neither --profile nor --provider openrouter it is a Targon profile,
// as Targon's CLI finds it: the profile (TARGON_PROFILE, current in
// ~/.targon/config.toml, "default"), the base URL (flag, TARGON_BASE_URL,
// the profile's base_url, DefaultBaseURL) and the API key (TARGON_API_KEY,
// then ~/.targon/credentials-<profile>).
//
// --profile NAME names a Targon profile or an [accounts.NAME] of the
// dashboard's config file (see PreferencesPath). A name that is both is an
// error unless --provider tells them apart; --provider that disagrees with
// what NAME is, is an error. An account's base URL is the flag, the
// provider's variable (TARGON_BASE_URL or OPENROUTER_BASE_URL), its
// base_url, the provider's default; its key the provider's variables
// (TARGON_API_KEY; OPENROUTER_MANAGEMENT_KEY, else OPENROUTER_API_KEY), then
// $XDG_CONFIG_HOME/targon-dash/credentials-<name>.
//
// --provider openrouter without --profile uses OpenRouterDefaultAccount.
//
// The environment variables apply to the settings Resolve returns, the
// account in use at start; see Choices for the others. No key is not an
// error: KeySource is KeyNone and the caller shows a login screen.
func Resolve(flags Flags, env Environment) (*Settings, error) {
	if flags.Provider != "" {
		if err := CheckProvider(flags.Provider); err != nil {
			return nil, fmt.Errorf("--provider: %w", err)
		}
	}
	src, err := loadSources(env)
	if err != nil {
		return nil, err
	}
	var s *Settings
	switch {
	case flags.Profile != "":
		s, err = src.named(flags.Profile, flags.Provider, flags.BaseURL)
	case flags.Provider == ProviderOpenRouter:
		var a Account
		if a, err = src.openRouterDefault(); err == nil {
			s, err = src.account(a, flags.BaseURL, true)
		}
	default:
		var profile, from string
		if profile, from, err = src.targonDefault(); err == nil {
			s, err = src.profile(profile, from, flags.BaseURL, true)
		}
	}
	if err != nil {
		return nil, err
	}
	if flags.Org != "" {
		if s.Provider != ProviderTargon {
			return nil, fmt.Errorf("--org names a Targon organization, and %q is a %s account", s.Profile, s.Provider)
		}
		s.Org, s.OrgFrom = flags.Org, "--org"
	}
	return s, s.loadKey(env, s.keyVars(true))
}

// sources are the files Resolve and Choices read. The dashboard's file is
// read only when an account is asked for, so that a Targon start does not
// depend on it.
type sources struct {
	env    Environment
	home   string
	targon *targonConfig
	prefs  *Preferences // nil until dashboard() reads it
}

func loadSources(env Environment) (*sources, error) {
	home, err := env.home()
	if err != nil {
		return nil, err
	}
	cfg, err := loadTargonConfig(filepath.Join(home, ".targon", "config.toml"))
	if err != nil {
		return nil, err
	}
	return &sources{env: env, home: home, targon: cfg}, nil
}

// dashboard returns the dashboard's config file (its Path and Accounts).
func (src *sources) dashboard() (*Preferences, error) {
	if src.prefs == nil {
		p, err := LoadPreferences(src.env)
		if err != nil {
			return nil, err
		}
		src.prefs = &p
	}
	return src.prefs, nil
}

// findAccount returns the account called name, nil when there is none.
func (src *sources) findAccount(name string) (*Account, error) {
	p, err := src.dashboard()
	if err != nil {
		return nil, err
	}
	if i := slices.IndexFunc(p.Accounts, func(a Account) bool { return a.Name == name }); i >= 0 {
		return &p.Accounts[i], nil
	}
	return nil, nil
}

// accountPlace names where an account is defined, for error messages.
func (src *sources) accountPlace(a *Account) string {
	if a.Line > 0 {
		return fmt.Sprintf("[accounts.%s] in %s:%d", a.Name, src.prefs.Path, a.Line)
	}
	return fmt.Sprintf("[accounts.%s] in %s", a.Name, src.prefs.Path)
}

// targonCredentials is the credentials file of a Targon profile.
func (src *sources) targonCredentials(profile string) string {
	return filepath.Join(src.home, ".targon", "credentials-"+profile)
}

// isProfile reports whether ~/.targon defines profile: a [profiles.<name>]
// section or a credentials file. The implicit "default" does not count
// here, so that an account may be called "default".
func (src *sources) isProfile(name string) (bool, error) {
	names, err := src.targon.profileNames()
	if err != nil {
		return false, err
	}
	if slices.Contains(names, name) {
		return true, nil
	}
	_, err = os.Lstat(src.targonCredentials(name))
	return err == nil, nil
}

// named resolves --profile NAME (without the key), with --provider when
// given (then NAME must be of that provider).
func (src *sources) named(name, provider, baseFlag string) (*Settings, error) {
	if err := CheckProfile(name); err != nil {
		return nil, fmt.Errorf("%w (from --profile)", err)
	}
	isProfile, err := src.isProfile(name)
	if err != nil {
		return nil, err
	}
	acct, err := src.findAccount(name)
	if err != nil {
		return nil, err
	}
	profileFits := isProfile && (provider == "" || provider == ProviderTargon)
	acctFits := acct != nil && (provider == "" || provider == acct.Provider)
	profilePlace := "a Targon profile (" + src.short(src.targon.path) + " or " + src.short(src.targonCredentials(name)) + ")"
	switch {
	case profileFits && acctFits:
		hint := "rename one of them"
		if acct.Provider != ProviderTargon {
			hint += ", or add --provider " + ProviderTargon + " or --provider " + acct.Provider
		}
		return nil, fmt.Errorf("--profile %q is both %s and the %s account %s: %s",
			name, profilePlace, acct.Provider, src.accountPlace(acct), hint)
	case acctFits:
		return src.account(*acct, baseFlag, true)
	case profileFits:
		return src.profile(name, "--profile", baseFlag, true)
	case acct != nil: // of another provider than --provider
		return nil, fmt.Errorf("--provider %s: %q is the %s account %s", provider, name, acct.Provider, src.accountPlace(acct))
	case isProfile: // and --provider is not targon
		return nil, fmt.Errorf("--provider %s: %q is %s, not an account", provider, name, profilePlace)
	case provider == ProviderOpenRouter:
		return nil, fmt.Errorf("--profile %q: there is no [accounts.%s] in %s (%s)", name, name, src.short(src.prefs.Path), src.accountList())
	}
	s, err := src.profile(name, "--profile", baseFlag, true) // "default", or the error saying NAME is unknown
	if err != nil && name != DefaultProfile {
		err = fmt.Errorf("%w, and %s has no [accounts.%s]", err, src.short(src.prefs.Path), name)
	}
	return s, err
}

// accountList describes the accounts, for error messages.
func (src *sources) accountList() string {
	if len(src.prefs.Accounts) == 0 {
		return "it has no accounts"
	}
	names := make([]string, len(src.prefs.Accounts))
	for i, a := range src.prefs.Accounts {
		names[i] = a.Name
	}
	return "accounts: " + strings.Join(names, ", ")
}

// short shortens the home directory to "~" in p, for messages.
func (src *sources) short(p string) string {
	if rel, err := filepath.Rel(src.home, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.Join("~", rel)
	}
	return p
}

// openRouterDefault is OpenRouterDefaultAccount: the file's, or implicit.
func (src *sources) openRouterDefault() (Account, error) {
	a, err := src.findAccount(OpenRouterDefaultAccount)
	switch {
	case err != nil:
		return Account{}, err
	case a == nil:
		return Account{Name: OpenRouterDefaultAccount, Provider: ProviderOpenRouter}, nil
	case a.Provider != ProviderOpenRouter:
		return Account{}, fmt.Errorf("--provider %s: %s is a %s account: the account named %q must be an OpenRouter one",
			ProviderOpenRouter, src.accountPlace(a), a.Provider, OpenRouterDefaultAccount)
	}
	return *a, nil
}

// targonDefault is the Targon profile without --profile: TARGON_PROFILE,
// current in ~/.targon/config.toml, "default"; and where it came from.
func (src *sources) targonDefault() (string, string, error) {
	if p := src.env.getenv("TARGON_PROFILE"); p != "" {
		return p, "TARGON_PROFILE", nil
	}
	cur, err := src.targon.current()
	if err != nil {
		return "", "", err
	}
	from := fmt.Sprintf("current in %s", src.targon.path)
	if cur == "" {
		return DefaultProfile, from, nil
	}
	return cur, from, nil
}

// profile resolves the Targon profile named by from, without the key.
// useEnv says whether TARGON_BASE_URL applies.
func (src *sources) profile(name, from, baseFlag string, useEnv bool) (*Settings, error) {
	s := &Settings{Provider: ProviderTargon, Profile: name, ConfigPath: src.targon.path}
	if err := CheckProfile(s.Profile); err != nil {
		return nil, fmt.Errorf("%w (from %s)", err, from)
	}
	s.CredentialsPath = src.targonCredentials(s.Profile)
	if err := src.targon.checkKnown(s.Profile, from, s.CredentialsPath, src.home); err != nil {
		return nil, err
	}
	u, where, err := src.targon.baseURL(s.Profile)
	if err != nil {
		return nil, err
	}
	if s.APIVersion, s.Org, s.OrgFrom, err = src.targon.versionSettings(s.Profile); err != nil {
		return nil, err
	}
	src.orgFromEnv(s, useEnv)
	s.BaseURL, err = src.baseURL(providers[ProviderTargon], baseFlag, useEnv, u, where)
	return s, err
}

// orgFromEnv applies TARGON_ORG to the Targon settings s when the
// environment belongs to them (useEnv): it comes before the profile's org,
// as in Targon's CLI (--org, TARGON_ORG, the profile's org).
func (src *sources) orgFromEnv(s *Settings, useEnv bool) {
	if org := strings.TrimSpace(src.env.getenv("TARGON_ORG")); useEnv && org != "" && s.Provider == ProviderTargon {
		s.Org, s.OrgFrom = org, "TARGON_ORG"
	}
}

// account resolves a dashboard account, without the key. useEnv says
// whether the provider's base URL variable applies.
func (src *sources) account(a Account, baseFlag string, useEnv bool) (*Settings, error) {
	p, err := src.dashboard()
	if err != nil {
		return nil, err
	}
	s := &Settings{
		Provider:        a.Provider,
		Profile:         a.Name,
		IsAccount:       true,
		ConfigPath:      p.Path,
		CredentialsPath: filepath.Join(filepath.Dir(p.Path), "credentials-"+a.Name),
	}
	where := ""
	if a.BaseURL != "" {
		where = fieldName("accounts", a.Name, "base_url") + " in " + src.accountPlace(&a)
	}
	s.APIVersion, s.Org = a.APIVersion, a.Org
	if a.Org != "" {
		s.OrgFrom = fieldName("accounts", a.Name, "org") + " in " + src.accountPlace(&a)
	}
	src.orgFromEnv(s, useEnv)
	s.BaseURL, err = src.baseURL(providers[a.Provider], baseFlag, useEnv, a.BaseURL, where)
	return s, err
}

// baseURL picks and checks a base URL: the flag, the provider's variable
// (when useEnv), the file's value (described by where), the default.
func (src *sources) baseURL(p provider, flag string, useEnv bool, fromFile, where string) (string, error) {
	raw, from := p.defaultURL, "the default"
	switch {
	case strings.TrimSpace(flag) != "":
		raw, from = flag, "--base-url"
	case useEnv && strings.TrimSpace(src.env.getenv(p.baseURLVar)) != "":
		raw, from = src.env.getenv(p.baseURLVar), p.baseURLVar
	case strings.TrimSpace(fromFile) != "":
		raw, from = fromFile, where
	}
	u, err := CheckBaseURL(raw)
	if err != nil {
		return "", fmt.Errorf("%w (from %s)", err, from)
	}
	return u, nil
}
