package targontest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault makes the server misbehave for matching requests, the way a real
// deployment sometimes does: error statuses, rate limiting, an HTML page
// from a proxy, a slow answer, a dropped connection, a cut-off body.
//
// Faults are matched in the order they were injected; the first match
// applies and no other fault is consulted for that request. Faulted
// requests are recorded by [Server.Requests] like any other.
type Fault struct {
	// Method restricts the fault to one HTTP method; "" matches any.
	Method string
	// Path restricts the fault to one request path; "" matches any. A path
	// ending in "*" matches every path with that prefix, e.g.
	// "/tha/v2/me/api-keys*". Paths are compared both decoded and as sent.
	Path string
	// Times is how many matching requests the fault affects before it
	// removes itself; 0 means every one until removed.
	Times int
	// Status, if not 0, is sent instead of handling the request.
	Status int
	// Body is sent instead of the API's JSON error body for Status, e.g.
	// an HTML page from a proxy. Only used when Status is set.
	Body string
	// ContentType is the Content-Type of Body; if empty it is guessed from
	// Body (JSON when it starts with '{' or '[').
	ContentType string
	// RetryAfter, if set, is sent as the Retry-After header.
	RetryAfter string
	// Latency delays the request before it is handled (or faulted). The
	// delay ends early if the client goes away.
	Latency time.Duration
	// Drop closes the connection without sending any response. (A
	// net/http client may transparently resend an idempotent request whose
	// reused keep-alive connection was dropped; count on a fresh connection.)
	Drop bool
	// Truncate sends the status, the headers (with the full
	// Content-Length) and only the first half of the body, then closes the
	// connection.
	Truncate bool
}

// faultEntry is an injected fault and how many more requests it affects.
type faultEntry struct {
	f         Fault
	remaining int // meaningful when f.Times > 0
}

// InjectFault adds f after the faults already injected. The returned
// function removes it; calling it more than once is harmless.
// It panics if f.Status is neither 0 nor a final status (200 to 599).
func (s *Server) InjectFault(f Fault) (remove func()) {
	if f.Status != 0 && (f.Status < 200 || f.Status > 599) {
		panic(fmt.Sprintf("targontest: Fault.Status %d is not 0 or in 200..599", f.Status))
	}
	e := &faultEntry{f: f, remaining: f.Times}
	s.faultMu.Lock()
	s.faults = append(s.faults, e)
	s.faultMu.Unlock()
	return func() {
		s.faultMu.Lock()
		defer s.faultMu.Unlock()
		s.removeFaultLocked(e)
	}
}

// ClearFaults removes every injected fault.
func (s *Server) ClearFaults() {
	s.faultMu.Lock()
	s.faults = nil
	s.faultMu.Unlock()
}

func (s *Server) removeFaultLocked(e *faultEntry) {
	for i, x := range s.faults {
		if x == e {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			return
		}
	}
}

// takeFault returns the first fault matching r and counts r against it.
func (s *Server) takeFault(r *http.Request) (Fault, bool) {
	s.faultMu.Lock()
	defer s.faultMu.Unlock()
	for _, e := range s.faults {
		if !e.f.matches(r) {
			continue
		}
		if e.f.Times > 0 {
			e.remaining--
			if e.remaining <= 0 {
				s.removeFaultLocked(e)
			}
		}
		return e.f, true
	}
	return Fault{}, false
}

// matches reports whether the fault applies to r.
func (f *Fault) matches(r *http.Request) bool {
	if f.Method != "" && !strings.EqualFold(f.Method, r.Method) {
		return false
	}
	if f.Path == "" {
		return true
	}
	for _, p := range []string{r.URL.Path, r.URL.EscapedPath()} {
		if prefix, ok := strings.CutSuffix(f.Path, "*"); ok {
			if strings.HasPrefix(p, prefix) {
				return true
			}
		} else if p == f.Path {
			return true
		}
	}
	return false
}

// writeFaultResponse sends the response a fault with a Status prescribes.
func writeFaultResponse(w http.ResponseWriter, f Fault) {
	h := w.Header()
	body := f.Body
	if body == "" && f.Status >= 400 {
		if f.Status == http.StatusUnauthorized {
			h.Set("WWW-Authenticate", `Bearer realm="targon"`)
		}
		b, _ := json.Marshal(statusError(f.Status))
		body = string(b) + "\n"
	}
	if body != "" {
		ct := f.ContentType
		if ct == "" {
			ct = guessContentType(body)
		}
		h.Set("Content-Type", ct)
	}
	w.WriteHeader(f.Status)
	if body != "" {
		w.Write([]byte(body))
	}
}

// guessContentType names the media type of an injected body.
func guessContentType(body string) string {
	if t := strings.TrimSpace(body); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		return "application/json"
	}
	return http.DetectContentType([]byte(body))
}

// sleepCtx waits for d or until ctx ends; it reports whether d elapsed.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// dropConnection closes the client's connection without a response.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// HTTP/2 or a writer that cannot be hijacked: abort the stream.
		panic(http.ErrAbortHandler)
	}
	conn.Close()
}

// bufferedResponse is a ResponseWriter that keeps the response in memory,
// so a fault can send only part of it.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newBufferedResponse() *bufferedResponse { return &bufferedResponse{header: http.Header{}} }

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

// sendTruncated sends b's status and headers, announces its full length,
// sends the first half of its body and closes the connection.
func sendTruncated(w http.ResponseWriter, b *bufferedResponse) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	full := b.body.Bytes()
	half := full[:len(full)/2]
	b.header.Set("Content-Length", strconv.Itoa(len(full)))

	conn, rw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// Cannot take over the connection: send what we can and abort.
		for k, v := range b.header {
			w.Header()[k] = v
		}
		w.WriteHeader(b.status)
		w.Write(half)
		http.NewResponseController(w).Flush()
		panic(http.ErrAbortHandler)
	}
	defer conn.Close()
	b.header.Set("Connection", "close")
	if b.header.Get("Date") == "" {
		b.header.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	}
	fmt.Fprintf(rw, "HTTP/1.1 %03d %s\r\n", b.status, http.StatusText(b.status))
	b.header.Write(rw)
	rw.WriteString("\r\n")
	rw.Write(half)
	rw.Flush()
}
