package openrouter

import (
	"context"
	"fmt"
	"iter"
	"regexp"
	"sync"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/internal/adapter"
)

// Account is an OpenRouter account as an api.Account, with the
// api.KeyUpdater, api.CurrentKeyer, api.Workspaces and api.Activity
// capabilities (OpenRouter has no roll and no SSH keys). Key.ID is the
// hash, Key.Masked the label, Key.Workspace the workspace_id.
//
// Key.InUse is always false: the dashboard signs in with a management key,
// and GET /keys lists only the keys it manages, never a management key, so
// the key in use is not in the list; and matching GET /key's label against
// the list's would cost a request per list for labels that are masked
// (prefix and a few characters), so not unique enough to mark a key by.
type Account struct {
	adapter.Base[*Client] // Client, Provider, BaseURL, HasToken, page deadline

	// slots bound the list requests of all the account's walks together
	// (MaxInFlight).
	slots *slots

	mu sync.Mutex
	// defaultWS is the id of the default workspace, as the last walk of
	// the default workspace's keys gave it ("" until one has).
	defaultWS string
}

// The capabilities Account has.
var (
	_ api.Account      = (*Account)(nil)
	_ api.KeyUpdater   = (*Account)(nil)
	_ api.CurrentKeyer = (*Account)(nil)
	_ api.Workspaces   = (*Account)(nil)
	_ api.Activity     = (*Account)(nil)
)

// New returns the OpenRouter account at baseURL (the API's base URL with
// its path, e.g. "https://openrouter.ai/api/v1") that authenticates with
// token.
func New(baseURL, token string, opts ...clientopt.Option) (*Account, error) {
	return adapter.Open(NewClient, NewAccount, baseURL, token, opts...)
}

// NewAccount returns c as an api.Account.
func NewAccount(c *Client) *Account {
	return &Account{Base: adapter.NewBase(c, provider), slots: newSlots(MaxInFlight)}
}

// SetToken replaces the key the account authenticates with, for every
// later request, and forgets what it learned of the account (a key may
// belong to another one).
func (a *Account) SetToken(token string) {
	a.Base.SetToken(token)
	a.mu.Lock()
	a.defaultWS = ""
	a.mu.Unlock()
}

// learnDefault remembers id as the default workspace's; "" is ignored.
func (a *Account) learnDefault(id string) {
	if id == "" {
		return
	}
	a.mu.Lock()
	a.defaultWS = id
	a.mu.Unlock()
}

// learnedDefault is the default workspace's id, as last learned; "" when
// not known.
func (a *Account) learnedDefault() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.defaultWS
}

// provider is how the UI names OpenRouter, and the shapes of its secrets
// ("sk-or-v1-" and 64 lowercase hex digits, as every key OpenRouter
// issues) and hashes (64 lowercase hex digits: a SHA-256).
var provider = api.Provider{
	Name: "OpenRouter", KeyNoun: "API key", SecretHint: "sk-or-v1-…",
	KeyID: "Hash", Roll: "replace", RollShort: "replace", SecretShown: "created",
	KeySpending: true, ManagementKeys: true, Retire: "disable",
	SecretShape: api.Shape{Pattern: regexp.MustCompile(`^sk-or-v1-[0-9a-f]{64}$`), Says: "sk-or-v1- and 64 lowercase hex digits"},
	IDShape:     api.Shape{Pattern: regexp.MustCompile(`^[0-9a-f]{64}$`), Says: "64 lowercase hex digits"},
}

// Balance is the account's credits in USD: Total bought, Used spent, and
// Remaining = Total − Used computed exactly from the decimal texts. When
// either is beyond plausible bounds (see Subtract), Remaining is "" (not
// known) and Total and Used are passed on as sent, for the UI to flag.
func (a *Account) Balance(ctx context.Context) (api.Balance, error) {
	cr, err := a.Client().Credits(ctx)
	if err != nil {
		return api.Balance{}, err
	}
	b := api.Balance{Currency: "USD", Total: cr.TotalCredits, Used: cr.TotalUsage}
	if r, ok := Subtract(cr.TotalCredits, cr.TotalUsage); ok {
		b.Remaining = r
	}
	return b, nil
}

// Keys walks every API key of every workspace, disabled ones included
// (keyPages): the default workspace's and every other's at once, at most
// MaxInFlight requests in flight in all. Key.Workspace says whose a key is.
func (a *Account) Keys(ctx context.Context) iter.Seq2[[]api.Key, error] {
	return api.UniqueKeyIDs(adapter.MapPages(a.keyPages(ctx), key))
}

