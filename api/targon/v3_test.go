package targon_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/internal/cleancheck"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// serveURL serves h on loopback and returns its base URL.
func serveURL(t *testing.T, h http.Handler) string {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}

// newV3 is the demo's v3 account in org (the PERSONAL one for "").
func newV3(t *testing.T, sim *targontest.Server, org string) *targon.V3Account {
	t.Helper()
	a, err := targon.NewV3(serveURL(t, sim), sim.DemoKey(), targon.OrgChoice{Slug: org, From: "--org"}, clientopt.WithRetry(fastRetry))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestV3PicksThePersonalOrgAndReadsItsCredits(t *testing.T) {
	sim := targontest.NewDemo()
	a := newV3(t, sim, "")
	ctx := context.Background()
	if p := a.Provider(); p.Version != "v3" || p.KeyNoun != "API token" || p.Retire != "delete" || p.Roll != "replace" {
		t.Errorf("Provider() = %+v", p)
	}
	if _, ok := any(a).(api.Roller); ok {
		t.Error("a v3 account is a Roller: v3 has no roll")
	}
	b, err := a.Balance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if b.Remaining != "18.4" || b.Currency != "USD" {
		t.Errorf("Balance = %+v, want the PERSONAL org's 18.4 USD", b)
	}
	if o := a.Org(); !o.Personal || o.ID != "alice" || o.Role != "OWNER" {
		t.Errorf("Org() = %+v, want alice's PERSONAL org", o)
	}
	orgs, err := a.Orgs(ctx)
	if err != nil || len(orgs) != 2 {
		t.Fatalf("Orgs = %+v, %v; want two", orgs, err)
	}
	for _, o := range orgs {
		if o.ID == "acme" && (o.Credits != "12480.55" || o.Role != "ADMIN" || o.Personal || o.Name != "Acme Robotics") {
			t.Errorf("acme = %+v", o)
		}
	}
}

func TestV3NamedOrgTheTokenCannotSee(t *testing.T) {
	sim := targontest.NewDemo()
	a := newV3(t, sim, "globex")
	_, err := a.Balance(context.Background())
	var oe *targon.OrgError
	if !errors.As(err, &oe) {
		t.Fatalf("err = %v, want an *OrgError", err)
	}
	if msg := err.Error(); !strings.Contains(msg, `"globex" (from --org)`) || !strings.Contains(msg, "acme, alice") {
		t.Errorf("message %q does not name the org asked for and those the token can see", msg)
	}
	if _, err := cleancheck.Collect(a.SSHKeys(context.Background())); !errors.As(err, &oe) {
		t.Errorf("SSH keys: err = %v, want an *OrgError", err)
	}
}

func TestV3PersonalTokensFlow(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []targontest.Option
	}{
		{"default", nil},
		{"create answers 200", []targontest.Option{targontest.WithV3CreateStatus(http.StatusOK)}},
		{"list ends with an empty cursor", []targontest.Option{targontest.WithV3ListEnd(targontest.ListEndEmpty)}},
		{"list ends without a cursor", []targontest.Option{targontest.WithV3ListEnd(targontest.ListEndAbsent)}},
		{"nulls left out", []targontest.Option{targontest.WithV3OmitNulls()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim := targontest.New(append([]targontest.Option{targontest.WithAPIKeys(230)}, tc.opts...)...)
			a := newV3(t, sim, "")
			tokensFlow(t, a)
		})
	}
}

