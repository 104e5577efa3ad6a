package targon_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// fastRetry keeps retry tests quick while exercising the same code paths.
var fastRetry = clientopt.RetryPolicy{MaxAttempts: 4, BaseDelay: time.Millisecond, MaxDelay: 4 * time.Millisecond, MaxRetryAfter: 50 * time.Millisecond}

// newTestClient starts the simulator on a loopback httptest server and
// returns a client authenticated as its primary account.
func newTestClient(t *testing.T, opts ...clientopt.Option) (*targon.Client, *targontest.Server) {
	t.Helper()
	sim := targontest.New()
	ts := httptest.NewServer(sim)
	t.Cleanup(ts.Close)
	c, err := targon.NewClient(ts.URL, sim.DemoKey(), append([]clientopt.Option{clientopt.WithRetry(fastRetry)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, sim
}

func newPublicKey(t *testing.T, comment string) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sp))) + " " + comment
}

// countRequests counts the simulator's log entries for method and path.
func countRequests(sim *targontest.Server, method, path string) int {
	n := 0
	for _, r := range sim.Requests() {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

func TestCredits(t *testing.T) {
	c, _ := newTestClient(t)
	cr, err := c.Credits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if cr.Amount == "" || cr.Currency == "" {
		t.Fatalf("credits = %+v, want amount and currency", cr)
	}
}

func TestAPIKeyLifecycle(t *testing.T) {
	ctx := context.Background()
	c, sim := newTestClient(t)

	created, err := c.CreateAPIKey(ctx, "ci-runner")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(created.UID, "key-") || created.Name != "ci-runner" || created.KeyRaw == "" || created.CreatedAt.IsZero() {
		t.Fatalf("created = %+v", created)
	}

	renamed, err := c.RenameAPIKey(ctx, created.UID, "ci-runner-2")
	if err != nil {
		t.Fatal(err)
	}
	if renamed.Name != "ci-runner-2" || renamed.UID != created.UID {
		t.Fatalf("renamed = %+v", renamed)
	}

	rolled, err := c.RollAPIKey(ctx, created.UID)
	if err != nil {
		t.Fatal(err)
	}
	if rolled.KeyRaw == "" || rolled.KeyRaw == created.KeyRaw {
		t.Fatalf("roll did not change the secret: %+v", rolled)
	}
	if n := countRequests(sim, http.MethodPost, "/tha/v2/me/api-keys/"+created.UID+":roll"); n != 1 {
		t.Fatalf("roll requests = %d, want 1 at the :roll path", n)
	}

	// The new secret authenticates, the old one does not.
	newer, _ := targon.NewClient(c.BaseURL(), rolled.KeyRaw)
	if _, err := newer.Credits(ctx); err != nil {
		t.Fatalf("rolled key: %v", err)
	}
	older, _ := targon.NewClient(c.BaseURL(), created.KeyRaw, clientopt.WithRetry(clientopt.NoRetry()))
	if _, err := older.Credits(ctx); !errors.Is(err, api.ErrUnauthorized) {
		t.Fatalf("old key after roll: err = %v, want ErrUnauthorized", err)
	}

	var found bool
	for k, err := range c.AllAPIKeys(ctx, 0) {
		if err != nil {
			t.Fatal(err)
		}
		found = found || k.UID == created.UID
	}
	if !found {
		t.Fatal("created key missing from list")
	}

	if err := c.DeleteAPIKey(ctx, created.UID); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteAPIKey(ctx, created.UID); !errors.Is(err, api.ErrNotFound) {
		t.Fatalf("second delete: err = %v, want ErrNotFound", err)
	}
	for k, err := range c.AllAPIKeys(ctx, 0) {
		if err != nil {
			t.Fatal(err)
		}
		if k.UID == created.UID {
			t.Fatal("deleted key still listed")
		}
	}
}

func TestSSHKeyLifecycle(t *testing.T) {
	ctx := context.Background()
	c, _ := newTestClient(t)
	pub := newPublicKey(t, "alice@laptop")

	created, err := c.CreateSSHKey(ctx, "laptop", pub)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(created.UID, "shk-") || created.Name != "laptop" || created.PublicKeyRaw != pub {
		t.Fatalf("created = %+v", created)
	}
	got, err := c.GetSSHKey(ctx, created.UID)
	if err != nil || got.PublicKeyRaw != pub {
		t.Fatalf("get = %+v, %v", got, err)
	}
	renamed, err := c.RenameSSHKey(ctx, created.UID, "work laptop")
	if err != nil || renamed.Name != "work laptop" {
		t.Fatalf("rename = %+v, %v", renamed, err)
	}
	page, err := c.ListSSHKeys(ctx, targon.ListOptions{Limit: 100})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("list = %+v, %v", page, err)
	}
	if err := c.DeleteSSHKey(ctx, created.UID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetSSHKey(ctx, created.UID); !errors.Is(err, api.ErrNotFound) {
		t.Fatalf("get after delete: %v, want ErrNotFound", err)
	}
}

func TestPaginationWalksEveryPageOnce(t *testing.T) {
	ctx := context.Background()
	c, _ := newTestClient(t)
	want := map[string]bool{}
	for k, err := range c.AllAPIKeys(ctx, 0) {
		if err != nil {
			t.Fatal(err)
		}
		want[k.UID] = true
	}
	for i := range 23 {
		k, err := c.CreateAPIKey(ctx, fmt.Sprintf("svc-%02d", i))
		if err != nil {
			t.Fatal(err)
		}
		want[k.UID] = true
	}

	for _, size := range []int{1, 7, 24, 100} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			seen := map[string]int{}
			pages := 0
			for page, err := range c.APIKeyPages(ctx, size) {
				if err != nil {
					t.Fatal(err)
				}
				pages++
				if len(page) > size {
					t.Fatalf("page of %d items, limit %d", len(page), size)
				}
				for _, k := range page {
					seen[k.UID]++
				}
			}
			if len(seen) != len(want) {
				t.Fatalf("saw %d keys, want %d", len(seen), len(want))
			}
			for uid, n := range seen {
				if n != 1 || !want[uid] {
					t.Fatalf("key %s seen %d times (known: %v)", uid, n, want[uid])
				}
			}
			if wantPages := (len(want) + size - 1) / size; pages != wantPages {
				t.Fatalf("pages = %d, want %d", pages, wantPages)
			}
		})
	}
}

