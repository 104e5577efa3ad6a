package api

import (
	"bytes"
	"context"
	"crypto/subtle"
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
	"unicode/utf8"
)

// MaxBodySize caps how much of a response body the client reads (8 MiB).
const MaxBodySize = 8 << 20

// DefaultUserAgent is sent unless WithUserAgent says otherwise.
const DefaultUserAgent = "targon-dash"

// Client talks to one Targon API base URL with one bearer token. It is safe
// for concurrent use; SetToken swaps the token for every later request.
type Client struct {
	base      *url.URL
	token     atomic.Pointer[string]
	http      *http.Client
	userAgent string
	retry     RetryPolicy
	log       *slog.Logger
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient sets the *http.Client used for requests (timeouts,
// transport). The default has a 30 s overall timeout per attempt. The
// client uses a copy that never follows redirects; hc itself is not changed.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) { c.http = hc }
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(c *Client) { c.userAgent = ua }
}

// WithRetry sets the retry policy for idempotent requests.
func WithRetry(p RetryPolicy) Option {
	return func(c *Client) { c.retry = p }
}

// WithLogger sets a logger for one debug line per attempt (method, path,
// status, duration). The token is never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *Client) { c.log = l }
}

// New returns a Client for baseURL (for example "https://api.targon.com")
// that authenticates with token. The base URL may carry a path prefix.
func New(baseURL, token string, opts ...Option) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(strings.TrimSpace(baseURL), "/"))
	if err != nil {
		return nil, fmt.Errorf("base URL %q: %w", baseURL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("base URL %q: want http(s)://host", baseURL)
	}
	u.RawQuery, u.Fragment = "", ""
	c := &Client{
		base:      u,
		http:      &http.Client{Timeout: 30 * time.Second},
		userAgent: DefaultUserAgent,
		retry:     DefaultRetryPolicy,
		log:       slog.New(slog.DiscardHandler),
	}
	c.SetToken(token)
	for _, o := range opts {
		o(c)
	}
	// Never follow a redirect (see RedirectError). A copy, so that a client
	// passed with WithHTTPClient keeps its own behaviour elsewhere.
	hc := *c.http
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.http = &hc
	return c, nil
}

// BaseURL is the API base URL the client talks to.
func (c *Client) BaseURL() string { return c.base.String() }

// SetToken replaces the bearer token for all later requests (after the key in
// use was rolled, or after a login).
func (c *Client) SetToken(token string) {
	t := strings.TrimSpace(token)
	c.token.Store(&t)
}

// HasToken reports whether a token is set.
func (c *Client) HasToken() bool { return *c.token.Load() != "" }

// UsesKey reports whether keyRaw is the token this client authenticates
// with, so the UI can mark the key in use without holding the token itself.
// A server may list keys masked ("tgn_…a1b2", "tgn_****a1b2"); then the
// visible start and at least four visible trailing characters must match.
func (c *Client) UsesKey(keyRaw string) bool {
	t := *c.token.Load()
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

// call describes one API request.
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

// idempotent reports whether the request may be sent again safely.
func (r call) idempotent() bool {
	switch r.method {
	case http.MethodGet, http.MethodHead, http.MethodPatch, http.MethodDelete, http.MethodPut:
		return true
	}
	return false
}

// url builds the request URL. Path segments are escaped one by one with
// url.PathEscape, and the result is set as RawPath so that escaped slashes
// survive; we never pass "uid:roll" through url.Parse, which would read
// "uid" as a scheme.
func (c *Client) url(r call) *url.URL {
	u := *c.base
	raw := []string{strings.TrimRight(c.base.EscapedPath(), "/"), "tha", "v2"}
	plain := []string{strings.TrimRight(c.base.Path, "/"), "tha", "v2"}
	for i, s := range r.segments {
		esc := escapeSegment(s)
		if i == len(r.segments)-1 && r.verb != "" {
			esc += ":" + r.verb
			s += ":" + r.verb
		}
		raw = append(raw, esc)
		plain = append(plain, s)
	}
	u.Path = strings.Join(plain, "/")
	u.RawPath = strings.Join(raw, "/")
	if len(r.query) > 0 {
		u.RawQuery = r.query.Encode()
	}
	return &u
}

// escapeSegment escapes one path segment. Beyond url.PathEscape, a segment
// of dots alone ("." or "..") is percent-encoded, so that no server or proxy
// reads it as a step up the path.
func escapeSegment(s string) string {
	if strings.Trim(s, ".") == "" && s != "" {
		return strings.Repeat("%2E", len(s))
	}
	return url.PathEscape(s)
}

// do sends r, retrying when the policy allows, and decodes a 2xx JSON body
// into out (when out is not nil).
func (c *Client) do(ctx context.Context, r call, out any) error {
	var body []byte
	if r.body != nil {
		var err error
		if body, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("encode request: %w", err)
		}
	}
	u := c.url(r)
	label := r.method + " " + u.EscapedPath()
	attempts := c.retry.attempts(r.idempotent())

	var lastErr error
	for attempt := 1; ; attempt++ {
		status, err := c.attempt(ctx, r.method, u, body, out)
		c.log.Debug("api request", "method", r.method, "path", u.EscapedPath(), "status", status, "attempt", attempt, "error", err)
		if err == nil {
			return nil
		}
		// A DELETE whose earlier answer was lost (network error, gateway
		// error) may have worked: a 404 on the retry means it is gone.
		if r.method == http.MethodDelete && attempt > 1 && errors.Is(err, ErrNotFound) {
			return nil
		}
		lastErr = err
		wait, retry := c.retry.next(attempt, err)
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
	var apiErr *Error
	if errors.As(lastErr, &apiErr) {
		return lastErr
	}
	return fmt.Errorf("%s: %w", label, lastErr)
}

// attempt sends one request and returns the status (0 when none arrived).
func (c *Client) attempt(ctx context.Context, method string, u *url.URL, body []byte, out any) (int, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+*c.token.Load())
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, &NetworkError{Err: unwrapURLError(err)}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxBodySize+1))
	if err != nil {
		return resp.StatusCode, &NetworkError{Err: fmt.Errorf("reading response: %w", unwrapURLError(err)), Partial: true}
	}
	if len(data) > MaxBodySize {
		return resp.StatusCode, fmt.Errorf("response body larger than %d MiB", MaxBodySize>>20)
	}
	if resp.StatusCode >= 300 && resp.StatusCode <= 399 {
		return resp.StatusCode, newRedirectError(resp.StatusCode, u, resp.Header.Get("Location"))
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, newError(resp, data)
	}
	if out == nil || resp.StatusCode == http.StatusNoContent {
		return resp.StatusCode, nil
	}
	return resp.StatusCode, decode(resp.StatusCode, data, out)
}

