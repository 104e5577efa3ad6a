package main

import (
	"fmt"
	"log/slog"
	"strings"
	"sync"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/ui"
	"github.com/targon-dash/targon-dash/ui/common"
)

// wiring is what every account the dashboard opens shares: the User-Agent
// and the --debug logger (nil without it).
type wiring struct {
	userAgent string
	logger    *slog.Logger
}

// targonOptions are the client options of a Targon account.
func (w wiring) targonOptions() []targon.Option {
	var opts []targon.Option
	if w.userAgent != "" {
		opts = append(opts, targon.WithUserAgent(w.userAgent))
	}
	if w.logger != nil {
		opts = append(opts, targon.WithLogger(w.logger))
	}
	return opts
}

// openrouterOptions are the client options of an OpenRouter account.
func (w wiring) openrouterOptions() []openrouter.Option {
	var opts []openrouter.Option
	if w.userAgent != "" {
		opts = append(opts, openrouter.WithUserAgent(w.userAgent))
	}
	if w.logger != nil {
		opts = append(opts, openrouter.WithLogger(w.logger))
	}
	return opts
}

// session wires the account of settings for the dashboard, at the
// provider the settings name ("" is Targon).
func (w wiring) session(settings *config.Settings) (ui.Session, error) {
	switch settings.Provider {
	case "", config.ProviderTargon:
		return targonSession(settings, w.targonOptions())
	case config.ProviderOpenRouter:
		return openrouterSession(settings, w.openrouterOptions())
	}
	return ui.Session{}, config.CheckProvider(settings.Provider)
}

// targonSession wires a Targon account for the dashboard: the account of
// settings, and what the UI needs to know of the settings (where the key is
// kept, how to save one, how to check another).
func targonSession(settings *config.Settings, opts []targon.Option) (ui.Session, error) {
	acct, err := targon.New(settings.BaseURL, settings.APIKey(), opts...)
	if err != nil {
		return ui.Session{}, err
	}
	newAccount := func(token string) (api.Account, error) {
		return targon.New(settings.BaseURL, token, opts...)
	}
	return newSession(settings, acct, newAccount, "TARGON_API_KEY"), nil
}

// openrouterSession wires an OpenRouter account for the dashboard, as
// targonSession does a Targon one.
func openrouterSession(settings *config.Settings, opts []openrouter.Option) (ui.Session, error) {
	acct, err := openrouter.New(settings.BaseURL, settings.APIKey(), opts...)
	if err != nil {
		return ui.Session{}, err
	}
	newAccount := func(token string) (api.Account, error) {
		return openrouter.New(settings.BaseURL, token, opts...)
	}
	return newSession(settings, acct, newAccount, "OPENROUTER_MANAGEMENT_KEY"), nil
}

// newSession is the provider-independent part of a session: where the key
// is kept (envVar names the variable when the settings do not) and how a
// key is saved (never for the demo).
func newSession(settings *config.Settings, acct api.Account, newAccount func(string) (api.Account, error), envVar string) ui.Session {
	home := common.KeyHome{Env: settings.KeyEnvVar, File: settings.CredentialsPath}
	switch settings.KeySource {
	case config.KeyFromEnv:
		home.Source = common.KeyFromEnv
		if home.Env == "" {
			home.Env = envVar
		}
	case config.KeyFromFile:
		home.Source = common.KeyFromFile
	case config.KeyFromDemo:
		home.Source = common.KeyFromDemo
	}
	s := ui.Session{
		Account:    acct,
		NewAccount: newAccount,
		Profile:    settings.Profile,
		Home:       home,
		Warnings:   settings.Warnings,
	}
	if settings.CredentialsPath != "" && settings.KeySource != config.KeyFromDemo {
		path := settings.CredentialsPath
		s.SaveKey = func(key string) error { return config.SaveCredentials(path, key) }
	}
	return s
}

// providerName is how the picker names a provider.
func providerName(provider string) string {
	switch provider {
	case "", config.ProviderTargon:
		return "Targon"
	case config.ProviderOpenRouter:
		return "OpenRouter"
	}
	return provider
}

// demoHost is how the picker shows the built-in demo servers.
const demoHost = "built-in demo"

// problemText is a choice's error as the picker shows it: one line of
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

// Picker IDs of the demo accounts.
const (
	demoTargonID     = "demo/targon"
	demoOpenRouterID = "demo/openrouter"
)

// choiceID is main's handle for a config choice: provider, kind and name
// tell every choice Choices lists apart.
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

// picker is the account picker's side in main: it lists the choices, opens
// the chosen one and remembers which is open. Its methods run off the UI
// goroutine, hence the mutex.
type picker struct {
	env   config.Environment
	wire  wiring
	start *config.Settings // nil with --demo: only the demo accounts
	demo  func() (*demoServers, error)

	mu        sync.Mutex
	current   string                   // the ID of the account open now
	choices   map[string]config.Choice // the last listing, by ID
	sessions  map[string]ui.Session    // accounts opened before, by ID, with their key as it is now
	demoShown bool                     // the demo has been started: list its accounts
}

