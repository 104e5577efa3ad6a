package config

import (
	"fmt"
	"slices"
	"strings"
)

// KeySource says where the API key came from.
type KeySource int

// Where an API key can come from.
const (
	KeyNone     KeySource = iota // no key: show the login screen
	KeyFromEnv                   // an environment variable: Settings.KeyEnvVar
	KeyFromFile                  // the credentials file: Settings.CredentialsPath
	KeyFromDemo                  // the built-in demo server
)

// String returns "none", "env", "file" or "demo".
func (k KeySource) String() string {
	switch k {
	case KeyNone:
		return "none"
	case KeyFromEnv:
		return "env"
	case KeyFromFile:
		return "file"
	case KeyFromDemo:
		return "demo"
	}
	return fmt.Sprintf("KeySource(%d)", int(k))
}

// Settings are the resolved account, base URL and API key. The key is kept
// unexported and every fmt verb prints it masked (encoding/json skips it).
type Settings struct {
	Provider        string // ProviderTargon or ProviderOpenRouter; "" in hand-made Settings means Targon
	Profile         string // the Targon profile or the dashboard account's name
	IsAccount       bool   // an [accounts.<name>] of the dashboard's file, not a Targon CLI profile
	BaseURL         string // validated by CheckBaseURL, no trailing slash
	KeySource       KeySource
	KeyEnvVar       string   // with KeyFromEnv: the variable the key came from, e.g. "OPENROUTER_MANAGEMENT_KEY"
	CredentialsPath string   // where the key file is (and SaveAPIKey writes), set even when it does not exist
	ConfigPath      string   // the file the profile or account is in, set even when it does not exist
	Warnings        []string // problems worth showing that do not stop the start, e.g. loose permissions

	// APIVersion is a Targon account's api_version: APIVersionAuto (also
	// for ""), APIVersionV3 or APIVersionV2.
	APIVersion string
	// Org is the Targon v3 organization asked for ("" for the PERSONAL
	// one, else the only one) and OrgFrom where it was asked for
	// ("--org", "TARGON_ORG", "profiles.work.org in FILE:LINE").
	Org, OrgFrom string

	apiKey string
}

// keyVars are the environment variables the key may come from, in
// precedence order; none unless useEnv.
func (s *Settings) keyVars(useEnv bool) []string {
	if !useEnv {
		return nil
	}
	p, ok := providers[s.Provider]
	if !ok {
		p = providers[ProviderTargon]
	}
	return p.keyVars
}

// APIKey returns the API key, "" when there is none.
func (s *Settings) APIKey() string { return s.apiKey }

// SetAPIKey replaces the key in memory (after a login or a roll) without
// changing KeySource or saving it; see SaveAPIKey.
func (s *Settings) SetAPIKey(key string) { s.apiKey = key }

// SaveAPIKey saves key to CredentialsPath with SaveCredentials and, when that
// succeeds, uses it from now on with KeySource KeyFromFile. When the key
// came from an environment variable (look before saving), that variable
// still wins at the next start: tell the user to update it.
func (s *Settings) SaveAPIKey(key string) error {
	key = strings.TrimSpace(key)
	if err := SaveCredentials(s.CredentialsPath, key); err != nil {
		return err
	}
	s.apiKey, s.KeySource, s.KeyEnvVar = key, KeyFromFile, ""
	return nil
}

// masked stands in for the key when Settings are printed.
func (s Settings) masked() string {
	if s.apiKey == "" {
		return ""
	}
	return "<redacted>"
}

// settingsView is Settings with the key replaced, for printing.
type settingsView struct {
	Provider        string
	Profile         string
	IsAccount       bool
	BaseURL         string
	APIKey          string
	KeySource       KeySource
	KeyEnvVar       string
	CredentialsPath string
	ConfigPath      string
	Warnings        []string
}

func (s Settings) view() settingsView {
	return settingsView{s.Provider, s.Profile, s.IsAccount, s.BaseURL, s.masked(), s.KeySource, s.KeyEnvVar,
		s.CredentialsPath, s.ConfigPath, s.Warnings}
}

// Format implements fmt.Formatter so that no verb (%v, %+v, %#v, %s, ...)
// prints the API key.
func (s Settings) Format(f fmt.State, verb rune) {
	out := fmt.Sprintf(fmt.FormatString(f, verb), s.view())
	if verb == 'v' && f.Flag('#') {
		out = strings.Replace(out, "config.settingsView", "config.Settings", 1)
	}
	fmt.Fprint(f, out)
}

// The API versions a Targon profile or account may ask for (api_version).
const (
	APIVersionAuto = "auto" // ask the server (GET /tha/v3/version): the default
	APIVersionV3   = "v3"
	APIVersionV2   = "v2"
)

// APIVersions lists the accepted values of api_version.
var APIVersions = []string{APIVersionAuto, APIVersionV3, APIVersionV2}

// CheckAPIVersion reports whether v is an api_version ("" is the default,
// auto).
func CheckAPIVersion(v string) error {
	if v == "" || slices.Contains(APIVersions, v) {
		return nil
	}
	return fmt.Errorf("%q is not an API version (use %s)", v, quoteList(APIVersions))
}
