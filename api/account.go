package api

import (
	"context"
	"iter"
	"time"
)

// This file is the provider-neutral contract the UI programs against. A
// concrete provider (api/targon, api/openrouter) implements Account and
// whichever optional capabilities it has; the UI finds those by type
// assertion and shows a tab or an action only where the account has it.
//
// Every string in these types is display text already cleaned by CleanText
// (the adapters clean at the boundary), except Secret.Value, which is
// checked with the provider's secret shape instead (Provider.CheckSecret)
// and never cleaned, and Key.ID and SSHKey.ID, which are exactly as the
// server sent them and set only when they pass Provider.CheckID.

// Provider describes the service an account belongs to, in the words the
// UI uses for it.
type Provider struct {
	// Name is the service's display name: "Targon", "OpenRouter".
	Name string
	// KeyNoun names one of its keys: "API key".
	KeyNoun string
	// SecretHint shows what a key looks like, for the login screen:
	// "tgn_…", "sk-or-v1-…".
	SecretHint string
	// KeyID names what identifies a key (Key.ID) in labels and messages:
	// "UID" (Targon), "Hash" (OpenRouter).
	KeyID string
	// Roll is what the help calls giving a key a new secret (the R key):
	// "roll secret" where the secret changes in place (Targon), "replace"
	// where a twin key is created and the old one retired (OpenRouter).
	// RollShort is the same in the footer: "roll", "replace". The account's
	// capabilities (Roller, KeyUpdater) decide whether R exists at all.
	Roll, RollShort string
	// SecretShown says when a key's secret is shown, as a key's details put
	// it: "created or rolled" (Targon), "created" (OpenRouter, where a
	// replacement is another key).
	SecretShown string
	// KeySpending says keys carry spending settings (state, limit, reset,
	// usage, expiry: the spending fields of Key), which the key list shows.
	KeySpending bool
	// ManagementKeys says the provider tells management keys (which may
	// manage keys and read the credits) from inference keys (which may
	// not): a refusal (403) then means a management key is needed.
	ManagementKeys bool
	// Version names the API version the account speaks where the provider
	// has several ("v2", "v3" for Targon); "" otherwise. The status bar
	// shows it after Name.
	Version string
	// Retire is how R's replace retires the old key after the new one was
	// made, where the provider has no roll: "disable" (OpenRouter, with
	// KeyUpdater) or "delete" (Targon v3); "" where R rolls (a Roller).
	Retire string
	// SecretShape is the documented shape of a key's secret, and IDShape
	// that of the id requests name a key by (Key.ID, SSHKey.ID): what
	// CheckSecret and CheckID accept. The zero Shape is TokenShape.
	SecretShape, IDShape Shape
}

// Account is one signed-in account at one provider: its balance and its API
// keys. Implementations are safe for concurrent use; every method that
// talks to the server takes a context and returns neutral values or an
// error that unwraps to this package's sentinels (ErrUnauthorized, …).
type Account interface {
	// Provider names the service.
	Provider() Provider
	// BaseURL is the API base URL the account talks to.
	BaseURL() string
	// SetToken replaces the key the account authenticates with, for every
	// later request (after a login, or after the key in use was rolled).
	SetToken(token string)
	// HasToken reports whether a key is set.
	HasToken() bool

	// Balance is the account's money.
	Balance(ctx context.Context) (Balance, error)
	// Keys walks every API key, one page at a time in the server's order,
	// using the one loop-guarded walker (WalkGuard). Each page's requests,
	// retries included, get their own deadline of PageTimeout within ctx.
	// The walk stops after the first error, which it yields.
	Keys(ctx context.Context) iter.Seq2[[]Key, error]
	// CreateKey creates a key and returns it with its secret, which the
	// server shows only this once. Never retried automatically.
	CreateKey(ctx context.Context, spec KeySpec) (Secret, error)
	// RenameKey sets the name of key id.
	RenameKey(ctx context.Context, id, name string) (Key, error)
	// DeleteKey deletes key id. A retried delete that finds the key gone
	// counts as deleted.
	DeleteKey(ctx context.Context, id string) error
}

// PageTimeout bounds the requests for one page of a list, retries included,
// so that a server that never answers is reported within 45 s of asking.
const PageTimeout = 40 * time.Second

// Roller is an account whose keys can get a new secret in place (Targon's
// {uid}:roll): the old secret stops working at once.
type Roller interface {
	RollKey(ctx context.Context, id string) (Secret, error)
}

// KeyUpdater is an account whose keys can be disabled and have spending
// limits (OpenRouter's PATCH /keys/{hash}).
type KeyUpdater interface {
	UpdateKey(ctx context.Context, id string, u KeyUpdate) (Key, error)
}

// SSHKeys is an account that holds SSH public keys (Targon).
type SSHKeys interface {
	// SSHKeys walks every SSH key, like Account.Keys.
	SSHKeys(ctx context.Context) iter.Seq2[[]SSHKey, error]
	// SSHKey fetches one SSH key afresh.
	SSHKey(ctx context.Context, id string) (SSHKey, error)
	// AddSSHKey registers one OpenSSH public key line under name. Never
	// retried automatically.
	AddSSHKey(ctx context.Context, name, publicKey string) (SSHKey, error)
	RenameSSHKey(ctx context.Context, id, name string) (SSHKey, error)
	DeleteSSHKey(ctx context.Context, id string) error
}

