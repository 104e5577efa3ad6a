package rest

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// MaxMessageLen bounds how much of a server's text Clean keeps.
const MaxMessageLen = 200

// Clean makes server text safe to draw on one line in an error:
// api.CleanText removes escape sequences and controls (line breaks become
// spaces), runs of space collapse, and it is cut to MaxMessageLen runes.
func Clean(s string) string {
	s = strings.Join(strings.Fields(api.CleanText(s)), " ")
	if r := []rune(s); len(r) > MaxMessageLen {
		s = string(r[:MaxMessageLen-1]) + "…"
	}
	return s
}

// StatusText is a short lower-case description of an HTTP status, for an
// error whose body said nothing usable.
func StatusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return strings.ToLower(t)
	}
	return fmt.Sprintf("unexpected status %d", code)
}

// ErrorHeaders are what an error answer's headers say, for an ErrorFunc.
type ErrorHeaders struct {
	// RetryAfter is the Retry-After hint (0 when absent or unreadable).
	RetryAfter time.Duration
	// RequestID is the server's request id header, cleaned ("" if none).
	RequestID string
}

// ReadErrorHeaders reads Retry-After and the request id from resp.
func ReadErrorHeaders(resp *http.Response) ErrorHeaders {
	return ErrorHeaders{
		RetryAfter: ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now()),
		RequestID:  firstHeader(resp.Header, "X-Request-Id", "X-Request-ID", "Request-Id", "X-Correlation-Id"),
	}
}

func firstHeader(h http.Header, names ...string) string {
	for _, n := range names {
		if v := h.Get(n); v != "" {
			return Clean(v)
		}
	}
	return ""
}

// ParseRetryAfter reads a Retry-After header: delay seconds or an HTTP date.
// It returns 0 when absent or unreadable, and at most a day.
func ParseRetryAfter(v string, now time.Time) time.Duration {
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

// newRedirectError reads where a 3xx answer to a request for from pointed.
func newRedirectError(status int, from *url.URL, location string) *api.RedirectError {
	e := &api.RedirectError{Status: status}
	to, err := from.Parse(strings.TrimSpace(location))
	if location == "" || err != nil || to.Host == "" {
		return e
	}
	host, warned := strings.CutSuffix(api.CleanText(api.HostOf(to.Scheme+"://"+to.Host)), api.MixedScriptNote)
	if r := []rune(host); len(r) > 64 {
		host = string(r[:63]) + "…"
	}
	if warned {
		host += api.MixedScriptNote
	}
	if to.Scheme != from.Scheme {
		host = api.CleanText(to.Scheme) + "://" + host
	}
	e.Target = host
	return e
}
