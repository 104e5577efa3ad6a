package targontest_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestV3APITokens(t *testing.T) {
	clk := newClock()
	sim := targontest.New(targontest.WithClock(clk.Now))
	e := newEnv(t, sim)
	token := sim.DemoKey()
	k := e.createToken(token, "  laptop  ")
	if k.Name != "laptop" || checkTime(t, k.CreatedAt) != fixedNow || k.UpdatedAt != k.CreatedAt {
		t.Fatalf("created = %+v", k)
	}
	// The secret authenticates v3 and v2 alike: v2's keys are v3's
	// personal tokens.
	e.do(*k.Token, "GET", pathOrgs, nil).wantStatus(t, http.StatusOK)
	e.do(*k.Token, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)

	r := e.do(token, "GET", pathAPITokens, nil)
	var p pageV3[apiToken]
	r.decode(t, &p)
	if got := names(p.Items, func(k apiToken) string { return k.Name }); !slices.Equal(got, []string{"laptop", "default"}) {
		t.Fatalf("tokens = %q", got)
	}
	for _, it := range p.Items {
		if it.Token != nil {
			t.Fatalf("a list carries a secret: %s", r.body)
		}
	}
	if raw := r.rawFields(t); string(raw["next_cursor"]) != "null" {
		t.Fatalf("next_cursor = %s, want null", raw["next_cursor"])
	}
	v2, _ := listAll[apiKey](e, token, pathAPIKeys, "100")
	if len(v2) != 2 || v2[0].UID != k.UID || v2[0].KeyRaw != *k.Token {
		t.Fatalf("v2 keys = %+v", v2)
	}

	clk.Advance(time.Hour)
	r = e.do(token, "PATCH", pathAPITokens+"/"+k.UID, map[string]string{"name": "work laptop"})
	r.wantStatus(t, http.StatusOK)
	var renamed apiToken
	r.decode(t, &renamed)
	if renamed.Name != "work laptop" || renamed.Token != nil || renamed.CreatedAt != k.CreatedAt ||
		checkTime(t, renamed.UpdatedAt) != fixedNow.Add(time.Hour) {
		t.Fatalf("renamed = %+v", renamed)
	}
	if raw := r.rawFields(t); string(raw["token"]) != "null" {
		t.Fatalf("PATCH token = %s, want null", raw["token"])
	}

	// Another user's token is forbidden, as in v2.
	other := sim.AddAccount(1)
	otherToken := e.createToken(other, "theirs")
	e.do(token, "PATCH", pathAPITokens+"/"+otherToken.UID, map[string]string{"name": "x"}).
		wantV3Error(t, http.StatusForbidden, "FORBIDDEN", "not allowed")
	e.do(token, "DELETE", pathAPITokens+"/"+otherToken.UID, nil).wantV3Error(t, http.StatusForbidden, "FORBIDDEN", "not allowed")

	r = e.do(token, "DELETE", pathAPITokens+"/"+k.UID, nil)
	if r.status != http.StatusNoContent || len(r.body) != 0 {
		t.Fatalf("DELETE = %d %q", r.status, r.body)
	}
	e.do(*k.Token, "GET", pathOrgs, nil).wantV3Error(t, http.StatusUnauthorized, "UNAUTHORIZED", "invalid or missing")
	e.do(token, "DELETE", pathAPITokens+"/"+k.UID, nil).wantV3Error(t, http.StatusNotFound, "NOT_FOUND", "API key not found")
}

func TestV3ServiceTokens(t *testing.T) {
	sim := targontest.NewDemo(targontest.WithClock(func() time.Time { return fixedNow }))
	e := newEnv(t, sim)
	alice := sim.DemoKey()
	st := e.createServiceToken(alice, "acme", "nightly-eval")
	if checkTime(t, st.CreatedAt) != fixedNow || st.CreatedBy == nil ||
		*st.CreatedBy != (creator{Username: "alice", Email: "alice@acme.dev", FirstName: "Alice", LastName: "Moreau"}) {
		t.Fatalf("created = %+v (%+v)", st, st.CreatedBy)
	}
	secret := *st.Token

	// A service token acts within its own org only, as an ADMIN.
	orgs, _ := listAllV3[orgInfo](e, secret, pathOrgs, "50")
	if len(orgs) != 1 || orgs[0].Slug != "acme" || orgs[0].Role != "ADMIN" {
		t.Fatalf("orgs seen by a service token = %+v", orgs)
	}
	e.do(secret, "GET", orgPath("acme", "credits"), nil).wantStatus(t, http.StatusOK)
	e.createOrgSSHKey(secret, "acme", "from-ci", newED25519(t, "ci"))
	e.do(secret, "GET", orgPath("alice"), nil).wantV3Error(t, http.StatusNotFound, "NOT_FOUND", "organization not found")
	e.do(secret, "GET", pathAPITokens, nil).wantV3Error(t, http.StatusForbidden, "FORBIDDEN", "service token")
	e.do(secret, "POST", pathAPITokens, map[string]string{"name": "x"}).wantV3Error(t, http.StatusForbidden, "FORBIDDEN", "service token")
	e.do(secret, "GET", pathCredits, nil).wantError(t, http.StatusUnauthorized, "invalid or missing API key")
	// What a service token makes has no creator.
	made := e.createServiceToken(secret, "acme", "made by a token")
	if made.CreatedBy != nil {
		t.Fatalf("created_by = %+v, want null", made.CreatedBy)
	}

	r := e.do(alice, "GET", orgPath("acme", "tokens")+"?limit=3", nil)
	r.wantStatus(t, http.StatusOK)
	if raw := r.rawFields(t); string(raw["next_cursor"]) == "null" {
		t.Fatalf("first of two pages ends the list: %s", r.body)
	}
	all, _ := listAllV3[serviceToken](e, alice, orgPath("acme", "tokens"), "3")
	got := names(all, func(s serviceToken) string {
		if s.CreatedBy == nil {
			return s.Name + " by -"
		}
		return s.Name + " by " + s.CreatedBy.Username
	})
	want := []string{"made by a token by -", "nightly-eval by alice", "batch-eval by carol", "ci-deploy by alice",
		"grafana-exporter by -", "prod-inference by bob"}
	if !slices.Equal(got, want) {
		t.Fatalf("service tokens = %q, want %q", got, want)
	}
	for _, s := range all {
		if s.Token != nil {
			t.Fatalf("list shows the secret of %+v", s)
		}
	}
	// Delete: in its org only; the secret stops working.
	e.do(alice, "DELETE", orgPath("alice", "tokens", st.UID), nil).wantV3Error(t, http.StatusNotFound, "NOT_FOUND", "service token not found")
	r = e.do(alice, "DELETE", orgPath("acme", "tokens", st.UID), nil)
	if r.status != http.StatusNoContent || len(r.body) != 0 {
		t.Fatalf("DELETE = %d %q", r.status, r.body)
	}
	e.do(secret, "GET", pathOrgs, nil).wantV3Error(t, http.StatusUnauthorized, "UNAUTHORIZED", "invalid or missing")
	e.do(alice, "DELETE", orgPath("acme", "tokens", st.UID), nil).wantV3Error(t, http.StatusNotFound, "NOT_FOUND", "service token not found")
}
