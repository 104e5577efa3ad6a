package simfault

import (
	"net/http"
	"sync"
	"time"
)

// maxLogged bounds the request log of a long-running server; when it is
// full the oldest half is forgotten.
const maxLogged = 100_000

// Request is one request a simulator received, as Log lists it.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the escaped path as received, e.g. "/api/v1/keys".
	Path string
	// Query is the raw query string, without "?".
	Query string
	// Status is the status sent; 0 when no response was sent (a dropped
	// connection, or a client that went away during a delay).
	Status int
	// Time is when the request arrived, by the wall clock (not a
	// simulator's fixed clock), so tests can measure the spacing of
	// retries.
	Time time.Time
	// Faulted reports whether an injected fault matched the request.
	Faulted bool
}

// Log records the requests a Handler serves and how many it was handling
// at once. The zero value is ready to use; it is safe for concurrent use.
type Log struct {
	mu          sync.Mutex
	log         []Request
	inFlight    int
	maxInFlight int
}

// begin counts a request arriving.
func (l *Log) begin() {
	l.mu.Lock()
	l.inFlight++
	l.maxInFlight = max(l.maxInFlight, l.inFlight)
	l.mu.Unlock()
}

// end records a request answered (or abandoned) with status.
func (l *Log) end(r *http.Request, arrived time.Time, status int, faulted bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.inFlight--
	if len(l.log) >= maxLogged {
		l.log = append(l.log[:0], l.log[len(l.log)/2:]...)
	}
	l.log = append(l.log, Request{
		Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery,
		Status: status, Time: arrived, Faulted: faulted,
	})
}

// Requests returns the requests answered so far, in the order they were
// answered, including faulted ones. The log keeps the most recent
// requests of a long run.
func (l *Log) Requests() []Request {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Request(nil), l.log...)
}

// MaxInFlight returns the largest number of requests handled at the same
// time (from arrival, delays included, to the answer) since the start or
// the last Reset.
func (l *Log) MaxInFlight() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.maxInFlight
}

// Reset empties the log and restarts MaxInFlight from the requests in
// flight now.
func (l *Log) Reset() {
	l.mu.Lock()
	l.log = nil
	l.maxInFlight = l.inFlight
	l.mu.Unlock()
}
