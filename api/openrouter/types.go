// Package openrouter is a client for OpenRouter's key-management API
// (GET/POST /keys, GET/PATCH/DELETE /keys/{hash}, GET /key, GET /credits,
// GET /workspaces, GET /activity) and its adapter to the provider-neutral
// api.Account. One Client holds the base URL (with its /api/v1 path), the
// bearer token and the retry policy; every method takes a context and
// returns the API's wire types or an error (an *Error for an error answer,
// unwrapping to api's sentinels). Account wraps a Client as an
// api.Account, api.KeyUpdater, api.CurrentKeyer, api.Workspaces (its keys
// are those of every workspace) and api.Activity.
//
// The shapes follow OpenRouter's OpenAPI document. Every amount is kept as
// the decimal text the server sent (api.Amount); every display string is
// cleaned with api.CleanText when it is decoded.
//
// It imports api, api/clientopt, api/internal/rest and api/internal/adapter
// only. No ui package imports it: the UI gets an api.Account.
package openrouter

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// APIKey is one API key as GET /keys (its items), GET and PATCH
// /keys/{hash} and POST /keys (its data) send it. Nullable members are
// pointers or empty values: an empty Amount is null, a nil pointer is null.
type APIKey struct {
	// Hash identifies the key in requests.
	Hash string `json:"hash"`
	Name string `json:"name"`
	// Label is the key as OpenRouter shows it, masked ("sk-or-v1-0e6...1c96").
	Label    string `json:"label"`
	Disabled bool   `json:"disabled"`
	Spending
	CreatedAt Timestamp `json:"created_at"`
	// UpdatedAt and ExpiresAt are zero when null.
	UpdatedAt Timestamp `json:"updated_at"`
	ExpiresAt Timestamp `json:"expires_at"`
	// CreatorUserID is nil when null.
	CreatorUserID *string `json:"creator_user_id"`
	WorkspaceID   string  `json:"workspace_id"`

	// missing names the first required member the server left out (or sent
	// as null where null is not allowed); Check reports it.
	missing string
}

// Spending is what a key may spend and has spent, as an API key (APIKey)
// and the current key (CurrentKeyInfo) both carry it.
type Spending struct {
	// Limit is the spending limit in USD ("" when null: none), and
	// LimitRemaining what is left of it ("" when null).
	Limit          api.Amount `json:"limit"`
	LimitRemaining api.Amount `json:"limit_remaining"`
	// LimitReset is "daily", "weekly", "monthly" or "" (null: never).
	LimitReset         string `json:"limit_reset"`
	IncludeBYOKInLimit bool   `json:"include_byok_in_limit"`
	// Usage is in USD, for all time and the current UTC day, week (Monday
	// to Sunday) and month; BYOKUsage is external bring-your-own-key usage.
	Usage            api.Amount `json:"usage"`
	UsageDaily       api.Amount `json:"usage_daily"`
	UsageWeekly      api.Amount `json:"usage_weekly"`
	UsageMonthly     api.Amount `json:"usage_monthly"`
	BYOKUsage        api.Amount `json:"byok_usage"`
	BYOKUsageDaily   api.Amount `json:"byok_usage_daily"`
	BYOKUsageWeekly  api.Amount `json:"byok_usage_weekly"`
	BYOKUsageMonthly api.Amount `json:"byok_usage_monthly"`
}

// UnmarshalJSON decodes a key and notes a missing required member.
func (k *APIKey) UnmarshalJSON(b []byte) error {
	type plain APIKey // without this method
	err := decodeNoting(b, (*plain)(k), &k.missing, "hash", "name", "label", "disabled")
	k.Spending.markNegatives()
	return err
}

// markNegatives marks every amount below zero implausible
// (api.NotNegative): the document's limits and usage never are.
func (s *Spending) markNegatives() {
	for _, a := range []*api.Amount{&s.Limit, &s.LimitRemaining, &s.Usage, &s.UsageDaily, &s.UsageWeekly,
		&s.UsageMonthly, &s.BYOKUsage, &s.BYOKUsageDaily, &s.BYOKUsageWeekly, &s.BYOKUsageMonthly} {
		*a = api.NotNegative(*a)
	}
}

// CurrentKeyInfo is the data of GET /key: the key the request
// authenticated with.
type CurrentKeyInfo struct {
	Label string `json:"label"`
	Spending
	IsFreeTier bool `json:"is_free_tier"`
	// IsManagementKey says whether the key may manage keys (every endpoint
	// but GET /key); IsProvisioningKey is its deprecated twin.
	IsManagementKey   bool      `json:"is_management_key"`
	IsProvisioningKey bool      `json:"is_provisioning_key"`
	CreatorUserID     *string   `json:"creator_user_id"`
	ExpiresAt         Timestamp `json:"expires_at"`
	// RateLimit is deprecated ("will always return -1").
	RateLimit RateLimit `json:"rate_limit"`

	missing string
}

