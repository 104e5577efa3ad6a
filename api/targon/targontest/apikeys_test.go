package targontest_test

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

var (
	keyUIDPattern = regexp.MustCompile(`^key-[0-9a-f]{12}$`)
	keyRawPattern = regexp.MustCompile(`^tgn_[A-Za-z0-9]{40}$`)
	shkUIDPattern = regexp.MustCompile(`^shk-[0-9a-f]{12}$`)
)

func TestCredits(t *testing.T) {
	for _, tc := range []struct {
		name     string
		sim      *targontest.Server
		credits  string
		currency string
	}{
		{"new", targontest.New(), "50000", "USD"},
		{"demo", targontest.NewDemo(), "1284750", "USD"},
		{"options", targontest.New(targontest.WithCredits(7), targontest.WithCurrency("EUR")), "7", "EUR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, tc.sim)
			r := e.do(tc.sim.DemoKey(), "GET", pathCredits, nil)
			r.wantStatus(t, http.StatusOK)
			if ct := r.header.Get("Content-Type"); ct != "application/json" {
				t.Fatalf("Content-Type = %q", ct)
			}
			var c credits
			r.decode(t, &c)
			if c.Credits.String() != tc.credits || c.Currency != tc.currency {
				t.Fatalf("credits = %+v, want %s %s", c, tc.credits, tc.currency)
			}
		})
	}
}

func TestSetCredits(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	sim.SetCredits(123456789)
	var c credits
	e.do(sim.DemoKey(), "GET", pathCredits, nil).decode(t, &c)
	if c.Credits.String() != "123456789" {
		t.Fatalf("credits = %s after SetCredits", c.Credits)
	}
}

func TestNewHasExactlyOneKey(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	keys, _ := listAll[apiKey](e, sim.DemoKey(), pathAPIKeys, "100")
	if len(keys) != 1 || keys[0].KeyRaw != sim.DemoKey() {
		t.Fatalf("keys = %+v, want exactly the DemoKey", keys)
	}
	ssh, _ := listAll[sshKey](e, sim.DemoKey(), pathSSHKeys, "100")
	if len(ssh) != 0 {
		t.Fatalf("ssh keys = %+v, want none", ssh)
	}
}