// tokensFlow lists (across pages), creates, marks in use after a switch,
// renames and deletes personal API tokens.
func tokensFlow(t *testing.T, a *targon.V3Account) {
	t.Helper()
	ctx := context.Background()
	keys, err := cleancheck.Collect(a.Keys(ctx))
	if err != nil || len(keys) < 230 {
		t.Fatalf("Keys: %d keys, %v; want at least 230 across pages", len(keys), err)
	}
	for _, k := range keys {
		if k.ID == "" || k.Masked != "" || k.InUse {
			t.Fatalf("listed token %+v: want an id, no secret, not known in use", k)
		}
	}
	s, err := a.CreateKey(ctx, api.KeySpec{Name: "laptop"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Value == "" || s.Key.Name != "laptop" || a.Provider().CheckSecret(s.Value) != nil {
		t.Fatalf("created %+v", s.Key)
	}
	a.SetToken(s.Value) // as replacing the token in use does
	keys, err = cleancheck.Collect(a.Keys(ctx))
	if err != nil {
		t.Fatal(err)
	}
	inUse := 0
	for _, k := range keys {
		if k.InUse {
			inUse++
			if k.ID != s.Key.ID {
				t.Errorf("%s marked in use, want %s", k.ID, s.Key.ID)
			}
		}
	}
	if inUse != 1 {
		t.Errorf("%d tokens marked in use, want the one created and signed in with", inUse)
	}
	if k, err := a.RenameKey(ctx, s.Key.ID, "laptop-2"); err != nil || k.Name != "laptop-2" {
		t.Fatalf("RenameKey = %+v, %v", k, err)
	}
	if err := a.DeleteKey(ctx, keys[0].ID); err != nil {
		t.Fatal(err)
	}
}

func TestV3OrgSSHKeysAndServiceTokens(t *testing.T) {
	sim := targontest.NewDemo(targontest.WithV3OmitNulls())
	personal := newV3(t, sim, "")
	ctx := context.Background()
	if _, err := personal.Balance(ctx); err != nil {
		t.Fatal(err)
	}
	orgs, err := personal.Orgs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var acmeOrg api.Org
	for _, o := range orgs {
		if o.ID == "acme" {
			acmeOrg = o
		}
	}
	acme := personal.InOrg(acmeOrg)
	if acme.Org().ID != "acme" || personal.Org().ID != "alice" {
		t.Fatalf("InOrg: %q and %q", acme.Org().ID, personal.Org().ID)
	}
	keys, err := cleancheck.Collect(acme.SSHKeys(ctx))
	if err != nil || len(keys) != 2 {
		t.Fatalf("acme SSH keys = %d, %v; want 2", len(keys), err)
	}
	k, err := acme.SSHKey(ctx, keys[0].ID)
	if err != nil || k.PublicKey == "" {
		t.Fatalf("SSHKey = %+v, %v", k, err)
	}
	if k, err = acme.RenameSSHKey(ctx, k.ID, "renamed"); err != nil || k.Name != "renamed" {
		t.Fatalf("RenameSSHKey = %+v, %v", k, err)
	}
	if err := acme.DeleteSSHKey(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	tokens, err := cleancheck.Collect(acme.ServiceTokens(ctx))
	if err != nil || len(tokens) != 4 {
		t.Fatalf("service tokens = %+v, %v; want 4", tokens, err)
	}
	who := map[string]string{}
	for _, tok := range tokens {
		who[tok.Name] = tok.CreatedBy
	}
	if who["grafana-exporter"] != "" || who["prod-inference"] != "Bob Okafor <bob@acme.dev>" || who["batch-eval"] != "carol <carol@acme.dev>" {
		t.Errorf("created by = %q", who)
	}
	s, err := acme.CreateServiceToken(ctx, "nightly")
	if err != nil || s.Value == "" || s.Token.Name != "nightly" {
		t.Fatalf("CreateServiceToken = %+v, %v", s.Token, err)
	}
	if err := acme.DeleteServiceToken(ctx, s.Token.ID); err != nil {
		t.Fatal(err)
	}
	acme.SetToken("tgn_replaced_token_value_0000")
	if personal.HasToken() && personal.Client() != acme.Client() {
		t.Error("InOrg does not share the client: a new token would not reach both")
	}
}

func TestDetectVersion(t *testing.T) {
	var mu sync.Mutex
	var auth []string
	record := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			auth = append(auth, r.Header.Get("Authorization"))
			mu.Unlock()
			h.ServeHTTP(w, r)
		})
	}
	for _, tc := range []struct {
		opts []targontest.Option
		want string
	}{
		{nil, "v3"},
		{[]targontest.Option{targontest.WithV2(targontest.V2Gone)}, "v3"},
		{[]targontest.Option{targontest.WithoutV3()}, "v2"},
	} {
		got, err := targon.DetectVersion(context.Background(), serveURL(t, record(targontest.New(tc.opts...))), clientopt.WithRetry(fastRetry))
		if err != nil || got != tc.want {
			t.Errorf("DetectVersion = %q, %v; want %q", got, err, tc.want)
		}
	}
	for _, a := range auth {
		if a != "" {
			t.Errorf("GET /tha/v3/version sent Authorization %q; it needs no token", a)
		}
	}
	sim := targontest.New()
	sim.InjectFault(targontest.Fault{Path: "/tha/v3/version", Status: 503})
	if v, err := targon.DetectVersion(context.Background(), serveURL(t, sim), clientopt.WithRetry(clientopt.NoRetry())); err == nil {
		t.Errorf("DetectVersion on a 503 = %q, want an error (nothing is known)", v)
	}
}

