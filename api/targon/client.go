package targon

import (
	"context"
	"crypto/subtle"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// MaxBodySize caps how much of a response body the client reads (8 MiB).
const MaxBodySize = rest.MaxBodySize

// The prefixes of Targon's two APIs under the base URL.
var (
	prefix   = []string{"tha", "v2"}
	prefixV3 = []string{"tha", "v3"}
)

// Client talks to one Targon API base URL with one bearer token. It is safe
// for concurrent use; SetToken swaps the token for every later request.
type Client struct {
	rest *rest.Client
}

// NewClient returns a Client for baseURL (for example
// "https://api.targon.com") that authenticates with token. The base URL may
// carry a path prefix; /tha/v2 is added to it. Without options the client
// has a 30 s timeout per attempt and clientopt.DefaultRetryPolicy.
func NewClient(baseURL, token string, opts ...clientopt.Option) (*Client, error) {
	rc, err := rest.New(baseURL, token, parseError, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{rest: rc}, nil
}

// BaseURL is the API base URL the client talks to.
func (c *Client) BaseURL() string { return c.rest.BaseURL() }

// SetToken replaces the bearer token for all later requests (after the key in
// use was rolled, or after a login).
func (c *Client) SetToken(token string) { c.rest.SetToken(token) }

// HasToken reports whether a token is set.
func (c *Client) HasToken() bool { return c.rest.HasToken() }

// UsesKey reports whether keyRaw is the token this client authenticates
// with, so the UI can mark the key in use without holding the token itself.
// A server may list keys masked ("tgn_…a1b2", "tgn_****a1b2"); then the
// visible start and at least four visible trailing characters must match.
func (c *Client) UsesKey(keyRaw string) bool {
	t := c.rest.Token()
	if t == "" || keyRaw == "" {
		return false
	}
	if subtle.ConstantTimeCompare([]byte(t), []byte(keyRaw)) == 1 {
		return true
	}
	return maskedMatch(keyRaw, t)
}

// maskRunes are the characters servers hide the middle of a key with.
const maskRunes = "…*.•"

// maskedMatch reports whether masked (prefix, mask characters, tail) could
// be token.
func maskedMatch(masked, token string) bool {
	first := strings.IndexAny(masked, maskRunes)
	last := strings.LastIndexAny(masked, maskRunes)
	if first < 0 {
		return false // not masked: another full key
	}
	_, size := utf8.DecodeRuneInString(masked[last:])
	prefix, tail := masked[:first], masked[last+size:]
	return len(tail) >= 4 && len(token) > len(prefix)+len(tail) &&
		strings.HasPrefix(token, prefix) && strings.HasSuffix(token, tail)
}

// call describes one Targon request.
type call struct {
	method string
	// v3 puts the request under /tha/v3 instead of /tha/v2.
	v3 bool
	// segments follow /tha/v2 (or /tha/v3); each is escaped on its own, so a uid with a
	// slash or a colon stays one segment.
	segments []string
	// verb is a custom method such as "roll", appended to the last segment
	// as ":roll" (Google-style custom methods).
	verb  string
	query url.Values
	body  any
	// anonymous sends no token (GET /tha/v3/version needs none).
	anonymous bool
}

// do sends r and decodes a 2xx answer into out (when not nil).
func (c *Client) do(ctx context.Context, r call, out any) error {
	base := prefix
	if r.v3 {
		base = prefixV3
	}
	path := rest.Path(append(append([]string{}, base...), r.segments...)...)
	if r.verb != "" {
		path += ":" + r.verb
	}
	return c.rest.Do(ctx, rest.Request{Method: r.method, Path: path, Query: r.query, Body: r.body, Anonymous: r.anonymous}, out)
}