func TestErrorStatusesMapToSentinels(t *testing.T) {
	ctx := context.Background()
	c, sim := newTestClient(t, clientopt.WithRetry(clientopt.NoRetry()))
	otherKey := sim.AddAccount(10)
	other, _ := targon.NewClient(c.BaseURL(), otherKey)
	foreign, err := other.CreateAPIKey(ctx, "not yours")
	if err != nil {
		t.Fatal(err)
	}
	bad, _ := targon.NewClient(c.BaseURL(), "tgn_not_a_real_key", clientopt.WithRetry(clientopt.NoRetry()))

	cases := []struct {
		name string
		call func() error
		want error
	}{
		{"401 bad token", func() error { _, err := bad.Credits(ctx); return err }, api.ErrUnauthorized},
		{"400 empty name", func() error { _, err := c.CreateAPIKey(ctx, ""); return err }, api.ErrBadRequest},
		{"400 bad limit", func() error { _, err := c.ListAPIKeys(ctx, targon.ListOptions{Limit: 1000}); return err }, api.ErrBadRequest},
		{"400 bad cursor", func() error {
			_, err := c.ListSSHKeys(ctx, targon.ListOptions{Cursor: "garbage"})
			return err
		}, api.ErrBadRequest},
		{"400 private key", func() error {
			_, err := c.CreateSSHKey(ctx, "x", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----")
			return err
		}, api.ErrBadRequest},
		{"403 other account", func() error { _, err := c.RenameAPIKey(ctx, foreign.UID, "mine"); return err }, api.ErrForbidden},
		{"404 unknown", func() error { return c.DeleteAPIKey(ctx, "key-000000000000") }, api.ErrNotFound},
		{"404 unknown ssh", func() error { _, err := c.GetSSHKey(ctx, "shk-000000000000"); return err }, api.ErrNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			var apiErr *targon.Error
			if !errors.As(err, &apiErr) || apiErr.Message == "" {
				t.Fatalf("err = %#v, want *targon.Error with a message", err)
			}
			if strings.Contains(err.Error(), sim.DemoKey()) || strings.Contains(err.Error(), "tgn_not_a_real_key") {
				t.Fatalf("error leaks the token: %v", err)
			}
		})
	}
}