func TestV2RetiredSaysHowToSwitch(t *testing.T) {
	for _, mode := range []targontest.V2Mode{targontest.V2Gone, targontest.V2NotFound} {
		sim := targontest.New(targontest.WithV2(mode))
		a := newTestAccount(t, sim, sim.DemoKey())
		_, err := a.Balance(context.Background())
		var re *targon.RetiredError
		if !errors.As(err, &re) || !strings.Contains(err.Error(), `api_version = "v3"`) || strings.Contains(err.Error(), "\n") {
			t.Errorf("mode %d: Balance err = %v, want one line saying to set api_version", mode, err)
		}
		if _, err := allKeys(t, a); !errors.As(err, &re) {
			t.Errorf("mode %d: Keys err = %v, want a *RetiredError", mode, err)
		}
	}
	// On a server that serves v2, a 404 on one key is that key gone.
	sim := targontest.New()
	a := newTestAccount(t, sim, sim.DemoKey())
	if err := a.DeleteKey(context.Background(), "key-doesnotexist"); !errors.Is(err, api.ErrNotFound) {
		t.Errorf("DeleteKey of a missing key = %v, want not found", err)
	}
}

func TestAutoSettlesOnFirstUse(t *testing.T) {
	for _, tc := range []struct {
		name    string
		opts    []targontest.Option
		version string
	}{
		{"v3 server", []targontest.Option{targontest.WithV2(targontest.V2Gone)}, "v3"},
		{"both served", nil, "v3"},
		{"v2-only server", []targontest.Option{targontest.WithoutV3()}, "v2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim := targontest.NewDemo(tc.opts...)
			a, err := targon.NewAuto(serveURL(t, sim), sim.DemoKey(), targon.OrgChoice{}, clientopt.WithRetry(fastRetry))
			if err != nil {
				t.Fatal(err)
			}
			if len(sim.Requests()) != 0 || a.Version() != "" || a.Provider().Version != "" {
				t.Fatal("opening an Auto account asked the server something")
			}
			var wg sync.WaitGroup
			for range 4 { // the dashboard's first loads, all at once
				wg.Add(1)
				go func() { defer wg.Done(); _, _ = cleancheck.Collect(a.Keys(context.Background())) }()
			}
			wg.Wait()
			asked := 0
			for _, r := range sim.Requests() {
				if r.Path == "/tha/v3/version" {
					asked++
				}
			}
			if asked != 1 || a.Version() != tc.version {
				t.Fatalf("version asked %d times, settled on %q; want once, %q", asked, a.Version(), tc.version)
			}
			if _, err := a.Balance(context.Background()); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Orgs(context.Background()); (err == nil) != (tc.version == "v3") {
				t.Errorf("Orgs on %s: %v", tc.version, err)
			}
			if p := a.Provider(); p.Retire != "delete" {
				t.Errorf("Provider() = %+v: R must replace (Auto is no Roller)", p)
			}
		})
	}
}