// UnmarshalJSON decodes the current key and notes a missing required
// member.
func (k *CurrentKeyInfo) UnmarshalJSON(b []byte) error {
	type plain CurrentKeyInfo
	err := decodeNoting(b, (*plain)(k), &k.missing, "label", "is_management_key")
	k.Spending.markNegatives()
	return err
}

// RateLimit is the deprecated rate_limit of GET /key.
type RateLimit struct {
	Requests int    `json:"requests"`
	Interval string `json:"interval"`
	Note     string `json:"note"`
}

// Credits is the data of GET /credits, in USD.
type Credits struct {
	// TotalCredits is what was bought, TotalUsage what was spent.
	TotalCredits api.Amount `json:"total_credits"`
	TotalUsage   api.Amount `json:"total_usage"`
}

// UnmarshalJSON decodes the credits and marks a negative total
// implausible (api.NotNegative): what was bought or spent never is.
func (c *Credits) UnmarshalJSON(b []byte) error {
	type plain Credits
	if err := json.Unmarshal(b, (*plain)(c)); err != nil {
		return err
	}
	c.TotalCredits, c.TotalUsage = api.NotNegative(c.TotalCredits), api.NotNegative(c.TotalUsage)
	return nil
}

// CreatedKey is the answer of POST /keys: the key and its plaintext secret,
// which the server sends only this once.
type CreatedKey struct {
	Data APIKey `json:"data"`
	// Key is the full secret, exactly as sent (never cleaned: the client
	// checks its shape with provider.CheckSecret instead).
	Key string `json:"key"`

	missing string
}

// UnmarshalJSON decodes the answer and notes a missing data or key.
func (c *CreatedKey) UnmarshalJSON(b []byte) error {
	type plain CreatedKey
	return decodeNoting(b, (*plain)(c), &c.missing, "data", "key")
}

// CreateRequest is the body of POST /keys.
type CreateRequest struct {
	// Name is required.
	Name string
	// Limit is the spending limit in USD; "" sends null (no limit). It
	// must be a JSON number.
	Limit api.Amount
	// LimitReset is "daily", "weekly" or "monthly"; "" sends null (never).
	LimitReset string
	// IncludeBYOKInLimit counts BYOK usage against the limit.
	IncludeBYOKInLimit bool
	// ExpiresAt, when not zero, is sent in UTC in whole seconds, RFC 3339
	// ("2027-12-31T23:59:59Z"; the API refuses other zones).
	ExpiresAt time.Time
	// WorkspaceID and CreatorUserID are sent only when not empty.
	WorkspaceID, CreatorUserID string
}

// UpdateRequest is the body of PATCH /keys/{hash}: only the members that
// are set are sent. A pointer to "" in Limit or LimitReset sends JSON null
// (no limit, never reset).
type UpdateRequest struct {
	Name               *string
	Disabled           *bool
	Limit              *api.Amount
	LimitReset         *string
	IncludeBYOKInLimit *bool
}

// ListOptions selects a page of GET /keys.
type ListOptions struct {
	// IncludeDisabled lists disabled keys too (the Account always sets it).
	IncludeDisabled bool
	// Offset is how many keys to skip (0: the first page).
	Offset int
	// WorkspaceID lists another workspace than the default one.
	WorkspaceID string
}

// decodeNoting decodes the JSON object b into *v, a type without an
// UnmarshalJSON of its own (the plain twin of the type being decoded), and
// then sets *miss, a member of *v, to the first of required that b lacks
// or holds as null. On an error *v is left as it was.
func decodeNoting[T any](b []byte, v *T, miss *string, required ...string) error {
	var fresh T
	if err := json.Unmarshal(b, &fresh); err != nil {
		return err
	}
	*v = fresh
	*miss = missing(b, required...)
	return nil
}

// missing returns the first of names that the JSON object b does not hold,
// or holds as null; "" when all are there.
func missing(b []byte, names ...string) string {
	var members map[string]json.RawMessage
	if json.Unmarshal(b, &members) != nil {
		return "" // not an object: the decode itself has failed already
	}
	for _, n := range names {
		if v, ok := members[n]; !ok || string(bytes.TrimSpace(v)) == "null" {
			return n
		}
	}
	return ""
}

// Timestamp is an ISO 8601 time from the API. Decoding is liberal: RFC 3339
// with or without fractional seconds, with a space for the "T", or without
// a zone (read as UTC); anything else, null included, becomes the zero time
// instead of failing the whole answer, since a list is still useful without
// one date.
type Timestamp struct {
	time.Time
}

// timeLayouts are the layouts Timestamp tries, in order.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02",
}

// UnmarshalJSON never fails: an unreadable time is the zero time.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	t.Time = time.Time{}
	var s string
	if json.Unmarshal(b, &s) != nil {
		return nil
	}
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if parsed, err := time.Parse(layout, s); err == nil {
			t.Time = parsed
			return nil
		}
	}
	return nil
}
