// Package openroutertest is an in-memory simulator of OpenRouter's
// key-management API: GET and POST /keys, GET, PATCH and DELETE
// /keys/{hash}, GET /key and GET /credits, with bearer authentication,
// management and inference keys, offset paging, server-side validation and
// OpenRouter's JSON error body {"error":{"code","message","metadata"}}.
//
// A [Server] is a real [net/http.Handler] that serves the API under
// [BasePath] ("/api/v1"), as openrouter.ai does: a client whose base URL is
// "http://127.0.0.1:PORT/api/v1" calls ".../api/v1/keys". Tests serve it
// with net/http/httptest; the dashboard serves it on loopback for its demo
// mode. [Server.InjectFault] makes it misbehave on purpose (see
// internal/simfault), [Server.Requests] records what it saw and
// [Server.MaxInFlight] how many requests it served at once.
//
// The package is an independent implementation of the API, written from
// OpenRouter's OpenAPI document: it shares no code or types with the client
// it is used to test: it imports internal/simfault and the standard
// library, nothing of api.
package openroutertest
