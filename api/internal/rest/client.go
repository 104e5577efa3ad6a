// Package rest is the HTTP plumbing the provider clients (api/targon,
// api/openrouter) share, so that both behave as DESIGN.md's "api (neutral)"
// says: one base URL (which may carry a path, e.g.
// "https://openrouter.ai/api/v1"), a bearer token swapped atomically, a
// User-Agent, retries for idempotent requests only, redirects refused
// (api.RedirectError), bodies capped at MaxBodySize, strict decoding of
// 2xx JSON objects (api.DecodeError otherwise), a debug logger, and a hook
// (ErrorFunc) that turns a non-2xx answer into the provider's own error
// type.
//
// A provider client builds on it like this:
//
//	c, err := rest.New(baseURL, token, parseError, opts...)
//	var out wireKey
//	err = c.Do(ctx, rest.Request{
//		Method: http.MethodPatch,
//		Path:   rest.Path("keys", hash), // each segment escaped on its own
//		Query:  url.Values{"include_disabled": {"true"}},
//		Body:   map[string]any{"limit": nil}, // JSON null is kept
//	}, &out)
//
// The provider's error type must implement api.StatusError (the retry
// policy reads its status and Retry-After) and unwrap to api's sentinels
// (api.SentinelFor). A decoded answer that implements Checker is checked
// after decoding.
//
// It imports only api, api/clientopt and the standard library; only the provider clients
// under api/ import it.
package rest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
)

// MaxBodySize caps how much of a response body the client reads (8 MiB).
const MaxBodySize = 8 << 20

// ErrorFunc turns a non-2xx, non-3xx answer into the provider's error. body
// is the response body, already read and capped; resp.Body must not be
// read. The result should implement api.StatusError and unwrap to the
// sentinel for its status (api.SentinelFor); ReadErrorHeaders and Clean
// help to build it.
type ErrorFunc func(resp *http.Response, body []byte) error

// Checker is a decoded answer that checks its own shape and cleans its
// display strings in place (with api.CleanText). Do calls Check after
// decoding a 2xx body into a Checker, so nothing reaches a caller
// half-empty or with raw server text; an error becomes an
// api.DecodeError whose What is the error's text.
type Checker interface {
	Check() error
}

// Client sends requests to one API base URL with one bearer token. It is
// safe for concurrent use; SetToken swaps the token for every later request.
type Client struct {
	base      *url.URL
	token     atomic.Pointer[string]
	http      *http.Client
	userAgent string
	retry     clientopt.RetryPolicy
	log       *slog.Logger
	errFunc   ErrorFunc
}

// New returns a Client for baseURL that authenticates with token and turns
// error answers into errors with errFunc. The base URL must be http(s) with
// a host and may carry a path prefix ("https://openrouter.ai/api/v1");
// trailing slashes, query and fragment are dropped.
func New(baseURL, token string, errFunc ErrorFunc, opts ...clientopt.Option) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(strings.TrimSpace(baseURL), "/"))
	if err != nil {
		return nil, fmt.Errorf("base URL %q: %w", baseURL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("base URL %q: want http(s)://host", baseURL)
	}
	u.RawQuery, u.Fragment = "", ""
	set := clientopt.Apply(opts...)
	// Never follow a redirect (see api.RedirectError). A copy, so that a
	// client passed with clientopt.WithHTTPClient keeps its own behaviour
	// elsewhere.
	hc := *set.HTTPClient
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	hc.Transport = keepRedirects{hc.Transport}
	c := &Client{
		base:      u,
		http:      &hc,
		userAgent: set.UserAgent,
		retry:     set.Retry,
		log:       set.Logger,
		errFunc:   errFunc,
	}
	c.SetToken(token)
	return c, nil
}

// BaseURL is the API base URL the client talks to.
func (c *Client) BaseURL() string { return c.base.String() }

// SetToken replaces the bearer token for all later requests.
func (c *Client) SetToken(token string) {
	t := strings.TrimSpace(token)
	c.token.Store(&t)
}

// HasToken reports whether a token is set.
func (c *Client) HasToken() bool { return *c.token.Load() != "" }

// Token is the bearer token, for a provider that compares it with keys it
// lists (never log or show it).
func (c *Client) Token() string { return *c.token.Load() }

