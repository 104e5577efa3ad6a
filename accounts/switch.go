package accounts

import (
	"fmt"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/config"
)

// List is what the switcher offers, the account in use marked Current:
// with --demo the two demo accounts; otherwise the Targon profiles and
// dashboard accounts (config.Choices), then the demo accounts once the
// login screen has started the demo. The text is clean (api.CleanText):
// it comes from config files and is drawn.
func (b *Book) List() ([]api.Choice, error) {
	var list []api.Choice
	choices := make(map[string]config.Choice)
	if b.start != nil {
		cs, err := config.Choices(b.start, b.env)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			id := choiceID(c.Provider, c.IsAccount, c.Name)
			choices[id] = c
			list = append(list, api.Choice{
				ID: id, Name: api.CleanText(c.Name), Provider: api.CleanText(providerName(c.Provider)),
				Host: api.CleanText(api.HostOf(c.BaseURL)), Problem: problemText(c.Err),
			})
		}
	}
	b.mu.Lock()
	b.choices = choices
	demoShown := b.demoShown
	b.mu.Unlock()
	if demoShown {
		if _, err := b.demo.start(); err != nil { // started already: at once
			return nil, err
		}
		list = append(list,
			api.Choice{ID: demoTargonID, Name: "demo", Provider: "Targon", Host: demoHost},
			api.Choice{ID: demoOpenRouterID, Name: "demo-openrouter", Provider: "OpenRouter", Host: demoHost})
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range list {
		list[i].Current = list[i].ID == b.current
	}
	return list, nil
}

// Open opens a choice List returned. An account opened before comes back
// as it was left (the same *api.Session, with the key it used last). It
// does not make the choice current: the user may still cancel, and only
// the UI knows whether it switched (Use).
func (b *Book) Open(choice api.Choice) (*api.Session, error) {
	b.mu.Lock()
	s, ok := b.sessions[choice.ID]
	c, listed := b.choices[choice.ID]
	b.mu.Unlock()
	if ok && s.Account.HasToken() {
		return s, nil
	}
	var err error
	switch choice.ID {
	case demoTargonID, demoOpenRouterID:
		s, err = b.demoSession(choice.ID)
	default:
		if !listed {
			return nil, fmt.Errorf("no account %q to open: list the accounts again", choice.Name)
		}
		var settings *config.Settings
		if settings, err = config.ResolveChoice(c, b.env); err == nil {
			s, err = b.wire.session(settings)
		}
	}
	if err != nil {
		return nil, err
	}
	s.ID = choice.ID
	b.mu.Lock()
	b.sessions[choice.ID] = s
	b.mu.Unlock()
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

// demoSession opens a demo account (demoTargonID or demoOpenRouterID),
// starting the simulators if need be.
func (b *Book) demoSession(id string) (*api.Session, error) {
	d, err := b.demo.start()
	if err != nil {
		return nil, err
	}
	return b.wire.session(d.settings(id))
}
