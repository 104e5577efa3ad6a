package openrouter

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// Client talks to one OpenRouter API base URL with one bearer token. It is
// safe for concurrent use; SetToken swaps the token for every later request.
type Client struct {
	rest *rest.Client
}

// NewClient returns a Client for baseURL, which includes the API's path
// (OpenRouter's is "https://openrouter.ai/api/v1"; the caller supplies
// it), authenticating with token. Without clientopt.WithHTTPClient the
// client has a 30 s timeout per attempt and keeps MaxInFlight idle
// connections, so a concurrent list reuses its connections.
func NewClient(baseURL, token string, opts ...clientopt.Option) (*Client, error) {
	opts = append([]clientopt.Option{clientopt.WithHTTPClient(defaultHTTPClient())}, opts...)
	rc, err := rest.New(baseURL, token, parseError, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{rest: rc}, nil
}

// defaultHTTPClient is http.DefaultTransport's settings with room for
// MaxInFlight idle connections per host (the default keeps two, so a
// concurrent list would open, and over TLS shake hands on, new ones).
func defaultHTTPClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = MaxInFlight
	return &http.Client{Timeout: 30 * time.Second, Transport: tr}
}

// BaseURL is the API base URL the client talks to.
func (c *Client) BaseURL() string { return c.rest.BaseURL() }

// SetToken replaces the bearer token for all later requests.
func (c *Client) SetToken(token string) { c.rest.SetToken(token) }

// HasToken reports whether a token is set.
func (c *Client) HasToken() bool { return c.rest.HasToken() }

// do sends one request under the base URL.
func (c *Client) do(ctx context.Context, method string, segments []string, r rest.Request, out any) error {
	r.Method, r.Path = method, rest.Path(segments...)
	return c.rest.Do(ctx, r, out)
}

// nullable is an optional member of a request body: JSON null when empty.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// number is amount as a JSON number, or JSON null when it is empty. An
// amount that is not a number is an error wrapping api.ErrNotANumber and is
// never sent.
func number(field string, amount api.Amount) (any, error) {
	if amount == "" {
		return nil, nil
	}
	if !api.IsJSONNumber([]byte(amount)) {
		return nil, fmt.Errorf("%s %q: %w", field, rest.Clean(string(amount)), api.ErrNotANumber)
	}
	return json.RawMessage(amount), nil
}

// body is the JSON of a create: name, limit and limit_reset (null when
// empty), include_byok_in_limit, and the optional members when set.
func (r CreateRequest) body() (map[string]any, error) {
	limit, err := number("limit", r.Limit)
	if err != nil {
		return nil, err
	}
	b := map[string]any{
		"name":                  r.Name,
		"limit":                 limit,
		"limit_reset":           nullable(r.LimitReset),
		"include_byok_in_limit": r.IncludeBYOKInLimit,
	}
	if !r.ExpiresAt.IsZero() {
		// "ISO 8601 UTC timestamp … Must be UTC", as the document's
		// example: "2027-12-31T23:59:59Z" (whole seconds).
		b["expires_at"] = r.ExpiresAt.UTC().Format(time.RFC3339)
	}
	if r.WorkspaceID != "" {
		b["workspace_id"] = r.WorkspaceID
	}
	if r.CreatorUserID != "" {
		b["creator_user_id"] = r.CreatorUserID
	}
	return b, nil
}

// body is the JSON of an update: only the members set; a pointer to ""
// in Limit or LimitReset is null.
func (r UpdateRequest) body() (map[string]any, error) {
	b := map[string]any{}
	if r.Name != nil {
		b["name"] = *r.Name
	}
	if r.Disabled != nil {
		b["disabled"] = *r.Disabled
	}
	if r.Limit != nil {
		limit, err := number("limit", *r.Limit)
		if err != nil {
			return nil, err
		}
		b["limit"] = limit
	}
	if r.LimitReset != nil {
		b["limit_reset"] = nullable(*r.LimitReset)
	}
	if r.IncludeBYOKInLimit != nil {
		b["include_byok_in_limit"] = *r.IncludeBYOKInLimit
	}
	return b, nil
}
