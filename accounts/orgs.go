package accounts

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/config"
)

// This file lists a Targon v3 profile's organizations as rows of their
// own in the switcher ("work · acme (team, ADMIN)", "work · alice
// (personal)"). The row of the organization the profile uses (the one it
// names, else its PERSONAL one) keeps the profile's own ID, so opening it
// is opening the profile; the others are the profile in another
// organization: the same key, saved in the same place, and while the
// dashboard runs the same client (a token set on one is set on all).

// orgSep joins a profile's ID and an organization's slug in a row's ID.
const orgSep = "#org="

// listTimeout bounds asking one profile's server for its organizations,
// so that an unreachable server keeps the switcher waiting a moment only:
// the profile is then listed as one row.
const listTimeout = 3 * time.Second

// orgRow is a row of one organization of a profile: base is the
// profile's ID.
type orgRow struct {
	base string
	org  api.Org
}

// expandable is a switcher entry that may stand for several
// organizations: settings reads the profile's settings with its key.
type expandable struct {
	at       int
	settings func() (*config.Settings, error)
}

// expandOrgs replaces every expandable entry of list that is a v3
// profile with a row per organization, asking the servers concurrently.
// An entry whose organizations cannot be listed (v2, no key, an error)
// stays as it is: opening it says what is wrong.
func (b *Book) expandOrgs(list []api.Choice, entries []expandable) ([]api.Choice, map[string]orgRow) {
	expanded := make([][]api.Choice, len(entries))
	rows := make(map[string]orgRow)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, e := range entries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			choices, found := b.orgChoices(list[e.at], e.settings)
			mu.Lock()
			defer mu.Unlock()
			expanded[i] = choices
			for id, r := range found {
				rows[id] = r
			}
		}()
	}
	wg.Wait()
	var out []api.Choice
	next := 0
	for i, c := range list {
		if next < len(entries) && entries[next].at == i {
			if rs := expanded[next]; len(rs) > 0 {
				out = append(out, rs...)
				next++
				continue
			}
			next++
		}
		out = append(out, c)
	}
	return out, rows
}

// orgChoices are the rows of base's organizations, or none when base is
// not a v3 account whose organizations could be listed.
func (b *Book) orgChoices(base api.Choice, settings func() (*config.Settings, error)) ([]api.Choice, map[string]orgRow) {
	ctx, cancel := context.WithTimeout(context.Background(), b.listTimeout)
	defer cancel()
	orgs, want, err := b.listOrgs(ctx, base.ID, settings)
	if err != nil || len(orgs) == 0 {
		return nil, nil
	}
	mine, pickErr := targon.PickOrg(orgs, want)
	rows := make(map[string]orgRow)
	var out []api.Choice
	if pickErr != nil {
		// The organization the profile names is not one the token sees.
		out = append(out, api.Choice{ID: base.ID, Name: base.Name + " · " + api.CleanText(want.Slug),
			Provider: base.Provider, Host: base.Host, Problem: problemText(pickErr)})
	}
	for _, o := range orgs {
		if o.ID == "" {
			continue
		}
		c := api.Choice{ID: base.ID + orgSep + o.ID, Name: base.Name + " · " + orgLabel(o), Provider: base.Provider, Host: base.Host}
		if pickErr == nil && o.ID == mine.ID {
			c.ID = base.ID
		}
		rows[c.ID] = orgRow{base: base.ID, org: o}
		if c.ID == base.ID {
			out = append([]api.Choice{c}, out...) // the profile's own first
		} else {
			out = append(out, c)
		}
	}
	return out, rows
}

// orgLabel names an organization in a row: "acme (team, ADMIN)",
// "alice (personal)".
func orgLabel(o api.Org) string {
	if o.Personal {
		return o.ID + " (personal)"
	}
	kind := "team"
	if o.Role != "" {
		kind += ", " + o.Role
	}
	return o.ID + " (" + kind + ")"
}

// listOrgs lists the organizations of the account with id: through its
// open session when there is one (which then says which organization it
// uses), else through a v3 account made for the listing from settings
// (after asking the server, for api_version auto). A v2 account has none.
func (b *Book) listOrgs(ctx context.Context, id string, settings func() (*config.Settings, error)) ([]api.Org, targon.OrgChoice, error) {
	b.mu.Lock()
	s := b.sessions[id]
	b.mu.Unlock()
	if s != nil && s.Account.HasToken() {
		orgs, ok := s.Account.(api.Orgs)
		if !ok {
			return nil, targon.OrgChoice{}, errNotV3
		}
		list, err := orgs.Orgs(ctx)
		return list, targon.OrgChoice{Slug: orgs.Org().ID}, err
	}
	st, err := settings()
	if err != nil || st.APIKey() == "" {
		return nil, targon.OrgChoice{}, errNotV3
	}
	want := targon.OrgChoice{Slug: st.Org, From: st.OrgFrom}
	if b.wire.targonVersionWithin(ctx, st) != targon.V3 {
		return nil, want, errNotV3
	}
	a, err := targon.NewV3(st.BaseURL, st.APIKey(), want, b.wire.clientOptions()...)
	if err != nil {
		return nil, want, err
	}
	list, err := a.Orgs(ctx)
	return list, want, err
}

// errNotV3 is an account whose organizations are not listed.
var errNotV3 = errors.New("not a Targon v3 account")

// openOrg opens row: the profile's session in another organization,
// sharing the client of the profile's session that is open (opening the
// profile first when none is).
func (b *Book) openOrg(id string, row orgRow, openBase func() (*api.Session, error)) (*api.Session, error) {
	base := b.sibling(row.base)
	if base == nil {
		var err error
		if base, err = openBase(); err != nil {
			return nil, err
		}
	}
	v3 := v3Of(base.Account)
	if v3 == nil {
		return nil, errors.New("this account no longer speaks Targon's v3 API: list the accounts again")
	}
	s := *base
	s.ID, s.Account, s.Warnings = id, v3.InOrg(row.org), nil
	return &s, nil
}

// sibling is an open session of the profile with ID base, in any
// organization, that has a key; nil when there is none.
func (b *Book) sibling(base string) *api.Session {
	b.mu.Lock()
	defer b.mu.Unlock()
	for id, s := range b.sessions {
		if (id == base || strings.HasPrefix(id, base+orgSep)) && s.Account.HasToken() && v3Of(s.Account) != nil {
			return s
		}
	}
	return nil
}

// v3Of is acct as a v3 account: itself, or an Auto settled on v3.
func v3Of(acct api.Account) *targon.V3Account {
	switch a := acct.(type) {
	case *targon.V3Account:
		return a
	case *targon.Auto:
		if v3, ok := a.V3(); ok {
			return v3
		}
	}
	return nil
}
