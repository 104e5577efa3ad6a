package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Sentinel errors that every provider's error type unwraps to, so callers
// can write errors.Is(err, api.ErrNotFound) without looking at status codes
// or knowing which provider answered.
var (
	ErrBadRequest   = errors.New("bad request")
	ErrUnauthorized = errors.New("unauthorized")
	ErrForbidden    = errors.New("forbidden")
	ErrNotFound     = errors.New("not found")
	ErrRateLimited  = errors.New("rate limited")
	ErrServer       = errors.New("server error")
)

// SentinelFor maps an HTTP status to its sentinel error, or nil for a
// status without one. Provider error types return it from Unwrap.
func SentinelFor(status int) error {
	switch {
	case status == http.StatusBadRequest:
		return ErrBadRequest
	case status == http.StatusUnauthorized:
		return ErrUnauthorized
	case status == http.StatusForbidden:
		return ErrForbidden
	case status == http.StatusNotFound:
		return ErrNotFound
	case status == http.StatusTooManyRequests:
		return ErrRateLimited
	case status >= 500:
		return ErrServer
	}
	return nil
}

// StatusError is a non-2xx answer from any provider's API. Each client has
// its own error type (targon.Error, …) that implements it and unwraps to a
// sentinel; the UI inspects errors through this interface only.
type StatusError interface {
	error
	// HTTPStatus is the HTTP status code.
	HTTPStatus() int
	// RetryAfterHint is the server's Retry-After (0 when absent).
	RetryAfterHint() time.Duration
	// ServerMessage is the most specific text the server gave, cleaned
	// with CleanText and cut to one short line ("" when it gave none).
	ServerMessage() string
}

// RedirectError is a 3xx answer. The clients never follow redirects: an API
// answers, it does not redirect, and following one could carry the bearer
// token to another origin or over plain http.
type RedirectError struct {
	// Status is the HTTP status code (301, 302, 307, …).
	Status int
	// Target is where the redirect pointed: the host only (with "http://"
	// in front when it left https), sanitised; empty without a Location.
	Target string
}

// Error names where the redirect pointed, never its path or query.
func (e *RedirectError) Error() string {
	if e.Status == 0 {
		return "the server answered with a redirect whose target is not a URL; API requests do not follow redirects"
	}
	if e.Target == "" {
		return fmt.Sprintf("the server answered with a redirect (HTTP %d); API requests do not follow redirects", e.Status)
	}
	return fmt.Sprintf("the server redirected to %s (HTTP %d); API requests do not follow redirects", e.Target, e.Status)
}

// NetworkError is a request that got no complete answer: the connection
// failed, was dropped, or timed out. Partial is true when a response had
// started but its body was cut off.
type NetworkError struct {
	Err     error
	Partial bool
}

// Error describes the failure without the request's headers.
func (e *NetworkError) Error() string {
	if e.Partial {
		return "connection lost while reading the response: " + e.Err.Error()
	}
	return "network error: " + e.Err.Error()
}

// Unwrap returns the underlying error (for errors.Is with context errors).
func (e *NetworkError) Unwrap() error { return e.Err }

// Timeout reports whether the request timed out.
func (e *NetworkError) Timeout() bool {
	var t interface{ Timeout() bool }
	return errors.Is(e.Err, context.DeadlineExceeded) || (errors.As(e.Err, &t) && t.Timeout())
}

// DecodeError is a 2xx response whose body was not the JSON expected:
// unreadable (truncated, HTML from a proxy; What is empty) or of another
// shape (a list where a key was expected, a key without an id; What says
// what was wrong, in the client's words, never the server's).
type DecodeError struct {
	Status int
	What   string
	Err    error
}

// Error is a short readable description, never the body itself.
func (e *DecodeError) Error() string {
	if e.What != "" {
		return fmt.Sprintf("unexpected answer from the server: %s (HTTP %d)", e.What, e.Status)
	}
	return fmt.Sprintf("unreadable response from the server (HTTP %d)", e.Status)
}

// Unwrap returns the JSON error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Retryable reports whether err is a transient failure that an idempotent
// request may be sent again for: a network error, a cut-off or unreadable
// body (not one of the wrong shape), or HTTP 429, 502, 503, 504.
func Retryable(err error) bool {
	var se StatusError
	if errors.As(err, &se) {
		switch se.HTTPStatus() {
		case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return true
		}
		return false
	}
	var netErr *NetworkError
	var decErr *DecodeError
	if errors.As(err, &decErr) {
		// An unreadable body may be a cut-off one; a wrong shape stays wrong.
		return decErr.What == ""
	}
	return errors.As(err, &netErr)
}
