package targontest_test

import (
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// Public keys made once with ssh-keygen.
const (
	keyRSA2048   = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDdBFzuzR5dZTpDRhka9GlXqODLK8Ng9pCOb59qbM8mk9l/WWea/SKdeJV99oREMo9HluKASVvEBkQhyyfWtWzdJlmBkURAJPBPXncI/V/7q6ZXMkLffSa3rJhAkrmyu9Pwz4fq9uvSfMv3bh/QoX15Xr2mzXLaCr+guw28s9a1fkgl5ZzBwokx+w526feyYoSVq3zEmVKTR+ryuWGh8ote7wDrzKJahGIMHM1NbDNSQyqIjKDtuRo0lkKjLcBgUMTuQt6GaWqvz56cj043iz+H9yY1gMXJ4PYNrAXlqF6iv5OIBFhY75Rw7ott6z/kwoPbL8tVOyN0GZTzUfAkNuFD bob@rsa2048"
	keyRSA1024   = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDELgVUglgzXnLiGgD3Az+nXMV98JzHpNejHivbR25npATF/KPOdK8LZ8XFbE2hV0ILeJgRUbKzK3e/5JvRVGRzbW+Q4Lf/nuBSTvj90+/hJN0UoWgFDMr6nfBGTyZjxQwnDTtdkw5YSsMyMJBpxO2f0hZ/Vrr8++zHfbD8pYV90w== small@old"
	keyECDSA384  = "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBNYngAPvXHFwkRgCIde8p3uwOZAq3Vl9/POY2dvf7BHE3XD7DAx0u1xHerHCeysJRzdxduTOpqVbYjOQ36Db1nTlTmRXxkhnzCzlA+CUyy+IOvSGrqdjhHEt1zy0lZEN4Q== e384"
	keyECDSA521  = "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAAokYPfU03gNvxyialtzvgMi3qLsYQa9qWmS8t32lRIO0a0PA2kuDofXNc8ErHVwoTydYumw39CvaPjWsE8uFK2dgGOU/TNioj9f22SNQ3smlL+h/wJ1apPYcpT3nqcukkGRj20tc8wgMK3KXDl+KrtpeWIuM9FKmMfhAydhCxGAvtacg== e521"
	keySKED25519 = "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIFrACMwvlnY+WZDYRRut+jekBAwP10P1FfihWYXc/UATAAAABHNzaDo= alice@yubikey-5c"
	keyED25519   = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC9eB92aOPoYtrsIOf7Yi2RNkDpZZv/pJxldTe3bUB88 alice@work-laptop"

	privateOpenSSH = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NQAAAJhmYWtl\n-----END OPENSSH PRIVATE KEY-----\n"
	privateRSAPEM  = "-----BEGIN RSA PRIVATE KEY-----\nMIIEogIBAAKCAQEAjL59aVwgKBOuFhPuBl+vKfnlcwxbJnr/zbjacSfujEEkNlJc\n-----END RSA PRIVATE KEY-----"
	privatePuTTY   = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: me\nPublic-Lines: 2\n"
	pemPublic      = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3QRc7s0eXWU6Q0YZGvRp\n-----END PUBLIC KEY-----"
	rfc4716Public  = "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"256-bit ED25519\"\nAAAAC3NzaC1lZDI1NTE5AAAAIC9eB92aOPoYtrsIOf7Yi2RNkDpZZv/pJxldTe3bUB88\n---- END SSH2 PUBLIC KEY ----"
)

// skECDSALine builds a valid sk-ecdsa-sha2-nistp256@openssh.com key.
func skECDSALine(t *testing.T) string {
	t.Helper()
	pub := newECDSA(t, elliptic.P256(), "")
	k, _, _, _, err := ssh.ParseAuthorizedKey([]byte(pub))
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		Name  string
		Curve string
		Point []byte
	}
	if err := ssh.Unmarshal(k.Marshal(), &w); err != nil {
		t.Fatal(err)
	}
	blob := ssh.Marshal(struct {
		Name, Curve string
		Point       []byte
		Application string
	}{"sk-ecdsa-sha2-nistp256@openssh.com", "nistp256", w.Point, "ssh:"})
	return "sk-ecdsa-sha2-nistp256@openssh.com " + base64.StdEncoding.EncodeToString(blob) + " bob@yubikey"
}

