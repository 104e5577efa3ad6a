package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Sentinel errors that an *Error unwraps to, so callers can write
// errors.Is(err, api.ErrNotFound) without looking at status codes.
var (
	ErrBadRequest   = errors.New("bad request")
	ErrUnauthorized = errors.New("unauthorized")
	ErrForbidden    = errors.New("forbidden")
	ErrNotFound     = errors.New("not found")
	ErrRateLimited  = errors.New("rate limited")
	ErrServer       = errors.New("server error")
)

// Error is a non-2xx answer from the API.
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
func (e *Error) Unwrap() error {
	switch {
	case e.Status == http.StatusBadRequest:
		return ErrBadRequest
	case e.Status == http.StatusUnauthorized:
		return ErrUnauthorized
	case e.Status == http.StatusForbidden:
		return ErrForbidden
	case e.Status == http.StatusNotFound:
		return ErrNotFound
	case e.Status == http.StatusTooManyRequests:
		return ErrRateLimited
	case e.Status >= 500:
		return ErrServer
	}
	return nil
}

// maxMessageLen bounds how much of a server's text lands in an error.
const maxMessageLen = 200

// newError builds an *Error from a response whose body has been read. The
// API's {"error","reason"} body is used when present; anything else (an HTML
// page from a proxy, an empty or truncated body) yields the status text
// rather than a dump of the body.
func newError(resp *http.Response, body []byte) *Error {
	e := &Error{
		Status:     resp.StatusCode,
		RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()),
		RequestID:  firstHeader(resp.Header, "X-Request-Id", "X-Request-ID", "Request-Id", "X-Correlation-Id"),
	}
	var wire struct {
		Error  json.RawMessage `json:"error"`
		Reason string          `json:"reason"`
	}
	if json.Unmarshal(body, &wire) == nil {
		e.Message = clean(errorField(wire.Error))
		e.Reason = clean(wire.Reason)
	}
	if e.Message == "" {
		e.Message = statusText(resp.StatusCode)
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

// statusText is a short lower-case description of an HTTP status.
func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return strings.ToLower(t)
	}
	return fmt.Sprintf("unexpected status %d", code)
}

// clean makes server text safe to draw on one line: CleanText removes
// escape sequences and controls (line breaks become spaces), runs of space
// collapse, and it is cut to maxMessageLen runes.
func clean(s string) string {
	s = strings.Join(strings.Fields(CleanText(s)), " ")
	if r := []rune(s); len(r) > maxMessageLen {
		s = string(r[:maxMessageLen-1]) + "…"
	}
	return s
}

func firstHeader(h http.Header, names ...string) string {
	for _, n := range names {
		if v := h.Get(n); v != "" {
			return clean(v)
		}
	}
	return ""
}

// parseRetryAfter reads a Retry-After header: delay seconds or an HTTP date.
// It returns 0 when absent or unreadable.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var secs int64
	if _, err := fmt.Sscanf(v, "%d", &secs); err == nil && fmt.Sprint(secs) == v {
		if secs < 0 {
			return 0
		}
		if secs > 24*3600 {
			secs = 24 * 3600
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// RedirectError is a 3xx answer. The client never follows redirects: an API
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
	if e.Target == "" {
		return fmt.Sprintf("the server answered with a redirect (HTTP %d); API requests do not follow redirects", e.Status)
	}
	return fmt.Sprintf("the server redirected to %s (HTTP %d); API requests do not follow redirects", e.Target, e.Status)
}

// newRedirectError reads where a 3xx answer to a request for from pointed.
func newRedirectError(status int, from *url.URL, location string) *RedirectError {
	e := &RedirectError{Status: status}
	to, err := from.Parse(strings.TrimSpace(location))
	if location == "" || err != nil || to.Host == "" {
		return e
	}
	host := CleanText(to.Host)
	if r := []rune(host); len(r) > 64 {
		host = string(r[:63]) + "…"
	}
	if to.Scheme != from.Scheme {
		host = CleanText(to.Scheme) + "://" + host
	}
	e.Target = host
	return e
}