func TestFaultStatusesMapToSentinels(t *testing.T) {
	for _, tc := range []struct {
		status int
		want   error
	}{
		{429, api.ErrRateLimited}, {500, api.ErrServer}, {502, api.ErrServer}, {503, api.ErrServer}, {504, api.ErrServer},
		{403, api.ErrForbidden}, {404, api.ErrNotFound}, {401, api.ErrUnauthorized},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			c, sim := newTestClient(t, clientopt.WithRetry(clientopt.NoRetry()))
			sim.InjectFault(targontest.Fault{Path: "/tha/v2/me/credits", Status: tc.status})
			_, err := c.Credits(context.Background())
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestRetries(t *testing.T) {
	ctx := context.Background()
	const keys = "/tha/v2/me/api-keys"
	cases := []struct {
		name     string
		fault    targontest.Fault
		call     func(c *targon.Client, uid string) error
		method   string
		path     func(uid string) string
		wantErr  bool
		wantSent int
	}{
		{
			name:   "GET retried on 503",
			fault:  targontest.Fault{Method: "GET", Path: keys, Status: 503, Times: 2},
			call:   func(c *targon.Client, _ string) error { _, err := c.ListAPIKeys(ctx, targon.ListOptions{}); return err },
			method: "GET", path: func(string) string { return keys }, wantSent: 3,
		},
		{
			name:   "GET retried on 429",
			fault:  targontest.Fault{Method: "GET", Path: keys, Status: 429, Times: 1},
			call:   func(c *targon.Client, _ string) error { _, err := c.ListAPIKeys(ctx, targon.ListOptions{}); return err },
			method: "GET", path: func(string) string { return keys }, wantSent: 2,
		},
		{
			name:   "GET gives up after MaxAttempts",
			fault:  targontest.Fault{Method: "GET", Path: keys, Status: 502},
			call:   func(c *targon.Client, _ string) error { _, err := c.ListAPIKeys(ctx, targon.ListOptions{}); return err },
			method: "GET", path: func(string) string { return keys }, wantErr: true, wantSent: 4,
		},
		{
			name:   "GET not retried on 500",
			fault:  targontest.Fault{Method: "GET", Path: keys, Status: 500, Times: 1},
			call:   func(c *targon.Client, _ string) error { _, err := c.ListAPIKeys(ctx, targon.ListOptions{}); return err },
			method: "GET", path: func(string) string { return keys }, wantErr: true, wantSent: 1,
		},
		{
			name:   "GET retried after a dropped connection",
			fault:  targontest.Fault{Method: "GET", Path: keys, Drop: true, Times: 1},
			call:   func(c *targon.Client, _ string) error { _, err := c.ListAPIKeys(ctx, targon.ListOptions{}); return err },
			method: "GET", path: func(string) string { return keys }, wantSent: 2,
		},
		{
			name:   "GET retried after a truncated body",
			fault:  targontest.Fault{Method: "GET", Path: keys, Truncate: true, Times: 1},
			call:   func(c *targon.Client, _ string) error { _, err := c.ListAPIKeys(ctx, targon.ListOptions{}); return err },
			method: "GET", path: func(string) string { return keys }, wantSent: 2,
		},
		{
			name:   "PATCH retried on 504",
			fault:  targontest.Fault{Method: "PATCH", Path: keys + "/*", Status: 504, Times: 1},
			call:   func(c *targon.Client, uid string) error { _, err := c.RenameAPIKey(ctx, uid, "renamed"); return err },
			method: "PATCH", path: func(uid string) string { return keys + "/" + uid }, wantSent: 2,
		},
		{
			name:   "POST create not retried on 503",
			fault:  targontest.Fault{Method: "POST", Path: keys, Status: 503, Times: 1},
			call:   func(c *targon.Client, _ string) error { _, err := c.CreateAPIKey(ctx, "new"); return err },
			method: "POST", path: func(string) string { return keys }, wantErr: true, wantSent: 1,
		},
		{
			name:   "POST create not retried on 429",
			fault:  targontest.Fault{Method: "POST", Path: keys, Status: 429, RetryAfter: "1", Times: 1},
			call:   func(c *targon.Client, _ string) error { _, err := c.CreateAPIKey(ctx, "new"); return err },
			method: "POST", path: func(string) string { return keys }, wantErr: true, wantSent: 1,
		},
		{
			name:   "POST create not retried after a dropped connection",
			fault:  targontest.Fault{Method: "POST", Path: keys, Drop: true, Times: 1},
			call:   func(c *targon.Client, _ string) error { _, err := c.CreateAPIKey(ctx, "new"); return err },
			method: "POST", path: func(string) string { return keys }, wantErr: true, wantSent: 1,
		},
		{
			name:   "POST roll not retried on 503",
			fault:  targontest.Fault{Method: "POST", Path: keys + "/*", Status: 503, Times: 1},
			call:   func(c *targon.Client, uid string) error { _, err := c.RollAPIKey(ctx, uid); return err },
			method: "POST", path: func(uid string) string { return keys + "/" + uid + ":roll" }, wantErr: true, wantSent: 1,
		},
		{
			name:  "POST ssh create not retried on 502",
			fault: targontest.Fault{Method: "POST", Path: "/tha/v2/ssh-keys", Status: 502, Times: 1},
			call: func(c *targon.Client, _ string) error {
				_, err := c.CreateSSHKey(ctx, "k", newPublicKey(t, "x"))
				return err
			},
			method: "POST", path: func(string) string { return "/tha/v2/ssh-keys" }, wantErr: true, wantSent: 1,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, sim := newTestClient(t)
			target, err := c.CreateAPIKey(ctx, "target")
			if err != nil {
				t.Fatal(err)
			}
			sim.ResetRequests()
			sim.InjectFault(tc.fault)
			err = tc.call(c, target.UID)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if n := countRequests(sim, tc.method, tc.path(target.UID)); n != tc.wantSent {
				t.Fatalf("%s %s sent %d times, want %d", tc.method, tc.path(target.UID), n, tc.wantSent)
			}
		})
	}
}

func TestRetryAfterIsHonouredAndCapped(t *testing.T) {
	c, sim := newTestClient(t)
	sim.InjectFault(targontest.Fault{Method: "GET", Path: "/tha/v2/me/credits", Status: 429, RetryAfter: "3600", Times: 1})
	start := time.Now()
	if _, err := c.Credits(context.Background()); err != nil {
		t.Fatal(err)
	}
	// fastRetry caps Retry-After at 50ms: we waited at least that, and the
	// hour the server asked for was capped.
	if d := time.Since(start); d < fastRetry.MaxRetryAfter {
		t.Fatalf("retried after %v, before Retry-After (capped at %v)", d, fastRetry.MaxRetryAfter)
	}
}

func TestRetryStopsWhenContextEnds(t *testing.T) {
	c, sim := newTestClient(t, clientopt.WithRetry(clientopt.RetryPolicy{MaxAttempts: 10, BaseDelay: time.Hour, MaxDelay: time.Hour}))
	sim.InjectFault(targontest.Fault{Method: "GET", Path: "/tha/v2/me/credits", Status: 503})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.Credits(ctx)
	if !errors.Is(err, api.ErrServer) && !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if n := countRequests(sim, "GET", "/tha/v2/me/credits"); n != 1 {
		t.Fatalf("sent %d times; a backoff longer than the deadline should stop at once", n)
	}
}

// loseFirstDeleteResponse lets the first DELETE reach the server, then
// reports a network error to the client as if the answer was lost.
type loseFirstDeleteResponse struct {
	mu   sync.Mutex
	lost bool
}

func (l *loseFirstDeleteResponse) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	l.mu.Lock()
	defer l.mu.Unlock()
	if err == nil && req.Method == http.MethodDelete && !l.lost {
		l.lost = true
		resp.Body.Close()
		return nil, errors.New("connection reset by peer")
	}
	return resp, err
}

