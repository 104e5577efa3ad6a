package targon

import (
	"context"
	"iter"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/internal/adapter"
)

// V3Account is a Targon account over /tha/v3 as an api.Account, acting in
// one organization: its Balance, SSH keys and service tokens are that
// organization's, its API keys the user's personal API tokens. It has no
// roll: R replaces (Provider.Retire "delete"). It is an api.SSHKeys,
// api.Orgs and api.ServiceTokens.
type V3Account struct {
	adapter.Base[*Client]
	org  *orgScope
	mine *issued // shared with the accounts of the same client (InOrg)
}

// The capabilities V3Account has.
var (
	_ api.Account       = (*V3Account)(nil)
	_ api.SSHKeys       = (*V3Account)(nil)
	_ api.Orgs          = (*V3Account)(nil)
	_ api.ServiceTokens = (*V3Account)(nil)
)

// providerV3 is how the UI names Targon over /tha/v3. Its tokens' secret
// shape is not documented (the reference shows none), so a secret is held
// to the conservative api.TokenShape; uids and slugs to v2's uid shape.
var providerV3 = api.Provider{
	Name: "Targon", KeyNoun: "API token", SecretHint: "tgn_…",
	KeyID: "UID", Roll: "replace", RollShort: "replace", SecretShown: "created",
	Version: V3, Retire: "delete",
	SecretShape: api.TokenShape, IDShape: provider.IDShape,
}

// NewV3 returns the Targon account at baseURL that speaks /tha/v3 with
// token, in the organization org names (see OrgChoice).
func NewV3(baseURL, token string, org OrgChoice, opts ...clientopt.Option) (*V3Account, error) {
	c, err := NewClient(baseURL, token, opts...)
	if err != nil {
		return nil, err
	}
	return NewV3Account(c, org), nil
}

// NewV3Account returns c as a v3 api.Account in organization org.
func NewV3Account(c *Client, org OrgChoice) *V3Account {
	return &V3Account{Base: adapter.NewBase(c, providerV3), org: newOrgScope(org), mine: newIssued()}
}

// InOrg returns the account in organization o (one Orgs listed), sharing
// this one's client: the same token, and a token set on either is set on
// both.
func (a *V3Account) InOrg(o api.Org) *V3Account {
	b := &V3Account{Base: adapter.NewBase(a.Client(), providerV3), org: newOrgScope(OrgChoice{Slug: o.ID}), mine: a.mine}
	b.org.settle(o)
	b.SetPageTimeout(a.PageTimeout())
	return b
}

// Balance is the current organization's credits.
func (a *V3Account) Balance(ctx context.Context) (api.Balance, error) {
	return on(ctx, a.slug, func(slug string) (api.Balance, error) {
		cr, err := a.Client().OrgCredits(ctx, slug)
		if err != nil {
			return api.Balance{}, a.orgProblem(ctx, err)
		}
		return api.Balance{Currency: cr.Currency, Remaining: cr.Amount}, nil
	})
}

// Keys walks the user's personal API tokens.
func (a *V3Account) Keys(ctx context.Context) iter.Seq2[[]api.Key, error] {
	return api.UniqueKeyIDs(adapter.MapPages(walk(ctx, a.PageTimeout(), PageSize, a.Client().ListAPITokens), a.key))
}

// CreateKey creates a personal API token named spec.Name; the dashboard
// remembers which token it is, so that it is marked in use once the
// dashboard signs in with it.
func (a *V3Account) CreateKey(ctx context.Context, spec api.KeySpec) (api.Secret, error) {
	t, err := a.Client().CreateAPIToken(ctx, spec.Name)
	if err != nil {
		return api.Secret{}, err
	}
	a.mine.remember(t.UID, t.Token)
	return api.Secret{Key: a.key(t), Value: t.Token}, nil
}

// RenameKey sets the name of token id.
func (a *V3Account) RenameKey(ctx context.Context, id, name string) (api.Key, error) {
	t, err := a.Client().RenameAPIToken(ctx, id, name)
	if err != nil {
		return api.Key{}, err
	}
	return a.key(t), nil
}

// DeleteKey deletes token id.
func (a *V3Account) DeleteKey(ctx context.Context, id string) error {
	return a.Client().DeleteAPIToken(ctx, id)
}

// SSHKeys walks the current organization's SSH keys.
func (a *V3Account) SSHKeys(ctx context.Context) iter.Seq2[[]api.SSHKey, error] {
	return api.UniqueSSHKeyIDs(adapter.MapPages(orgWalk(ctx, a, a.Client().ListOrgSSHKeys), sshKey))
}