// newPicker returns the picker for a dashboard that starts on start's
// account (a demo account: start.KeySource is KeyFromDemo), wired by w;
// demo starts the simulators (once).
func newPicker(start *config.Settings, startSession ui.Session, env config.Environment, w wiring, demo func() (*demoServers, error)) *picker {
	p := &picker{env: env, wire: w, start: start, demo: demo, sessions: make(map[string]ui.Session)}
	if start.KeySource == config.KeyFromDemo {
		// The picker offers the demo accounts only.
		p.start, p.current, p.demoShown = nil, demoTargonID, true
		if start.Provider == config.ProviderOpenRouter {
			p.current = demoOpenRouterID
		}
	} else {
		p.current = choiceID(start.Provider, start.IsAccount, start.Profile)
	}
	// The account open at start is reopened as it is (its key may have
	// been rolled or entered at the login screen since).
	startSession.ID = p.current
	p.sessions[p.current] = startSession
	return p
}

// accounts lists the picker's choices: with --demo the two demo accounts;
// otherwise the Targon profiles and dashboard accounts (config.Choices),
// then the demo accounts once the login screen has started the demo.
func (p *picker) accounts() ([]ui.AccountChoice, error) {
	var list []ui.AccountChoice
	choices := make(map[string]config.Choice)
	if p.start != nil {
		cs, err := config.Choices(p.start, p.env)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			id := choiceID(c.Provider, c.IsAccount, c.Name)
			choices[id] = c
			list = append(list, ui.AccountChoice{
				Name: c.Name, Provider: providerName(c.Provider), Host: common.HostOf(c.BaseURL),
				Problem: problemText(c.Err), ID: id,
			})
		}
	}
	p.mu.Lock()
	p.choices = choices
	demoShown := p.demoShown
	p.mu.Unlock()
	if demoShown {
		if _, err := p.demo(); err != nil { // started already: at once
			return nil, err
		}
		// The demo servers' loopback ports mean nothing to anyone; the
		// status bar calls them the same.
		list = append(list,
			ui.AccountChoice{Name: "demo", Provider: "Targon", Host: demoHost, ID: demoTargonID},
			ui.AccountChoice{Name: "demo-openrouter", Provider: "OpenRouter", Host: demoHost, ID: demoOpenRouterID})
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range list {
		list[i].Current = list[i].ID == p.current
	}
	return list, nil
}

// open opens a choice accounts listed as a session. An account opened
// before comes back as it was left, with the key it used last. It does not
// make the choice current: the user may still cancel, and only the UI
// knows whether it switched (sessionChanged).
func (p *picker) open(choice ui.AccountChoice) (ui.Session, error) {
	p.mu.Lock()
	s, ok := p.sessions[choice.ID]
	c, listed := p.choices[choice.ID]
	p.mu.Unlock()
	if ok && s.Account.HasToken() {
		return s, nil
	}
	var err error
	switch choice.ID {
	case demoTargonID, demoOpenRouterID:
		s, err = p.demoSession(choice.ID)
	default:
		if !listed {
			return ui.Session{}, fmt.Errorf("no account %q to open: list the accounts again", choice.Name)
		}
		var settings *config.Settings
		if settings, err = config.ResolveChoice(c, p.env); err == nil {
			s, err = p.wire.session(settings)
		}
	}
	if err != nil {
		return ui.Session{}, err
	}
	s.ID = choice.ID
	p.mu.Lock()
	p.sessions[choice.ID] = s
	p.mu.Unlock()
	return s, nil
}

// sessionChanged is the UI's word (ui.Options.SessionChanged) that it
// uses s now, as s is now: s becomes the current account, and is reopened
// later as it is (a key saved at the login screen stays saved). It runs on
// the UI goroutine: it only takes the mutex, which nothing holds for long.
func (p *picker) sessionChanged(s ui.Session) {
	if s.ID == "" {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.current = s.ID
	p.sessions[s.ID] = s
}

// startSession is the session the dashboard starts on, with its ID.
func (p *picker) startSession() ui.Session {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sessions[p.current]
}

// startDemo is the login screen's "try the demo": the Targon demo
// account, from now on listed by the picker with the OpenRouter one. The
// UI makes it current when it switches (sessionChanged).
func (p *picker) startDemo() (ui.Session, error) {
	p.mu.Lock()
	s, ok := p.sessions[demoTargonID]
	p.mu.Unlock()
	if !ok {
		var err error
		if s, err = p.demoSession(demoTargonID); err != nil {
			return ui.Session{}, err
		}
		s.ID = demoTargonID
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.sessions[demoTargonID]; !ok {
		p.sessions[demoTargonID] = s
	}
	p.demoShown = true
	return p.sessions[demoTargonID], nil
}

// demoSession opens a demo account (id demoTargonID or demoOpenRouterID),
// starting the simulators if need be.
func (p *picker) demoSession(id string) (ui.Session, error) {
	d, err := p.demo()
	if err != nil {
		return ui.Session{}, err
	}
	return p.wire.session(d.settings(id))
}
