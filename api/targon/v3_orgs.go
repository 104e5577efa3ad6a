package targon

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/targon-dash/targon-dash/api"
)

// OrgChoice is the organization a v3 account acts in, as the settings name
// it: Slug from --org, TARGON_ORG or the profile's org (From says which,
// for messages), or "" for the PERSONAL organization, else the only one.
type OrgChoice struct {
	Slug, From string
}

// OrgError is an organization the token cannot see, or no organization to
// pick: it names the ones the token can see.
type OrgError struct {
	// Slug is the organization asked for, "" when none was named.
	Slug, From string
	// Visible are the slugs of the organizations the token can see.
	Visible []string
}

// Error says what was asked for and what the token can see, in one line.
func (e *OrgError) Error() string {
	can := "it can see none"
	if len(e.Visible) > 0 {
		can = "it can see " + strings.Join(e.Visible, ", ")
	}
	if e.Slug == "" {
		return "no organization was named and this token has no PERSONAL one: choose one with --org, TARGON_ORG or org in the profile (" + can + ")"
	}
	from := ""
	if e.From != "" {
		from = " (from " + e.From + ")"
	}
	return fmt.Sprintf("organization %q%s is not one this token can see: %s", api.CleanText(e.Slug), from, can)
}

// Org is the organization the account acts in: as settled by a listing,
// else the slug the settings name (its Name the slug), else zero.
func (a *V3Account) Org() api.Org { return a.org.current() }

// Orgs lists every organization the token can see, with its balance, and
// updates the current one's details from the listing.
func (a *V3Account) Orgs(ctx context.Context) ([]api.Org, error) {
	var out []api.Org
	for page, err := range walk(ctx, a.PageTimeout(), PageSize, a.Client().ListOrgs) {
		if err != nil {
			return nil, err
		}
		for _, o := range page {
			out = append(out, neutralOrg(o))
		}
	}
	a.org.refresh(out)
	return out, nil
}

// neutralOrg maps a wire organization to a neutral one; its ID is set
// only when the slug has Targon's id shape.
func neutralOrg(o Org) api.Org {
	id, text, _ := providerV3.KeyRef(o.Slug)
	name := o.Name
	if name == "" {
		name = text
	}
	return api.Org{
		ID: id, Name: name, Personal: o.OrgType == OrgTypePersonal, Role: o.Role,
		Credits: o.Credits, Currency: "USD",
	}
}

// PickOrg is the organization choice picks from orgs: the named one, else
// the PERSONAL one, else the only one; an *OrgError when there is none.
func PickOrg(orgs []api.Org, choice OrgChoice) (api.Org, error) {
	var visible []string
	var personal []api.Org
	for _, o := range orgs {
		if o.ID == "" {
			continue
		}
		if choice.Slug != "" && o.ID == choice.Slug {
			return o, nil
		}
		if o.Personal {
			personal = append(personal, o)
		}
		visible = append(visible, o.ID)
	}
	switch {
	case choice.Slug != "":
	case len(personal) == 1:
		return personal[0], nil
	case len(visible) == 1:
		for _, o := range orgs {
			if o.ID == visible[0] {
				return o, nil
			}
		}
	}
	return api.Org{}, &OrgError{Slug: choice.Slug, From: choice.From, Visible: visible}
}

// slug is the current organization's slug, settled by a listing when the
// settings name none.
func (a *V3Account) slug(ctx context.Context) (string, error) {
	if s := a.org.known(); s != "" {
		return s, nil
	}
	err := a.org.once.do(ctx, func(ctx context.Context) error {
		orgs, err := a.Orgs(ctx)
		if err != nil {
			return err
		}
		o, err := PickOrg(orgs, a.org.want)
		if err == nil {
			a.org.settle(o)
		}
		return err
	})
	return a.org.known(), err
}

// slugWithin is slug within one page's deadline.
func (a *V3Account) slugWithin(ctx context.Context) (string, error) {
	timeout := a.PageTimeout()
	if timeout <= 0 {
		timeout = api.PageTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return a.slug(ctx)
}

// orgProblem turns a 404 on a request about the organization itself (its
// credits, a list of it) into an *OrgError when the token cannot see the
// organization the settings name; any other error is returned as it is.
func (a *V3Account) orgProblem(ctx context.Context, err error) error {
	want := a.org.want
	if !errors.Is(err, api.ErrNotFound) || want.Slug == "" || a.org.listed() {
		return err
	}
	orgs, lerr := a.Orgs(ctx)
	if lerr != nil {
		return err
	}
	if _, perr := PickOrg(orgs, want); perr != nil {
		return perr
	}
	return err
}

// orgScope is the organization of one account: what the settings named,
// and what a listing settled.
type orgScope struct {
	want OrgChoice
	once *settleOnce

	mu      sync.Mutex
	org     api.Org
	settled bool // org is from a listing (or given whole to InOrg)
}

func newOrgScope(want OrgChoice) *orgScope {
	return &orgScope{want: want, once: newSettleOnce()}
}

// known is the slug to use: the settled one, else the one named.
func (s *orgScope) known() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.settled {
		return s.org.ID
	}
	return s.want.Slug
}

// listed reports whether a listing settled the organization.
func (s *orgScope) listed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settled
}

// current is Org's answer.
func (s *orgScope) current() api.Org {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.settled || s.want.Slug == "" {
		return s.org
	}
	return api.Org{ID: s.want.Slug, Name: s.want.Slug}
}

// settle makes o the organization.
func (s *orgScope) settle(o api.Org) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.org, s.settled = o, true
}

// refresh updates the organization's details from a listing.
func (s *orgScope) refresh(orgs []api.Org) {
	s.mu.Lock()
	defer s.mu.Unlock()
	slug := s.want.Slug
	if s.settled {
		slug = s.org.ID
	}
	for _, o := range orgs {
		if slug != "" && o.ID == slug {
			s.org, s.settled = o, true
		}
	}
}

// issued remembers the personal API tokens this dashboard created, by
// uid, as digests of their secrets: lists carry no secret, so this is how
// the token the dashboard signs in with is found (after a replace).
type issued struct {
	mu     sync.Mutex
	digest map[string][sha256.Size]byte
}

func newIssued() *issued { return &issued{digest: make(map[string][sha256.Size]byte)} }

// remember records that token uid has secret.
func (m *issued) remember(uid, secret string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.digest[uid] = sha256.Sum256([]byte(secret))
}

// inUse reports whether token uid is the one whose secret is token.
func (m *issued) inUse(uid, token string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.digest[uid]
	return ok && token != "" && d == sha256.Sum256([]byte(token))
}
