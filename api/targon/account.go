package targon

import (
	"context"
	"iter"
	"regexp"
	"slices"
	"strings"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/internal/adapter"
)

// Account is a Targon account over /tha/v2 as an api.Account, with the
// api.Roller and api.SSHKeys capabilities. A server that no longer serves
// /tha/v2 gets a *RetiredError, which says how to switch. It maps the wire types to the neutral ones:
// Key.ID is the uid, Key.Masked the masked key_raw, Key.InUse whether the
// key is the one the account authenticates with.
type Account struct {
	adapter.Base[*Client] // Client, Provider, BaseURL, SetToken, HasToken, page deadline
}

// The capabilities Account has.
var (
	_ api.Account = (*Account)(nil)
	_ api.Roller  = (*Account)(nil)
	_ api.SSHKeys = (*Account)(nil)
)

// New returns the Targon account at baseURL (for example
// "https://api.targon.com") that authenticates with token.
func New(baseURL, token string, opts ...clientopt.Option) (*Account, error) {
	return adapter.Open(NewClient, NewAccount, baseURL, token, opts...)
}

// NewAccount returns c as an api.Account.
func NewAccount(c *Client) *Account { return &Account{adapter.NewBase(c, provider)} }

// provider is how the UI names Targon, and the shapes of its secrets and
// uids. A secret is "tgn_" and a token (the documents show "tgn_…" and
// "tgn_new_…": letters, digits and "_" are allowed after the prefix); a
// uid is like "key-abc123def456" (conservatively: a letter or digit, then
// letters, digits, "_" and "-", at most 128 in all).
var provider = api.Provider{
	Name: "Targon", KeyNoun: "API key", SecretHint: "tgn_…",
	KeyID: "UID", Roll: "roll secret", RollShort: "roll", SecretShown: "created or rolled",
	SecretShape: api.Shape{Pattern: regexp.MustCompile(`^tgn_[A-Za-z0-9_]+$`), Says: "tgn_ and then letters, digits and _"},
	IDShape:     api.Shape{Pattern: regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$`), Says: "letters, digits, _ and - (like key-abc123def456)"},
}

// Balance is the account's credits. Targon says only what remains.
func (a *Account) Balance(ctx context.Context) (api.Balance, error) {
	cr, err := a.Client().Credits(ctx)
	if err != nil {
		return api.Balance{}, retiredV2(err, false)
	}
	return api.Balance{Currency: cr.Currency, Remaining: cr.Amount}, nil
}

// Keys walks every API key, PageSize at a time (without a page size once
// the server refuses it), each page within its own deadline.
func (a *Account) Keys(ctx context.Context) iter.Seq2[[]api.Key, error] {
	return api.UniqueKeyIDs(adapter.MapPages(retiredWalk(walk(ctx, a.PageTimeout(), PageSize, a.Client().ListAPIKeys)), a.key))
}

// CreateKey creates a key named spec.Name (Targon keys have no limits).
func (a *Account) CreateKey(ctx context.Context, spec api.KeySpec) (api.Secret, error) {
	k, err := a.Client().CreateAPIKey(ctx, spec.Name)
	if err != nil {
		return api.Secret{}, retiredV2(err, false)
	}
	return api.Secret{Key: a.key(k), Value: k.KeyRaw}, nil
}

// RenameKey sets the name of key id.
func (a *Account) RenameKey(ctx context.Context, id, name string) (api.Key, error) {
	k, err := a.Client().RenameAPIKey(ctx, id, name)
	if err != nil {
		return api.Key{}, retiredV2(err, true)
	}
	return a.key(k), nil
}

// DeleteKey deletes key id.
func (a *Account) DeleteKey(ctx context.Context, id string) error {
	return retiredV2(a.Client().DeleteAPIKey(ctx, id), true)
}

// RollKey gives key id a new secret; the old one stops working at once.
func (a *Account) RollKey(ctx context.Context, id string) (api.Secret, error) {
	k, err := a.Client().RollAPIKey(ctx, id)
	if err != nil {
		return api.Secret{}, retiredV2(err, true)
	}
	return api.Secret{Key: a.key(k), Value: k.KeyRaw}, nil
}

// SSHKeys walks every SSH key, like Keys.
func (a *Account) SSHKeys(ctx context.Context) iter.Seq2[[]api.SSHKey, error] {
	return api.UniqueSSHKeyIDs(adapter.MapPages(retiredWalk(walk(ctx, a.PageTimeout(), PageSize, a.Client().ListSSHKeys)), sshKey))
}

// SSHKey fetches one SSH key afresh.
func (a *Account) SSHKey(ctx context.Context, id string) (api.SSHKey, error) {
	k, err := a.Client().GetSSHKey(ctx, id)
	if err != nil {
		return api.SSHKey{}, retiredV2(err, true)
	}
	return sshKey(k), nil
}

// AddSSHKey registers one OpenSSH public key line under name.
func (a *Account) AddSSHKey(ctx context.Context, name, publicKey string) (api.SSHKey, error) {
	k, err := a.Client().CreateSSHKey(ctx, name, publicKey)
	if err != nil {
		return api.SSHKey{}, retiredV2(err, false)
	}
	return sshKey(k), nil
}

// RenameSSHKey sets the name of SSH key id.
func (a *Account) RenameSSHKey(ctx context.Context, id, name string) (api.SSHKey, error) {
	k, err := a.Client().RenameSSHKey(ctx, id, name)
	if err != nil {
		return api.SSHKey{}, retiredV2(err, true)
	}
	return sshKey(k), nil
}

// DeleteSSHKey deletes SSH key id.
func (a *Account) DeleteSSHKey(ctx context.Context, id string) error {
	return retiredV2(a.Client().DeleteSSHKey(ctx, id), true)
}

// key maps a wire key to a neutral one. The secret never leaves here in
// full: Masked shows its prefix and last four characters. The uid is the
// key's ID only in Targon's shape (provider.KeyRef).
func (a *Account) key(k APIKey) api.Key {
	id, text, problem := provider.KeyRef(k.UID)
	return api.Key{
		ID:        id,
		IDText:    text,
		IDProblem: problem,
		Name:      k.Name,
		Masked:    MaskKey(k.KeyRaw),
		InUse:     a.Client().UsesKey(k.KeyRaw),
		CreatedAt: k.CreatedAt.Time,
		UpdatedAt: k.UpdatedAt.Time,
	}
}

// sshKey maps a wire SSH key to a neutral one, its uid as key's.
func sshKey(k SSHKey) api.SSHKey {
	id, text, problem := provider.KeyRef(k.UID)
	return api.SSHKey{
		ID:        id,
		IDText:    text,
		IDProblem: problem,
		Name:      k.Name,
		PublicKey: k.PublicKeyRaw,
		CreatedAt: k.CreatedAt.Time,
		UpdatedAt: k.UpdatedAt.Time,
	}
}

// MaskKey shows an API key as its prefix and last four characters:
// "tgn_…a1b2". A key the server already masked keeps its visible tail; a
// key too short to mask, or whose tail is masked, is just "…".
func MaskKey(raw string) string {
	r := []rune(api.CleanText(raw))
	masked := strings.ContainsAny(string(r), displayMaskRunes)
	if len(r) < 12 && !masked {
		return "…"
	}
	tail := r[max(0, len(r)-4):]
	if strings.ContainsAny(string(tail), displayMaskRunes) {
		return "…"
	}
	prefix := ""
	if i := slices.Index(r, '_'); i > 0 && i < 8 {
		prefix = string(r[:i+1])
	}
	if strings.ContainsAny(prefix, displayMaskRunes) {
		prefix = ""
	}
	return prefix + "…" + string(tail)
}

// displayMaskRunes are the characters MaskKey treats as a server's mask.
const displayMaskRunes = "…*•"
