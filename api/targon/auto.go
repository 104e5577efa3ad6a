package targon

import (
	"context"
	"errors"
	"iter"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
)

// Auto is a Targon account whose API version is settled on first use
// (api_version "auto"): the first call that needs the server asks
// GET /tha/v3/version (DetectVersion) and every call then goes to the v3
// account (an answer) or the v2 one (no such route). Opening it sends
// nothing, so the dashboard's first frame never waits for the network;
// calls made before the answer wait for it together, and a failed
// detection is tried again by the next call.
//
// It has V3Account's capabilities, since that is what today's server
// speaks. On a server that turns out to speak only /tha/v2 its keys, SSH
// keys and balance are v2's, R replaces (create, then delete) since v2's
// roll is not offered, and what v2 lacks (organizations, service tokens)
// says in one line that this server has none.
type Auto struct {
	client *Client
	v2     *Account
	v3     *V3Account
	once   *settleOnce

	mu      sync.Mutex
	version string // "" until settled
}

// The capabilities Auto has.
var (
	_ api.Account       = (*Auto)(nil)
	_ api.SSHKeys       = (*Auto)(nil)
	_ api.Orgs          = (*Auto)(nil)
	_ api.ServiceTokens = (*Auto)(nil)
	_ api.Settler       = (*Auto)(nil)
)

// providerV2Replace is how an Auto settled on v2 is named: v2's words, but
// R replaces as on v3 (Auto is no api.Roller).
var providerV2Replace = func() api.Provider {
	p := provider
	p.Roll, p.RollShort, p.SecretShown, p.Retire = "replace", "replace", "created", "delete"
	return p
}()

// errNoOrgs is what the v3-only calls of an Auto settled on v2 answer.
var errNoOrgs = errors.New("this server speaks only Targon's /tha/v2 API, which has no organizations or service tokens")

// NewAuto returns the Targon account at baseURL with token whose version
// is settled on first use; over v3 it acts in the organization org names.
func NewAuto(baseURL, token string, org OrgChoice, opts ...clientopt.Option) (*Auto, error) {
	c, err := NewClient(baseURL, token, opts...)
	if err != nil {
		return nil, err
	}
	return &Auto{client: c, v2: NewAccount(c), v3: NewV3Account(c, org), once: newSettleOnce()}, nil
}

// Version is the settled version (V2 or V3), "" until then.
func (a *Auto) Version() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.version
}

// V3 is the v3 account once the version is settled on v3.
func (a *Auto) V3() (*V3Account, bool) { return a.v3, a.Version() == V3 }

// settle settles the version, asking the server once.
func (a *Auto) settle(ctx context.Context) (string, error) {
	err := a.once.do(ctx, func(ctx context.Context) error {
		v, err := a.client.DetectVersion(ctx)
		if err == nil {
			a.mu.Lock()
			a.version = v
			a.mu.Unlock()
		}
		return err
	})
	return a.Version(), err
}

// Provider is v3's until the version is settled on v2.
func (a *Auto) Provider() api.Provider {
	switch a.Version() {
	case V2:
		return providerV2Replace
	case V3:
		return providerV3
	}
	p := providerV3
	p.Version = "" // not known yet
	return p
}

// BaseURL is the API base URL.
func (a *Auto) BaseURL() string { return a.client.BaseURL() }

// SetToken replaces the key for both versions.
func (a *Auto) SetToken(token string) { a.client.SetToken(token) }

// HasToken reports whether a key is set.
func (a *Auto) HasToken() bool { return a.client.HasToken() }

// SetPageTimeout sets the deadline of each page of a list (tests shorten
// it).
func (a *Auto) SetPageTimeout(d time.Duration) {
	a.v2.SetPageTimeout(d)
	a.v3.SetPageTimeout(d)
}

// settled is the account of the settled version, settling it within one
// page's deadline of ctx.
func (a *Auto) settled(ctx context.Context) (api.Account, error) {
	ctx, cancel := context.WithTimeout(ctx, api.PageTimeout)
	defer cancel()
	v, err := a.settle(ctx)
	if err != nil {
		return nil, err
	}
	if v == V2 {
		return a.v2, nil
	}
	return a.v3, nil
}

// Settle settles the version (api.Settler) and returns the account of it:
// the v2 account (which rolls) or the v3 one.
func (a *Auto) Settle(ctx context.Context) (api.Account, error) { return a.settled(ctx) }

// Balance is the balance of the settled account.
func (a *Auto) Balance(ctx context.Context) (api.Balance, error) {
	return on(ctx, a.settled, func(acct api.Account) (api.Balance, error) { return acct.Balance(ctx) })
}

// Keys walks the settled account's keys.
func (a *Auto) Keys(ctx context.Context) iter.Seq2[[]api.Key, error] {
	return walkOn(ctx, a.settled, func(acct api.Account) iter.Seq2[[]api.Key, error] { return acct.Keys(ctx) })
}

// CreateKey creates a key on the settled account.
func (a *Auto) CreateKey(ctx context.Context, spec api.KeySpec) (api.Secret, error) {
	return on(ctx, a.settled, func(acct api.Account) (api.Secret, error) { return acct.CreateKey(ctx, spec) })
}

// RenameKey renames a key on the settled account.
func (a *Auto) RenameKey(ctx context.Context, id, name string) (api.Key, error) {
	return on(ctx, a.settled, func(acct api.Account) (api.Key, error) { return acct.RenameKey(ctx, id, name) })
}

// DeleteKey deletes a key on the settled account.
func (a *Auto) DeleteKey(ctx context.Context, id string) error {
	return onErr(ctx, a.settled, func(acct api.Account) error { return acct.DeleteKey(ctx, id) })
}

// walkOn walks what f makes of what get gives (as on); get's failure is
// the walk's one error.
func walkOn[A, T any](ctx context.Context, get func(context.Context) (A, error), f func(A) iter.Seq2[[]T, error]) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		acct, err := get(ctx)
		if err != nil {
			yield(nil, err)
			return
		}
		for page, err := range f(acct) {
			if !yield(page, err) {
				return
			}
		}
	}
}

// settleOnce runs a settling function until it succeeds once, one caller
// at a time: callers that come while it runs wait for it (or for their
// context), then see it done or try themselves.
type settleOnce struct {
	turn chan struct{}
	mu   sync.Mutex
	done bool
}

func newSettleOnce() *settleOnce { return &settleOnce{turn: make(chan struct{}, 1)} }

// do runs f unless an earlier call succeeded.
func (o *settleOnce) do(ctx context.Context, f func(context.Context) error) error {
	if o.isDone() {
		return nil
	}
	select {
	case o.turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-o.turn }()
	if o.isDone() {
		return nil
	}
	if err := f(ctx); err != nil {
		return err
	}
	o.mu.Lock()
	o.done = true
	o.mu.Unlock()
	return nil
}

func (o *settleOnce) isDone() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.done
}
