package api

import (
	"context"
	"iter"
	"time"
)

// This file is the part of the contract that Targon's organization-scoped
// /tha/v3 adds (reference/targon-v3.md): organizations with their own
// credits, and an organization's service tokens. A v3 account acts in one
// organization at a time: its Balance, SSH keys and service tokens are
// that organization's, while its API keys (personal API tokens) are the
// user's own.

// Org is one organization an account can act in.
type Org struct {
	// ID is the organization's slug exactly as the server sent it, checked
	// before it goes into a URL.
	ID string
	// Name is its display name.
	Name string
	// Personal marks the user's own organization (org_type PERSONAL).
	Personal bool
	// Role is the caller's role in it: "OWNER", "ADMIN" or "MEMBER".
	Role string
	// Credits is the organization's balance, in Currency ("USD").
	Credits  Amount
	Currency string
}

// Orgs is an account scoped to one organization of several.
type Orgs interface {
	// Org is the organization the account acts in.
	Org() Org
	// Orgs lists every organization the key can see, each with its
	// balance, walking every page.
	Orgs(ctx context.Context) ([]Org, error)
}

// ServiceToken is one of an organization's service tokens: a Bearer token
// that acts within that organization.
type ServiceToken struct {
	// ID is the token's uid as the server sent it, checked.
	ID string
	// Name is the token's name.
	Name string
	// CreatedBy says who created it ("alice <alice@acme.io>"); "" when the
	// server does not say.
	CreatedBy string
	// CreatedAt is zero when the server did not say.
	CreatedAt time.Time
}

// ServiceTokens is an account whose organization has service tokens: list,
// create (the secret shown once) and delete. There is no rename and no
// roll.
type ServiceTokens interface {
	// ServiceTokens walks every service token of the organization, like
	// Account.Keys.
	ServiceTokens(ctx context.Context) iter.Seq2[[]ServiceToken, error]
	// CreateServiceToken creates a token named name and returns its
	// secret, which the server shows only this once. Never retried
	// automatically.
	CreateServiceToken(ctx context.Context, name string) (ServiceTokenSecret, error)
	// DeleteServiceToken deletes token id. A retried delete that finds
	// the token gone counts as deleted.
	DeleteServiceToken(ctx context.Context, id string) error
}

// ServiceTokenSecret is a service token with its secret, right after it
// was created. Value has passed the provider's secret check.
type ServiceTokenSecret struct {
	Token ServiceToken
	Value string
}

// Settler is an account that learns on first use what it is (Targon's
// api_version = "auto": /tha/v2 or /tha/v3), so its capabilities are not
// known when it is made. Settle asks once and returns the account to use
// from then on: the concrete account of what the server speaks, with its
// own capabilities (a v2 account rolls, a v3 one has organizations). The
// UI builds its views on the settled account.
type Settler interface {
	Settle(ctx context.Context) (Account, error)
}
