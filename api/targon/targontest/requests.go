package targontest

import "github.com/targon-dash/targon-dash/internal/simfault"

// Request is one request the server received, as listed by Requests.
type Request = simfault.Request
