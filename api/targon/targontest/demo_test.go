package targontest_test

import (
	"crypto/rsa"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// demoSnapshot is everything a client can see of an account.
type demoSnapshot struct {
	key     string
	credits credits
	apiKeys []apiKey
	sshKeys []sshKey
}

func snapshot(t *testing.T, sim *targontest.Server) demoSnapshot {
	t.Helper()
	e := newEnv(t, sim)
	s := demoSnapshot{key: sim.DemoKey()}
	e.do(s.key, "GET", pathCredits, nil).decode(t, &s.credits)
	s.apiKeys, _ = listAll[apiKey](e, s.key, pathAPIKeys, "100")
	s.sshKeys, _ = listAll[sshKey](e, s.key, pathSSHKeys, "100")
	return s
}

func TestDemoData(t *testing.T) {
	now := func() time.Time { return fixedNow }
	s := snapshot(t, targontest.NewDemo(targontest.WithClock(now)))

	if s.credits.Credits.String() != "1284750" || s.credits.Currency != "USD" {
		t.Fatalf("credits = %+v", s.credits)
	}
	var names []string
	for _, k := range s.apiKeys {
		names = append(names, k.Name)
	}
	wantNames := []string{"targon-dash (this laptop)", "grafana-exporter", "jupyter-research", "batch-embeddings",
		"ci-github-actions", "staging", "production-inference", "old-prototype"}
	if !slices.Equal(names, wantNames) {
		t.Fatalf("API keys (newest first) = %q, want %q", names, wantNames)
	}
	if s.apiKeys[0].KeyRaw != s.key {
		t.Fatal("DemoKey is not the key named \"targon-dash (this laptop)\"")
	}

	wantSSH := []struct{ name, typ, comment string }{
		{"yubikey-5c", "sk-ssh-ed25519@openssh.com", "alice@yubikey-5c"},
		{"home-desktop", "ssh-ed25519", "alice@home-desktop"},
		{"ci-runner", "ecdsa-sha2-nistp256", "ci@runner-01"},
		{"work-laptop", "ssh-ed25519", "alice@work-laptop"},
		{"build-server", "ssh-rsa", "deploy@build-server"},
	}
	if len(s.sshKeys) != len(wantSSH) {
		t.Fatalf("%d SSH keys, want %d", len(s.sshKeys), len(wantSSH))
	}
	for i, w := range wantSSH {
		k := s.sshKeys[i]
		pub, comment, _, _, err := ssh.ParseAuthorizedKey([]byte(k.PublicKeyRaw))
		if err != nil || k.Name != w.name || pub.Type() != w.typ || comment != w.comment {
			t.Fatalf("SSH key %d = %+v (%v), want %+v", i, k, err, w)
		}
		if w.typ == "ssh-rsa" {
			if bits := pub.(ssh.CryptoPublicKey).CryptoPublicKey().(*rsa.PublicKey).N.BitLen(); bits != 4096 {
				t.Fatalf("build-server is RSA %d, want 4096", bits)
			}
		}
	}

	// Dates: spread over the past ten months, never in the future, updated
	// no earlier than created.
	tenMonths := fixedNow.AddDate(0, -10, 0)
	check := func(what, created, updated string) {
		c, u := checkTime(t, created), checkTime(t, updated)
		if c.Before(tenMonths) || c.After(fixedNow) || u.Before(c) || u.After(fixedNow) {
			t.Fatalf("%s: created %s updated %s, want within ten months before %s", what, created, updated, fixedNow)
		}
	}
	for _, k := range s.apiKeys {
		check(k.Name, k.CreatedAt, k.UpdatedAt)
		if !keyUIDPattern.MatchString(k.UID) || !keyRawPattern.MatchString(k.KeyRaw) {
			t.Fatalf("demo key %+v has a malformed uid or key_raw", k)
		}
	}
	for _, k := range s.sshKeys {
		check(k.Name, k.CreatedAt, k.UpdatedAt)
		if !shkUIDPattern.MatchString(k.UID) {
			t.Fatalf("demo SSH key uid %q", k.UID)
		}
	}
	oldest := s.apiKeys[len(s.apiKeys)-1]
	if oldest.CreatedAt != "2024-08-08T07:48:00Z" {
		t.Fatalf("old-prototype created %s, want 297d 4h12m before the clock", oldest.CreatedAt)
	}
	var updatedLater int
	for _, k := range s.apiKeys {
		if k.UpdatedAt != k.CreatedAt {
			updatedLater++
		}
	}
	if updatedLater == 0 {
		t.Fatal("no demo key was ever updated; the dates look fake")
	}
}

func TestDemoIsDeterministic(t *testing.T) {
	now := func() time.Time { return fixedNow }
	a := snapshot(t, targontest.NewDemo(targontest.WithClock(now)))
	b := snapshot(t, targontest.NewDemo(targontest.WithClock(now)))
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("two demo servers with the same clock differ:\n%v\n%v", a, b)
	}
	// Keys and dates are the same when extra keys are generated too.
	a = snapshot(t, targontest.NewDemo(targontest.WithClock(now), targontest.WithAPIKeys(50), targontest.WithSSHKeys(20)))
	b = snapshot(t, targontest.NewDemo(targontest.WithClock(now), targontest.WithAPIKeys(50), targontest.WithSSHKeys(20)))
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatal("generated demo data differs between runs")
	}
	// Another seed: other uids and secrets, same names and dates.
	c := snapshot(t, targontest.NewDemo(targontest.WithClock(now), targontest.WithSeed(42), targontest.WithAPIKeys(50), targontest.WithSSHKeys(20)))
	if c.key == a.key || c.apiKeys[0].UID == a.apiKeys[0].UID {
		t.Fatal("WithSeed did not change the generated uids and secrets")
	}
	dates := func(s demoSnapshot) map[string]string {
		m := map[string]string{}
		for _, k := range s.apiKeys {
			if !regexp.MustCompile(`-\d{4}$`).MatchString(k.Name) {
				m[k.Name] = k.CreatedAt + " " + k.UpdatedAt
			}
		}
		return m
	}
	if da, dc := dates(a), dates(c); len(c.apiKeys) != len(a.apiKeys) || len(da) != 8 || fmt.Sprint(da) != fmt.Sprint(dc) {
		t.Fatalf("WithSeed changed names or dates of the fixed demo keys:\n%v\n%v", da, dc)
	}
	// New is deterministic too.
	if targontest.New().DemoKey() != targontest.New().DemoKey() {
		t.Fatal("New's key differs between runs")
	}
}

