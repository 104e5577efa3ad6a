package targon

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// Error is a non-2xx answer from the Targon API. It unwraps to api's
// sentinels and implements api.StatusError.
type Error struct {
	// Status is the HTTP status code.
	Status int
	// Message is the server's "error" field, or a short description of the
	// status when the body was not the API's JSON error.
	Message string
	// Reason is the server's "reason" field: the specific detail, if any.
	Reason string
	// RetryAfter is the server's Retry-After hint (0 when absent).
	RetryAfter time.Duration
	// RequestID is the server's request id header, when it sent one.
	RequestID string
}

var _ api.StatusError = (*Error)(nil)

// Error reads "message: reason (HTTP 400)", leaving out what is missing.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	if e.Reason != "" && e.Reason != e.Message {
		b.WriteString(": ")
		b.WriteString(e.Reason)
	}
	fmt.Fprintf(&b, " (HTTP %d)", e.Status)
	return b.String()
}

// Detail is the most specific human text the server gave: the reason when
// there is one, else the message. Forms show it next to the field.
func (e *Error) Detail() string {
	if e.Reason != "" {
		return e.Reason
	}
	return e.Message
}

// Unwrap maps the status to its sentinel error.
func (e *Error) Unwrap() error { return api.SentinelFor(e.Status) }

// HTTPStatus is the HTTP status code (api.StatusError).
func (e *Error) HTTPStatus() int { return e.Status }

// RetryAfterHint is the server's Retry-After (api.StatusError).
func (e *Error) RetryAfterHint() time.Duration { return e.RetryAfter }

// ServerMessage is Detail (api.StatusError).
func (e *Error) ServerMessage() string { return e.Detail() }

// parseError builds an *Error from a response whose body has been read
// (the rest.ErrorFunc of the client). The API's {"error","reason"} body is
// used when present; anything else (an HTML page from a proxy, an empty or
// truncated body) yields the status text rather than a dump of the body.
func parseError(resp *http.Response, body []byte) error { return newError(resp, body) }

func newError(resp *http.Response, body []byte) *Error {
	h := rest.ReadErrorHeaders(resp)
	e := &Error{Status: resp.StatusCode, RetryAfter: h.RetryAfter, RequestID: h.RequestID}
	var wire struct {
		Error  json.RawMessage `json:"error"`
		Reason string          `json:"reason"`
	}
	if json.Unmarshal(body, &wire) == nil {
		e.Message = rest.Clean(errorField(wire.Error))
		e.Reason = rest.Clean(wire.Reason)
	}
	if e.Message == "" {
		e.Message = rest.StatusText(resp.StatusCode)
	}
	return e
}

// errorField reads the "error" member, which is normally a string; some
// servers send an object with a "message", which we also accept.
func errorField(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(raw, &obj) == nil {
		return obj.Message
	}
	return ""
}
