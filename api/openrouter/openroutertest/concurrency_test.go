package openroutertest_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

func TestConcurrentClients(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithKeys(120))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	expect := func(what string, r response, err error, status int) bool {
		if err == nil && r.status != status {
			err = fmt.Errorf("status %d, want %d (%s)", r.status, status, r.body)
		}
		if err != nil {
			errs <- fmt.Errorf("%s: %v", what, err)
			return false
		}
		return true
	}
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 10 {
				r, err := e.try(mgmt, "POST", pathKeys, map[string]any{"name": fmt.Sprintf("w%d-%d", i, j)})
				if !expect("create", r, err, 201) {
					return
				}
				var c created
				if err := json.Unmarshal(r.body, &c); err != nil {
					errs <- err
					return
				}
				r, err = e.try(c.Key, "GET", pathKey, nil)
				expect("current", r, err, 200)
				r, err = e.try(mgmt, "PATCH", pathKeys+"/"+c.Data.Hash, map[string]any{"limit": j, "disabled": j%2 == 0})
				expect("patch", r, err, 200)
				r, err = e.try(mgmt, "GET", pathKeys+fmt.Sprintf("?include_disabled=true&offset=%d", j*10), nil)
				expect("list", r, err, 200)
				r, err = e.try(mgmt, "DELETE", pathKeys+"/"+c.Data.Hash, nil)
				expect("delete", r, err, 200)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := len(e.list(mgmt, "?include_disabled=true&offset=100")); n != 20 {
		t.Fatalf("%d keys on the second page after the run, want the 20 of 120 generated", n)
	}
	if n := len(sim.Requests()); n != 8*10*5+1 {
		t.Fatalf("%d requests logged, want %d", n, 8*10*5+1)
	}
}

func TestRequestLogAndInFlight(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithKeys(350), openroutertest.WithLatency(40*time.Millisecond))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()

	// Four pages at once: all four are in flight together (each waits the
	// latency), and the log has each page once with its query.
	var wg sync.WaitGroup
	for off := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			e.try(mgmt, "GET", pathKeys+fmt.Sprintf("?include_disabled=true&offset=%d", off*100), nil)
		}()
	}
	wg.Wait()
	if m := sim.MaxInFlight(); m != 4 {
		t.Fatalf("MaxInFlight = %d, want 4", m)
	}
	queries := map[string]int{}
	for _, r := range sim.Requests() {
		if r.Method != "GET" || r.Path != pathKeys || r.Status != 200 || r.Faulted || r.Time.IsZero() {
			t.Fatalf("logged %+v", r)
		}
		queries[r.Query]++
	}
	for off := range 4 {
		if q := fmt.Sprintf("include_disabled=true&offset=%d", off*100); queries[q] != 1 {
			t.Fatalf("query %q logged %d times (log %v)", q, queries[q], queries)
		}
	}

	// One after another: never more than one in flight.
	sim.ResetRequests()
	if len(sim.Requests()) != 0 || sim.MaxInFlight() != 0 {
		t.Fatal("ResetRequests left a log or a maximum")
	}
	start := time.Now()
	for range 3 {
		e.do(mgmt, "GET", pathCredits, nil)
	}
	if m := sim.MaxInFlight(); m != 1 {
		t.Fatalf("MaxInFlight = %d after sequential requests, want 1", m)
	}
	if d := time.Since(start); d < 120*time.Millisecond {
		t.Fatalf("3 requests took %v, want at least 3×40ms", d)
	}
}
