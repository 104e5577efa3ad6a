package openrouter_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/internal/simfault"
)

// keysPath is the path of GET /keys on the simulator.
const keysPath = openroutertest.BasePath + "/keys"

// keyRequests counts the requests for GET /keys among reqs.
func keyRequests(reqs []simfault.Request) int {
	n := 0
	for _, r := range reqs {
		if r.Path == keysPath {
			n++
		}
	}
	return n
}

// sequential lists every key with one request at a time, over one
// connection: the walk the concurrent one is measured against.
func sequential(t testing.TB, baseURL, token string) []openrouter.APIKey {
	t.Helper()
	one := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1}}
	c, err := openrouter.NewClient(baseURL, token, clientopt.WithHTTPClient(one))
	if err != nil {
		t.Fatal(err)
	}
	var all []openrouter.APIKey
	for off := 0; ; {
		page, err := c.ListKeys(context.Background(), openrouter.ListOptions{IncludeDisabled: true, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if len(page) == 0 {
			return all
		}
		off += len(page)
	}
}

// 10,000 keys with latency: all of them, disabled ones included, in the
// server's order, each offset asked for once with include_disabled=true,
// never more than MaxInFlight requests at once.
func TestKeysConcurrentAgainstSimulator(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithKeys(10_000), openroutertest.WithLatency(5*time.Millisecond))
	base := serve(t, sim)
	want := sequential(t, base, sim.DemoManagementKey())
	if len(want) != 10_000 {
		t.Fatalf("the simulator lists %d keys", len(want))
	}
	a, err := openrouter.New(base, sim.DemoManagementKey())
	if err != nil {
		t.Fatal(err)
	}
	sim.ResetRequests()
	keys, err := allKeys(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != len(want) {
		t.Fatalf("%d keys, want %d", len(keys), len(want))
	}
	disabled := 0
	for i, k := range keys {
		if k.ID != want[i].Hash {
			t.Fatalf("key %d is %s, want %s (order)", i, k.ID, want[i].Hash)
		}
		if k.Disabled {
			disabled++
		}
	}
	if disabled != 400 {
		t.Errorf("%d disabled keys, want 400", disabled)
	}
	offsets := map[string]int{}
	for _, r := range sim.Requests() {
		if r.Path != keysPath {
			continue
		}
		q, _ := url.ParseQuery(r.Query)
		if q.Get("include_disabled") != "true" {
			t.Errorf("request without include_disabled=true: %q", r.Query)
		}
		offsets[q.Get("offset")]++
	}
	for off, n := range offsets {
		if n > 1 {
			t.Errorf("offset %q asked for %d times", off, n)
		}
	}
	if len(offsets) < 101 || len(offsets) > 101+openrouter.MaxInFlight {
		t.Errorf("%d pages asked for, want 101 and at most %d past the end", len(offsets), openrouter.MaxInFlight)
	}
	if m := sim.MaxInFlight(); m > openrouter.MaxInFlight || m < 2 {
		t.Errorf("max in flight %d, want 2..%d", m, openrouter.MaxInFlight)
	}
}

// Stopping after two pages cancels the walk: of the 101 pages only those
// asked for before the stop were requested (at most the two consumed, the
// MaxInFlight in flight and as many answered ahead), and the ones in
// flight are abandoned.
func TestKeysEarlyStopAgainstSimulator(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithKeys(10_000), openroutertest.WithLatency(20*time.Millisecond))
	var started, inFlight, abandoned atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started.Add(1)
		inFlight.Add(1)
		defer inFlight.Add(-1)
		if offset, _ := strconv.Atoi(r.URL.Query().Get("offset")); offset >= 200 {
			// Pages after the two the consumer takes are slow: they are
			// surely in flight when it stops.
			select {
			case <-r.Context().Done():
				abandoned.Add(1)
				return
			case <-time.After(2 * time.Second):
			}
		}
		sim.ServeHTTP(w, r)
	})
	a := newAccount(t, h, sim.DemoManagementKey())
	n := 0
	for page, err := range a.Keys(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 2 || len(page) == 0 {
			break
		}
	}
	// The walk has returned, so the client sends nothing more; wait for
	// the server's handlers to notice the abandoned requests.
	for deadline := time.Now().Add(5 * time.Second); inFlight.Load() > 0 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	if got, most := started.Load(), int32(2+2*openrouter.MaxInFlight); got > most {
		t.Errorf("%d requests after stopping at page 2, want at most %d", got, most)
	}
	if abandoned.Load() == 0 {
		t.Error("no request in flight was abandoned")
	}
}
