package targon_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// newTestAccount serves h on loopback and returns the Targon account
// authenticated with token.
func newTestAccount(t *testing.T, h http.Handler, token string, opts ...clientopt.Option) *targon.Account {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	a, err := targon.New(ts.URL, token, append([]clientopt.Option{clientopt.WithRetry(fastRetry)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// allKeys collects every key of a walk, or its error.
func allKeys(t *testing.T, a api.Account) ([]api.Key, error) {
	t.Helper()
	var keys []api.Key
	for page, err := range a.Keys(context.Background()) {
		if err != nil {
			return keys, err
		}
		keys = append(keys, page...)
	}
	return keys, nil
}

func TestAccountMapsKeys(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(150))
	a := newTestAccount(t, sim, sim.DemoKey())
	ctx := context.Background()

	if p := a.Provider(); p.Name != "Targon" || p.KeyNoun != "API key" || p.SecretHint != "tgn_…" ||
		p.KeyID != "UID" || p.Roll != "roll secret" || p.RollShort != "roll" || p.SecretShown != "created or rolled" ||
		p.KeySpending || p.ManagementKeys {
		t.Errorf("Provider() = %+v", p)
	}
	wire := map[string]targon.APIKey{}
	for k, err := range a.Client().AllAPIKeys(ctx, 0) {
		if err != nil {
			t.Fatal(err)
		}
		wire[k.UID] = k
	}
	keys, err := allKeys(t, a)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != len(wire) || len(keys) < 150 {
		t.Fatalf("%d keys, want %d", len(keys), len(wire))
	}
	inUse := 0
	for _, k := range keys {
		w, ok := wire[k.ID]
		if !ok {
			t.Fatalf("key %q is not a uid the server lists", k.ID)
		}
		if k.Name != w.Name || !k.CreatedAt.Equal(w.CreatedAt.Time) || !k.UpdatedAt.Equal(w.UpdatedAt.Time) {
			t.Errorf("key %s = %+v, wire %+v", k.ID, k, w)
		}
		if want := targon.MaskKey(w.KeyRaw); k.Masked != want || !strings.Contains(k.Masked, "…") {
			t.Errorf("key %s masked %q, want %q", k.ID, k.Masked, want)
		}
		if k.Masked == w.KeyRaw || (len(w.KeyRaw) > 8 && strings.Contains(k.Masked, w.KeyRaw[4:len(w.KeyRaw)-4])) {
			t.Errorf("key %s shows its secret: %q", k.ID, k.Masked)
		}
		if k.InUse {
			inUse++
			if !strings.HasSuffix(sim.DemoKey(), strings.TrimPrefix(k.Masked[strings.LastIndex(k.Masked, "…"):], "…")) {
				t.Errorf("key %s in use, but the token does not end like %q", k.ID, k.Masked)
			}
		}
	}
	if inUse != 1 {
		t.Errorf("%d keys in use, want exactly 1", inUse)
	}

	bal, err := a.Balance(ctx)
	if err != nil || bal.Remaining != "50000" || bal.Currency != "USD" || bal.Total != "" {
		t.Errorf("Balance() = %+v, %v", bal, err)
	}

	sec, err := a.CreateKey(ctx, api.KeySpec{Name: "ci"})
	if err != nil || sec.Key.Name != "ci" || sec.Key.ID == "" || api.ValidateSecret(sec.Value) != nil || sec.Key.InUse {
		t.Fatalf("CreateKey = %+v, %v", sec.Key, err)
	}
	if !strings.HasSuffix(sec.Value, strings.TrimPrefix(sec.Key.Masked, "tgn_…")) {
		t.Errorf("masked %q does not end like the secret", sec.Key.Masked)
	}
	rolled, err := a.RollKey(ctx, sec.Key.ID)
	if err != nil || rolled.Key.ID != sec.Key.ID || rolled.Value == sec.Value {
		t.Fatalf("RollKey = %+v, %v", rolled.Key, err)
	}
	// After switching to the rolled key, it is the one in use.
	a.SetToken(rolled.Value)
	renamed, err := a.RenameKey(ctx, sec.Key.ID, "ci-2")
	if err != nil || renamed.Name != "ci-2" || !renamed.InUse {
		t.Fatalf("RenameKey = %+v, %v", renamed, err)
	}
	a.SetToken(sim.DemoKey())
	if err := a.DeleteKey(ctx, sec.Key.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteKey(ctx, sec.Key.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
}

func TestAccountSSHKeys(t *testing.T) {
	sim := targontest.New(targontest.WithSSHKeys(120))
	a := newTestAccount(t, sim, sim.DemoKey())
	ctx := context.Background()
	var ssh api.SSHKeys = a
	n := 0
	for page, err := range ssh.SSHKeys(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range page {
			if k.ID == "" || !strings.HasPrefix(k.PublicKey, "ssh-") || k.CreatedAt.IsZero() {
				t.Fatalf("SSH key %+v", k)
			}
		}
		n += len(page)
	}
	if n < 120 {
		t.Fatalf("%d SSH keys, want at least 120", n)
	}
	added, err := ssh.AddSSHKey(ctx, "laptop", newPublicKey(t, "me@laptop"))
	if err != nil || added.Name != "laptop" {
		t.Fatalf("AddSSHKey = %+v, %v", added, err)
	}
	got, err := ssh.SSHKey(ctx, added.ID)
	if err != nil || got.PublicKey != added.PublicKey {
		t.Fatalf("SSHKey = %+v, %v", got, err)
	}
	if r, err := ssh.RenameSSHKey(ctx, added.ID, "desk"); err != nil || r.Name != "desk" {
		t.Fatalf("RenameSSHKey = %+v, %v", r, err)
	}
	if err := ssh.DeleteSSHKey(ctx, added.ID); err != nil {
		t.Fatal(err)
	}
}

// A server whose maximum page is smaller than ours refuses limit=100: the
// walk asks again for that page without a limit, and keeps to that.
func TestAccountKeysFallBackWithoutALimit(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(120))
	var mu sync.Mutex
	var queries []string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		queries = append(queries, r.URL.Query().Get("limit"))
		mu.Unlock()
		if r.URL.Query().Get("limit") == "100" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"error":"invalid request","reason":"limit must be at most 50"}`)
			return
		}
		sim.ServeHTTP(w, r)
	})
	a := newTestAccount(t, h, sim.DemoKey())
	keys, err := allKeys(t, a)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k.ID] {
			t.Fatalf("key %s listed twice", k.ID)
		}
		seen[k.ID] = true
	}
	if len(keys) < 120 {
		t.Fatalf("%d keys, want at least 120", len(keys))
	}
	// One refusal, then every page without a limit.
	if len(queries) < 3 || queries[0] != "100" || strings.Join(queries[1:], "") != "" {
		t.Errorf("limits asked = %q, want one 100 then none", queries)
	}
}

func TestAccountKeysStopOnARepeatedCursor(t *testing.T) {
	requests := 0
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		fmt.Fprintf(w, `{"items":[{"uid":"key-%d","name":"a"}],"next_cursor":"same"}`, requests)
	})
	a := newTestAccount(t, h, "tgn_0123456789abcdef")
	keys, err := allKeys(t, a)
	if !errors.Is(err, api.ErrCursorLoop) {
		t.Fatalf("err = %v, want ErrCursorLoop", err)
	}
	if requests != 2 || len(keys) != 2 {
		t.Errorf("%d requests, %d keys; want 2 and 2", requests, len(keys))
	}
}

// recordDeadlines records the context deadline of every request it sends.
type recordDeadlines struct {
	mu        sync.Mutex
	deadlines []time.Time
}

func (r *recordDeadlines) RoundTrip(req *http.Request) (*http.Response, error) {
	dl, ok := req.Context().Deadline()
	if !ok {
		return nil, errors.New("a request without a deadline")
	}
	r.mu.Lock()
	r.deadlines = append(r.deadlines, dl)
	r.mu.Unlock()
	return http.DefaultTransport.RoundTrip(req)
}

// Each page has its own deadline, shared by every request for it (here
// the ask without a limit after a refusal), and none reaches beyond
// api.PageTimeout from when the page was asked for.
func TestAccountKeysDeadlinePerPage(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(250))
	refused := false
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("cursor") != "" && !refused {
			refused = true // the second page's first ask
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"error":"invalid request"}`)
			return
		}
		sim.ServeHTTP(w, r)
	})
	rec := &recordDeadlines{}
	a := newTestAccount(t, h, sim.DemoKey(), clientopt.WithHTTPClient(&http.Client{Transport: rec}))
	start := time.Now()
	pages := 0
	for _, err := range a.Keys(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		pages++
	}
	if pages < 2 || len(rec.deadlines) != pages+1 {
		t.Fatalf("%d pages, %d requests; want one request more than pages", pages, len(rec.deadlines))
	}
	if !rec.deadlines[1].Equal(rec.deadlines[2]) {
		t.Errorf("the second ask for page 2 got its own deadline (%v later)", rec.deadlines[2].Sub(rec.deadlines[1]))
	}
	if !rec.deadlines[0].Before(rec.deadlines[1]) {
		t.Errorf("page 2 shares page 1's deadline: one deadline for the walk, not one per page")
	}
	for i, dl := range rec.deadlines {
		if dl.Sub(start) > api.PageTimeout+time.Minute/2 || dl.Sub(time.Now()) > api.PageTimeout {
			t.Errorf("request %d may run until %v after the start", i+1, dl.Sub(start))
		}
	}
}

// A page whose server never answers ends the walk with the deadline, the
// client's retries and per-attempt timeout (30 s) notwithstanding.
func TestAccountKeysReportAStall(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(150))
	stall := make(chan struct{})
	defer close(stall)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("cursor") != "" {
			select {
			case <-r.Context().Done():
			case <-stall:
			}
			return
		}
		sim.ServeHTTP(w, r)
	})
	a := newTestAccount(t, h, sim.DemoKey(), clientopt.WithRetry(clientopt.DefaultRetryPolicy()))
	a.SetPageTimeout(200 * time.Millisecond)
	keys, err := allKeys(t, a)
	if !errors.Is(err, context.DeadlineExceeded) || len(keys) != targon.PageSize {
		t.Fatalf("%d keys, err = %v; want the first page, then the deadline", len(keys), err)
	}
}
