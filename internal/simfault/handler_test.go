package simfault_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/internal/simfault"
)

// outcome is what Handler.Done reported for one request.
type outcome struct {
	method, path string
	status       int
	faulted      bool
}

// env is a toy API behind a simfault.Handler, served over real HTTP.
type env struct {
	url    string
	faults *simfault.Set
	served atomic.Int64 // requests that reached the API

	mu   sync.Mutex
	done []outcome
}

// body is the toy API's answer to GET /thing.
const body = `{"thing":"a fairly long answer, so that half of it is visible"}` + "\n"

func newEnv(t *testing.T, latency time.Duration) *env {
	t.Helper()
	e := &env{faults: &simfault.Set{}}
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.served.Add(1)
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodPost {
			b, _ := io.ReadAll(r.Body)
			w.WriteHeader(http.StatusCreated)
			fmt.Fprintf(w, "%d", len(b))
			return
		}
		io.WriteString(w, body)
	})
	h := &simfault.Handler{
		Next:    api,
		Faults:  e.faults,
		Latency: latency,
		MaxBody: 64,
		ErrorBody: func(h http.Header, status int) []byte {
			if status == http.StatusUnauthorized {
				h.Set("WWW-Authenticate", "Bearer")
			}
			return []byte(fmt.Sprintf(`{"error":{"code":%d}}`, status))
		},
		Done: func(r *http.Request, status int, faulted bool) {
			e.mu.Lock()
			e.done = append(e.done, outcome{r.Method, r.URL.Path, status, faulted})
			e.mu.Unlock()
		},
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	e.url = ts.URL
	return e
}

func (e *env) outcomes() []outcome {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]outcome(nil), e.done...)
}

