package openrouter_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

// fastRetry retries like the default policy, without the waiting.
var fastRetry = clientopt.RetryPolicy{MaxAttempts: 4, BaseDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond, MaxRetryAfter: 10 * time.Millisecond}

// serve serves h on loopback and returns the API's base URL.
func serve(t testing.TB, h http.Handler) string {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL + openroutertest.BasePath
}

// newAccount serves h on loopback and returns the account authenticated
// with token.
func newAccount(t testing.TB, h http.Handler, token string, opts ...clientopt.Option) *openrouter.Account {
	t.Helper()
	a, err := openrouter.New(serve(t, h), token, append([]clientopt.Option{clientopt.WithRetry(fastRetry)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// allKeys collects every key of a walk, or its error.
func allKeys(a api.Account) ([]api.Key, error) {
	var keys []api.Key
	for page, err := range a.Keys(context.Background()) {
		if err != nil {
			return keys, err
		}
		keys = append(keys, page...)
	}
	return keys, nil
}

// byName finds a key by name.
func byName(keys []api.Key, name string) (api.Key, bool) {
	for _, k := range keys {
		if k.Name == name {
			return k, true
		}
	}
	return api.Key{}, false
}

func TestProviderAndCapabilities(t *testing.T) {
	sim := openroutertest.New()
	var a api.Account = newAccount(t, sim, sim.DemoManagementKey())
	p := a.Provider()
	p.SecretShape, p.IDShape = api.Shape{}, api.Shape{} // ids_test.go tries them
	if p != (api.Provider{
		Name: "OpenRouter", KeyNoun: "API key", SecretHint: "sk-or-v1-…",
		KeyID: "Hash", Roll: "replace", RollShort: "replace", SecretShown: "created",
		KeySpending: true, ManagementKeys: true, Retire: "disable",
	}) {
		t.Errorf("Provider() = %+v", p)
	}
	if _, ok := a.(api.KeyUpdater); !ok {
		t.Error("not a KeyUpdater")
	}
	if _, ok := a.(api.CurrentKeyer); !ok {
		t.Error("not a CurrentKeyer")
	}
	if _, ok := a.(api.Roller); ok {
		t.Error("a Roller: OpenRouter has no roll")
	}
	if _, ok := a.(api.SSHKeys); ok {
		t.Error("has SSH keys")
	}
	if !strings.HasSuffix(a.BaseURL(), "/api/v1") {
		t.Errorf("BaseURL() = %q", a.BaseURL())
	}
}

// The demo account lists whole, disabled keys included, each mapped from
// the wire key the client decodes.
func TestKeysMapsEveryFieldAndIncludesDisabled(t *testing.T) {
	sim := openroutertest.NewDemo()
	a := newAccount(t, sim, sim.DemoManagementKey())
	keys, err := allKeys(a)
	if err != nil {
		t.Fatal(err)
	}
	// The demo's two workspaces: the default's 11 keys, Research's 5.
	wire, err := a.Client().ListKeys(context.Background(), openrouter.ListOptions{IncludeDisabled: true})
	if err != nil {
		t.Fatal(err)
	}
	research, err := a.Client().ListKeys(context.Background(), openrouter.ListOptions{IncludeDisabled: true, WorkspaceID: wire[0].WorkspaceID})
	if err != nil || len(research) != 11 {
		t.Fatalf("the default workspace by id: %d keys, %v", len(research), err)
	}
	ws, err := a.Workspaces(context.Background())
	if err != nil || len(ws) != 2 || ws[1].Name != "Research" {
		t.Fatalf("workspaces %+v, %v", ws, err)
	}
	research, err = a.Client().ListKeys(context.Background(), openrouter.ListOptions{IncludeDisabled: true, WorkspaceID: ws[1].ID})
	if err != nil {
		t.Fatal(err)
	}
	wire = append(wire, research...)
	if len(keys) != 16 || len(wire) != 16 {
		t.Fatalf("%d keys (wire %d), want the demo's 11 + 5", len(keys), len(wire))
	}
	byHash := map[string]openrouter.APIKey{}
	for _, w := range wire {
		byHash[w.Hash] = w
	}
	disabled := 0
	for i, k := range keys {
		w := byHash[k.ID]
		want := api.Key{
			ID: w.Hash, IDText: w.Hash, Name: w.Name, Masked: w.Label, Disabled: w.Disabled,
			CreatedAt: w.CreatedAt.Time, UpdatedAt: w.UpdatedAt.Time, ExpiresAt: w.ExpiresAt.Time,
			Limit: w.Limit, LimitRemaining: w.LimitRemaining, LimitReset: w.LimitReset,
			IncludeBYOKInLimit: w.IncludeBYOKInLimit,
			Usage:              w.Usage, UsageDaily: w.UsageDaily, UsageWeekly: w.UsageWeekly, UsageMonthly: w.UsageMonthly,
			Workspace: w.WorkspaceID,
		}
		if k != want || k.Workspace == "" {
			t.Errorf("key %d = %+v\nwant %+v", i, k, want)
		}
		if k.CreatedAt.IsZero() || !strings.HasPrefix(k.Masked, "sk-or-v1-") || k.InUse {
			t.Errorf("key %q: created %v, masked %q, in use %v", k.Name, k.CreatedAt, k.Masked, k.InUse)
		}
		if k.Disabled {
			disabled++
		}
	}
	if disabled != 2 {
		t.Errorf("%d disabled keys, want the demo's 2", disabled)
	}
	if k, _ := byName(keys, "eval-harness"); k.Workspace != ws[1].ID || k.Limit != "40" {
		t.Errorf("eval-harness (Research) = %+v", k)
	}
	if k, _ := byName(keys, "production-chat"); k.Limit != "500" || k.LimitReset != "monthly" || k.LimitRemaining == "" {
		t.Errorf("production-chat = %+v", k)
	}
	if k, _ := byName(keys, "batch-embeddings"); k.Limit != "" || k.LimitRemaining != "" || k.LimitReset != "" {
		t.Errorf("batch-embeddings (no limit) = %+v", k)
	}
	if k, _ := byName(keys, "contractor-eval"); k.ExpiresAt.IsZero() {
		t.Errorf("contractor-eval has no expiry: %+v", k)
	}
	if k, _ := byName(keys, "mobile-app-beta"); k.Usage != "263.918402117" || k.UsageDaily != "6.204417383" {
		t.Errorf("mobile-app-beta usage = %q / %q, want the exact decimals", k.Usage, k.UsageDaily)
	}
	for _, r := range sim.Requests() {
		if r.Path == "/api/v1/keys" && r.Method == http.MethodGet && !strings.Contains(r.Query, "include_disabled=true") {
			t.Errorf("a list without include_disabled=true: %q", r.Query)
		}
	}
}

func TestCreateUpdateRenameDelete(t *testing.T) {
	sim := openroutertest.New()
	a := newAccount(t, sim, sim.DemoManagementKey())
	ctx := context.Background()

	s, err := a.CreateKey(ctx, api.KeySpec{Name: "ci", Limit: "12.5", LimitReset: "weekly", IncludeBYOKInLimit: true})
	if err != nil {
		t.Fatal(err)
	}
	if api.ValidateSecret(s.Value) != nil || s.Key.ID == "" || s.Key.Name != "ci" || s.Key.Limit != "12.5" ||
		s.Key.LimitReset != "weekly" || !s.Key.IncludeBYOKInLimit || s.Key.Disabled {
		t.Fatalf("created %+v", s)
	}
	// The secret works: it authenticates GET /key as an inference key.
	inf := newAccount(t, sim, s.Value)
	if ck, err := inf.CurrentKey(ctx); err != nil || ck.Management || ck.Label != s.Key.Masked || ck.Limit != "12.5" {
		t.Errorf("current key of the new secret = %+v, %v", ck, err)
	}

	k, err := a.RenameKey(ctx, s.Key.ID, "ci-2")
	if err != nil || k.Name != "ci-2" || k.Limit != "12.5" {
		t.Fatalf("rename = %+v, %v", k, err)
	}
	yes, none, never := true, api.Amount(""), ""
	k, err = a.UpdateKey(ctx, s.Key.ID, api.KeyUpdate{Disabled: &yes})
	if err != nil || !k.Disabled || k.Limit != "12.5" || k.LimitReset != "weekly" {
		t.Fatalf("disable = %+v, %v", k, err)
	}
	k, err = a.UpdateKey(ctx, s.Key.ID, api.KeyUpdate{Limit: &none, LimitReset: &never})
	if err != nil || k.Limit != "" || k.LimitRemaining != "" || k.LimitReset != "" || !k.Disabled {
		t.Fatalf("clear limit = %+v, %v", k, err)
	}
	// A disabled key is still listed.
	keys, err := allKeys(a)
	if got, ok := byName(keys, "ci-2"); err != nil || !ok || !got.Disabled {
		t.Fatalf("list after disabling: %+v, %v", keys, err)
	}
	if w, err := a.Client().GetKey(ctx, s.Key.ID); err != nil || w.Name != "ci-2" || !w.Disabled {
		t.Errorf("GetKey = %+v, %v", w, err)
	}

	if err := a.DeleteKey(ctx, s.Key.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Client().GetKey(ctx, s.Key.ID); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("GetKey after delete: %v, want ErrNotFound", err)
	}
	// Deleting again, without a lost answer before, is a real 404.
	var oe *openrouter.Error
	if err := a.DeleteKey(ctx, s.Key.ID); !errors.Is(err, api.ErrNotFound) || !errors.As(err, &oe) || oe.ServerMessage() != "API key not found" {
		t.Errorf("second delete: %v", err)
	}
}

// PATCH bodies hold only the fields set; clearing a limit sends JSON null.
// Create sends null for no limit and no reset.
func TestRequestBodies(t *testing.T) {
	sim := openroutertest.New()
	var mu sync.Mutex
	var bodies []string
	record := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, r.Method+" "+string(b))
		mu.Unlock()
		r.Body = io.NopCloser(strings.NewReader(string(b)))
		sim.ServeHTTP(w, r)
	})
	a := newAccount(t, record, sim.DemoManagementKey())
	ctx := context.Background()
	s, err := a.CreateKey(ctx, api.KeySpec{Name: "n"})
	if err != nil {
		t.Fatal(err)
	}
	none, ten, daily, no := api.Amount(""), api.Amount("10.25"), "daily", false
	if _, err := a.UpdateKey(ctx, s.Key.ID, api.KeyUpdate{Limit: &ten, LimitReset: &daily}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.UpdateKey(ctx, s.Key.ID, api.KeyUpdate{Limit: &none}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.UpdateKey(ctx, s.Key.ID, api.KeyUpdate{IncludeBYOKInLimit: &no}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.RenameKey(ctx, s.Key.ID, "m"); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"name": "n", "limit": nil, "limit_reset": nil, "include_byok_in_limit": false},
		{"limit": 10.25, "limit_reset": "daily"},
		{"limit": nil},
		{"include_byok_in_limit": false},
		{"name": "m"},
	}
	if len(bodies) != len(want) {
		t.Fatalf("bodies = %q", bodies)
	}
	for i, b := range bodies {
		_, raw, _ := strings.Cut(b, " ")
		var got map[string]any
		if err := json.Unmarshal([]byte(raw), &got); err != nil {
			t.Fatal(err)
		}
		if gj, wj := mustJSON(got), mustJSON(want[i]); gj != wj {
			t.Errorf("body %d = %s, want %s", i, gj, wj)
		}
	}
	if !strings.Contains(bodies[2], `"limit":null`) {
		t.Errorf("clearing the limit sent %s, want an explicit null", bodies[2])
	}
	// A limit that is not a number is never sent.
	bad := api.Amount("12,5")
	if _, err := a.UpdateKey(ctx, s.Key.ID, api.KeyUpdate{Limit: &bad}); !errors.Is(err, api.ErrNotANumber) || len(bodies) != len(want) {
		t.Errorf("bad limit: %v, %d requests", err, len(bodies))
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Remaining is total_credits − total_usage, exactly.
func TestBalanceExact(t *testing.T) {
	sim := openroutertest.New()
	sim.SetCredits(100.5, 12.345678901)
	a := newAccount(t, sim, sim.DemoManagementKey())
	b, err := a.Balance(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if b != (api.Balance{Currency: "USD", Total: "100.5", Used: "12.345678901", Remaining: "88.154321099"}) {
		t.Errorf("Balance = %+v", b)
	}
}

func TestSubtract(t *testing.T) {
	for _, c := range []struct {
		a, b, want string
		ok         bool
	}{
		{"100.5", "12.345678901", "88.154321099", true},
		{"0.3", "0.1", "0.2", true}, // 0.3 − 0.1 in float64 is 0.19999999999999998
		{"100", "12", "88", true},
		{"1.5e3", "0.25", "1499.75", true},
		{"10", "12.5", "-2.5", true},
		{"0", "0", "0", true},
		{"1e999999", "1", "", false},
		{"1", "1e-999999", "", false},
		{"12345678901234567890", "1", "", false},
		{"1.0000000000000000000000001", "1", "", false},
		{"", "1", "", false},
		{"abc", "1", "", false},
	} {
		got, ok := openrouter.Subtract(api.Amount(c.a), api.Amount(c.b))
		if string(got) != c.want || ok != c.ok {
			t.Errorf("Subtract(%s, %s) = %q, %v; want %q, %v", c.a, c.b, got, ok, c.want, c.ok)
		}
	}
}

func TestCurrentKey(t *testing.T) {
	sim := openroutertest.NewDemo()
	ctx := context.Background()
	m, err := newAccount(t, sim, sim.DemoManagementKey()).CurrentKey(ctx)
	if err != nil || !m.Management || m.Label == "" || m.FreeTier {
		t.Errorf("management key = %+v, %v", m, err)
	}
	inf := newAccount(t, sim, sim.DemoInferenceKey())
	ck, err := inf.CurrentKey(ctx)
	if err != nil || ck.Management || !strings.HasPrefix(ck.Label, "sk-or-v1-") || ck.Usage == "" || ck.UsageMonthly == "" {
		t.Errorf("inference key = %+v, %v", ck, err)
	}
	// Everything else needs a management key: 403, ErrForbidden, the
	// server's words.
	for name, call := range map[string]func() error{
		"keys":    func() error { _, err := allKeys(inf); return err },
		"balance": func() error { _, err := inf.Balance(ctx); return err },
		"create":  func() error { _, err := inf.CreateKey(ctx, api.KeySpec{Name: "x"}); return err },
	} {
		err := call()
		var se api.StatusError
		if !errors.Is(err, api.ErrForbidden) || !errors.As(err, &se) || se.HTTPStatus() != 403 ||
			se.ServerMessage() != "Only management keys can perform this operation" {
			t.Errorf("%s with an inference key: %v", name, err)
		}
	}
}
