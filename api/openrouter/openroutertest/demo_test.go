package openroutertest_test

import (
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

func TestDemo(t *testing.T) {
	clock := openroutertest.WithClock(func() time.Time { return fixedNow })
	sim := openroutertest.NewDemo(clock)
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()

	keys := e.list(mgmt, "?include_disabled=true")
	if len(keys) != 11 {
		t.Fatalf("%d demo keys, want 11", len(keys))
	}
	if n := len(e.list(mgmt, "")); n != 9 {
		t.Fatalf("%d enabled demo keys, want 9", n)
	}
	byName := map[string]apiKey{}
	manyDecimals := 0
	for _, k := range keys {
		byName[k.Name] = k
		if s := strconv.FormatFloat(k.Usage, 'f', -1, 64); strings.Contains(s, ".") && len(s)-strings.Index(s, ".") > 6 {
			manyDecimals++
		}
	}
	if manyDecimals < 5 {
		t.Fatalf("only %d keys have usage with many decimals", manyDecimals)
	}
	if k := byName["mobile-app-beta"]; deref(k.LimitRemaining) != 0.0 || deref(k.LimitReset) != "monthly" {
		t.Fatalf("mobile-app-beta should be over its monthly limit: %+v", k)
	}
	if k := byName["contractor-eval"]; k.ExpiresAt == nil {
		t.Fatal("contractor-eval does not expire")
	}
	if !byName["old-prototype"].Disabled || !byName["hackathon-2025"].Disabled {
		t.Fatal("the disabled demo keys are not disabled")
	}
	for _, reset := range []string{"daily", "weekly", "monthly"} {
		found := false
		for _, k := range keys {
			found = found || deref(k.LimitReset) == reset
		}
		if !found {
			t.Fatalf("no demo key resets %s", reset)
		}
	}

	cur := e.current(sim.DemoInferenceKey())
	if cur.IsManagementKey || cur.Label != byName["targon-dash (this laptop)"].Label {
		t.Fatalf("DemoInferenceKey reads %+v", cur)
	}
	r := e.do(mgmt, "GET", pathCredits, nil)
	var c data[credits]
	r.decode(t, &c)
	var used float64
	for _, k := range keys {
		used += k.Usage
	}
	if c.Data.TotalCredits != 1250 || c.Data.TotalUsage <= used || c.Data.TotalUsage >= c.Data.TotalCredits {
		t.Fatalf("credits %+v, keys used %v", c.Data, used)
	}

	// Same clock and seed, same data; deleting the laptop key empties
	// DemoInferenceKey.
	again := newEnv(t, openroutertest.NewDemo(clock))
	if other := again.list(again.sim.DemoManagementKey(), "?include_disabled=true"); !reflect.DeepEqual(other, keys) {
		t.Fatal("NewDemo is not reproducible")
	}
	e.do(mgmt, "DELETE", pathKeys+"/"+byName["targon-dash (this laptop)"].Hash, nil).wantStatus(t, http.StatusOK)
	if sim.DemoInferenceKey() != "" {
		t.Fatal("DemoInferenceKey of a deleted key")
	}
	if openroutertest.New().DemoInferenceKey() != "" {
		t.Fatal("New has a DemoInferenceKey")
	}
}

func TestSeededSecrets(t *testing.T) {
	createOn := func(opts ...openroutertest.Option) created {
		sim := openroutertest.New(append(opts, openroutertest.WithClock(func() time.Time { return fixedNow }))...)
		return newEnv(t, sim).create(sim.DemoManagementKey(), map[string]any{"name": "x"})
	}
	a, b := createOn(openroutertest.WithSeededSecrets()), createOn(openroutertest.WithSeededSecrets())
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("seeded secrets differ: %s, %s", a.Key, b.Key)
	}
	if c := createOn(openroutertest.WithSeededSecrets(), openroutertest.WithSeed(2)); c.Key == a.Key {
		t.Fatal("another seed gave the same secret")
	}
	if c, d := createOn(), createOn(); c.Key == d.Key {
		t.Fatal("crypto secrets repeat")
	}
}