// dsaLine builds an ssh-dss key line (a type the API refuses).
func dsaLine() string {
	mp := func(b byte) []byte { return []byte{0, 0, 0, 1, b} }
	blob := append(ssh.Marshal(struct{ Name string }{"ssh-dss"}), mp(7)...)
	blob = append(blob, mp(5)...)
	blob = append(blob, mp(3)...)
	blob = append(blob, mp(2)...)
	return "ssh-dss " + base64.StdEncoding.EncodeToString(blob) + " old@dsa"
}

func TestSSHKeyLifecycle(t *testing.T) {
	clk := newClock()
	sim := targontest.New(targontest.WithClock(clk.Now))
	e := newEnv(t, sim)
	token := sim.DemoKey()

	k := e.createSSHKey(token, " laptop ", "  "+keyED25519+"\n")
	if !shkUIDPattern.MatchString(k.UID) || k.Name != "laptop" || k.PublicKeyRaw != keyED25519 {
		t.Fatalf("created = %+v", k)
	}
	if checkTime(t, k.CreatedAt) != fixedNow || k.UpdatedAt != k.CreatedAt {
		t.Fatalf("dates = %s %s", k.CreatedAt, k.UpdatedAt)
	}

	r := e.do(token, "GET", pathSSHKeys+"/"+k.UID, nil)
	r.wantStatus(t, http.StatusOK)
	var got sshKey
	r.decode(t, &got)
	if got != k {
		t.Fatalf("get = %+v, want %+v", got, k)
	}

	clk.Advance(25 * time.Hour)
	r = e.do(token, "PATCH", pathSSHKeys+"/"+k.UID, map[string]string{"name": "work laptop", "ssh_key": "ignored"})
	r.wantStatus(t, http.StatusOK)
	var renamed sshKey
	r.decode(t, &renamed)
	if renamed.Name != "work laptop" || renamed.PublicKeyRaw != k.PublicKeyRaw || renamed.CreatedAt != k.CreatedAt ||
		renamed.UpdatedAt != "2025-06-02T13:00:00Z" {
		t.Fatalf("renamed = %+v", renamed)
	}

	var p page[sshKey]
	e.do(token, "GET", pathSSHKeys, nil).decode(t, &p)
	if len(p.Items) != 1 || p.Items[0] != renamed || p.NextCursor != "" {
		t.Fatalf("list = %+v", p)
	}

	r = e.do(token, "DELETE", pathSSHKeys+"/"+k.UID, nil)
	if r.status != http.StatusNoContent || len(r.body) != 0 {
		t.Fatalf("delete = %d %q", r.status, r.body)
	}
	for _, m := range []string{"GET", "PATCH", "DELETE"} {
		e.do(token, m, pathSSHKeys+"/"+k.UID, map[string]string{"name": "x"}).wantError(t, http.StatusNotFound, "SSH key not found")
	}
	// Once deleted, the same key can be added again.
	e.createSSHKey(token, "again", keyED25519)
}

