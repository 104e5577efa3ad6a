package simfault

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// DefaultMaxBody is the request body size Handler reads ahead when
// MaxBody is 0.
const DefaultMaxBody = 1 << 20

// Handler serves Next behind a base latency and a Set of faults.
//
// For a request it reads the body of a POST, PUT or PATCH first (only then
// does net/http notice a client that goes away during a delay), waits
// Latency, then applies the first matching fault of Faults, if any, or
// serves Next. The answer is kept in memory until it is complete. Done,
// if set, is called exactly once per request with the status to be sent (0
// when none is: a dropped connection, or a client that went away during a
// delay), before anything of the answer is sent, so a test that checks
// right after its call returned sees the request, and a simulator that
// counts requests in flight never counts one whose answer the client may
// already have. Log, if set, is kept the same way.
type Handler struct {
	// Next serves the API.
	Next http.Handler
	// Faults holds the injected faults; nil means none.
	Faults *Set
	// Latency delays every request before it is handled.
	Latency time.Duration
	// MaxBody bounds the request body read ahead; 0 means DefaultMaxBody.
	// A longer body is passed on cut to MaxBody+1 bytes, so that Next,
	// reading it with http.MaxBytesReader(MaxBody), refuses it.
	MaxBody int64
	// ErrorBody returns the API's error body for an injected status that
	// comes without a Body of its own; it may also set headers (such as
	// WWW-Authenticate for 401). Nil, or a nil result, sends no body.
	ErrorBody func(h http.Header, status int) []byte
	// Log, if set, records every request and counts those in flight.
	Log *Log
	// Done observes the outcome of every request.
	Done func(r *http.Request, status int, faulted bool)
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rep := h.begin(r)
	// A request that ends without an answer (the client went away) is
	// reported with status 0.
	defer rep.finish(0)

	if !h.readAhead(r) {
		return // the client went away while sending
	}
	if !sleepCtx(r.Context(), h.Latency) {
		return
	}
	var f Fault
	if h.Faults != nil {
		f, rep.faulted = h.Faults.take(r)
	}
	if rep.faulted && !sleepCtx(r.Context(), f.Latency) {
		return
	}
	if f.Drop {
		rep.finish(0)
		dropConnection(w)
		return
	}
	// The answer is made in memory and Done is told before any of it is
	// sent: a client that has read an answer finds its request reported.
	buf := h.answer(r, f)
	rep.finish(buf.status)
	if f.Truncate {
		sendTruncated(w, buf)
		return
	}
	for k, v := range buf.header {
		w.Header()[k] = v
	}
	w.WriteHeader(buf.status)
	w.Write(buf.body.Bytes())
}

// report tells Log and Done about one request, once.
type report struct {
	h       *Handler
	r       *http.Request
	arrived time.Time
	faulted bool // a fault of Faults was applied
	done    bool
}

// begin counts r in flight in Log and returns its report.
func (h *Handler) begin(r *http.Request) *report {
	if h.Log != nil {
		h.Log.begin()
	}
	return &report{h: h, r: r, arrived: time.Now()}
}

// finish reports the request's status (0: no answer); only the first call
// counts.
func (rep *report) finish(status int) {
	if rep.done {
		return
	}
	rep.done = true
	if rep.h.Log != nil {
		rep.h.Log.end(rep.r, rep.arrived, status, rep.faulted)
	}
	if rep.h.Done != nil {
		rep.h.Done(rep.r, status, rep.faulted)
	}
}

// readAhead reads the body of a POST, PUT or PATCH into memory (at most
// MaxBody+1 bytes) and puts it back in r. It reports false when the
// client went away while sending it.
func (h *Handler) readAhead(r *http.Request) bool {
	if r.Body == nil || (r.Method != http.MethodPost && r.Method != http.MethodPut && r.Method != http.MethodPatch) {
		return true
	}
	limit := h.MaxBody
	if limit <= 0 {
		limit = DefaultMaxBody
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	r.Body.Close()
	if err != nil {
		return false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return true
}

// answer makes the response to r in memory: the fault's when f has a
// Status, else Next's; with f's Retry-After either way.
func (h *Handler) answer(r *http.Request, f Fault) *bufferedResponse {
	buf := &bufferedResponse{header: http.Header{}}
	if f.RetryAfter != "" {
		buf.Header().Set("Retry-After", f.RetryAfter)
	}
	if f.Status != 0 {
		h.writeFault(buf, f)
	} else {
		h.Next.ServeHTTP(buf, r)
	}
	if buf.status == 0 {
		buf.status = http.StatusOK
	}
	return buf
}

// writeFault sends the response a fault with a Status prescribes.
func (h *Handler) writeFault(w http.ResponseWriter, f Fault) {
	body := []byte(f.Body)
	if f.Body == "" && f.Status >= 400 && h.ErrorBody != nil {
		body = h.ErrorBody(w.Header(), f.Status)
	}
	if len(body) > 0 {
		ct := f.ContentType
		if ct == "" {
			ct = guessContentType(body)
		}
		w.Header().Set("Content-Type", ct)
	}
	w.WriteHeader(f.Status)
	w.Write(body)
}

// guessContentType names the media type of an injected body.
func guessContentType(body []byte) string {
	if t := bytes.TrimSpace(body); bytes.HasPrefix(t, []byte("{")) || bytes.HasPrefix(t, []byte("[")) {
		return "application/json"
	}
	return http.DetectContentType(body)
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

// bufferedResponse keeps a response in memory, so that only part of it can
// be sent.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

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