// Request describes one API request.
type Request struct {
	// Method is the HTTP method. GET, HEAD, PUT, PATCH and DELETE are
	// retried by the policy; POST never is.
	Method string
	// Path follows the base URL's own path. It is already escaped: build it
	// with Path, and append anything literal (Targon's ":roll") yourself.
	Path string
	// Query is encoded as the URL's query when not empty.
	Query url.Values
	// Body, when not nil, is sent as JSON (json.Marshal: a nil pointer or
	// a nil map value is sent as null).
	Body any
	// Anonymous sends no Authorization header, for an endpoint that needs
	// no token (Targon's GET /tha/v3/version): the token stays home.
	Anonymous bool
}

// Path escapes each segment on its own and joins them with "/" (with a
// leading "/"), so an id with a slash, a colon or a "?" stays one segment.
// A segment of dots alone ("." or "..") is percent-encoded too, so that no
// server or proxy reads it as a step up the path.
func Path(segments ...string) string {
	var b strings.Builder
	for _, s := range segments {
		b.WriteByte('/')
		b.WriteString(escapeSegment(s))
	}
	return b.String()
}

func escapeSegment(s string) string {
	if strings.Trim(s, ".") == "" && s != "" {
		return strings.Repeat("%2E", len(s))
	}
	return url.PathEscape(s)
}

// idempotent reports whether the request may be sent again safely.
func (r Request) idempotent() bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPatch, http.MethodDelete, http.MethodPut:
		return true
	}
	return false
}

// url builds the request URL. The escaped path is set as RawPath so that
// escaped slashes survive; it is never passed through url.Parse, which
// would read "id:verb" as a scheme.
func (c *Client) url(r Request) (*url.URL, error) {
	u := *c.base
	raw := strings.TrimRight(c.base.EscapedPath(), "/") + r.Path
	plain, err := url.PathUnescape(raw)
	if err != nil {
		return nil, fmt.Errorf("request path %q: %w", r.Path, err)
	}
	u.Path, u.RawPath = plain, raw
	if len(r.Query) > 0 {
		u.RawQuery = r.Query.Encode()
	}
	return &u, nil
}

// Do sends r, retrying when the policy allows, and decodes a 2xx JSON body
// into out (when out is not nil; a 204 leaves out alone). A DELETE retried
// after a lost answer that gets a 404 counts as done. Errors are the
// ErrorFunc's error, api.RedirectError, api.NetworkError or
// api.DecodeError; all but the first are prefixed with method and path.
func (c *Client) Do(ctx context.Context, r Request, out any) error {
	var body []byte
	if r.Body != nil {
		var err error
		if body, err = json.Marshal(r.Body); err != nil {
			return fmt.Errorf("encode request: %w", err)
		}
	}
	u, err := c.url(r)
	if err != nil {
		return err
	}
	label := r.Method + " " + u.EscapedPath()
	attempts := maxAttempts(c.retry, r.idempotent())

	var lastErr error
	for attempt := 1; ; attempt++ {
		status, err := c.attempt(ctx, r, u, body, out)
		c.log.Debug("api request", "method", r.Method, "path", u.EscapedPath(), "status", status, "attempt", attempt, "error", err)
		if err == nil {
			return nil
		}
		// A DELETE whose earlier answer was lost (network error, gateway
		// error) may have worked: a 404 on the retry means it is gone.
		if r.Method == http.MethodDelete && attempt > 1 && errors.Is(err, api.ErrNotFound) {
			return nil
		}
		lastErr = err
		wait, retry := nextTry(c.retry, attempt, err)
		if !retry || attempt >= attempts {
			break
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			break
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%s: %w", label, ctx.Err())
		case <-t.C:
		}
	}
	var se api.StatusError
	if errors.As(lastErr, &se) {
		return lastErr
	}
	return fmt.Errorf("%s: %w", label, lastErr)
}

