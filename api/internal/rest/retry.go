package rest

import (
	"errors"
	"math/rand/v2"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
)

// maxAttempts is how many times p lets a request be sent.
func maxAttempts(p clientopt.RetryPolicy, idempotent bool) int {
	if !idempotent || p.MaxAttempts < 1 {
		return 1
	}
	return p.MaxAttempts
}

// nextTry says whether p retries err after the given attempt, and how long
// to wait first.
func nextTry(p clientopt.RetryPolicy, attempt int, err error) (time.Duration, bool) {
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
