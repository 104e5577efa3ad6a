package accounts

import (
	"context"
	"log/slog"
	"time"

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
// how to check another). A Targon account with api_version auto asks the
// server which version it speaks when detect is set (Book.Open, off the
// UI goroutine); without it (the account the dashboard starts on, whose
// first frame must not wait) the account settles it on first use
// (targon.Auto).
func (w wiring) session(settings *config.Settings, detect bool) (*api.Session, error) {
	var newAccount func(token string) (api.Account, error)
	var envVar string // the variable the key comes from, when the settings name none
	opts := w.clientOptions()
	switch settings.Provider {
	case "", config.ProviderTargon:
		newAccount = targonAccount(settings, w.targonVersion(settings, detect), opts)
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

// targonVersion is the API version to open a Targon account of settings
// with: the one api_version names; for auto, the server's answer when
// detect is set (within detectTimeout), else "": settled on first use,
// also when the server could not say (the views then show why, with r to
// retry, rather than the switch failing).
func (w wiring) targonVersion(settings *config.Settings, detect bool) string {
	switch settings.APIVersion {
	case config.APIVersionV2, config.APIVersionV3:
		return settings.APIVersion
	}
	if !detect {
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), detectTimeout)
	defer cancel()
	return w.targonVersionWithin(ctx, settings)
}

// targonVersionWithin is targonVersion with detect, asking within ctx.
func (w wiring) targonVersionWithin(ctx context.Context, settings *config.Settings) string {
	switch settings.APIVersion {
	case config.APIVersionV2, config.APIVersionV3:
		return settings.APIVersion
	}
	v, err := targon.DetectVersion(ctx, settings.BaseURL, w.clientOptions()...)
	if err != nil {
		return ""
	}
	return v
}

// detectTimeout bounds asking a server which API version it speaks.
const detectTimeout = 15 * time.Second

// targonAccount makes the Targon accounts of settings for version (V2,
// V3, or "" for one that settles it on first use), in the organization
// the settings name.
func targonAccount(settings *config.Settings, version string, opts []clientopt.Option) func(token string) (api.Account, error) {
	org := targon.OrgChoice{Slug: settings.Org, From: settings.OrgFrom}
	return func(token string) (api.Account, error) {
		switch version {
		case targon.V2:
			return targon.New(settings.BaseURL, token, opts...)
		case targon.V3:
			return targon.NewV3(settings.BaseURL, token, org, opts...)
		}
		return targon.NewAuto(settings.BaseURL, token, org, opts...)
	}
}
