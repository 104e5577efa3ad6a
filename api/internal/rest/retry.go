package rest

import (
	"errors"
	"math/rand/v2"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

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

// DefaultRetryPolicy is what a Client uses unless WithRetry says
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

// attempts is how many times a request may be sent.
func (p RetryPolicy) attempts(idempotent bool) int {
	if !idempotent || p.MaxAttempts < 1 {
		return 1
	}
	return p.MaxAttempts
}

// next says whether err after the given attempt is worth retrying, and how
// long to wait first.
func (p RetryPolicy) next(attempt int, err error) (time.Duration, bool) {
	if !api.Retryable(err) {
		return 0, false
	}
	d := p.BaseDelay
	for i := 1; i < attempt && d < p.MaxDelay; i++ {
		d *= 2
	}
	if d > p.MaxDelay {
		d = p.MaxDelay
	}
	if d > 0 {
		d = d/2 + rand.N(d/2+1)
	}
	var se api.StatusError
	if errors.As(err, &se) && se.RetryAfterHint() > 0 {
		ra := min(se.RetryAfterHint(), p.MaxRetryAfter)
		d = max(d, ra)
	}
	return d, true
}
