package openrouter

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// Error is a non-2xx answer from the OpenRouter API, whose body is
// {"error":{"code","message","metadata"}}. It unwraps to api's sentinels
// (403 to api.ErrForbidden: the key is not a management key) and
// implements api.StatusError.
type Error struct {
	// Status is the HTTP status code.
	Status int
	// Code is the body's error.code (0 when absent).
	Code int
	// Message is the body's error.message, cleaned and cut to one line, or
	// a short description of the status when the body was not the API's
	// JSON error (an HTML page from a proxy, an empty or cut-off body).
	Message string
	// FromServer says Message is the server's own text.
	FromServer bool
	// Metadata is the body's error.metadata, as sent: not display text.
	Metadata map[string]any
	// RetryAfter is the server's Retry-After hint (0 when absent).
	RetryAfter time.Duration
	// RequestID is the server's request id header, when it sent one.
	RequestID string
}

var _ api.StatusError = (*Error)(nil)

// Error reads "message (HTTP 400)".
func (e *Error) Error() string { return fmt.Sprintf("%s (HTTP %d)", e.Message, e.Status) }

// Unwrap maps the status to its sentinel error.
func (e *Error) Unwrap() error { return api.SentinelFor(e.Status) }

// HTTPStatus is the HTTP status code (api.StatusError).
func (e *Error) HTTPStatus() int { return e.Status }

// RetryAfterHint is the server's Retry-After (api.StatusError).
func (e *Error) RetryAfterHint() time.Duration { return e.RetryAfter }

// ServerMessage is the server's message, "" when it sent none
// (api.StatusError).
func (e *Error) ServerMessage() string {
	if e.FromServer {
		return e.Message
	}
	return ""
}

// parseError builds an *Error from a response whose body has been read
// (the rest.ErrorFunc of the client). Only the API's JSON error body is
// read; anything else yields the status text, never a dump of the body.
func parseError(resp *http.Response, body []byte) error {
	h := rest.ReadErrorHeaders(resp)
	e := &Error{Status: resp.StatusCode, RetryAfter: h.RetryAfter, RequestID: h.RequestID}
	var wire struct {
		Error *struct {
			// Code and Metadata are read on their own, so that an odd one
			// does not lose the message.
			Code     json.RawMessage `json:"code"`
			Message  string          `json:"message"`
			Metadata json.RawMessage `json:"metadata"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &wire) == nil && wire.Error != nil {
		if n, err := strconv.Atoi(string(wire.Error.Code)); err == nil && n > 0 && n < 1000 {
			e.Code = n
		}
		json.Unmarshal(wire.Error.Metadata, &e.Metadata)
		e.Message = rest.Clean(wire.Error.Message)
	}
	e.FromServer = e.Message != ""
	if !e.FromServer {
		e.Message = rest.StatusText(resp.StatusCode)
	}
	return e
}
