package openroutertest

import "time"

// maxLogged bounds the request log of a long-running server; when it is
// full the oldest half is forgotten.
const maxLogged = 100_000

// Request is one request the server answered, as listed by Requests.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the escaped path as received, e.g. "/api/v1/keys".
	Path string
	// Query is the raw query string, without "?", e.g.
	// "include_disabled=true&offset=200".
	Query string
	// Status is the status sent; 0 when no response was sent (a dropped
	// connection, or a client that went away during latency).
	Status int
	// Time is when the request arrived, by the wall clock (not WithClock),
	// so tests can measure the spacing of retries.
	Time time.Time
	// Faulted reports whether an injected fault matched the request.
	Faulted bool
}

// Requests returns the requests answered so far, in the order they were
// answered, including faulted ones. The log keeps the most recent requests
// of a long run.
func (s *Server) Requests() []Request {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	return append([]Request(nil), s.log...)
}

// MaxInFlight returns the largest number of requests the server was
// handling at the same time (from arrival, latency included, to the
// answer) since it started or since ResetRequests.
func (s *Server) MaxInFlight() int {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	return s.maxInFlight
}

// ResetRequests empties the request log and restarts MaxInFlight from the
// requests in flight now.
func (s *Server) ResetRequests() {
	s.logMu.Lock()
	s.log = nil
	s.maxInFlight = s.inFlight
	s.logMu.Unlock()
}