func TestDeleteWithLostResponseCountsAsDeleted(t *testing.T) {
	ctx := context.Background()
	c, sim := newTestClient(t, clientopt.WithHTTPClient(&http.Client{Transport: &loseFirstDeleteResponse{}}))
	k, err := c.CreateAPIKey(ctx, "doomed")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteAPIKey(ctx, k.UID); err != nil {
		t.Fatalf("delete with lost response: %v, want success", err)
	}
	if n := countRequests(sim, "DELETE", "/tha/v2/me/api-keys/"+k.UID); n != 2 {
		t.Fatalf("DELETE sent %d times, want 2", n)
	}
}

func TestNonJSONErrorBodies(t *testing.T) {
	bodies := map[string]string{
		"html":      "<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>",
		"empty":     "",
		"truncated": `{"error": "bad gat`,
		"text":      "upstream connect error or disconnect/reset before headers",
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			c, sim := newTestClient(t, clientopt.WithRetry(clientopt.NoRetry()))
			sim.InjectFault(targontest.Fault{Path: "/tha/v2/me/credits", Status: 502, Body: body, ContentType: "text/html"})
			_, err := c.Credits(context.Background())
			var apiErr *targon.Error
			if !errors.As(err, &apiErr) || apiErr.Status != 502 {
				t.Fatalf("err = %#v, want *targon.Error 502", err)
			}
			if apiErr.Message != "bad gateway" || strings.ContainsAny(err.Error(), "<>{") {
				t.Fatalf("message = %q (err %q); want the status text, not the body", apiErr.Message, err)
			}
		})
	}
}

