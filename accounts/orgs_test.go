package accounts

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/config"
)

// v3Env is a home whose current profile "work" (org in the profile, the
// key in its credentials file) is served by a Targon simulator with v2
// retired.
func v3Env(t *testing.T, profile string) (config.Environment, *targontest.Server, string) {
	t.Helper()
	home := t.TempDir()
	sim := targontest.NewDemo(targontest.WithV2(targontest.V2Gone))
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	writeTestFile(t, home, ".targon/config.toml", "current = \"work\"\n[profiles.work]\nbase_url = \""+srv.URL+"\"\n"+profile)
	cred := writeTestFile(t, home, ".targon/credentials-work", sim.DemoKey()+"\n")
	return config.Environment{HomeDir: home, Getenv: func(string) string { return "" }}, sim, cred
}

// TestV3ProfileOrgRows: the start account settles on v3 without a request
// at opening; P lists the profile once per organization, the profile's
// org current; switching org keeps the profile, its key and its key file.
func TestV3ProfileOrgRows(t *testing.T) {
	env, sim, cred := v3Env(t, "org = \"acme\"\n")
	b := openBook(t, Config{Env: env})
	start := b.Start()
	if len(sim.Requests()) != 0 {
		t.Fatal("opening the start account asked the server: the first frame would wait")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	bal, err := start.Account.Balance(ctx)
	if err != nil || bal.Remaining != "12480.55" {
		t.Fatalf("acme's balance = %+v, %v", bal, err)
	}
	list, err := b.List()
	if err != nil {
		t.Fatal(err)
	}
	acme, alice := find(t, list, "work · acme (team, ADMIN)"), find(t, list, "work · alice (personal)")
	if !acme.Current || alice.Current || acme.Provider != "Targon" {
		t.Fatalf("rows = %+v", list)
	}
	if s, err := b.Open(acme); err != nil || s != start {
		t.Errorf("the current org's row opens %v, %v; want the start session", s, err)
	}
	s := switched(t, b, alice)
	if s.Profile != "work" || s.Home != start.Home || s.Account.(api.Orgs).Org().ID != "alice" {
		t.Errorf("alice's row: profile %q, home %+v, org %+v", s.Profile, s.Home, s.Account.(api.Orgs).Org())
	}
	if bal, err := s.Account.Balance(ctx); err != nil || bal.Remaining != "18.4" {
		t.Errorf("alice's balance = %+v, %v", bal, err)
	}
	// A replaced token reaches every org of the profile and its key file.
	sec, err := s.Account.CreateKey(ctx, api.KeySpec{Name: "replacement"})
	if err != nil {
		t.Fatal(err)
	}
	s.Account.SetToken(sec.Value)
	if err := s.SaveKey(sec.Value); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(cred); strings.TrimSpace(string(got)) != sec.Value {
		t.Error("the new token was not saved where the key came from")
	}
	if _, err := start.Account.Balance(ctx); err != nil {
		t.Errorf("acme with the new token: %v", err)
	}
	keys, _ := collectKeys(ctx, start.Account)
	inUse := 0
	for _, k := range keys {
		if k.InUse {
			inUse++
		}
	}
	if inUse != 1 {
		t.Errorf("%d tokens marked in use after the replacement, want 1", inUse)
	}
	if list, err = b.List(); err != nil {
		t.Fatal(err)
	}
	if got := currentNames(list); len(got) != 1 || got[0] != "work · alice (personal)" {
		t.Errorf("current = %v", got)
	}
}

// collectKeys lists every key of acct.
func collectKeys(ctx context.Context, acct api.Account) ([]api.Key, error) {
	var out []api.Key
	for page, err := range acct.Keys(ctx) {
		if err != nil {
			return out, err
		}
		out = append(out, page...)
	}
	return out, nil
}

// An org the token cannot see: the first load says which it can, and the
// switcher shows the profile's row with that problem beside the others.
func TestV3ProfileUnknownOrg(t *testing.T) {
	env, _, _ := v3Env(t, "org = \"globex\"\n")
	b := openBook(t, Config{Env: env})
	_, err := b.Start().Account.Balance(context.Background())
	if err == nil || !strings.Contains(err.Error(), `"globex"`) || !strings.Contains(err.Error(), "acme, alice") {
		t.Fatalf("err = %v, want it to name the org and those the token can see", err)
	}
	list, err := b.List()
	if err != nil {
		t.Fatal(err)
	}
	if bad := find(t, list, "work · globex"); bad.Problem == "" || !bad.Current {
		t.Errorf("globex row = %+v", bad)
	}
	find(t, list, "work · acme (team, ADMIN)")
}

// api_version picks the adapter: v2 pinned stays v2 (and says how to
// switch when the server retired it), v3 is v3, auto is settled later
// for the start and at once when opened from the switcher.
func TestAPIVersionPicksTheAdapter(t *testing.T) {
	for _, tc := range []struct {
		version string
		detect  bool
		want    string
	}{
		{"v2", false, "*targon.Account"}, {"v3", false, "*targon.V3Account"},
		{"auto", false, "*targon.Auto"}, {"auto", true, "*targon.V3Account"},
	} {
		env, _, _ := v3Env(t, "api_version = \""+tc.version+"\"\n")
		st, err := config.Resolve(config.Flags{}, env)
		if err != nil {
			t.Fatal(err)
		}
		s, err := wiring{}.session(st, tc.detect)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%T", s.Account); got != tc.want {
			t.Errorf("%s (detect %v): %s, want %s", tc.version, tc.detect, got, tc.want)
		}
		if tc.version == "v2" {
			_, err := s.Account.Balance(context.Background())
			var re *targon.RetiredError
			if !errors.As(err, &re) {
				t.Errorf("v2 pinned on a server that retired it: %v", err)
			}
		}
	}
}
