package openrouter_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

// workspacesPath is the path of GET /workspaces on the simulator.
const workspacesPath = openroutertest.BasePath + "/workspaces"

// The demo's two workspaces, the default first and marked; 151 workspaces
// take two pages of 100, each asked for once.
func TestWorkspaces(t *testing.T) {
	sim := openroutertest.NewDemo()
	a := newAccount(t, sim, sim.DemoManagementKey())
	ws, err := a.Workspaces(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 2 || ws[0].ID != sim.DefaultWorkspace() || !ws[0].Default || ws[1].Name != "Research" || ws[1].Default {
		t.Errorf("workspaces = %+v, want the default (%s) first, then Research", ws, sim.DefaultWorkspace())
	}

	big := openroutertest.New(openroutertest.WithWorkspaces(150))
	a = newAccount(t, big, big.DemoManagementKey())
	big.ResetRequests()
	ws, err = a.Workspaces(context.Background())
	if err != nil || len(ws) != 151 || !ws[0].Default || ws[0].ID != big.DefaultWorkspace() {
		t.Fatalf("%d workspaces, %v", len(ws), err)
	}
	var queries []string
	for _, r := range big.Requests() {
		queries = append(queries, r.Path+"?"+r.Query)
	}
	want := []string{workspacesPath + "?limit=100", workspacesPath + "?limit=100&offset=100"}
	if strings.Join(queries, " ") != strings.Join(want, " ") {
		t.Errorf("requests %q, want %q", queries, want)
	}
}

// Every key of three workspaces, each with the workspace it is in, every
// page of every workspace asked for once, never more than MaxInFlight
// requests at once in all; the default workspace is listed without
// workspace_id, the others with theirs.
func TestKeysOfEveryWorkspace(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithKeys(2_000), openroutertest.WithWorkspaces(2), openroutertest.WithLatency(5*time.Millisecond))
	a := newAccount(t, sim, sim.DemoManagementKey())
	ws, err := a.Workspaces(context.Background())
	if err != nil || len(ws) != 3 {
		t.Fatalf("workspaces %+v, %v", ws, err)
	}
	want := map[string]string{} // hash → workspace
	for _, w := range ws {
		for _, k := range sequentialIn(t, a.Client(), w.ID) {
			want[k.Hash] = w.ID
		}
	}
	if len(want) != 2_000 {
		t.Fatalf("the simulator lists %d keys over its workspaces", len(want))
	}
	sim.ResetRequests()
	keys, err := allKeys(a)
	if err != nil || len(keys) != 2_000 {
		t.Fatalf("%d keys, %v", len(keys), err)
	}
	for _, k := range keys {
		if want[k.ID] == "" || k.Workspace != want[k.ID] {
			t.Fatalf("key %s in workspace %q, want %q", k.Name, k.Workspace, want[k.ID])
		}
	}
	asked := map[string]int{}
	for _, r := range sim.Requests() {
		if r.Path != keysPath {
			continue
		}
		q, _ := url.ParseQuery(r.Query)
		if q.Get("workspace_id") == sim.DefaultWorkspace() {
			t.Errorf("the default workspace asked for by id: %q", r.Query)
		}
		if asked[q.Get("workspace_id")+"@"+q.Get("offset")]++; asked[q.Get("workspace_id")+"@"+q.Get("offset")] > 1 {
			t.Errorf("%q asked for twice", r.Query)
		}
	}
	if m := sim.MaxInFlight(); m > openrouter.MaxInFlight || m < 2 {
		t.Errorf("max in flight %d, want 2..%d", m, openrouter.MaxInFlight)
	}
}

// sequentialIn lists the keys of workspace ws one page at a time.
func sequentialIn(t *testing.T, c *openrouter.Client, ws string) []openrouter.APIKey {
	t.Helper()
	var all []openrouter.APIKey
	for off := 0; ; {
		page, err := c.ListKeys(context.Background(), openrouter.ListOptions{IncludeDisabled: true, Offset: off, WorkspaceID: ws})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			return all
		}
		all, off = append(all, page...), off+len(page)
	}
}

// A key created in a second workspace, with an expiry, is listed there
// with it, though the default workspace has no keys at all (so which one
// is the default cannot be told from its keys, and each is asked for by
// id). The create sends workspace_id and expires_at exactly as documented:
// a UUID, and an RFC 3339 time in UTC.
func TestCreateInWorkspaceWithExpiry(t *testing.T) {
	sim := openroutertest.New()
	second := sim.AddWorkspace("Second")
	var mu sync.Mutex
	var bodies []string
	record := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if r.Method == http.MethodPost {
			mu.Lock()
			bodies = append(bodies, string(b))
			mu.Unlock()
		}
		r.Body = io.NopCloser(strings.NewReader(string(b)))
		sim.ServeHTTP(w, r)
	})
	a := newAccount(t, record, sim.DemoManagementKey())
	ctx := context.Background()
	zone := time.FixedZone("UTC+2", 2*3600)
	expires := time.Now().Add(7 * 24 * time.Hour).In(zone).Truncate(time.Second).Add(123 * time.Millisecond)
	s, err := a.CreateKey(ctx, api.KeySpec{Name: "weekly", Workspace: second, ExpiresAt: expires})
	if err != nil {
		t.Fatal(err)
	}
	wantBody := `"expires_at":"` + expires.UTC().Truncate(time.Second).Format("2006-01-02T15:04:05Z") + `"`
	if len(bodies) != 1 || !strings.Contains(bodies[0], wantBody) || !strings.Contains(bodies[0], `"workspace_id":"`+second+`"`) {
		t.Errorf("create body %q, want %s and the workspace", bodies, wantBody)
	}
	if s.Key.Workspace != second || !s.Key.ExpiresAt.Equal(expires.Truncate(time.Second)) {
		t.Errorf("created key %+v", s.Key)
	}
	keys, err := allKeys(a)
	if err != nil || len(keys) != 1 || keys[0].ID != s.Key.ID || keys[0].Workspace != second || !keys[0].ExpiresAt.Equal(s.Key.ExpiresAt) {
		t.Errorf("keys %+v, %v; want the one created in the second workspace", keys, err)
	}

	// A workspace that is not a UUID is never sent.
	_, err = a.CreateKey(ctx, api.KeySpec{Name: "x", Workspace: "../keys?x=1"})
	if !errors.Is(err, api.ErrInvalidID) || len(bodies) != 1 {
		t.Errorf("bad workspace: %v after %d creates", err, len(bodies))
	}
}