func TestGeneratedKeys(t *testing.T) {
	sim := targontest.NewDemo(targontest.WithClock(func() time.Time { return fixedNow }), targontest.WithAPIKeys(300), targontest.WithSSHKeys(200))
	s := snapshot(t, sim)
	if len(s.apiKeys) != 308 || len(s.sshKeys) != 205 {
		t.Fatalf("%d API keys and %d SSH keys, want 308 and 205", len(s.apiKeys), len(s.sshKeys))
	}
	generatedName := regexp.MustCompile(`^[a-z-]+-\d{4}$`)
	uids, blobs := map[string]bool{}, map[string]bool{}
	for _, k := range s.apiKeys {
		if uids[k.UID] {
			t.Fatalf("duplicate uid %s", k.UID)
		}
		uids[k.UID] = true
	}
	var generated int
	for _, k := range s.sshKeys {
		pub, _, _, _, err := ssh.ParseAuthorizedKey([]byte(k.PublicKeyRaw))
		if err != nil {
			t.Fatalf("generated SSH key %q: %v", k.PublicKeyRaw, err)
		}
		if blobs[string(pub.Marshal())] || uids[k.UID] {
			t.Fatalf("duplicate SSH key %+v", k)
		}
		blobs[string(pub.Marshal())], uids[k.UID] = true, true
		if generatedName.MatchString(k.Name) {
			generated++
		}
	}
	if generated != 200 {
		t.Fatalf("%d SSH keys have generated names, want 200", generated)
	}
	// The generated keys are real: adding one again is a duplicate.
	e := newEnv(t, sim)
	e.do(s.key, "POST", pathSSHKeys, map[string]string{"name": "dup", "ssh_key": s.sshKeys[7].PublicKeyRaw}).
		wantError(t, http.StatusBadRequest, "already exists")
}

func TestBigAccount(t *testing.T) {
	if testing.Short() {
		t.Skip("big account")
	}
	start := time.Now()
	sim := targontest.NewDemo(targontest.WithAPIKeys(10000), targontest.WithSSHKeys(10000))
	built := time.Since(start)
	e := newEnv(t, sim)
	start = time.Now()
	keys, pages := listAll[apiKey](e, sim.DemoKey(), pathAPIKeys, "100")
	ssh, _ := listAll[sshKey](e, sim.DemoKey(), pathSSHKeys, "100")
	if len(keys) != 10008 || len(ssh) != 10005 || pages != 101 {
		t.Fatalf("listed %d API keys in %d pages and %d SSH keys", len(keys), pages, len(ssh))
	}
	t.Logf("built in %v, listed 20,013 keys in %v", built, time.Since(start))
}

// TestSeededSecrets: with WithSeededSecrets, keys created and rolled through
// the API are the same on every run; without it they differ.
func TestSeededSecrets(t *testing.T) {
	run := func(opts ...targontest.Option) (created, rolled string) {
		sim := targontest.New(opts...)
		e := newEnv(t, sim)
		k := e.createAPIKey(sim.DemoKey(), "ci")
		var r apiKey
		e.do(sim.DemoKey(), "POST", "/tha/v2/me/api-keys/"+k.UID+":roll", nil).decode(t, &r)
		return k.UID + " " + k.KeyRaw, r.KeyRaw
	}
	c1, r1 := run(targontest.WithSeededSecrets())
	c2, r2 := run(targontest.WithSeededSecrets())
	if c1 != c2 || r1 != r2 {
		t.Fatalf("seeded secrets differ between runs: %q/%q vs %q/%q", c1, r1, c2, r2)
	}
	c3, _ := run()
	c4, _ := run()
	if c3 == c4 {
		t.Fatal("without WithSeededSecrets two runs created the same key")
	}
}