// attempt sends one request and returns the status (0 when none arrived).
func (c *Client) attempt(ctx context.Context, r Request, u *url.URL, body []byte, out any) (int, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, u.String(), rd)
	if err != nil {
		return 0, err
	}
	if !r.Anonymous {
		req.Header.Set("Authorization", "Bearer "+*c.token.Load())
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if isBadLocation(err) {
			return 0, &api.RedirectError{}
		}
		return 0, &api.NetworkError{Err: unwrapURLError(err)}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(api.MeterBody(ctx, resp.Body), MaxBodySize+1))
	var capErr *api.CapError
	if errors.As(err, &capErr) {
		return resp.StatusCode, capErr // a walk's byte cap: never retried
	}
	if err != nil {
		return resp.StatusCode, &api.NetworkError{Err: fmt.Errorf("reading response: %w", unwrapURLError(err)), Partial: true}
	}
	if len(data) > MaxBodySize {
		return resp.StatusCode, fmt.Errorf("response body larger than %d MiB", MaxBodySize>>20)
	}
	if resp.StatusCode >= 300 && resp.StatusCode <= 399 {
		return resp.StatusCode, newRedirectError(resp.StatusCode, u, resp.Header.Get("Location"))
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, c.errFunc(resp, data)
	}
	if out == nil || resp.StatusCode == http.StatusNoContent {
		return resp.StatusCode, nil
	}
	return resp.StatusCode, Decode(resp.StatusCode, data, out)
}

// Decode reads a 2xx body into out, which must be a JSON object, then
// checks it when out is a Checker. Every failure is an *api.DecodeError
// with a short message of the client's own, never the body: What says
// what was wrong with a readable body of the wrong shape, and is empty for
// an unreadable one (truncated, HTML), which the retry policy may retry.
func Decode(status int, data []byte, out any) error {
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		return &api.DecodeError{Status: status, What: "a list where an object was expected"}
	}
	if err := json.Unmarshal(data, out); err != nil {
		return decodeError(status, err)
	}
	if ch, ok := out.(Checker); ok {
		if err := ch.Check(); err != nil {
			return &api.DecodeError{Status: status, What: Clean(err.Error()), Err: err}
		}
	}
	return nil
}

// decodeError is the DecodeError for a body json.Unmarshal refused, in
// the client's words: the JSON error itself may quote the server's text
// (a number of a million digits), so only the kind of value and the
// member's name (cut short) are kept, and the JSON error is not wrapped.
func decodeError(status int, err error) error {
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, api.ErrNotANumber):
		return &api.DecodeError{Status: status, What: "an amount that is not a number", Err: api.ErrNotANumber}
	case errors.As(err, &typeErr):
		// Value is "number 123…" for a number that does not fit: its
		// digits are the server's.
		kind, _, _ := strings.Cut(typeErr.Value, " ")
		what := article(Clean(kind)) + " where an object was expected"
		if typeErr.Field != "" {
			what = fmt.Sprintf("%q is %s, not the type expected", Clean(typeErr.Field), article(Clean(kind)))
		}
		return &api.DecodeError{Status: status, What: what, Err: errUnexpectedType}
	}
	return &api.DecodeError{Status: status, Err: errUnreadable}
}

// Errors a DecodeError wraps in place of the JSON error, which may quote
// the body.
var (
	errUnexpectedType = errors.New("a JSON value of an unexpected type")
	errUnreadable     = errors.New("not JSON, or cut off")
)

// article puts "a" or "an" before a JSON type name ("an array", "a string").
func article(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// keepRedirects hands a redirect back even when its Location does not
// parse: http.Client would fail with an error quoting the header, which
// reads as a network failure and is retried. Without the Location, the
// answer is reported as the redirect it is (api.RedirectError).
type keepRedirects struct{ next http.RoundTripper }

// RoundTrip sends r and drops the Location of a 3xx answer that is no URL.
func (t keepRedirects) RoundTrip(r *http.Request) (*http.Response, error) {
	next := t.next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(r)
	if err == nil && resp.StatusCode >= 300 && resp.StatusCode <= 399 {
		if _, perr := r.URL.Parse(resp.Header.Get("Location")); perr != nil {
			resp.Header.Del("Location")
		}
	}
	return resp, err
}

// isBadLocation reports whether err is Go's HTTP reader refusing an
// answer for its Location header (one with a control character in it):
// a redirect whose status was lost with it.
func isBadLocation(err error) bool {
	return strings.Contains(err.Error(), `malformed MIME header line: "Location:`)
}

// unwrapURLError drops *url.Error's "Get "https://…":" prefix; the caller
// adds method and path itself.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
