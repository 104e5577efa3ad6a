package openroutertest_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

var (
	hashPattern   = regexp.MustCompile(`^[0-9a-f]{64}$`)
	secretPattern = regexp.MustCompile(`^sk-or-v1-[0-9a-f]{64}$`)
)

func TestCreateGetUpdateDelete(t *testing.T) {
	now := fixedNow
	sim := openroutertest.New(openroutertest.WithClock(func() time.Time { return now }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()

	c := e.create(mgmt, map[string]any{"name": "ci", "limit": 12.5, "limit_reset": "weekly", "include_byok_in_limit": true})
	k := c.Data
	if !secretPattern.MatchString(c.Key) || !hashPattern.MatchString(k.Hash) {
		t.Fatalf("key %q, hash %q", c.Key, k.Hash)
	}
	// OpenRouter's own example: "sk-or-v1-0e6...1c96", the prefix and
	// three characters, then the last four.
	if want := c.Key[:12] + "..." + c.Key[len(c.Key)-4:]; k.Label != want {
		t.Fatalf("label = %q, want %q", k.Label, want)
	}
	if k.Name != "ci" || k.Disabled || deref(k.Limit) != 12.5 || deref(k.LimitRemaining) != 12.5 ||
		deref(k.LimitReset) != "weekly" || !k.IncludeBYOKInLimit || k.Usage != 0 ||
		k.CreatedAt != "2025-06-01T12:00:00.000Z" || k.UpdatedAt != nil || k.ExpiresAt != nil ||
		k.CreatorUserID == nil || k.WorkspaceID == "" {
		t.Fatalf("created %+v", k)
	}

	// The plaintext is an inference key: it reads itself, and nothing else.
	cur := e.current(c.Key)
	if cur.Label != k.Label || cur.IsManagementKey || cur.IsProvisioningKey || cur.IsFreeTier ||
		deref(cur.Limit) != 12.5 || deref(cur.LimitReset) != "weekly" || cur.RateLimit.Requests != -1 ||
		cur.RateLimit.Interval == "" || cur.RateLimit.Note == "" {
		t.Fatalf("GET /key with the new key: %+v", cur)
	}
	e.do(c.Key, "GET", pathKeys, nil).wantError(t, http.StatusForbidden, "Only management keys can perform this operation")

	if got := e.get(mgmt, k.Hash); !reflect.DeepEqual(got, k) {
		t.Fatalf("GET /keys/{hash} = %+v, want %+v", got, k)
	}

	now = now.Add(time.Hour)
	r := e.do(mgmt, "PATCH", pathKeys+"/"+k.Hash, map[string]any{"name": "ci-2"})
	r.wantStatus(t, http.StatusOK)
	var patched data[apiKey]
	r.decode(t, &patched)
	if p := patched.Data; p.Name != "ci-2" || deref(p.UpdatedAt) != "2025-06-01T13:00:00.000Z" ||
		deref(p.Limit) != 12.5 || deref(p.LimitReset) != "weekly" || p.CreatedAt != k.CreatedAt {
		t.Fatalf("after renaming: %+v", p)
	}

	r = e.do(mgmt, "DELETE", pathKeys+"/"+k.Hash, nil)
	r.wantStatus(t, http.StatusOK)
	if string(r.body) != "{\"deleted\":true}\n" {
		t.Fatalf("DELETE body = %s", r.body)
	}
	for _, m := range []string{"GET", "PATCH", "DELETE"} {
		e.do(mgmt, m, pathKeys+"/"+k.Hash, map[string]any{}).wantError(t, http.StatusNotFound, "not found")
	}
	e.do(c.Key, "GET", pathKey, nil).wantStatus(t, http.StatusUnauthorized)
}

func TestEveryFieldPresent(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithKeys(3))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	c := e.create(mgmt, map[string]any{"name": "plain"})

	keyFields := append(slices.Clone(requiredKeyFields), "expires_at")
	slices.Sort(keyFields)
	check := func(what string, m map[string]json.RawMessage, want []string, nulls ...string) {
		t.Helper()
		var got []string
		for f := range m {
			got = append(got, f)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("%s has fields %v, want %v", what, got, want)
		}
		for _, f := range nulls {
			if string(m[f]) != "null" {
				t.Fatalf("%s: %s = %s, want null", what, f, m[f])
			}
		}
	}
	nulls := []string{"limit", "limit_remaining", "limit_reset", "updated_at", "expires_at"}
	check("a list item", fields(t, e.do(mgmt, "GET", pathKeys, nil).body, 0), keyFields, nulls...)
	check("GET /keys/{hash}", fields(t, e.do(mgmt, "GET", pathKeys+"/"+c.Data.Hash, nil).body, -1), keyFields, nulls...)
	check("PATCH /keys/{hash}", fields(t, e.do(mgmt, "PATCH", pathKeys+"/"+c.Data.Hash, map[string]any{}).body, -1), keyFields,
		"limit", "limit_remaining", "limit_reset", "expires_at")
	check("POST /keys", fields(t, e.do(mgmt, "POST", pathKeys, map[string]any{"name": "x"}).body, -1), keyFields, nulls...)

	currentFields := append(slices.Clone(requiredCurrentFields), "expires_at")
	slices.Sort(currentFields)
	check("GET /key", fields(t, e.do(c.Key, "GET", pathKey, nil).body, -1), currentFields, nulls[:3]...)
	check("GET /key (management)", fields(t, e.do(mgmt, "GET", pathKey, nil).body, -1), currentFields, nulls[:3]...)
	check("GET /credits", fields(t, e.do(mgmt, "GET", pathCredits, nil).body, -1), []string{"total_credits", "total_usage"})
}

func TestCurrentKeyOfManagementKey(t *testing.T) {
	sim := openroutertest.New()
	e := newEnv(t, sim)
	cur := e.current(sim.DemoManagementKey())
	if !cur.IsManagementKey || !cur.IsProvisioningKey || cur.Limit != nil || cur.LimitRemaining != nil ||
		!strings.HasPrefix(cur.Label, "sk-or-v1-") || !strings.Contains(cur.Label, "...") {
		t.Fatalf("GET /key with the management key: %+v", cur)
	}
	// A management key is not one of the keys /keys manages.
	if keys := e.list(sim.DemoManagementKey(), "?include_disabled=true"); len(keys) != 0 {
		t.Fatalf("listed %d keys, want none", len(keys))
	}
}

func TestCredits(t *testing.T) {
	sim := openroutertest.New()
	e := newEnv(t, sim)
	sim.SetCredits(250, 187.427183912)
	r := e.do(sim.DemoManagementKey(), "GET", pathCredits, nil)
	r.wantStatus(t, http.StatusOK)
	if string(r.body) != `{"data":{"total_credits":250,"total_usage":187.427183912}}`+"\n" {
		t.Fatalf("body = %s", r.body)
	}
}

func TestPatchSemantics(t *testing.T) {
	sim := openroutertest.New()
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	secret, hash := sim.AddInferenceKey("worker")
	if !sim.SetUsage(hash, openroutertest.Usage{Total: 40.123456789, Daily: 1.5, Weekly: 7.25, Monthly: 20.000000001, BYOK: 9, BYOKDaily: 0.5, BYOKWeekly: 1, BYOKMonthly: 3}) {
		t.Fatal("SetUsage found no key")
	}
	if sim.SetUsage(strings.Repeat("0", 64), openroutertest.Usage{}) {
		t.Fatal("SetUsage found an unknown key")
	}
	patch := func(body string) apiKey {
		t.Helper()
		r := e.do(mgmt, "PATCH", pathKeys+"/"+hash, body)
		r.wantStatus(t, http.StatusOK)
		var d data[apiKey]
		r.decode(t, &d)
		return d.Data
	}
	steps := []struct {
		body      string
		limit     any
		remaining any
		reset     any
	}{
		{`{"limit": 100}`, 100.0, 59.876543211, nil}, // no reset: total usage
		{`{"limit_reset": "daily"}`, 100.0, 98.5, "daily"},
		{`{"limit_reset": "weekly"}`, 100.0, 92.75, "weekly"},
		{`{"limit_reset": "monthly"}`, 100.0, 79.999999999, "monthly"},
		{`{"include_byok_in_limit": true}`, 100.0, 76.999999999, "monthly"},
		{`{"limit": 10}`, 10.0, 0.0, "monthly"}, // never below zero
		{`{"limit": 0}`, 0.0, 0.0, "monthly"},
		{`{"limit": null}`, nil, nil, "monthly"}, // null clears the limit
		{`{"limit_reset": null, "limit": 50.5}`, 50.5, 1.376543211, nil},
	}
	for _, s := range steps {
		k := patch(s.body)
		if deref(k.Limit) != s.limit || deref(k.LimitRemaining) != s.remaining || deref(k.LimitReset) != s.reset {
			t.Fatalf("after %s: limit %v, remaining %v, reset %v; want %v, %v, %v",
				s.body, deref(k.Limit), deref(k.LimitRemaining), deref(k.LimitReset), s.limit, s.remaining, s.reset)
		}
	}
	if cur := e.current(secret); deref(cur.LimitRemaining) != 1.376543211 || !cur.IncludeBYOKInLimit {
		t.Fatalf("GET /key after the patches: %+v", cur)
	}

	// Disabling hides the key from the default list and stops it working;
	// enabling brings it back.
	if k := patch(`{"disabled": true}`); !k.Disabled {
		t.Fatal("not disabled")
	}
	if n := len(e.list(mgmt, "")); n != 0 {
		t.Fatalf("default list shows %d keys, want the disabled one hidden", n)
	}
	if keys := e.list(mgmt, "?include_disabled=true"); len(keys) != 1 || !keys[0].Disabled {
		t.Fatalf("include_disabled=true: %+v", keys)
	}
	e.do(secret, "GET", pathKey, nil).wantError(t, http.StatusUnauthorized, "disabled")
	patch(`{"disabled": false}`)
	e.current(secret)
	if n := len(e.list(mgmt, "?include_disabled=false")); n != 1 {
		t.Fatalf("include_disabled=false after enabling: %d keys", n)
	}
}