func TestTruncatedBodyOnPostIsAnError(t *testing.T) {
	c, sim := newTestClient(t)
	sim.InjectFault(targontest.Fault{Method: "POST", Path: "/tha/v2/me/api-keys", Truncate: true, Times: 1})
	_, err := c.CreateAPIKey(context.Background(), "half")
	if err == nil {
		t.Fatal("want an error for a cut-off create response")
	}
	if n := countRequests(sim, "POST", "/tha/v2/me/api-keys"); n != 1 {
		t.Fatalf("create sent %d times, want 1", n)
	}
}

// recordPaths is a transport that remembers each request's escaped path.
type recordPaths struct {
	mu    sync.Mutex
	paths []string
}

func (r *recordPaths) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.paths = append(r.paths, req.URL.EscapedPath())
	r.mu.Unlock()
	return http.DefaultTransport.RoundTrip(req)
}

func TestPathEscaping(t *testing.T) {
	ctx := context.Background()
	rec := &recordPaths{}
	sim := targontest.New()
	mux := http.NewServeMux()
	mux.Handle("/prefix/", http.StripPrefix("/prefix", sim))
	ts := httptest.NewServer(mux)
	defer ts.Close()
	c, err := targon.NewClient(ts.URL+"/prefix/", sim.DemoKey(), clientopt.WithHTTPClient(&http.Client{Transport: rec}), clientopt.WithRetry(clientopt.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	_, _ = c.RollAPIKey(ctx, "key-abc")
	_, _ = c.RollAPIKey(ctx, "a/b?c")
	_, _ = c.RenameSSHKey(ctx, "shk 1", "x")
	_ = c.DeleteAPIKey(ctx, "..")
	// A uid outside Targon's shape is never sent, escaped or not.
	want := []string{
		"/prefix/tha/v2/me/api-keys/key-abc:roll",
	}
	if strings.Join(rec.paths, "\n") != strings.Join(want, "\n") {
		t.Fatalf("paths:\n%s\nwant:\n%s", strings.Join(rec.paths, "\n"), strings.Join(want, "\n"))
	}
}

func TestBodyCap(t *testing.T) {
	big := strings.Repeat(" ", targon.MaxBodySize+10)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"credits": 1, "currency": "USD"}`+big)
	}))
	defer ts.Close()
	c, _ := targon.NewClient(ts.URL, "tok", clientopt.WithRetry(clientopt.NoRetry()))
	if _, err := c.Credits(context.Background()); err == nil || !strings.Contains(err.Error(), "MiB") {
		t.Fatalf("err = %v, want a body-size error", err)
	}
}

func TestCursorLoopStops(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"items":[{"uid":"key-1","name":"a"}],"next_cursor":"same"}`)
	}))
	defer ts.Close()
	c, _ := targon.NewClient(ts.URL, "tok")
	var err error
	n := 0
	for _, e := range c.AllAPIKeys(context.Background(), 1) {
		if e != nil {
			err = e
			break
		}
		n++
		if n > 10 {
			t.Fatal("iterator did not stop on a repeated cursor")
		}
	}
	if !errors.Is(err, api.ErrCursorLoop) {
		t.Fatalf("err = %v, want ErrCursorLoop", err)
	}
}

func TestSendsBearerAndJSON(t *testing.T) {
	var got http.Header
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		fmt.Fprint(w, `{"uid":"key-1","name":"a","key_raw":"tgn_0123456789abcdef"}`)
	}))
	defer ts.Close()
	c, _ := targon.NewClient(ts.URL, "  tgn_secret\n", clientopt.WithUserAgent("targon-dash/test"))
	if _, err := c.CreateAPIKey(context.Background(), "a"); err != nil {
		t.Fatal(err)
	}
	if got.Get("Authorization") != "Bearer tgn_secret" || got.Get("Content-Type") != "application/json" || got.Get("User-Agent") != "targon-dash/test" {
		t.Fatalf("headers = %v", got)
	}
	if !c.UsesKey("tgn_secret") || c.UsesKey("tgn_other") {
		t.Fatal("UsesKey wrong")
	}
	c.SetToken("tgn_other")
	if !c.UsesKey("tgn_other") {
		t.Fatal("SetToken did not switch")
	}
}

func TestNewRejectsBadBaseURL(t *testing.T) {
	for _, u := range []string{"", "api.targon.com", "ftp://x", "http://", "::"} {
		if _, err := targon.NewClient(u, "t"); err == nil {
			t.Errorf("New(%q) = nil error", u)
		}
	}
}
