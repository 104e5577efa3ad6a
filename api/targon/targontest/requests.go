package targontest

import "time"

// maxLogged bounds the request log of a long-running server; when it is
// full the oldest half is forgotten.
const maxLogged = 100_000

// Request is one request the server received, as listed by Requests.
type Request struct {
	// Method is the HTTP method.
	Method string
	// Path is the escaped path as received, e.g.
	// "/tha/v2/me/api-keys/key-0123456789ab:roll".
	Path string
	// Query is the raw query string, without "?".
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

// record appends r to the request log.
func (s *Server) record(r Request) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	if len(s.log) >= maxLogged {
		s.log = append(s.log[:0], s.log[len(s.log)/2:]...)
	}
	s.log = append(s.log, r)
}

// Requests returns the requests handled so far, oldest first, including
// faulted ones. The log keeps the most recent requests of a long run.
func (s *Server) Requests() []Request {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	return append([]Request(nil), s.log...)
}

// ResetRequests empties the request log.
func (s *Server) ResetRequests() {
	s.logMu.Lock()
	s.log = nil
	s.logMu.Unlock()
}
