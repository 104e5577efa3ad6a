package config

import (
	"fmt"
	"slices"
	"strings"
)

// The providers an account can be for.
const (
	ProviderTargon     = "targon"
	ProviderOpenRouter = "openrouter"
)

// Providers lists the accepted values of an account's provider.
var Providers = []string{ProviderOpenRouter, ProviderTargon}

// DefaultOpenRouterBaseURL is the OpenRouter API used when neither a flag,
// the environment nor the account names another.
const DefaultOpenRouterBaseURL = "https://openrouter.ai/api/v1"

// OpenRouterDefaultAccount is the account `--provider openrouter` uses when
// no --profile names one: [accounts.openrouter] when the dashboard's file
// has it, else an implicit account of that name with the default base URL.
// Either way its key file is $XDG_CONFIG_HOME/targon-dash/credentials-openrouter.
const OpenRouterDefaultAccount = "openrouter"

// maxAccountName caps an account name; it becomes part of a file name.
const maxAccountName = 64

// accountFields lists the keys of an [accounts.<name>] table.
var accountFields = []string{"provider", "base_url", "api_version", "org"}

// Account is one [accounts.<name>] table of the dashboard's config file.
type Account struct {
	Name     string
	Provider string // ProviderOpenRouter or ProviderTargon
	BaseURL  string // validated by CheckBaseURL; "" when the file sets none
	Line     int    // where the table is defined, 0 when unknown

	// APIVersion and Org are a Targon account's api_version and org
	// (see Settings); "" when the file sets none.
	APIVersion, Org string
}

// provider is what differs between the providers when resolving: the
// default base URL and the environment variables, in precedence order.
type provider struct {
	name       string
	defaultURL string
	baseURLVar string
	keyVars    []string
}

var providers = map[string]provider{
	ProviderTargon:     {ProviderTargon, DefaultBaseURL, "TARGON_BASE_URL", []string{"TARGON_API_KEY"}},
	ProviderOpenRouter: {ProviderOpenRouter, DefaultOpenRouterBaseURL, "OPENROUTER_BASE_URL", []string{"OPENROUTER_MANAGEMENT_KEY", "OPENROUTER_API_KEY"}},
}

// CheckProvider reports whether name is a provider (see Providers).
func CheckProvider(name string) error {
	if slices.Contains(Providers, name) {
		return nil
	}
	return fmt.Errorf("unknown provider %q (use %s)", name, quoteList(Providers))
}

// CheckAccountName reports whether name can be an account name: 1 to 64
// ASCII letters, digits, "-" and "_". It becomes part of a file name
// (credentials-<name>), so nothing else is allowed.
func CheckAccountName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("invalid account name: it is empty")
	case len(name) > maxAccountName:
		return fmt.Errorf("invalid account name %q: longer than %d characters", name, maxAccountName)
	case strings.IndexFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	}) >= 0:
		return fmt.Errorf("invalid account name %q: use only letters, digits, \"-\" and \"_\"", name)
	}
	return nil
}

// parseAccounts checks the accounts entry of the dashboard's config file
// and returns the accounts sorted by name. fail makes a *FileError for a
// key; the first problem in file order is reported.
func parseAccounts(v any, src *tomlDoc, fail func(msg string, pieces ...string) error) ([]Account, error) {
	table, ok := v.(map[string]any)
	if !ok {
		return nil, fail("expected tables like [accounts.work] provider = \"openrouter\", got "+describe(v), "accounts")
	}
	var out []Account
	for _, name := range inFileOrder(table, src, "accounts") {
		if err := CheckAccountName(name); err != nil {
			return nil, fail(strings.TrimPrefix(err.Error(), "invalid account name: "), "accounts", name)
		}
		fields, ok := table[name].(map[string]any)
		if !ok {
			return nil, fail("expected a table, got "+describe(table[name]), "accounts", name)
		}
		a := Account{Name: name, Line: src.line("accounts", name)}
		for _, field := range inFileOrder(fields, src, "accounts", name) {
			v := fields[field]
			switch field {
			case "provider":
				s, ok := v.(string)
				if !ok || CheckProvider(s) != nil {
					return nil, fail(fmt.Sprintf("%s is not a provider (use %s)", shown(v), quoteList(Providers)), "accounts", name, field)
				}
				a.Provider = s
			case "base_url":
				s, ok := v.(string)
				if !ok {
					return nil, fail("expected a URL (a string), got "+describe(v), "accounts", name, field)
				}
				if strings.TrimSpace(s) == "" {
					continue // as for Targon profiles: empty means the default
				}
				u, err := CheckBaseURL(s)
				if err != nil {
					return nil, fail(err.Error(), "accounts", name, field)
				}
				a.BaseURL = u
			case "api_version", "org":
				if err := a.setTargonField(field, v); err != nil {
					return nil, fail(err.Error(), "accounts", name, field)
				}
			default:
				return nil, fail(fmt.Sprintf("unknown field (known fields: %s)", strings.Join(accountFields, ", ")), "accounts", name, field)
			}
		}
		if a.Provider == "" {
			return nil, fail(fmt.Sprintf("no provider: add provider = %q (or %q)", ProviderOpenRouter, ProviderTargon), "accounts", name)
		}
		if a.Provider != ProviderTargon && (a.APIVersion != "" || a.Org != "") {
			field := "api_version"
			if a.APIVersion == "" {
				field = "org"
			}
			return nil, fail("only a Targon account has "+field+` (provider = "targon")`, "accounts", name, field)
		}
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b Account) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// setTargonField sets a Targon account's api_version or org from the
// file's value v.
func (a *Account) setTargonField(field string, v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("expected a string, got %s", describe(v))
	}
	s = strings.TrimSpace(s)
	if field == "org" {
		a.Org = s
		return nil
	}
	if err := CheckAPIVersion(s); err != nil {
		return err
	}
	a.APIVersion = s
	return nil
}
