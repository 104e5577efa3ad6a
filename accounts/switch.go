package accounts

import (
	"fmt"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/config"
)

// List is what the switcher offers, the account in use marked Current:
// with --demo the demo accounts; otherwise the Targon profiles and
// dashboard accounts (config.Choices), then the demo accounts once the
// login screen has started the demo. A Targon v3 profile is listed as a
// row per organization its key can see (expandOrgs): this asks the
// servers, so it runs off the UI goroutine. The text is clean
// (api.CleanText): it comes from config files and servers and is drawn.
func (b *Book) List() ([]api.Choice, error) {
	var list []api.Choice
	var entries []expandable
	choices := make(map[string]config.Choice)
	if b.start != nil {
		cs, err := config.Choices(b.start, b.env)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			id := choiceID(c.Provider, c.IsAccount, c.Name)
			choices[id] = c
			if c.Provider == config.ProviderTargon && c.Err == nil && c.HasKey() {
				entries = append(entries, expandable{at: len(list), settings: func() (*config.Settings, error) { return config.ResolveChoice(c, b.env) }})
			}
			list = append(list, api.Choice{
				ID: id, Name: api.CleanText(c.Name), Provider: api.CleanText(providerName(c.Provider)),
				Host: api.CleanText(api.HostOf(c.BaseURL)), Problem: problemText(c.Err),
			})
		}
	}
	b.mu.Lock()
	demoShown := b.demoShown
	b.mu.Unlock()
	if demoShown {
		d, err := b.demo.start() // started already: at once
		if err != nil {
			return nil, err
		}
		list = append(list, api.Choice{ID: demoTargonID, Name: "demo", Provider: "Targon", Host: demoHost})
		entries = append(entries, expandable{at: len(list), settings: func() (*config.Settings, error) { return d.settings(demoTargonV3ID), nil }})
		list = append(list,
			api.Choice{ID: demoTargonV3ID, Name: "demo-v3", Provider: "Targon", Host: demoHost},
			api.Choice{ID: demoOpenRouterID, Name: "demo-openrouter", Provider: "OpenRouter", Host: demoHost})
	}
	list, rows := b.expandOrgs(list, entries)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.choices, b.orgRows = choices, rows
	for i := range list {
		list[i].Current = list[i].ID == b.current
	}
	return list, nil
}

// Open opens a choice List returned. An account opened before comes back
// as it was left (the same *api.Session, with the key it used last). It
// does not make the choice current: the user may still cancel, and only
// the UI knows whether it switched (Use). A Targon account with
// api_version auto is asked here which version it speaks (Open runs off
// the UI goroutine).
func (b *Book) Open(choice api.Choice) (*api.Session, error) {
	b.mu.Lock()
	s, ok := b.sessions[choice.ID]
	row, isOrg := b.orgRows[choice.ID]
	b.mu.Unlock()
	if ok && s.Account.HasToken() {
		return s, nil
	}
	var err error
	if isOrg && row.base != choice.ID {
		s, err = b.openOrg(choice.ID, row, func() (*api.Session, error) { return b.openID(row.base, choice.Name) })
	} else {
		s, err = b.openID(choice.ID, choice.Name)
	}
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	b.sessions[choice.ID] = s
	b.mu.Unlock()
	return s, nil
}

// openID opens the profile, account or demo account with id afresh
// (name is for the error when there is none).
func (b *Book) openID(id, name string) (*api.Session, error) {
	b.mu.Lock()
	c, listed := b.choices[id]
	b.mu.Unlock()
	var s *api.Session
	var err error
	switch id {
	case demoTargonID, demoTargonV3ID, demoOpenRouterID:
		s, err = b.demoSession(id)
	default:
		if !listed {
			return nil, fmt.Errorf("no account %q to open: list the accounts again", name)
		}
		var settings *config.Settings
		if settings, err = config.ResolveChoice(c, b.env); err == nil {
			s, err = b.wire.session(settings, true)
		}
	}
	if err != nil {
		return nil, err
	}
	s.ID = id
	return s, nil
}

// Demo is the login screen's "try the demo": the Targon demo account,
// from now on listed by the switcher with the OpenRouter one. The UI makes
// it current when it switches (Use).
func (b *Book) Demo() (*api.Session, error) {
	b.mu.Lock()
	s, ok := b.sessions[demoTargonID]
	b.mu.Unlock()
	if !ok {
		var err error
		if s, err = b.demoSession(demoTargonID); err != nil {
			return nil, err
		}
		s.ID = demoTargonID
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.sessions[demoTargonID]; !ok {
		b.sessions[demoTargonID] = s
	}
	b.demoShown = true
	return b.sessions[demoTargonID], nil
}

// demoSession opens a demo account (demoTargonID, demoTargonV3ID or
// demoOpenRouterID),
// starting the simulators if need be.
func (b *Book) demoSession(id string) (*api.Session, error) {
	d, err := b.demo.start()
	if err != nil {
		return nil, err
	}
	return b.wire.session(d.settings(id), true)
}
