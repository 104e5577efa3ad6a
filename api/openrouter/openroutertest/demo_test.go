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
	// fixedNow is the 1st of a month: usage_monthly is "for the current UTC
	// month", so it is today's usage and mobile-app-beta's monthly limit
	// has just reset. (Before the usage figures followed the calendar, this
	// test wanted it over its limit at fixedNow too.) Mid-month it is over.
	if k := byName["mobile-app-beta"]; k.UsageMonthly != k.UsageDaily || deref(k.LimitReset) != "monthly" {
		t.Fatalf("mobile-app-beta on the 1st: %+v", k)
	}
	midMonth := openroutertest.NewDemo(openroutertest.WithClock(func() time.Time { return fixedNow.AddDate(0, 0, 17) }))
	over := false
	for _, k := range newEnv(t, midMonth).list(midMonth.DemoManagementKey(), "") {
		over = over || k.Name == "mobile-app-beta" && deref(k.LimitRemaining) == 0.0
	}
	if !over {
		t.Fatal("mobile-app-beta should be over its monthly limit mid-month")
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

// The demo's second workspace: keys there too, one expiring within a
// week, one expired (listed, not disabled, refused), one unused for a
// month; and 30 days of activity over several models.
func TestDemoWorkspaces(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	sim := openroutertest.NewDemo(openroutertest.WithClock(func() time.Time { return now }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	ws := e.workspaces(mgmt, "").Data
	if len(ws) != 2 {
		t.Fatalf("%d workspaces, want 2", len(ws))
	}
	research := e.list(mgmt, "?include_disabled=true&workspace_id="+ws[1].ID)
	if len(research) != 5 || len(e.list(mgmt, "?include_disabled=true")) != 11 {
		t.Fatalf("%d keys in Research, want 5 (and 11 in the default workspace)", len(research))
	}
	byName := map[string]apiKey{}
	for _, k := range e.allKeys(mgmt) {
		byName[k.Name] = k
	}
	expiry := func(name string) time.Duration {
		at, err := time.Parse(time.RFC3339, deref(byName[name].ExpiresAt).(string))
		if err != nil {
			t.Fatalf("%s: expires_at %v", name, byName[name].ExpiresAt)
		}
		return at.Sub(now)
	}
	if d := expiry("partner-trial"); d <= 0 || d > 7*24*time.Hour {
		t.Fatalf("partner-trial expires in %v, want within a week", d)
	}
	if d := expiry("contractor-eval"); d <= 0 || d > 7*24*time.Hour {
		t.Fatalf("contractor-eval expires in %v, want within a week", d)
	}
	expired := byName["demo-day-2026"]
	if d := expiry("demo-day-2026"); d >= 0 || expired.Disabled || expired.UsageDaily != 0 || expired.Usage == 0 {
		t.Fatalf("demo-day-2026 should have expired after spending: %+v", expired)
	}
	if rows := e.activity(mgmt, "?api_key_hash="+byName["legacy-webhook"].Hash); len(rows) != 0 || byName["legacy-webhook"].Disabled {
		t.Fatalf("legacy-webhook is enabled but unused for a month: %d rows", len(rows))
	}
	if rows := e.activity(mgmt, "?api_key_hash="+byName["eval-harness"].Hash+"&date=2026-11-20"); len(rows) == 0 {
		t.Fatal("eval-harness spent nothing on 2026-11-20")
	}
	models := map[string]bool{}
	for _, r := range e.activity(mgmt, "") {
		models[r.Model] = true
	}
	if len(models) < 4 {
		t.Fatalf("activity over %d models", len(models))
	}
	// The credits used are those of the first release: what the second
	// workspace's keys spent was always part of them.
	var c data[credits]
	e.do(mgmt, "GET", pathCredits, nil).decode(t, &c)
	if c.Data.TotalUsage != 1102.596728154 {
		t.Fatalf("credits used %v", c.Data.TotalUsage)
	}
}
