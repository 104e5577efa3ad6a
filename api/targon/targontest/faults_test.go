package targontest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// send makes one request on a fresh connection (so net/http does not
// transparently retry a dropped one) and returns the response with its
// body, or the error.
func send(t *testing.T, ctx context.Context, method, url, token string) (*http.Response, []byte, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

// statuses returns the statuses logged for method and path.
func statuses(sim *targontest.Server, method, path string) (out []int, faulted int) {
	for _, r := range sim.Requests() {
		if r.Method == method && r.Path == path {
			out = append(out, r.Status)
			if r.Faulted {
				faulted++
			}
		}
	}
	return out, faulted
}

func TestFaultStatusAndTimes(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	token := sim.DemoKey()
	sim.InjectFault(targontest.Fault{Method: "GET", Path: pathCredits, Status: 503, Times: 2})

	for i := range 2 {
		apiErr := e.do(token, "GET", pathCredits, nil).wantError(t, http.StatusServiceUnavailable, "unavailable")
		if apiErr.Error != "service unavailable" {
			t.Fatalf("request %d: error = %q", i, apiErr.Error)
		}
	}
	e.do(token, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)
	got, faulted := statuses(sim, "GET", pathCredits)
	if len(got) != 3 || got[0] != 503 || got[1] != 503 || got[2] != 200 || faulted != 2 {
		t.Fatalf("logged statuses %v (%d faulted), want [503 503 200] with 2 faulted", got, faulted)
	}
	if req := sim.Requests()[0]; req.Time.IsZero() || req.Query != "" {
		t.Fatalf("log entry = %+v", req)
	}
}

func TestFaultMatching(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	token := sim.DemoKey()
	k := e.createAPIKey(token, "k")

	// Until removed; method and prefix restrict it; the first match wins.
	removeFirst := sim.InjectFault(targontest.Fault{Method: "patch", Path: pathAPIKeys + "/*", Status: 502})
	removeSecond := sim.InjectFault(targontest.Fault{Path: pathAPIKeys + "*", Status: 500})

	for range 3 {
		e.do(token, "PATCH", pathAPIKeys+"/"+k.UID, map[string]string{"name": "x"}).wantStatus(t, http.StatusBadGateway)
	}
	e.do(token, "GET", pathAPIKeys+"?limit=1", nil).wantStatus(t, http.StatusInternalServerError)
	e.do(token, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)
	if got, _ := statuses(sim, "GET", pathAPIKeys); len(got) != 1 {
		t.Fatalf("GET %s logged %v; the log path excludes the query", pathAPIKeys, got)
	}
	if q := sim.Requests()[len(sim.Requests())-2].Query; q != "limit=1" {
		t.Fatalf("logged query = %q", q)
	}

	removeFirst()
	removeFirst() // harmless
	e.do(token, "PATCH", pathAPIKeys+"/"+k.UID, map[string]string{"name": "x"}).wantStatus(t, http.StatusInternalServerError)
	removeSecond()
	e.do(token, "PATCH", pathAPIKeys+"/"+k.UID, map[string]string{"name": "x"}).wantStatus(t, http.StatusOK)

	// Faults apply before authentication, like a proxy in front.
	sim.InjectFault(targontest.Fault{Path: pathCredits, Status: 429, Times: 1})
	e.do("", "GET", pathCredits, nil).wantStatus(t, http.StatusTooManyRequests)

	sim.InjectFault(targontest.Fault{Status: 500})
	sim.ClearFaults()
	e.do(token, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)

	sim.ResetRequests()
	if n := len(sim.Requests()); n != 0 {
		t.Fatalf("%d requests after ResetRequests", n)
	}
}

func TestFaultRetryAfterAndBodies(t *testing.T) {
	const html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
	cases := []struct {
		name        string
		fault       targontest.Fault
		status      int
		contentType string
		body        string // exact body, or "" to check the JSON error
		retryAfter  string
	}{
		{"rate limited", targontest.Fault{Status: 429, RetryAfter: "7"}, 429, "application/json", "", "7"},
		{"html from proxy", targontest.Fault{Status: 502, Body: html, ContentType: "text/html"}, 502, "text/html", html, ""},
		{"html guessed", targontest.Fault{Status: 502, Body: html}, 502, "text/html; charset=utf-8", html, ""},
		{"plain text", targontest.Fault{Status: 503, Body: "upstream connect error"}, 503, "text/plain; charset=utf-8", "upstream connect error", ""},
		{"decimal credits", targontest.Fault{Status: 200, Body: `{"credits": 1234.5, "currency": "USD"}`}, 200, "application/json", `{"credits": 1234.5, "currency": "USD"}`, ""},
		{"retry-after on a normal answer", targontest.Fault{RetryAfter: "Wed, 21 Oct 2015 07:28:00 GMT"}, 200, "application/json", "", "Wed, 21 Oct 2015 07:28:00 GMT"},
		{"empty 204", targontest.Fault{Status: 204}, 204, "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sim := targontest.New()
			e := newEnv(t, sim)
			tc.fault.Path = pathCredits
			sim.InjectFault(tc.fault)
			r := e.do(sim.DemoKey(), "GET", pathCredits, nil)
			if r.status != tc.status {
				t.Fatalf("status = %d, want %d", r.status, tc.status)
			}
			if ct := r.header.Get("Content-Type"); ct != tc.contentType {
				t.Fatalf("Content-Type = %q, want %q", ct, tc.contentType)
			}
			if ra := r.header.Get("Retry-After"); ra != tc.retryAfter {
				t.Fatalf("Retry-After = %q, want %q", ra, tc.retryAfter)
			}
			switch {
			case tc.body != "":
				if string(r.body) != tc.body {
					t.Fatalf("body = %q, want %q", r.body, tc.body)
				}
			case tc.status >= 400:
				r.apiError(t)
			case tc.status == 200:
				var c credits
				r.decode(t, &c)
			default:
				if len(r.body) != 0 {
					t.Fatalf("body = %q, want none", r.body)
				}
			}
		})
	}
}

