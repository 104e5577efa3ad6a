// Package targon is a client for Targon's REST API, both the /tha/v2 of
// credits, API keys and SSH keys and the organization-scoped /tha/v3
// (organizations with credits, SSH keys and service tokens; personal API
// tokens), and its adapters to the provider-neutral api.Account: Account
// (v2: an api.Roller and api.SSHKeys), V3Account (v3: api.SSHKeys,
// api.Orgs and api.ServiceTokens, no roll) and Auto (the version settled
// on first use with GET /tha/v3/version). One Client holds the base URL,
// the bearer token and the retry policy and speaks both versions; every
// method takes a context and returns the API's wire types or an error (an
// *Error for an error answer, unwrapping to api's sentinels).
//
// It imports api, api/clientopt, api/internal/rest and api/internal/adapter
// only. No ui package imports it: the UI gets an api.Account.
package targon

import (
	"bytes"
	"encoding/json"
	"errors"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// Credits is the account's balance as GET /tha/v2/me/credits returns it.
type Credits struct {
	// Amount is the balance exactly as the server sent it (an integer or a
	// decimal number), never rounded.
	Amount api.Amount `json:"credits"`
	// Currency is the unit the server names, for example "USD".
	Currency string `json:"currency"`
}

// APIKey is one API key of the account.
type APIKey struct {
	UID  string `json:"uid"`
	Name string `json:"name"`
	// KeyRaw is the secret. The UI shows it in full only once, right after
	// a create or a roll.
	KeyRaw    string    `json:"key_raw"`
	CreatedAt Timestamp `json:"created_at"`
	UpdatedAt Timestamp `json:"updated_at"`
}

// SSHKey is one SSH public key registered with the account.
type SSHKey struct {
	UID          string    `json:"uid"`
	Name         string    `json:"name"`
	PublicKeyRaw string    `json:"public_key_raw"`
	CreatedAt    Timestamp `json:"created_at"`
	UpdatedAt    Timestamp `json:"updated_at"`
}

// Page is one page of a list endpoint. NextCursor is empty on the last page.
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// ListOptions selects a page of a list endpoint. A zero Limit lets the server
// choose; an empty Cursor asks for the first page.
type ListOptions struct {
	Limit  int
	Cursor string
}

// Timestamp is an ISO 8601 time from the API. Decoding is liberal: a value
// that is empty, null or not RFC 3339 becomes the zero time instead of failing
// the whole response, since a list is still useful without one date.
type Timestamp struct {
	time.Time
}

// UnmarshalJSON parses RFC 3339 (with or without fractional seconds); anything
// else that is a JSON string or null yields the zero time.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		t.Time = time.Time{}
		return nil
	}
	var s string
	if n := len(b); n >= 2 && b[0] == '"' && b[n-1] == '"' && bytes.IndexByte(b[1:n-1], '\\') < 0 {
		// The usual case, a plain quoted string: no need for a full decode.
		s = string(b[1 : n-1])
	} else if err := json.Unmarshal(b, &s); err != nil {
		return errors.New("timestamp is not a string")
	}
	parsed, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Time = time.Time{}
		return nil
	}
	t.Time = parsed
	return nil
}

// MarshalJSON writes RFC 3339 in UTC, or null for the zero time.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.UTC().Format(time.RFC3339))
}
