package targon

import (
	"context"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// MaxBodySize caps how much of a response body the client reads (8 MiB).
const MaxBodySize = rest.MaxBodySize

// DefaultUserAgent is sent unless WithUserAgent says otherwise.
const DefaultUserAgent = rest.DefaultUserAgent

// prefix is where Targon's API lives under the base URL.
var prefix = []string{"tha", "v2"}

// RetryPolicy says how idempotent requests (GET, PATCH, DELETE) are retried
// after a network error or a 429, 502, 503 or 504; POST never is.
type RetryPolicy = rest.RetryPolicy

// DefaultRetryPolicy is the policy a Client uses unless WithRetry says
// otherwise: 4 attempts, 250 ms doubling to 4 s, Retry-After honoured up
// to 30 s.
func DefaultRetryPolicy() RetryPolicy { return rest.DefaultRetryPolicy() }

// NoRetry sends every request once.
func NoRetry() RetryPolicy { return rest.NoRetry() }

// Option configures a Client (and an Account made by New).
type Option = rest.Option

// WithHTTPClient sets the *http.Client used for requests (timeouts,
// transport). The default has a 30 s overall timeout per attempt. The
// client uses a copy that never follows redirects; hc itself is not changed.
func WithHTTPClient(hc *http.Client) Option { return rest.WithHTTPClient(hc) }

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option { return rest.WithUserAgent(ua) }

// WithRetry sets the retry policy for idempotent requests.
func WithRetry(p RetryPolicy) Option { return rest.WithRetry(p) }

// WithLogger sets a logger for one debug line per attempt (method, path,
// status, duration). The token is never logged.
func WithLogger(l *slog.Logger) Option { return rest.WithLogger(l) }

// Client talks to one Targon API base URL with one bearer token. It is safe
// for concurrent use; SetToken swaps the token for every later request.
type Client struct {
	rest *rest.Client
}

// NewClient returns a Client for baseURL (for example
// "https://api.targon.com") that authenticates with token. The base URL may
// carry a path prefix; /tha/v2 is added to it.
func NewClient(baseURL, token string, opts ...Option) (*Client, error) {
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
	// segments follow /tha/v2; each is escaped on its own, so a uid with a
	// slash or a colon stays one segment.
	segments []string
	// verb is a custom method such as "roll", appended to the last segment
	// as ":roll" (Google-style custom methods).
	verb  string
	query url.Values
	body  any
}

// do sends r and decodes a 2xx answer into out (when not nil).
func (c *Client) do(ctx context.Context, r call, out any) error {
	path := rest.Path(append(append([]string{}, prefix...), r.segments...)...)
	if r.verb != "" {
		path += ":" + r.verb
	}
	return c.rest.Do(ctx, rest.Request{Method: r.method, Path: path, Query: r.query, Body: r.body}, out)
}
