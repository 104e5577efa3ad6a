package openroutertest_test

import (
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/internal/simfault"
)

func TestFaults(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithKeys(5))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()

	// An injected status gets OpenRouter's error body, before
	// authentication, and only as often as asked.
	sim.InjectFault(simfault.Fault{Method: "GET", Path: pathKeys, Status: 503, Times: 2})
	e.do("", "GET", pathKeys, nil).wantError(t, http.StatusServiceUnavailable, "Service Unavailable")
	e.do(mgmt, "GET", pathKeys, nil).wantStatus(t, http.StatusServiceUnavailable)
	e.do(mgmt, "GET", pathKeys, nil).wantStatus(t, http.StatusOK)

	f, err := simfault.Parse("* /api/v1/* 429 retry-after=7 times=1")
	if err != nil {
		t.Fatal(err)
	}
	sim.InjectFault(f)
	r := e.do(mgmt, "GET", pathCredits, nil)
	r.wantError(t, http.StatusTooManyRequests, "Rate limit exceeded")
	if r.header.Get("Retry-After") != "7" {
		t.Fatalf("Retry-After = %q", r.header.Get("Retry-After"))
	}

	html, _ := simfault.Parse("GET /api/v1/key html times=1")
	sim.InjectFault(html)
	if r := e.do(mgmt, "GET", pathKey, nil); r.status != 502 || r.header.Get("Content-Type") != "text/html" {
		t.Fatalf("html fault: %d %q", r.status, r.header.Get("Content-Type"))
	}

	// A dropped create creates nothing.
	sim.InjectFault(simfault.Fault{Method: "POST", Drop: true, Times: 1})
	req, _ := http.NewRequest("POST", e.url+pathKeys, nil)
	req.Header.Set("Authorization", "Bearer "+mgmt)
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if _, err := fresh.Do(req); err == nil {
		t.Fatal("dropped request succeeded")
	}
	if n := len(e.list(mgmt, "?include_disabled=true")); n != 5 {
		t.Fatalf("%d keys after a dropped create", n)
	}

	// A truncated list.
	sim.InjectFault(simfault.Fault{Path: pathKeys, Truncate: true, Times: 1})
	req, _ = http.NewRequest("GET", e.url+pathKeys, nil)
	req.Header.Set("Authorization", "Bearer "+mgmt)
	resp, err := fresh.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !errors.Is(err, io.ErrUnexpectedEOF) || resp.StatusCode != 200 {
		t.Fatalf("truncated list: %d, %v", resp.StatusCode, err)
	}

	remove := sim.InjectFault(simfault.Fault{Status: 500})
	e.do(mgmt, "GET", pathKey, nil).wantError(t, http.StatusInternalServerError, "Internal Server Error")
	remove()
	sim.InjectFault(simfault.Fault{Status: 500})
	sim.ClearFaults()
	e.do(mgmt, "GET", pathKey, nil).wantStatus(t, http.StatusOK)

	var statuses []int
	faulted := 0
	for _, r := range sim.Requests() {
		statuses = append(statuses, r.Status)
		if r.Faulted {
			faulted++
		}
	}
	want := []int{503, 503, 200, 429, 502, 0, 200, 200, 500, 200}
	if len(statuses) != len(want) || faulted != 7 {
		t.Fatalf("logged %v (%d faulted), want %v (7 faulted)", statuses, faulted, want)
	}
	for i := range want {
		if statuses[i] != want[i] {
			t.Fatalf("logged %v, want %v", statuses, want)
		}
	}
}
