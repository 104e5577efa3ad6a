package accounts

import (
	"log/slog"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/config"
)

// wiring is what every account the dashboard opens shares: the User-Agent
// and the --debug logger (nil without it).
type wiring struct {
	userAgent string
	logger    *slog.Logger
}

// clientOptions are the client options of every account, Targon or
// OpenRouter: both providers take clientopt's options, so one list serves
// both.
func (w wiring) clientOptions() []clientopt.Option {
	var opts []clientopt.Option
	if w.userAgent != "" {
		opts = append(opts, clientopt.WithUserAgent(w.userAgent))
	}
	if w.logger != nil {
		opts = append(opts, clientopt.WithLogger(w.logger))
	}
	return opts
}

// session opens the account of settings for the dashboard, at the
// provider the settings name ("" is Targon): the account, and what the UI
// needs to know of the settings (where the key is kept, how to save one,
// how to check another).
func (w wiring) session(settings *config.Settings) (*api.Session, error) {
	var newAccount func(token string) (api.Account, error)
	var envVar string // the variable the key comes from, when the settings name none
	opts := w.clientOptions()
	switch settings.Provider {
	case "", config.ProviderTargon:
		newAccount = func(token string) (api.Account, error) { return targon.New(settings.BaseURL, token, opts...) }
		envVar = "TARGON_API_KEY"
	case config.ProviderOpenRouter:
		newAccount = func(token string) (api.Account, error) { return openrouter.New(settings.BaseURL, token, opts...) }
		envVar = "OPENROUTER_MANAGEMENT_KEY"
	default:
		return nil, config.CheckProvider(settings.Provider)
	}
	acct, err := newAccount(settings.APIKey())
	if err != nil {
		return nil, err
	}
	s := &api.Session{
		Account:    acct,
		NewAccount: newAccount,
		Profile:    settings.Profile,
		Home:       keyHome(settings, envVar),
		Warnings:   settings.Warnings,
	}
	if settings.CredentialsPath != "" && settings.KeySource != config.KeyFromDemo {
		path := settings.CredentialsPath
		s.SaveKey = func(key string) error { return config.SaveCredentials(path, key) }
		s.SavedKey = func() (string, error) { return config.ReadCredentials(path) }
	}
	return s, nil
}

// keyHome says where the key of settings is kept; envVar names the
// variable when the settings do not.
func keyHome(settings *config.Settings, envVar string) api.KeyHome {
	home := api.KeyHome{Env: settings.KeyEnvVar, File: settings.CredentialsPath}
	switch settings.KeySource {
	case config.KeyFromEnv:
		home.Source = api.KeyFromEnv
		if home.Env == "" {
			home.Env = envVar
		}
	case config.KeyFromFile:
		home.Source = api.KeyFromFile
	case config.KeyFromDemo:
		home.Source = api.KeyFromDemo
	}
	return home
}

// providerName is how the switcher and the debug log name a provider.
func providerName(provider string) string {
	switch provider {
	case "", config.ProviderTargon:
		return "Targon"
	case config.ProviderOpenRouter:
		return "OpenRouter"
	}
	return provider
}