// CurrentKeyer is an account that can describe the key it authenticates
// with (OpenRouter's GET /key).
type CurrentKeyer interface {
	CurrentKey(ctx context.Context) (CurrentKey, error)
}

// Balance is an account's money, as exact decimal text.
type Balance struct {
	// Currency is the unit the server names ("USD").
	Currency string
	// Remaining is what is left to spend: Targon's credits; OpenRouter's
	// total_credits − total_usage, computed exactly.
	Remaining Amount
	// Total and Used are what was bought and what was spent, where the
	// provider says ("" otherwise).
	Total, Used Amount
}

// Key is one API key. The spending fields are set only by accounts that
// are KeyUpdaters; for others they are zero.
type Key struct {
	// ID is what requests name the key by — Targon's uid, OpenRouter's
	// hash — exactly as the server sent it. It is set only when the id has
	// the provider's documented shape (Provider.CheckID) and no earlier key
	// of the same list has it; otherwise it is "", IDProblem says why, and
	// nothing can be done with the key.
	ID string
	// IDText is the id as shown: ID when it is set, else what the server
	// sent, cleaned.
	IDText string
	// IDProblem is IDInvalid or IDAmbiguous when ID is "", else "".
	IDProblem string
	// Name is the key's name.
	Name string
	// Masked is the key as a list shows it: Targon "tgn_…a1b2" (from
	// key_raw), OpenRouter its label.
	Masked string
	// InUse marks the key this account authenticates with, where the
	// provider lets that be known.
	InUse bool
	// CreatedAt and UpdatedAt are zero when the server did not say.
	CreatedAt, UpdatedAt time.Time

	// Disabled keys are listed but cannot be used.
	Disabled bool
	// Limit is the spending limit ("" for none) and LimitRemaining what is
	// left of it ("" when there is no limit).
	Limit, LimitRemaining Amount
	// LimitReset is "daily", "weekly", "monthly" or "" (never).
	LimitReset string
	// IncludeBYOKInLimit counts bring-your-own-key usage against the limit.
	IncludeBYOKInLimit bool
	// Usage is the total spent with the key; the others are for the
	// current UTC day, week (Monday to Sunday) and month.
	Usage, UsageDaily, UsageWeekly, UsageMonthly Amount
	// ExpiresAt is when the key stops working; zero for never.
	ExpiresAt time.Time
	// Workspace is the id of the workspace the key belongs to, on
	// accounts that are Workspaces; "" otherwise.
	Workspace string
}

// KeySpec is what a new key is created with. Accounts without spending
// limits use Name alone.
type KeySpec struct {
	Name string
	// Limit is the spending limit in the account's currency ("" for none).
	Limit Amount
	// LimitReset is "daily", "weekly", "monthly" or "" (never).
	LimitReset string
	// IncludeBYOKInLimit counts bring-your-own-key usage against the limit.
	IncludeBYOKInLimit bool
	// Workspace is the id of the workspace to create the key in ("" for
	// the default one), on accounts that are Workspaces.
	Workspace string
	// ExpiresAt is when the key stops working (zero for never), on
	// accounts whose keys expire; sent in UTC.
	ExpiresAt time.Time
}

// KeyUpdate changes some settings of a key; a nil field is left as it is.
type KeyUpdate struct {
	Disabled *bool
	// Limit: a pointer to "" removes the limit (sent as JSON null).
	Limit *Amount
	// LimitReset: a pointer to "" means never (sent as JSON null).
	LimitReset *string
	// IncludeBYOKInLimit counts bring-your-own-key usage against the limit.
	IncludeBYOKInLimit *bool
}

// Secret is a key with its full secret, right after a create or a roll.
// Value has passed the provider's secret check (Provider.CheckSecret); it
// is shown once, copied, and never
// written anywhere but where the user asked.
type Secret struct {
	Key   Key
	Value string
}

// SSHKey is one SSH public key registered with an account.
type SSHKey struct {
	// ID, IDText and IDProblem are as in Key.
	ID, IDText, IDProblem string
	Name                  string
	// PublicKey is the OpenSSH public key line as the server holds it.
	PublicKey            string
	CreatedAt, UpdatedAt time.Time
}

// CurrentKey describes the key an account authenticates with.
type CurrentKey struct {
	// Label is the masked key; Name is empty where the provider gives none.
	Label, Name string
	// Management keys can manage other keys; inference keys cannot.
	Management bool
	FreeTier   bool
	// Limit, LimitRemaining and LimitReset are as in Key.
	Limit, LimitRemaining Amount
	LimitReset            string
	// Usage for all time, the UTC day, week and month.
	Usage, UsageDaily, UsageWeekly, UsageMonthly Amount
	// ExpiresAt is zero for never.
	ExpiresAt time.Time
}