// SSHKey fetches one SSH key of the current organization afresh.
func (a *V3Account) SSHKey(ctx context.Context, id string) (api.SSHKey, error) {
	return on(ctx, a.slug, func(slug string) (api.SSHKey, error) {
		k, err := a.Client().GetOrgSSHKey(ctx, slug, id)
		return sshKey(k), err
	})
}

// AddSSHKey registers one OpenSSH public key line in the current
// organization.
func (a *V3Account) AddSSHKey(ctx context.Context, name, publicKey string) (api.SSHKey, error) {
	return on(ctx, a.slug, func(slug string) (api.SSHKey, error) {
		k, err := a.Client().CreateOrgSSHKey(ctx, slug, name, publicKey)
		if err != nil {
			return api.SSHKey{}, a.orgProblem(ctx, err)
		}
		return sshKey(k), nil
	})
}

// RenameSSHKey sets the name of SSH key id.
func (a *V3Account) RenameSSHKey(ctx context.Context, id, name string) (api.SSHKey, error) {
	return on(ctx, a.slug, func(slug string) (api.SSHKey, error) {
		k, err := a.Client().RenameOrgSSHKey(ctx, slug, id, name)
		return sshKey(k), err
	})
}

// DeleteSSHKey deletes SSH key id.
func (a *V3Account) DeleteSSHKey(ctx context.Context, id string) error {
	return onErr(ctx, a.slug, func(slug string) error { return a.Client().DeleteOrgSSHKey(ctx, slug, id) })
}

// ServiceTokens walks the current organization's service tokens.
func (a *V3Account) ServiceTokens(ctx context.Context) iter.Seq2[[]api.ServiceToken, error] {
	return adapter.MapPages(orgWalk(ctx, a, a.Client().ListServiceTokens), serviceToken)
}

// CreateServiceToken creates a service token named name in the current
// organization and returns its secret.
func (a *V3Account) CreateServiceToken(ctx context.Context, name string) (api.ServiceTokenSecret, error) {
	return on(ctx, a.slug, func(slug string) (api.ServiceTokenSecret, error) {
		t, err := a.Client().CreateServiceToken(ctx, slug, name)
		if err != nil {
			return api.ServiceTokenSecret{}, a.orgProblem(ctx, err)
		}
		return api.ServiceTokenSecret{Token: serviceToken(t), Value: t.Token}, nil
	})
}

// DeleteServiceToken deletes service token id of the current organization.
func (a *V3Account) DeleteServiceToken(ctx context.Context, id string) error {
	return onErr(ctx, a.slug, func(slug string) error { return a.Client().DeleteServiceToken(ctx, slug, id) })
}

// key maps a personal API token to a neutral key. Lists carry no secret:
// Masked is empty, and InUse is known only for a token this dashboard
// created and now signs in with.
func (a *V3Account) key(t APIToken) api.Key {
	id, text, problem := providerV3.KeyRef(t.UID)
	return api.Key{
		ID: id, IDText: text, IDProblem: problem, Name: t.Name,
		InUse:     id != "" && a.mine.inUse(id, a.Client().rest.Token()),
		CreatedAt: t.CreatedAt.Time, UpdatedAt: t.UpdatedAt.Time,
	}
}

// serviceToken maps a wire service token to a neutral one; its ID is set
// only in Targon's uid shape.
func serviceToken(t ServiceToken) api.ServiceToken {
	id, _, _ := providerV3.KeyRef(t.UID)
	return api.ServiceToken{ID: id, Name: t.Name, CreatedBy: t.CreatedBy.Who(), CreatedAt: t.CreatedAt.Time}
}

// orgWalk walks a list of the current organization: the organization is
// settled first (within one page's deadline), and a walk that finds it
// missing says which ones the token can see.
func orgWalk[T listed](ctx context.Context, a *V3Account, list func(context.Context, string, ListOptions) (Page[T], error)) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		slug, err := a.slugWithin(ctx)
		if err != nil {
			yield(nil, err)
			return
		}
		pages := walk(ctx, a.PageTimeout(), PageSize, func(ctx context.Context, o ListOptions) (Page[T], error) {
			return list(ctx, slug, o)
		})
		for page, err := range pages {
			if err != nil {
				err = a.orgProblem(ctx, err)
			}
			if !yield(page, err) {
				return
			}
		}
	}
}