func TestSSHKeyValidation(t *testing.T) {
	ed := newED25519(t, "")
	edBlob := strings.Fields(ed)[1]
	otherType := "ssh-rsa " + edBlob

	cases := []struct {
		name   string
		key    any    // the ssh_key field; nil leaves it out
		want   string // stored public_key_raw, when accepted
		reason string // reason substring, when refused
	}{
		{name: "ed25519", key: keyED25519, want: keyED25519},
		{name: "ed25519 no comment", key: ed, want: ed},
		{name: "ecdsa p256", key: "GEN-P256"},
		{name: "ecdsa p384", key: keyECDSA384, want: keyECDSA384},
		{name: "ecdsa p521", key: keyECDSA521, want: keyECDSA521},
		{name: "rsa 2048", key: keyRSA2048, want: keyRSA2048},
		{name: "sk ed25519", key: keySKED25519, want: keySKED25519},
		{name: "sk ecdsa", key: "GEN-SK-ECDSA"},
		{name: "comment with spaces", key: "GEN-ED  alice at  laptop ", want: "alice at  laptop"},
		{name: "surrounding whitespace and CRLF", key: "GEN-ED\r\n\n"},
		{name: "tab separator", key: "GEN-ED-TAB"},

		{name: "missing", key: nil, reason: "ssh_key is required"},
		{name: "not a string", key: 12, reason: "ssh_key must be a string"},
		{name: "empty", key: "", reason: "ssh_key must not be empty"},
		{name: "whitespace", key: " \n\t ", reason: "ssh_key must not be empty"},
		{name: "openssh private key", key: privateOpenSSH, reason: "private key"},
		{name: "rsa pem private key", key: privateRSAPEM, reason: "private key"},
		{name: "private key one line", key: "-----BEGIN OPENSSH PRIVATE KEY----- abc", reason: "private key"},
		{name: "putty private key", key: privatePuTTY, reason: "private key"},
		{name: "pem public key", key: pemPublic, reason: "OpenSSH public key line"},
		{name: "rfc4716 public key", key: rfc4716Public, reason: "OpenSSH public key line"},
		{name: "garbage", key: "hello world", reason: "not a valid OpenSSH public key"},
		{name: "one word", key: "ssh-ed25519", reason: "not a valid OpenSSH public key"},
		{name: "bad base64", key: "ssh-ed25519 AAAA!!!notbase64 me@host", reason: "not a valid OpenSSH public key"},
		{name: "truncated", key: keyED25519[:50], reason: "not a valid OpenSSH public key"},
		{name: "truncated rsa", key: keyRSA2048[:200], reason: "not a valid OpenSSH public key"},
		{name: "type mismatch", key: otherType, reason: "does not match"},
		{name: "rsa 1024", key: keyRSA1024, reason: "at least 2048 bits"},
		{name: "dsa", key: dsaLine(), reason: "not supported"},
		{name: "certificate", key: "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQ= me", reason: "not supported"},
		{name: "two keys", key: keyED25519 + "\n" + keyECDSA384, reason: "single line"},
		{name: "two keys CRLF", key: keyED25519 + "\r\n" + keyRSA2048 + "\r\n", reason: "got 2 lines"},
		{name: "authorized_keys options", key: `from="10.0.0.1",no-pty ` + keyED25519, reason: "options"},
		{name: "control char in comment", key: strings.Fields(keyED25519)[0] + " " + strings.Fields(keyED25519)[1] + " a\x1b[2Jb", reason: "control characters"},
	}
	sim := targontest.New()
	e := newEnv(t, sim)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			key, want := tc.key, tc.want
			if s, ok := key.(string); ok {
				switch {
				case s == "GEN-P256":
					key = newECDSA(t, elliptic.P256(), "ci@runner")
				case s == "GEN-SK-ECDSA":
					key = skECDSALine(t)
				case s == "GEN-ED-TAB":
					f := strings.Fields(newED25519(t, ""))
					key, want = f[0]+"\t"+f[1]+"\tme@tab", f[0]+" "+f[1]+" me@tab"
				case strings.HasPrefix(s, "GEN-ED"):
					line := newED25519(t, "")
					key = line + strings.TrimPrefix(s, "GEN-ED")
					want = strings.TrimSpace(line + " " + want)
				}
				if want == "" && tc.reason == "" {
					want = key.(string)
				}
			}
			body := map[string]any{"name": "k"}
			if key != nil {
				body["ssh_key"] = key
			}
			r := e.do(sim.DemoKey(), "POST", pathSSHKeys, body)
			if tc.reason != "" {
				apiErr := r.wantError(t, http.StatusBadRequest, tc.reason)
				if apiErr.Error != "invalid request body" {
					t.Fatalf("error = %q", apiErr.Error)
				}
				return
			}
			r.wantStatus(t, http.StatusOK)
			var k sshKey
			r.decode(t, &k)
			if k.PublicKeyRaw != want {
				t.Fatalf("public_key_raw = %q, want %q", k.PublicKeyRaw, want)
			}
			if _, _, _, _, err := ssh.ParseAuthorizedKey([]byte(k.PublicKeyRaw)); err != nil {
				t.Fatalf("stored key does not parse: %v", err)
			}
		})
	}
}

func TestPrivateKeyReasonIsClear(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	apiErr := e.do(sim.DemoKey(), "POST", pathSSHKeys, map[string]string{"name": "oops", "ssh_key": privateOpenSSH}).
		wantError(t, http.StatusBadRequest, "private key")
	if !strings.Contains(apiErr.Reason, "public key") || !strings.Contains(apiErr.Reason, ".pub") {
		t.Fatalf("reason %q should point to the public key (.pub)", apiErr.Reason)
	}
}

func TestDuplicateSSHKey(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	line := authorizedLine(t, pub, "first@host")
	e.createSSHKey(sim.DemoKey(), "first", line)

	// Same key, other comment and name: still a duplicate.
	sameKey := strings.Join(strings.Fields(line)[:2], " ") + " second@host"
	e.do(sim.DemoKey(), "POST", pathSSHKeys, map[string]string{"name": "second", "ssh_key": sameKey}).
		wantError(t, http.StatusBadRequest, "an SSH key with this public key already exists")

	// Another account may register the same key.
	other := sim.AddAccount(0)
	e.createSSHKey(other, "theirs", line)
}
