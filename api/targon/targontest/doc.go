// Package targontest is an in-memory simulator of Targon's /tha/v2 REST API:
// credits, API keys and SSH keys, with bearer authentication, cursor
// pagination, server-side validation and the API's JSON error bodies.
//
// A [Server] is a real [net/http.Handler]. Tests serve it with
// net/http/httptest and talk to it over HTTP; the dashboard serves it on
// loopback for its demo mode. It holds one primary account and any number of
// further accounts ([Server.AddAccount]), so cross-account requests answer
// 403 like the real API. [Server.InjectFault] makes it misbehave on purpose
// (error statuses, Retry-After, HTML bodies from a proxy, latency, dropped
// connections, truncated bodies) and [Server.Requests] records what it saw.
//
// The package is an independent implementation of the API: it shares no code
// or types with the client it is used to test: it imports internal/simfault,
// golang.org/x/crypto/ssh and the standard library, nothing of api.
package targontest
