// Package simfault makes an API simulator misbehave on purpose, the way a
// real deployment sometimes does: error statuses, rate limiting with
// Retry-After, an HTML page from a proxy, a slow answer, a dropped
// connection, a cut-off body.
//
// It knows nothing of any particular API. A simulator keeps a [Set] of
// injected faults and serves its API through a [Handler], which applies the
// simulator's base latency and the first matching fault, and reports every
// request's outcome so the simulator can record it. The error body sent for
// an injected status comes from the simulator ([Handler.ErrorBody]), since
// every API has its own error shape. [Parse] reads a fault from the one-line
// form used on command lines.
//
// It imports only the standard library.
package simfault

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Fault makes the server misbehave for matching requests.
//
// Faults are matched in the order they were injected; the first match
// applies and no other fault is consulted for that request.
type Fault struct {
	// Method restricts the fault to one HTTP method; "" matches any.
	Method string
	// Path restricts the fault to one request path; "" matches any. A path
	// ending in "*" matches every path with that prefix, e.g. "/api/v1/*".
	// Paths are compared both decoded and as sent.
	Path string
	// Times is how many matching requests the fault affects before it
	// removes itself; 0 means every one until removed.
	Times int
	// Status, if not 0, is sent instead of handling the request.
	Status int
	// Body is sent instead of the API's own error body for Status, e.g. an
	// HTML page from a proxy. Only used when Status is set.
	Body string
	// ContentType is the Content-Type of Body; if empty it is guessed from
	// Body (JSON when it starts with '{' or '[').
	ContentType string
	// RetryAfter, if set, is sent as the Retry-After header.
	RetryAfter string
	// Latency delays the request before it is handled (or faulted). The
	// delay ends early if the client goes away.
	Latency time.Duration
	// Drop closes the connection without sending any response. (A
	// net/http client may transparently resend an idempotent request whose
	// reused keep-alive connection was dropped; count on a fresh connection.)
	Drop bool
	// Truncate sends the status, the headers (with the full
	// Content-Length) and only the first half of the body, then closes the
	// connection.
	Truncate bool
}

// matches reports whether the fault applies to r.
func (f *Fault) matches(r *http.Request) bool {
	if f.Method != "" && !strings.EqualFold(f.Method, r.Method) {
		return false
	}
	if f.Path == "" {
		return true
	}
	for _, p := range []string{r.URL.Path, r.URL.EscapedPath()} {
		if prefix, ok := strings.CutSuffix(f.Path, "*"); ok {
			if strings.HasPrefix(p, prefix) {
				return true
			}
		} else if p == f.Path {
			return true
		}
	}
	return false
}

// Set is an ordered list of injected faults. The zero value is an empty
// set ready to use; a Set is safe for concurrent use.
type Set struct {
	mu     sync.Mutex
	faults []*entry
}

// entry is an injected fault and how many more requests it affects.
type entry struct {
	f         Fault
	remaining int // meaningful when f.Times > 0
}

// Inject adds f after the faults already injected. The returned function
// removes it; calling it more than once is harmless. It panics if f.Status
// is neither 0 nor a final status (200 to 599).
func (s *Set) Inject(f Fault) (remove func()) {
	if f.Status != 0 && (f.Status < 200 || f.Status > 599) {
		panic(fmt.Sprintf("simfault: Fault.Status %d is not 0 or in 200..599", f.Status))
	}
	e := &entry{f: f, remaining: f.Times}
	s.mu.Lock()
	s.faults = append(s.faults, e)
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.removeLocked(e)
	}
}

// Clear removes every injected fault.
func (s *Set) Clear() {
	s.mu.Lock()
	s.faults = nil
	s.mu.Unlock()
}

func (s *Set) removeLocked(e *entry) {
	for i, x := range s.faults {
		if x == e {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			return
		}
	}
}

// take returns the first fault matching r and counts r against it.
func (s *Set) take(r *http.Request) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.faults {
		if !e.f.matches(r) {
			continue
		}
		if e.f.Times > 0 {
			e.remaining--
			if e.remaining <= 0 {
				s.removeLocked(e)
			}
		}
		return e.f, true
	}
	return Fault{}, false
}