// A server that ignores workspace_id answers every workspace with the
// default's keys: they are listed once, in the default workspace.
func TestKeysServerIgnoresWorkspaceID(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithKeys(250), openroutertest.WithWorkspaces(2))
	ignore := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		q.Del("workspace_id")
		r.URL.RawQuery = q.Encode()
		sim.ServeHTTP(w, r)
	})
	a := newAccount(t, ignore, sim.DemoManagementKey())
	keys, err := allKeys(a)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k.ID] || k.Workspace != sim.DefaultWorkspace() {
			t.Fatalf("key %+v listed twice or outside the default workspace", k)
		}
		seen[k.ID] = true
	}
	if len(keys) != 84 { // 250 dealt over three workspaces: the default's 84
		t.Errorf("%d keys, want the default workspace's 84", len(keys))
	}
}

// A workspace whose id is not a UUID is never asked for: the others are
// listed, then an error names it; Workspaces leaves it out. The default
// workspace, listed last here, is the one whose id GET /keys gave its keys
// without workspace_id: it is not asked for by id, and Workspaces puts it
// first once a walk has told it.
func TestWorkspaceWithBadID(t *testing.T) {
	ws := `{"data":[{"id":"` + workspaceB + `","name":"Good","created_at":"2025-03-01T00:00:00Z"},` +
		`{"id":"../../keys","name":"Odd","created_at":"2025-02-01T00:00:00Z"},` +
		`{"id":"` + workspaceA + `","name":"Default","created_at":"2025-01-01T00:00:00Z"}],"total_count":3}`
	var mu sync.Mutex
	var queries []string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(r.URL.Path, "/workspaces") {
			w.Write([]byte(ws))
			return
		}
		mu.Lock()
		queries = append(queries, r.URL.RawQuery)
		mu.Unlock()
		body := `{"data":[]}`
		switch r.URL.Query().Get("offset") + "/" + r.URL.Query().Get("workspace_id") {
		case "/":
			body = `{"data":[` + strings.Replace(keyWith(hashA, "a"), `"workspace_id":"w"`, `"workspace_id":"`+workspaceA+`"`, 1) + `]}`
		case "/" + workspaceB:
			body = `{"data":[` + keyWith(hashB, "b") + `]}` // workspace_id "w": not a UUID
		}
		w.Write([]byte(body))
	})
	a := newAccount(t, h, "tok")
	// Before a walk of the keys says which is the default, the first
	// listed is taken for it.
	got, err := a.Workspaces(context.Background())
	if err != nil || len(got) != 2 || got[0].ID != workspaceB || !got[0].Default || got[1].Default {
		t.Errorf("workspaces before a walk %+v, %v", got, err)
	}
	keys, err := allKeys(a)
	if !errors.Is(err, api.ErrInvalidID) || !strings.Contains(err.Error(), `"Odd"`) {
		t.Errorf("err = %v, want one naming the workspace Odd", err)
	}
	if len(keys) != 2 || keys[0].Workspace == keys[1].Workspace {
		t.Errorf("keys %+v, want a in the default and b in Good", keys)
	}
	for _, k := range keys {
		if k.Name == "b" && k.Workspace != workspaceB || k.Name == "a" && k.Workspace != workspaceA {
			t.Errorf("key %s in %q", k.Name, k.Workspace)
		}
	}
	mu.Lock()
	sent := slices.Clone(queries)
	mu.Unlock()
	for _, q := range sent {
		if strings.Contains(q, "keys") {
			t.Errorf("the bad workspace id was sent: %q", q)
		}
	}
	got, err = a.Workspaces(context.Background())
	if err != nil || len(got) != 2 || got[0].ID != workspaceA || !got[0].Default || got[1].ID != workspaceB || got[1].Default {
		t.Errorf("workspaces %+v, %v", got, err)
	}
}

// An error listing the workspaces ends the walk with it, and an inference
// key is refused (403) like on every list.
func TestKeysWorkspaceErrors(t *testing.T) {
	sim := openroutertest.NewDemo()
	failing := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/workspaces") {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		sim.ServeHTTP(w, r)
	})
	if _, err := allKeys(newAccount(t, failing, sim.DemoManagementKey())); !errors.Is(err, api.ErrServer) || !strings.Contains(err.Error(), "workspaces") {
		t.Errorf("workspaces failing: %v", err)
	}
	a := newAccount(t, sim, sim.DemoInferenceKey())
	if _, err := allKeys(a); !errors.Is(err, api.ErrForbidden) {
		t.Errorf("inference key, keys: %v", err)
	}
	if _, err := a.Workspaces(context.Background()); !errors.Is(err, api.ErrForbidden) {
		t.Errorf("inference key, workspaces: %v", err)
	}
}