func TestAPIKeyLifecycle(t *testing.T) {
	clk := newClock()
	sim := targontest.New(targontest.WithClock(clk.Now))
	e := newEnv(t, sim)
	token := sim.DemoKey()

	// Create.
	clk.Advance(time.Minute)
	k := e.createAPIKey(token, "  ci-runner  ")
	if !keyUIDPattern.MatchString(k.UID) || !keyRawPattern.MatchString(k.KeyRaw) {
		t.Fatalf("created key has uid %q, key_raw %q", k.UID, k.KeyRaw)
	}
	if k.Name != "ci-runner" {
		t.Fatalf("name = %q, want it trimmed to ci-runner", k.Name)
	}
	created := checkTime(t, k.CreatedAt)
	if !created.Equal(fixedNow.Add(time.Minute)) || k.UpdatedAt != k.CreatedAt {
		t.Fatalf("created_at %s updated_at %s, want both %s", k.CreatedAt, k.UpdatedAt, fixedNow.Add(time.Minute))
	}
	// The new key authenticates.
	e.do(k.KeyRaw, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)

	// Listed first (newest first).
	var p page[apiKey]
	e.do(token, "GET", pathAPIKeys, nil).decode(t, &p)
	if len(p.Items) != 2 || p.Items[0] != k || p.NextCursor != "" {
		t.Fatalf("list = %+v, want the new key first of 2 and no cursor", p)
	}

	// Rename bumps updated_at only.
	clk.Advance(time.Hour)
	r := e.do(token, "PATCH", pathAPIKeys+"/"+k.UID, map[string]any{"name": "ci-runner-2", "unknown": true})
	r.wantStatus(t, http.StatusOK)
	var renamed apiKey
	r.decode(t, &renamed)
	if renamed.Name != "ci-runner-2" || renamed.UID != k.UID || renamed.KeyRaw != k.KeyRaw ||
		renamed.CreatedAt != k.CreatedAt || renamed.UpdatedAt != "2025-06-01T13:01:00Z" {
		t.Fatalf("renamed = %+v (was %+v)", renamed, k)
	}

	// Roll: new secret, old one refused at once.
	clk.Advance(time.Hour)
	r = e.do(token, "POST", pathAPIKeys+"/"+k.UID+":roll", nil)
	r.wantStatus(t, http.StatusOK)
	var rolled apiKey
	r.decode(t, &rolled)
	if rolled.UID != k.UID || rolled.Name != "ci-runner-2" || rolled.KeyRaw == k.KeyRaw ||
		!keyRawPattern.MatchString(rolled.KeyRaw) || rolled.CreatedAt != k.CreatedAt || rolled.UpdatedAt != "2025-06-01T14:01:00Z" {
		t.Fatalf("rolled = %+v (was %+v)", rolled, k)
	}
	e.do(k.KeyRaw, "GET", pathCredits, nil).wantError(t, http.StatusUnauthorized, "invalid or missing API key")
	e.do(rolled.KeyRaw, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)

	// Delete: 204 with no body; the key no longer authenticates or exists.
	r = e.do(token, "DELETE", pathAPIKeys+"/"+k.UID, nil)
	if r.status != http.StatusNoContent || len(r.body) != 0 {
		t.Fatalf("delete = %d %q, want 204 and no body", r.status, r.body)
	}
	e.do(rolled.KeyRaw, "GET", pathCredits, nil).wantStatus(t, http.StatusUnauthorized)
	e.do(token, "DELETE", pathAPIKeys+"/"+k.UID, nil).wantError(t, http.StatusNotFound, "API key not found")
	e.do(token, "PATCH", pathAPIKeys+"/"+k.UID, map[string]string{"name": "x"}).wantStatus(t, http.StatusNotFound)
	e.do(token, "POST", pathAPIKeys+"/"+k.UID+":roll", nil).wantStatus(t, http.StatusNotFound)
	keys, _ := listAll[apiKey](e, token, pathAPIKeys, "100")
	if len(keys) != 1 || keys[0].KeyRaw != token {
		t.Fatalf("after delete: %+v", keys)
	}
}

func TestRollKeyInUse(t *testing.T) {
	sim := targontest.NewDemo()
	e := newEnv(t, sim)
	old := sim.DemoKey()
	var keys page[apiKey]
	e.do(old, "GET", pathAPIKeys+"?limit=100", nil).decode(t, &keys)
	var uid string
	for _, k := range keys.Items {
		if k.KeyRaw == old {
			uid = k.UID
		}
	}
	if uid == "" {
		t.Fatal("DemoKey not among the listed keys")
	}
	r := e.do(old, "POST", pathAPIKeys+"/"+uid+":roll", nil)
	r.wantStatus(t, http.StatusOK)
	var rolled apiKey
	r.decode(t, &rolled)
	if sim.DemoKey() != rolled.KeyRaw {
		t.Fatalf("DemoKey = %q after roll, want the new key %q", sim.DemoKey(), rolled.KeyRaw)
	}
	e.do(old, "GET", pathCredits, nil).wantStatus(t, http.StatusUnauthorized)
	e.do(rolled.KeyRaw, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)

	// Deleting the key in use locks the caller out at once.
	e.do(rolled.KeyRaw, "DELETE", pathAPIKeys+"/"+uid, nil).wantStatus(t, http.StatusNoContent)
	e.do(rolled.KeyRaw, "GET", pathCredits, nil).wantStatus(t, http.StatusUnauthorized)
	if sim.DemoKey() != "" {
		t.Fatalf("DemoKey = %q after deleting it, want \"\"", sim.DemoKey())
	}
}

func TestCreatedKeysAreUnique(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	uids, raws := map[string]bool{}, map[string]bool{}
	for range 50 {
		k := e.createAPIKey(sim.DemoKey(), "same name")
		if uids[k.UID] || raws[k.KeyRaw] {
			t.Fatalf("duplicate uid or key_raw: %+v", k)
		}
		uids[k.UID], raws[k.KeyRaw] = true, true
	}
}
