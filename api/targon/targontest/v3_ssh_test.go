package targontest_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestV3OrgSSHKeys(t *testing.T) {
	clk := newClock()
	sim := targontest.New(targontest.WithClock(clk.Now))
	e := newEnv(t, sim)
	token := sim.DemoKey()
	if err := sim.AddOrg("team", "Team", targontest.RoleAdmin, 0); err != nil {
		t.Fatal(err)
	}
	line := newED25519(t, "alice@laptop")
	k := e.createOrgSSHKey(token, "dev", "laptop", line)
	if k.PublicKeyRaw != line || k.Name != "laptop" || checkTime(t, k.CreatedAt) != fixedNow || k.UpdatedAt != k.CreatedAt {
		t.Fatalf("created = %+v", k)
	}
	var got sshKey
	e.getV3(token, orgPath("dev", "ssh-keys", k.UID), &got)
	if got != k {
		t.Fatalf("GET = %+v, want %+v", got, k)
	}
	// The same key in this org again is a duplicate; in another org it
	// is not. v2's SSH keys are kept apart from the orgs'.
	e.do(token, "POST", orgPath("dev", "ssh-keys"), map[string]string{"name": "again", "ssh_key": line}).
		wantV3Error(t, http.StatusBadRequest, "BAD_REQUEST", "already exists")
	other := e.createOrgSSHKey(token, "team", "laptop", line)
	e.createSSHKey(token, "laptop", line)
	if v2, _ := listAll[sshKey](e, token, pathSSHKeys, "100"); len(v2) != 1 {
		t.Fatalf("v2 SSH keys = %+v", v2)
	}
	// A key of another org is not found under this one's path, nor under
	// v2's.
	e.do(token, "GET", orgPath("dev", "ssh-keys", other.UID), nil).wantV3Error(t, http.StatusNotFound, "NOT_FOUND", "SSH key not found")
	e.do(token, "GET", pathSSHKeys+"/"+k.UID, nil).wantError(t, http.StatusNotFound, "SSH key not found")

	clk.Advance(time.Minute)
	r := e.do(token, "PATCH", orgPath("dev", "ssh-keys", k.UID), map[string]string{"name": "old laptop"})
	r.wantStatus(t, http.StatusOK)
	r.decode(t, &got)
	if got.Name != "old laptop" || got.PublicKeyRaw != line || checkTime(t, got.UpdatedAt) != fixedNow.Add(time.Minute) {
		t.Fatalf("renamed = %+v", got)
	}
	keys, _ := listAllV3[sshKey](e, token, orgPath("dev", "ssh-keys"), "1")
	if len(keys) != 1 || keys[0] != got {
		t.Fatalf("list = %+v", keys)
	}
	r = e.do(token, "DELETE", orgPath("dev", "ssh-keys", k.UID), nil)
	if r.status != http.StatusNoContent || len(r.body) != 0 {
		t.Fatalf("DELETE = %d %q", r.status, r.body)
	}
	e.do(token, "DELETE", orgPath("dev", "ssh-keys", k.UID), nil).wantV3Error(t, http.StatusNotFound, "NOT_FOUND", "SSH key not found")
	// Deleted, the key may be added again.
	e.createOrgSSHKey(token, "dev", "laptop", line)
}

func TestV3OrgSSHKeyValidation(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	cases := []struct {
		name   string
		key    any
		reason string
	}{
		{"missing", nil, "ssh_key is required"},
		{"not a string", 12, "ssh_key must be a string"},
		{"empty", "", "ssh_key must not be empty"},
		{"private key", privateOpenSSH, "private key"},
		{"putty private key", privatePuTTY, "private key"},
		{"pem public key", pemPublic, "OpenSSH public key line"},
		{"garbage", "hello world", "not a valid OpenSSH public key"},
		{"rsa 1024", keyRSA1024, "at least 2048 bits"},
		{"dsa", dsaLine(), "not supported"},
		{"two keys", keyED25519 + "\n" + keyECDSA384, "single line"},
		{"options", `from="10.0.0.1" ` + keyED25519, "options"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body := map[string]any{"name": "k"}
			if tc.key != nil {
				body["ssh_key"] = tc.key
			}
			e.do(sim.DemoKey(), "POST", orgPath("dev", "ssh-keys"), body).wantV3Error(t, http.StatusBadRequest, "BAD_REQUEST", tc.reason)
		})
	}
	for _, line := range []string{keyED25519, keyECDSA384, keyECDSA521, keyRSA2048, keySKED25519} {
		k := e.createOrgSSHKey(sim.DemoKey(), "dev", "ok", line)
		if k.PublicKeyRaw != line {
			t.Fatalf("stored %q, want %q", k.PublicKeyRaw, line)
		}
	}
}

func TestV3NameValidation(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	token := sim.DemoKey()
	tok := e.createToken(token, "target")
	key := e.createOrgSSHKey(token, "dev", "target", newED25519(t, ""))
	withKey := func(b any) any {
		if m, ok := b.(map[string]any); ok {
			m2 := map[string]any{"ssh_key": newED25519(t, "")}
			for k, v := range m {
				m2[k] = v
			}
			return m2
		}
		return b
	}
	same := func(b any) any { return b }
	endpoints := []struct {
		name, method, path string
		body               func(any) any
		ok                 int
	}{
		{"create API token", "POST", pathAPITokens, same, http.StatusCreated},
		{"rename API token", "PATCH", pathAPITokens + "/" + tok.UID, same, http.StatusOK},
		{"create service token", "POST", orgPath("dev", "tokens"), same, http.StatusCreated},
		{"create SSH key", "POST", orgPath("dev", "ssh-keys"), withKey, http.StatusCreated},
		{"rename SSH key", "PATCH", orgPath("dev", "ssh-keys", key.UID), same, http.StatusOK},
	}
	for _, ep := range endpoints {
		for _, tc := range nameCases {
			t.Run(ep.name+"/"+tc.name, func(t *testing.T) {
				body := ep.body(tc.body)
				if s, ok := body.(string); ok && s == "" {
					body = nil
				}
				r := e.do(token, ep.method, ep.path, body)
				if tc.reason != "" {
					r.wantV3Error(t, http.StatusBadRequest, "BAD_REQUEST", tc.reason)
					return
				}
				r.wantStatus(t, ep.ok)
				var got struct {
					Name string `json:"name"`
				}
				if err := jsonUnmarshal(r.body, &got); err != nil || got.Name != tc.wantName {
					t.Fatalf("name = %q (%v), want %q", got.Name, err, tc.wantName)
				}
			})
		}
	}
	big := `{"name":"x","pad":"` + strings.Repeat("a", 1<<20) + `"}`
	e.do(token, "POST", pathAPITokens, big).wantV3Error(t, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE", "1 MiB")
}

// TestV3OrgSSHKeysOrder: a big org's keys list newest first across pages.
func TestV3OrgSSHKeysOrder(t *testing.T) {
	sim := targontest.NewDemo(targontest.WithClock(func() time.Time { return fixedNow }), targontest.WithSSHKeys(30))
	e := newEnv(t, sim)
	keys, pages := listAllV3[sshKey](e, sim.DemoKey(), orgPath("acme", "ssh-keys"), "7")
	if len(keys) != 32 || pages != 5 {
		t.Fatalf("%d keys in %d pages, want 32 in 5", len(keys), pages)
	}
	if !slices.IsSortedFunc(keys, func(a, b sshKey) int { return strings.Compare(b.CreatedAt, a.CreatedAt) }) {
		t.Fatal("org SSH keys are not newest first")
	}
}
