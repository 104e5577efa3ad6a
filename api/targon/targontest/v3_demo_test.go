package targontest_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// v3Snapshot is everything the demo user sees over v3.
type v3Snapshot struct {
	orgs    []orgInfo
	tokens  []apiToken
	keys    map[string][]sshKey
	service map[string][]serviceToken
}

func v3snap(t *testing.T, sim *targontest.Server) v3Snapshot {
	t.Helper()
	e := newEnv(t, sim)
	key := sim.DemoKey()
	s := v3Snapshot{keys: map[string][]sshKey{}, service: map[string][]serviceToken{}}
	s.orgs, _ = listAllV3[orgInfo](e, key, pathOrgs, "50")
	s.tokens, _ = listAllV3[apiToken](e, key, pathAPITokens, "50")
	for _, o := range s.orgs {
		s.keys[o.Slug], _ = listAllV3[sshKey](e, key, orgPath(o.Slug, "ssh-keys"), "50")
		s.service[o.Slug], _ = listAllV3[serviceToken](e, key, orgPath(o.Slug, "tokens"), "50")
	}
	return s
}

func TestV3DemoData(t *testing.T) {
	now := func() time.Time { return fixedNow }
	sim := targontest.NewDemo(targontest.WithClock(now))
	s := v3snap(t, sim)
	if sim.DemoOrg() != "acme" {
		t.Fatalf("DemoOrg = %q", sim.DemoOrg())
	}
	got := names(s.orgs, func(o orgInfo) string {
		return strings.Join([]string{o.Slug, o.Name, o.OrgType, o.Role, o.Credits.String(), o.BillingEmail}, "|")
	})
	want := []string{"acme|Acme Robotics|TEAM|ADMIN|12480.55|billing@acme.dev", "alice|Alice Moreau|PERSONAL|OWNER|18.4|alice@acme.dev"}
	if !slices.Equal(got, want) {
		t.Fatalf("orgs = %q, want %q", got, want)
	}
	// The personal tokens are v2's keys, without secrets.
	v2 := snapshot(t, sim)
	if !slices.Equal(names(s.tokens, func(k apiToken) string { return k.UID + k.Name }),
		names(v2.apiKeys, func(k apiKey) string { return k.UID + k.Name })) {
		t.Fatalf("tokens %+v differ from v2 keys %+v", s.tokens, v2.apiKeys)
	}
	wantKeys := map[string][]string{
		"alice": {"yubikey-5c", "home-desktop", "work-laptop"},
		"acme":  {"ci-runner", "build-server"},
	}
	wantService := map[string][]string{
		"alice": {"home-lab-backup:alice"},
		"acme":  {"batch-eval:carol", "ci-deploy:alice", "grafana-exporter:", "prod-inference:bob"},
	}
	for slug := range wantKeys {
		if got := names(s.keys[slug], func(k sshKey) string { return k.Name }); !slices.Equal(got, wantKeys[slug]) {
			t.Fatalf("%s SSH keys = %q", slug, got)
		}
		got := names(s.service[slug], func(k serviceToken) string {
			if k.CreatedBy == nil {
				return k.Name + ":"
			}
			return k.Name + ":" + k.CreatedBy.Username
		})
		if !slices.Equal(got, wantService[slug]) {
			t.Fatalf("%s service tokens = %q", slug, got)
		}
	}
	if c := s.service["acme"][0].CreatedBy; c.Email != "carol@acme.dev" || c.FirstName != "" || c.LastName != "" {
		t.Fatalf("carol = %+v", c)
	}
	// Dates: in the past, newest first, within the demo's ten months.
	for slug, keys := range s.keys {
		for i, k := range keys {
			created := checkTime(t, k.CreatedAt)
			if created.After(fixedNow) || created.Before(fixedNow.AddDate(0, -10, 0)) ||
				(i > 0 && created.After(checkTime(t, keys[i-1].CreatedAt))) {
				t.Fatalf("%s key %+v out of order or range", slug, k)
			}
		}
	}
	// The same clock and seed give the same data.
	if again := v3snap(t, targontest.NewDemo(targontest.WithClock(now))); !reflect.DeepEqual(again, s) {
		t.Fatal("NewDemo's v3 data differs between runs")
	}
}

// TestV3KeepsV2Data: adding v3 changed none of NewDemo's seeded v2 data,
// nor the keys a seeded server creates next (golden screens rely on them):
// the values below are those of the simulator before v3.
func TestV3KeepsV2Data(t *testing.T) {
	sim := targontest.NewDemo(targontest.WithClock(func() time.Time { return fixedNow }), targontest.WithSeededSecrets())
	e := newEnv(t, sim)
	s := snapshot(t, sim)
	k := e.createAPIKey(s.key, "n")
	got := []string{s.key, s.apiKeys[3].UID, s.sshKeys[0].UID, k.UID, k.KeyRaw, sim.AddAccount(5)}
	want := []string{"tgn_HmXVjWWSkmfyw5oUQbXTTHtUho7mD2oxykLsmp5X", "key-c8f7c97b0d61", "shk-b771d398c3ec",
		"key-ab414b785895", "tgn_fcmHh4HbEgM5nQZ2GzJG3kC1p7Zc2Dr8FoHKDaFC", "tgn_TdjHqubAAIs8QTjXunNN8ob9ewCxNhTou1Rc16hF"}
	if !slices.Equal(got, want) {
		t.Fatalf("v2 values = %q, want %q", got, want)
	}
}

func TestV3Usage(t *testing.T) {
	sim := targontest.NewDemo(targontest.WithUsage())
	e := newEnv(t, sim)
	var first, second credits
	e.getV3(sim.DemoKey(), orgPath("acme", "credits"), &first)
	e.getV3(sim.DemoKey(), orgPath("acme", "credits"), &second)
	f, _ := first.Credits.Float64()
	g, _ := second.Credits.Float64()
	if f != 12480.55 || g >= f || g < f-6.2 {
		t.Fatalf("credits %v then %v", f, g)
	}
}
