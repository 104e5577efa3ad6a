package targontest

import "net/http"

// V2Mode says how a server answers the /tha/v2 paths.
type V2Mode int

// The ways to answer /tha/v2. The reference: "A server that has retired
// /tha/v2 is expected to answer its paths with 404 or 410 (inferred:
// Targon answers retired features with 410)".
const (
	// V2Served serves /tha/v2 as ever: the default.
	V2Served V2Mode = iota
	// V2NotFound answers every /tha/v2 path 404, as a server that never
	// heard of it.
	V2NotFound
	// V2Gone answers every /tha/v2 path 410 Gone.
	V2Gone
)

// ListEnd says how a v3 list's last page says that it is the last.
type ListEnd int

// The ends of a v3 list. The reference: "The end of a list is null, a
// missing next_cursor or "" (inferred: accept all three)".
const (
	// ListEndNull sends "next_cursor": null: the default.
	ListEndNull ListEnd = iota
	// ListEndEmpty sends "next_cursor": "".
	ListEndEmpty
	// ListEndAbsent leaves next_cursor out.
	ListEndAbsent
)

// v3Config collects the options about /tha/v3.
type v3Config struct {
	off          bool // WithoutV3
	v2           V2Mode
	createStatus int
	listEnd      ListEnd
	omitNulls    bool
}

// WithV2 sets how the server answers /tha/v2 paths: V2Served (the
// default), V2NotFound or V2Gone. [Server.SetV2] changes it later.
func WithV2(mode V2Mode) Option { return func(c *config) { c.v3.v2 = mode } }

// WithoutV3 makes a server of the days before /tha/v3: every /tha/v3
// path, GET /tha/v3/version included, answers 404 like any unknown path.
func WithoutV3() Option { return func(c *config) { c.v3.off = true } }

// WithV3CreateStatus sets the status of a v3 create (personal API token,
// service token, SSH key): 201 (the default) or 200. The reference:
// "Whether create is 200 or 201 is not documented (accept both)". Other
// values are ignored.
func WithV3CreateStatus(status int) Option {
	return func(c *config) {
		if status == http.StatusOK || status == http.StatusCreated {
			c.v3.createStatus = status
		}
	}
}

// WithV3ListEnd sets how the last page of a v3 list ends: ListEndNull
// (the default), ListEndEmpty or ListEndAbsent.
func WithV3ListEnd(end ListEnd) Option { return func(c *config) { c.v3.listEnd = end } }

// WithV3OmitNulls leaves null fields out of v3 answers (a token's
// "token", a service token's "created_by", a member's "joined_at", a
// list's last next_cursor) instead of sending null. The reference has
// `token` "string or null" and `created_by` "object or null"; issue 19
// asks clients to accept them absent too, which this option tries.
func WithV3OmitNulls() Option { return func(c *config) { c.v3.omitNulls = true } }
