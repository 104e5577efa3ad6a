// Package clientopt holds the options every provider client takes
// (api/targon and api/openrouter alike): the HTTP client, the User-Agent,
// the retry policy for idempotent requests and the debug logger. One
// option list serves every provider, so the accounts package builds it
// once for whichever account it opens.
//
// It imports only the standard library; the provider clients and the
// shared REST core under api/ import it, and so may any package that
// builds a client.
package clientopt

import (
	"log/slog"
	"net/http"
	"time"
)

// DefaultUserAgent is sent unless WithUserAgent says otherwise.
const DefaultUserAgent = "targon-dash"

// RetryPolicy says how idempotent requests (GET, PATCH, DELETE) are retried
// after a network error or a 429, 502, 503 or 504. POST requests (create,
// roll) are never retried automatically: a retried create makes a second key.
type RetryPolicy struct {
	// MaxAttempts counts the first try; 1 disables retries.
	MaxAttempts int
	// BaseDelay is the first backoff; each retry doubles it, up to MaxDelay,
	// with jitter (a random value between half and all of it).
	BaseDelay time.Duration
	MaxDelay  time.Duration
	// MaxRetryAfter caps how long a server's Retry-After may make us wait.
	MaxRetryAfter time.Duration
}

// DefaultRetryPolicy is what a client uses unless WithRetry says
// otherwise: 4 attempts, 250 ms doubling to 4 s, Retry-After honoured up
// to 30 s. It is a function, not a variable, so that no caller can change
// the default for everyone else.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{
		MaxAttempts:   4,
		BaseDelay:     250 * time.Millisecond,
		MaxDelay:      4 * time.Second,
		MaxRetryAfter: 30 * time.Second,
	}
}

// NoRetry sends every request once.
func NoRetry() RetryPolicy { return RetryPolicy{MaxAttempts: 1} }

// Settings are what the options set.
type Settings struct {
	// HTTPClient sends the requests. The client uses a copy that never
	// follows redirects; this one is not changed.
	HTTPClient *http.Client
	// UserAgent is the User-Agent header.
	UserAgent string
	// Retry is the retry policy for idempotent requests.
	Retry RetryPolicy
	// Logger gets one debug line per attempt; the token is never logged.
	Logger *slog.Logger
}

// Apply returns the settings opts make, in order, of the defaults: a 30 s
// timeout per attempt, DefaultUserAgent, DefaultRetryPolicy and no log.
func Apply(opts ...Option) Settings {
	s := Settings{
		HTTPClient: &http.Client{Timeout: 30 * time.Second},
		UserAgent:  DefaultUserAgent,
		Retry:      DefaultRetryPolicy(),
		Logger:     slog.New(slog.DiscardHandler),
	}
	for _, o := range opts {
		o(&s)
	}
	return s
}

// Option configures a provider client (and an account made with one).
type Option func(*Settings)

// WithHTTPClient sets the *http.Client used for requests (timeouts,
// transport). The client uses a copy that never follows redirects; hc
// itself is not changed.
func WithHTTPClient(hc *http.Client) Option {
	return func(s *Settings) { s.HTTPClient = hc }
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(s *Settings) { s.UserAgent = ua }
}

// WithRetry sets the retry policy for idempotent requests.
func WithRetry(p RetryPolicy) Option {
	return func(s *Settings) { s.Retry = p }
}

// WithLogger sets a logger for one debug line per attempt (method, path,
// status, attempt, error): the --debug log. The token is never logged.
func WithLogger(l *slog.Logger) Option {
	return func(s *Settings) { s.Logger = l }
}