func TestFaultDrop(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	sim.InjectFault(targontest.Fault{Method: "POST", Path: pathAPIKeys, Drop: true, Times: 1})
	_, _, err := send(t, context.Background(), "POST", e.url+pathAPIKeys, sim.DemoKey())
	if err == nil {
		t.Fatal("dropped request succeeded")
	}
	got, faulted := statuses(sim, "POST", pathAPIKeys)
	if len(got) != 1 || got[0] != 0 || faulted != 1 {
		t.Fatalf("logged %v (%d faulted), want one faulted entry with status 0", got, faulted)
	}
	// Nothing was created, and the next request is served.
	keys, _ := listAll[apiKey](e, sim.DemoKey(), pathAPIKeys, "100")
	if len(keys) != 1 {
		t.Fatalf("%d keys after a dropped create", len(keys))
	}
	e.createAPIKey(sim.DemoKey(), "after drop")
}

func TestFaultTruncate(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(10))
	e := newEnv(t, sim)
	full := e.do(sim.DemoKey(), "GET", pathAPIKeys+"?limit=100", nil)

	sim.InjectFault(targontest.Fault{Method: "GET", Path: pathAPIKeys, Truncate: true, Times: 1})
	resp, body, err := send(t, context.Background(), "GET", e.url+pathAPIKeys+"?limit=100", sim.DemoKey())
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("reading a truncated body: err = %v, want unexpected EOF", err)
	}
	if resp.StatusCode != 200 || resp.ContentLength != int64(len(full.body)) {
		t.Fatalf("status %d, Content-Length %d; want 200 and the full length %d", resp.StatusCode, resp.ContentLength, len(full.body))
	}
	if string(body) != string(full.body[:len(full.body)/2]) {
		t.Fatalf("got %d bytes, want the first half (%d) of the full body", len(body), len(full.body)/2)
	}
	if got, _ := statuses(sim, "GET", pathAPIKeys); got[len(got)-1] != 200 {
		t.Fatalf("logged %v", got)
	}

	// A truncated error page.
	const page = "<html>bad gateway from the proxy</html>"
	sim.InjectFault(targontest.Fault{Path: pathCredits, Status: 502, Body: page, Truncate: true, Times: 1})
	resp, body, err = send(t, context.Background(), "GET", e.url+pathCredits, sim.DemoKey())
	if resp == nil || resp.StatusCode != 502 || err == nil || string(body) != page[:len(page)/2] {
		t.Fatalf("truncated error page: %v %q %v", resp, body, err)
	}

	// A truncated create still created the key: the client cannot know.
	sim.InjectFault(targontest.Fault{Method: "POST", Path: pathAPIKeys, Truncate: true, Times: 1})
	_, _, err = send(t, context.Background(), "POST", e.url+pathAPIKeys, sim.DemoKey())
	if err == nil {
		t.Fatal("truncated create read without error")
	}
}

func TestFaultLatency(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	sim.InjectFault(targontest.Fault{Path: pathCredits, Latency: 80 * time.Millisecond, Times: 1})
	start := time.Now()
	e.do(sim.DemoKey(), "GET", pathCredits, nil).wantStatus(t, http.StatusOK)
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Fatalf("answered after %v, want at least the 80ms latency", d)
	}

	// A client that gives up ends the wait; nothing is sent.
	sim.InjectFault(targontest.Fault{Path: pathCredits, Latency: time.Hour, Status: 500})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start = time.Now()
	if _, _, err := send(t, ctx, "GET", e.url+pathCredits, sim.DemoKey()); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		got, _ := statuses(sim, "GET", pathCredits)
		if len(got) == 2 {
			if got[1] != 0 {
				t.Fatalf("abandoned request logged with status %d, want 0", got[1])
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("handler still waiting after the client went away")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("took %v", d)
	}
}

func TestServerLatency(t *testing.T) {
	sim := targontest.New(targontest.WithLatency(30 * time.Millisecond))
	e := newEnv(t, sim)
	start := time.Now()
	for range 3 {
		e.do(sim.DemoKey(), "GET", pathCredits, nil).wantStatus(t, http.StatusOK)
	}
	if d := time.Since(start); d < 90*time.Millisecond {
		t.Fatalf("3 requests took %v, want at least 3×30ms", d)
	}
}

func TestInjectFaultRejectsBadStatus(t *testing.T) {
	for _, status := range []int{-1, 99, 100, 600} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), "Status") {
					t.Fatalf("status %d: recover() = %v, want a panic about Status", status, r)
				}
			}()
			targontest.New().InjectFault(targontest.Fault{Status: status})
		}()
	}
}