// decode reads a 2xx body into out, which is always a JSON object, then
// checks its shape and cleans its display strings (see checker).
func decode(status int, data []byte, out any) error {
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		return &DecodeError{Status: status, What: "a list where an object was expected"}
	}
	if err := json.Unmarshal(data, out); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.Is(err, errNotANumber) {
			return &DecodeError{Status: status, What: "a balance whose credits is not a number", Err: err}
		}
		if errors.As(err, &typeErr) {
			what := article(typeErr.Value) + " where an object was expected"
			if typeErr.Field != "" {
				what = fmt.Sprintf("%q is %s, not the type expected", typeErr.Field, article(typeErr.Value))
			}
			return &DecodeError{Status: status, What: what, Err: err}
		}
		return &DecodeError{Status: status, Err: err}
	}
	if ch, ok := out.(checker); ok {
		if err := ch.check(); err != nil {
			return &DecodeError{Status: status, What: err.Error(), Err: err}
		}
	}
	return nil
}

// article puts "a" or "an" before a JSON type name ("an array", "a string").
func article(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// NetworkError is a request that got no complete answer: the connection
// failed, was dropped, or timed out. Partial is true when a response had
// started but its body was cut off.
type NetworkError struct {
	Err     error
	Partial bool
}

// Error describes the failure without the request's headers.
func (e *NetworkError) Error() string {
	if e.Partial {
		return "connection lost while reading the response: " + e.Err.Error()
	}
	return "network error: " + e.Err.Error()
}

// Unwrap returns the underlying error (for errors.Is with context errors).
func (e *NetworkError) Unwrap() error { return e.Err }

// Timeout reports whether the request timed out.
func (e *NetworkError) Timeout() bool {
	var t interface{ Timeout() bool }
	return errors.Is(e.Err, context.DeadlineExceeded) || (errors.As(e.Err, &t) && t.Timeout())
}

// DecodeError is a 2xx response whose body was not the JSON expected:
// unreadable (truncated, HTML from a proxy; What is empty) or of another
// shape (a list where a key was expected, a key without a uid; What says
// what was wrong, in the client's words, never the server's).
type DecodeError struct {
	Status int
	What   string
	Err    error
}

// Error is a short readable description, never the body itself.
func (e *DecodeError) Error() string {
	if e.What != "" {
		return fmt.Sprintf("unexpected answer from the server: %s (HTTP %d)", e.What, e.Status)
	}
	return fmt.Sprintf("unreadable response from the server (HTTP %d)", e.Status)
}

// Unwrap returns the JSON error.
func (e *DecodeError) Unwrap() error { return e.Err }

// unwrapURLError drops *url.Error's "Get "https://…":" prefix; the caller
// adds method and path itself.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