// send makes one request on a fresh connection (so net/http does not
// transparently retry a dropped one).
func send(ctx context.Context, method, url, reqBody string) (*http.Response, []byte, error) {
	var rd io.Reader
	if reqBody != "" {
		rd = strings.NewReader(reqBody)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return nil, nil, err
	}
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, b, err := send(context.Background(), "GET", url, "")
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func TestStatusTimesAndDone(t *testing.T) {
	e := newEnv(t, 0)
	e.faults.Inject(simfault.Fault{Method: "get", Path: "/thing", Status: 503, Times: 2})
	for i := range 2 {
		resp, b := get(t, e.url+"/thing")
		if resp.StatusCode != 503 || b != `{"error":{"code":503}}` || resp.Header.Get("Content-Type") != "application/json" {
			t.Fatalf("request %d: %d %q %q", i, resp.StatusCode, b, resp.Header.Get("Content-Type"))
		}
	}
	if resp, b := get(t, e.url+"/thing"); resp.StatusCode != 200 || b != body {
		t.Fatalf("after the fault: %d %q", resp.StatusCode, b)
	}
	want := []outcome{{"GET", "/thing", 503, true}, {"GET", "/thing", 503, true}, {"GET", "/thing", 200, false}}
	if got := e.outcomes(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("Done saw %v, want %v", got, want)
	}
	if e.served.Load() != 1 {
		t.Fatalf("API served %d requests, want 1", e.served.Load())
	}
}

func TestMatchingOrderAndRemoval(t *testing.T) {
	e := newEnv(t, 0)
	removeFirst := e.faults.Inject(simfault.Fault{Method: "POST", Path: "/a/*", Status: 502})
	removeSecond := e.faults.Inject(simfault.Fault{Path: "/a*", Status: 500})
	status := func(method, path string) int {
		resp, _, err := send(context.Background(), method, e.url+path, "x")
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode
	}
	if s := status("POST", "/a/b"); s != 502 {
		t.Fatalf("first fault: %d", s)
	}
	if s := status("GET", "/a/b"); s != 500 {
		t.Fatalf("method mismatch falls through to the second: %d", s)
	}
	if s := status("GET", "/ab"); s != 500 {
		t.Fatalf("prefix: %d", s)
	}
	if s := status("GET", "/b"); s != 200 {
		t.Fatalf("no match: %d", s)
	}
	// The escaped path matches too.
	e.faults.Inject(simfault.Fault{Path: "/x%2Fy", Status: 404, Times: 1})
	if s := status("GET", "/x%2Fy"); s != 404 {
		t.Fatalf("escaped path: %d", s)
	}
	removeFirst()
	removeFirst() // harmless
	if s := status("POST", "/a/b"); s != 500 {
		t.Fatalf("after removing the first: %d", s)
	}
	removeSecond()
	if s := status("POST", "/a/b"); s != 201 {
		t.Fatalf("after removing both: %d", s)
	}
	e.faults.Inject(simfault.Fault{Status: 500})
	e.faults.Clear()
	if s := status("GET", "/b"); s != 200 {
		t.Fatalf("after Clear: %d", s)
	}
}

func TestBodiesAndRetryAfter(t *testing.T) {
	const html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
	cases := []struct {
		name        string
		fault       simfault.Fault
		status      int
		contentType string
		body        string
		retryAfter  string
		header      string // WWW-Authenticate
	}{
		{"rate limited", simfault.Fault{Status: 429, RetryAfter: "7"}, 429, "application/json", `{"error":{"code":429}}`, "7", ""},
		{"API body sets headers", simfault.Fault{Status: 401}, 401, "application/json", `{"error":{"code":401}}`, "", "Bearer"},
		{"html", simfault.Fault{Status: 502, Body: html, ContentType: "text/html"}, 502, "text/html", html, "", ""},
		{"html guessed", simfault.Fault{Status: 502, Body: html}, 502, "text/html; charset=utf-8", html, "", ""},
		{"plain text", simfault.Fault{Status: 503, Body: "upstream connect error"}, 503, "text/plain; charset=utf-8", "upstream connect error", "", ""},
		{"json 200", simfault.Fault{Status: 200, Body: `{"odd": 1.5}`}, 200, "application/json", `{"odd": 1.5}`, "", ""},
		{"retry-after on a normal answer", simfault.Fault{RetryAfter: "120"}, 200, "application/json", body, "120", ""},
		{"empty 204", simfault.Fault{Status: 204}, 204, "", "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, 0)
			e.faults.Inject(tc.fault)
			resp, b := get(t, e.url+"/thing")
			if resp.StatusCode != tc.status || b != tc.body {
				t.Fatalf("got %d %q, want %d %q", resp.StatusCode, b, tc.status, tc.body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != tc.contentType {
				t.Fatalf("Content-Type = %q, want %q", ct, tc.contentType)
			}
			if ra := resp.Header.Get("Retry-After"); ra != tc.retryAfter {
				t.Fatalf("Retry-After = %q, want %q", ra, tc.retryAfter)
			}
			if wa := resp.Header.Get("WWW-Authenticate"); wa != tc.header {
				t.Fatalf("WWW-Authenticate = %q, want %q", wa, tc.header)
			}
		})
	}
}

func TestDrop(t *testing.T) {
	e := newEnv(t, 0)
	e.faults.Inject(simfault.Fault{Method: "POST", Drop: true, Times: 1})
	if _, _, err := send(context.Background(), "POST", e.url+"/thing", "{}"); err == nil {
		t.Fatal("dropped request succeeded")
	}
	if got := e.outcomes(); len(got) != 1 || got[0].status != 0 || !got[0].faulted {
		t.Fatalf("Done saw %v, want one faulted request with status 0", got)
	}
	if e.served.Load() != 0 {
		t.Fatal("a dropped request reached the API")
	}
	if resp, _, err := send(context.Background(), "POST", e.url+"/thing", "{}"); err != nil || resp.StatusCode != 201 {
		t.Fatalf("after the drop: %v %v", resp, err)
	}
}

func TestTruncate(t *testing.T) {
	e := newEnv(t, 0)
	e.faults.Inject(simfault.Fault{Path: "/thing", Truncate: true, Times: 1})
	resp, b, err := send(context.Background(), "GET", e.url+"/thing", "")
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("err = %v, want unexpected EOF", err)
	}
	if resp.StatusCode != 200 || resp.ContentLength != int64(len(body)) || string(b) != body[:len(body)/2] {
		t.Fatalf("got %d, length %d, %q", resp.StatusCode, resp.ContentLength, b)
	}
	if got := e.outcomes(); len(got) != 1 || got[0].status != 200 || !got[0].faulted {
		t.Fatalf("Done saw %v", got)
	}

	// A truncated error page.
	const page = "<html>bad gateway from the proxy</html>"
	e.faults.Inject(simfault.Fault{Status: 502, Body: page, Truncate: true, Times: 1})
	resp, b, err = send(context.Background(), "GET", e.url+"/thing", "")
	if resp == nil || resp.StatusCode != 502 || err == nil || string(b) != page[:len(page)/2] {
		t.Fatalf("truncated error page: %v %q %v", resp, b, err)
	}
}

func TestLatency(t *testing.T) {
	e := newEnv(t, 30*time.Millisecond)
	start := time.Now()
	get(t, e.url+"/thing")
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Fatalf("answered after %v, want at least the base latency", d)
	}
	e.faults.Inject(simfault.Fault{Latency: 50 * time.Millisecond, Times: 1})
	start = time.Now()
	get(t, e.url+"/thing")
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Fatalf("answered after %v, want at least both latencies", d)
	}

	// A client that gives up ends the wait: Done sees status 0 and the API
	// is never reached.
	e.faults.Inject(simfault.Fault{Latency: time.Hour, Status: 500})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, _, err := send(ctx, "POST", e.url+"/thing", "{}"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(e.outcomes()) < 3 {
		if time.Now().After(deadline) {
			t.Fatal("handler still waiting after the client went away")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if got := e.outcomes()[2]; got.status != 0 || !got.faulted {
		t.Fatalf("abandoned request: %+v", got)
	}
}

func TestBodyReadAhead(t *testing.T) {
	e := newEnv(t, 0)
	// The API sees the body intact up to MaxBody, and MaxBody+1 bytes of a
	// longer one (so its own MaxBytesReader would refuse it).
	for _, tc := range []struct{ in, want int }{{10, 10}, {64, 64}, {1000, 65}} {
		_, b, err := send(context.Background(), "POST", e.url+"/thing", strings.Repeat("x", tc.in))
		if err != nil || string(b) != fmt.Sprint(tc.want) {
			t.Fatalf("body of %d: API read %s (%v), want %d", tc.in, b, err, tc.want)
		}
	}
}

func TestInjectRejectsBadStatus(t *testing.T) {
	for _, status := range []int{-1, 99, 100, 600} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "Status") {
					t.Fatalf("status %d: recover() = %v, want a panic about Status", status, r)
				}
			}()
			(&simfault.Set{}).Inject(simfault.Fault{Status: status})
		}()
	}
}
