package simfault

import (
	"net/http"
	"time"
)

// Front is what a simulator puts before its API, as a proxy stands before
// a real one: a Handler with the simulator's own Set of faults and Log of
// requests. A simulator's Server embeds it, so that its InjectFault,
// ClearFaults, Requests, MaxInFlight, ResetRequests and ServeHTTP are
// these.
type Front struct {
	handler Handler
	faults  Set
	log     Log
}

// NewFront returns the front of api: every request waits latency, request
// bodies up to maxBody are read ahead (0: DefaultMaxBody), and errorBody
// gives the API's error body for an injected status that comes without a
// Body (see Handler.ErrorBody).
func NewFront(api http.Handler, latency time.Duration, maxBody int64, errorBody func(h http.Header, status int) []byte) *Front {
	f := &Front{}
	f.handler = Handler{Next: api, Faults: &f.faults, Latency: latency, MaxBody: maxBody, ErrorBody: errorBody, Log: &f.log}
	return f
}

// InjectFault makes the server misbehave for requests matching fault,
// after the faults already injected (the first match applies). It applies
// before authentication, like a proxy in front of the API; an injected
// error status without a Body gets the API's own error body. The returned
// function removes the fault; calling it more than once is harmless. It
// panics if fault.Status is neither 0 nor a final status (200 to 599).
func (f *Front) InjectFault(fault Fault) (remove func()) { return f.faults.Inject(fault) }

// ClearFaults removes every injected fault.
func (f *Front) ClearFaults() { f.faults.Clear() }

// ServeHTTP implements http.Handler: it applies the server latency and any
// matching fault, then serves the API; every request is logged (Requests).
func (f *Front) ServeHTTP(w http.ResponseWriter, r *http.Request) { f.handler.ServeHTTP(w, r) }

// Requests returns the requests answered so far, in the order they were
// answered, including faulted ones. The log keeps the most recent
// requests of a long run.
func (f *Front) Requests() []Request { return f.log.Requests() }

// MaxInFlight returns the largest number of requests the server was
// handling at the same time (from arrival, latency included, to the
// answer) since it started or since ResetRequests.
func (f *Front) MaxInFlight() int { return f.log.MaxInFlight() }

// ResetRequests empties the request log and restarts MaxInFlight from the
// requests in flight now.
func (f *Front) ResetRequests() { f.log.Reset() }
