package targontest

import "github.com/targon-dash/targon-dash/internal/simfault"

// Request is one request the server received, as listed by Requests.
type Request = simfault.Request

// Requests returns the requests answered so far, in the order they were
// answered, including faulted ones. The log keeps the most recent
// requests of a long run.
func (s *Server) Requests() []Request { return s.log.Requests() }

// MaxInFlight returns the largest number of requests the server was
// handling at the same time (from arrival, latency included, to the
// answer) since it started or since ResetRequests.
func (s *Server) MaxInFlight() int { return s.log.MaxInFlight() }

// ResetRequests empties the request log and restarts MaxInFlight from the
// requests in flight now.
func (s *Server) ResetRequests() { s.log.Reset() }