// CreateKey creates a key with spec's name, limit ("" for none), reset
// ("" for never), BYOK setting, workspace ("" for the default one; a
// UUID, checked before anything is sent) and expiry (zero for never; sent
// in UTC). Never retried automatically.
func (a *Account) CreateKey(ctx context.Context, spec api.KeySpec) (api.Secret, error) {
	if spec.Workspace != "" {
		if err := CheckWorkspaceID(spec.Workspace); err != nil {
			return api.Secret{}, fmt.Errorf("the workspace: %w", err)
		}
	}
	k, err := a.Client().CreateKey(ctx, CreateRequest{
		Name:               spec.Name,
		Limit:              spec.Limit,
		LimitReset:         spec.LimitReset,
		IncludeBYOKInLimit: spec.IncludeBYOKInLimit,
		WorkspaceID:        spec.Workspace,
		ExpiresAt:          spec.ExpiresAt,
	})
	if err != nil {
		return api.Secret{}, err
	}
	if spec.Workspace == "" {
		a.learnDefault(workspaceOf([]APIKey{k.Data}))
	}
	return api.Secret{Key: key(k.Data), Value: k.Key}, nil
}

// RenameKey sets the name of key id.
func (a *Account) RenameKey(ctx context.Context, id, name string) (api.Key, error) {
	return keyOf(a.Client().UpdateKey(ctx, id, UpdateRequest{Name: &name}))
}

// UpdateKey changes the settings of key id that u sets, and no others.
func (a *Account) UpdateKey(ctx context.Context, id string, u api.KeyUpdate) (api.Key, error) {
	return keyOf(a.Client().UpdateKey(ctx, id, UpdateRequest{
		Disabled:           u.Disabled,
		Limit:              u.Limit,
		LimitReset:         u.LimitReset,
		IncludeBYOKInLimit: u.IncludeBYOKInLimit,
	}))
}

// keyOf is the neutral key of a call's answer, or the call's error.
func keyOf(k APIKey, err error) (api.Key, error) {
	if err != nil {
		return api.Key{}, err
	}
	return key(k), nil
}

// DeleteKey deletes key id; a retry that finds it gone counts as deleted.
func (a *Account) DeleteKey(ctx context.Context, id string) error {
	return a.Client().DeleteKey(ctx, id)
}

// CurrentKey describes the key the account authenticates with; it works
// with an inference key too.
func (a *Account) CurrentKey(ctx context.Context) (api.CurrentKey, error) {
	k, err := a.Client().CurrentKey(ctx)
	if err != nil {
		return api.CurrentKey{}, err
	}
	return api.CurrentKey{
		Label:          k.Label,
		Management:     k.IsManagementKey,
		FreeTier:       k.IsFreeTier,
		Limit:          k.Limit,
		LimitRemaining: k.LimitRemaining,
		LimitReset:     k.LimitReset,
		Usage:          k.Usage,
		UsageDaily:     k.UsageDaily,
		UsageWeekly:    k.UsageWeekly,
		UsageMonthly:   k.UsageMonthly,
		ExpiresAt:      k.ExpiresAt.Time,
	}, nil
}

// key maps a wire key (already cleaned by its Check) to a neutral one; its
// hash is the ID only in OpenRouter's shape (provider.KeyRef), and its
// workspace_id the Workspace only as a UUID (CheckWorkspaceID).
func key(k APIKey) api.Key {
	id, text, problem := provider.KeyRef(k.Hash)
	ws := k.WorkspaceID
	if CheckWorkspaceID(ws) != nil {
		ws = ""
	}
	return api.Key{
		ID:                 id,
		IDText:             text,
		IDProblem:          problem,
		Name:               k.Name,
		Masked:             k.Label,
		CreatedAt:          k.CreatedAt.Time,
		UpdatedAt:          k.UpdatedAt.Time,
		Disabled:           k.Disabled,
		Limit:              k.Limit,
		LimitRemaining:     k.LimitRemaining,
		LimitReset:         k.LimitReset,
		IncludeBYOKInLimit: k.IncludeBYOKInLimit,
		Usage:              k.Usage,
		UsageDaily:         k.UsageDaily,
		UsageWeekly:        k.UsageWeekly,
		UsageMonthly:       k.UsageMonthly,
		ExpiresAt:          k.ExpiresAt.Time,
		Workspace:          ws,
	}
}
