// Package openroutertest is an in-memory simulator of OpenRouter's
// key-management API: GET and POST /keys, GET, PATCH and DELETE
// /keys/{hash}, GET /key, GET /credits, GET /workspaces, GET
// /workspaces/{id} and GET /activity, with bearer authentication,
// management and inference keys, offset paging, workspaces (GET /keys
// lists one, the default without workspace_id), expiry (an expired key is
// listed and no longer authenticates), server-side validation and
// OpenRouter's JSON error body {"error":{"code","message","metadata"}}.
//
// Generated keys (the demo's, WithKeys') spent by day: their usage figures
// are read off a daily history laid out on the UTC calendar (weeks from
// Monday), and GET /activity reports the last 30 completed days of it, so
// the two agree. Keys do not carry last_used_at: the API documents this
// package follows does not have it.
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
