// Package accounts is what the dashboard knows of the accounts it can use:
// it resolves Targon profiles and the dashboard's own accounts (through
// config), builds the api.Account of each provider, lists what the account
// switcher offers, opens an account, remembers which one is current, saves
// a key where it came from, and serves the demo's simulators (in-process
// for --demo, and for the demo-server subcommand).
//
// Its Book implements ui.Accounts, which main hands to the UI. It may
// import config, api and the concrete providers (api/targon,
// api/openrouter and their simulators); it never imports ui: the UI sees
// only api.Session and api.Choice.
package accounts

import (
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/config"
)

// Config is what Open needs from the command line and the environment.
type Config struct {
	// Flags are --profile, --provider and --base-url.
	Flags config.Flags
	// Env is where the config files and environment variables are read.
	Env config.Environment
	// Demo starts on the built-in demo accounts (--demo), which are then
	// the only ones offered; Flags.Provider openrouter starts on the
	// OpenRouter one.
	Demo bool
	// Clock is the demo simulators' frozen clock (DemoClock), or nil.
	Clock func() time.Time
	// Version is the dashboard's version, for the User-Agent and the log.
	Version string
	// Logger is the --debug log of API requests, or nil.
	Logger *slog.Logger
}

// Book holds the accounts of one dashboard: the one it started on, those
// opened since (each as it was left) and which one is current. Its methods
// are safe for concurrent use: the UI calls some off its goroutine.
type Book struct {
	env   config.Environment
	wire  wiring
	demo  *demoOnce
	start *config.Settings // nil with --demo: only the demo accounts
	first *api.Session     // the session the dashboard starts on
	// listTimeout bounds listing one profile's organizations (List).
	listTimeout time.Duration

	mu        sync.Mutex
	current   string                   // the ID of the account in use
	choices   map[string]config.Choice // the last listing, by ID
	orgRows   map[string]orgRow        // the last listing's organization rows, by ID
	sessions  map[string]*api.Session  // accounts opened before, by ID
	demoShown bool                     // the demo has been started: list its accounts
}

// Open resolves the account to start on (--profile, --provider and the
// files, or the demo with cfg.Demo) and opens it. A key is not needed:
// without one the UI asks for it. Close the Book when done.
func Open(cfg Config) (*Book, error) {
	w := wiring{logger: cfg.Logger}
	if cfg.Version != "" {
		w.userAgent = "targon-dash/" + cfg.Version
	}
	b := &Book{env: cfg.Env, wire: w, demo: &demoOnce{clock: cfg.Clock}, listTimeout: listTimeout}
	settings, err := b.startSettings(cfg)
	if err != nil {
		b.Close()
		return nil, err
	}
	if cfg.Logger != nil {
		cfg.Logger.Info("targon-dash started", "version", cfg.Version, "provider", providerName(settings.Provider),
			"profile", settings.Profile, "base_url", settings.BaseURL, "key_source", settings.KeySource.String())
	}
	s, err := b.wire.session(settings, false)
	if err != nil {
		b.Close()
		return nil, err
	}
	b.begin(settings, s)
	return b, nil
}

// startSettings are the settings of the account to start on.
func (b *Book) startSettings(cfg Config) (*config.Settings, error) {
	if !cfg.Demo {
		return config.Resolve(cfg.Flags, cfg.Env)
	}
	d, err := b.demo.start()
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	if cfg.Flags.Provider == config.ProviderOpenRouter {
		return d.settings(demoOpenRouterID), nil
	}
	return d.settings(demoTargonID), nil
}

// begin makes s, the session of start, the current one: with a demo
// account (start.KeySource is KeyFromDemo) the switcher offers the demo
// accounts only.
func (b *Book) begin(start *config.Settings, s *api.Session) {
	b.start, b.sessions = start, make(map[string]*api.Session)
	switch {
	case start.KeySource != config.KeyFromDemo:
		b.current = choiceID(start.Provider, start.IsAccount, start.Profile)
	case start.Provider == config.ProviderOpenRouter:
		b.start, b.current, b.demoShown = nil, demoOpenRouterID, true
	default:
		b.start, b.current, b.demoShown = nil, demoTargonID, true
	}
	s.ID = b.current
	b.sessions[b.current] = s
	b.first = s
}

// Close stops the demo simulators, if they were started.
func (b *Book) Close() { b.demo.Close() }

// Start is the session the dashboard starts on.
func (b *Book) Start() *api.Session { return b.first }

// CanSwitch reports that the switcher is offered: there is always the
// account in use, and often others.
func (b *Book) CanSwitch() bool { return true }

// CanDemo reports that the login screen offers the built-in demo.
func (b *Book) CanDemo() bool { return true }

// Use makes s the current account: the switcher marks it, and opening it
// again returns s as it is then (a key saved at the login screen stays
// saved). It only takes the mutex, which nothing holds for long: the UI
// calls it on its goroutine.
func (b *Book) Use(s *api.Session) {
	if s.ID == "" {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.current = s.ID
	b.sessions[s.ID] = s
}

// choiceID is the Book's handle for a config choice: provider, kind and
// name tell every choice config.Choices lists apart.
func choiceID(provider string, isAccount bool, name string) string {
	kind := "profile"
	if isAccount {
		kind = "account"
	}
	if provider == "" {
		provider = config.ProviderTargon
	}
	return provider + "/" + kind + "/" + name
}

// problemText is a choice's error as the switcher shows it: one line of
// clean text, at most maxProblem runes.
func problemText(err error) string {
	if err == nil {
		return ""
	}
	s := strings.Join(strings.Fields(api.CleanText(err.Error())), " ")
	const maxProblem = 120
	if r := []rune(s); len(r) > maxProblem {
		s = string(r[:maxProblem-1]) + "…"
	}
	return s
}
