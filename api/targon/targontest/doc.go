// Package targontest is an in-memory simulator of Targon's REST API, the
// /tha/v2 of credits, API keys and SSH keys and the organization-scoped
// /tha/v3 that Targon's own CLI has used since July 2026, with bearer
// authentication, cursor pagination, server-side validation and the API's
// JSON error bodies.
//
// A [Server] is a real [net/http.Handler]. Tests serve it with
// net/http/httptest and talk to it over HTTP; the dashboard serves it on
// loopback for its demo mode. It holds one primary account and any number of
// further accounts ([Server.AddAccount]), so cross-account requests answer
// 403 like the real API. [Server.InjectFault] makes it misbehave on purpose
// (error statuses, Retry-After, HTML bodies from a proxy, latency, dropped
// connections, truncated bodies) and [Server.Requests] records what it saw.
//
// Over /tha/v3 every account is a user with a PERSONAL organization; the
// user's API keys are its personal API tokens (the same records: v2 lists
// them with key_raw, v3 with "token": null). Credits, SSH keys, service
// tokens and members belong to organizations ([Server.AddOrg],
// [Server.AddMember]); v2's credits and SSH keys are kept apart from
// them, since the reference maps v2's paths to per-org ones without saying
// which org, nor how an integer balance becomes an org's float. [WithV2]
// answers /tha/v2 with 404 or 410 instead, [WithoutV3] makes a server of
// the days before v3, and [WithV3CreateStatus], [WithV3ListEnd] and
// [WithV3OmitNulls] choose among the variants the reference leaves open.
//
// The package is an independent implementation of the API: it shares no code
// or types with the client it is used to test: it imports internal/simfault,
// golang.org/x/crypto/ssh and the standard library, nothing of api.
package targontest
