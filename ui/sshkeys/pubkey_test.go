package sshkeys

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"
)

// line is the authorized_keys line of pub with comment.
func line(t testing.TB, pub any, comment string) string {
	t.Helper()
	pk, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return authorized(pk.Marshal(), comment)
}

// authorized formats wire-format key data as a key line.
func authorized(blob []byte, comment string) string {
	var algo struct {
		Name string
		Rest []byte `ssh:"rest"`
	}
	_ = ssh.Unmarshal(blob, &algo)
	s := algo.Name + " " + base64.StdEncoding.EncodeToString(blob)
	if comment != "" {
		s += " " + comment
	}
	return s
}

func ed25519Line(t testing.TB, comment string) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return line(t, pub, comment)
}

func ecdsaLine(t testing.TB, curve elliptic.Curve, comment string) string {
	t.Helper()
	k, err := ecdsa.GenerateKey(curve, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return line(t, &k.PublicKey, comment)
}

// rsaKeys caches generated RSA keys by size: generating them is slow.
var rsaKeys sync.Map

func rsaLine(t testing.TB, bits int, comment string) string {
	t.Helper()
	k, ok := rsaKeys.Load(bits)
	if !ok {
		gen, err := rsa.GenerateKey(rand.Reader, bits)
		if err != nil {
			t.Fatal(err)
		}
		k, _ = rsaKeys.LoadOrStore(bits, gen)
	}
	return line(t, &k.(*rsa.PrivateKey).PublicKey, comment)
}

// skEd25519Line builds a security-key ed25519 public key by hand.
func skEd25519Line(t testing.TB, comment string) string {
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	return authorized(ssh.Marshal(struct{ Name, Key, App string }{ssh.KeyAlgoSKED25519, string(pub), "ssh:"}), comment)
}

// skECDSALine builds a security-key ECDSA P-256 public key by hand.
func skECDSALine(t testing.TB, comment string) string {
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return authorized(ssh.Marshal(struct{ Name, Curve, Point, App string }{ssh.KeyAlgoSKECDSA256, "nistp256", string(k.PublicKey().Bytes()), "ssh:"}), comment)
}

// dsaLine builds a DSA public key by hand (the parameters only need the
// right sizes to parse).
func dsaLine(comment string) string {
	p := new(big.Int).SetBit(big.NewInt(1), 1023, 1)
	q := new(big.Int).SetBit(big.NewInt(1), 159, 1)
	return authorized(ssh.Marshal(struct {
		Name       string
		P, Q, G, Y *big.Int
	}{ssh.InsecureKeyAlgoDSA, p, q, big.NewInt(2), big.NewInt(3)}), comment)
}

func TestValidatePublicKeyAccepts(t *testing.T) {
	ed := ed25519Line(t, "you@host")
	tests := []struct {
		name, in, label, comment string
	}{
		{"ed25519", ed, "ed25519", "you@host"},
		{"ed25519 no comment", ed25519Line(t, ""), "ed25519", ""},
		{"comment with spaces", ed25519Line(t, "work  laptop (2024)"), "ed25519", "work laptop (2024)"},
		{"surrounding space and CRLF", "\n  " + ed + "\r\n\n", "ed25519", "you@host"},
		{"comment lines around it", "# my key\n" + ed + "\n# end\n", "ed25519", "you@host"},
		{"ecdsa 256", ecdsaLine(t, elliptic.P256(), "a@b"), "ecdsa 256", "a@b"},
		{"ecdsa 384", ecdsaLine(t, elliptic.P384(), "a@b"), "ecdsa 384", "a@b"},
		{"ecdsa 521", ecdsaLine(t, elliptic.P521(), "a@b"), "ecdsa 521", "a@b"},
		{"rsa 2048", rsaLine(t, 2048, "old@box"), "rsa 2048", "old@box"},
		{"sk ed25519", skEd25519Line(t, "yubikey"), "sk-ed25519", "yubikey"},
		{"sk ecdsa", skECDSALine(t, "yubikey"), "sk-ecdsa 256", "yubikey"},
		{"wrapped by a terminal", wrapEvery(ed, 30, "\n"), "ed25519", "you@host"},
		{"wrapped, newlines turned to spaces", wrapEvery(ed, 30, " "), "ed25519", "you@host"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := ValidatePublicKey(tc.in)
			if err != nil {
				t.Fatalf("ValidatePublicKey: %v", err)
			}
			if info.Label != tc.label || info.Comment != tc.comment {
				t.Errorf("label %q comment %q, want %q %q", info.Label, info.Comment, tc.label, tc.comment)
			}
			pk, comment, _, _, err := ssh.ParseAuthorizedKey([]byte(info.Line))
			if err != nil {
				t.Fatalf("Line %q does not parse: %v", info.Line, err)
			}
			if got := ssh.FingerprintSHA256(pk); got != info.Fingerprint || !strings.HasPrefix(got, "SHA256:") {
				t.Errorf("fingerprint %q, Line's is %q", info.Fingerprint, got)
			}
			if comment != tc.comment || strings.ContainsAny(info.Line, "\n\r\t") {
				t.Errorf("Line %q: comment %q", info.Line, comment)
			}
		})
	}
}

// wrapEvery breaks the key data of s every n characters with sep, the way
// a terminal wraps a long line.
func wrapEvery(s string, n int, sep string) string {
	f := strings.Fields(s)
	var parts []string
	for b := f[1]; b != ""; {
		k := min(n, len(b))
		parts = append(parts, b[:k])
		b = b[k:]
	}
	return f[0] + " " + strings.Join(parts, sep) + sep + strings.Join(f[2:], " ")
}

func TestValidatePublicKeyRefuses(t *testing.T) {
	ed := ed25519Line(t, "you@host")
	f := strings.Fields(ed)
	blob, _ := base64.StdEncoding.DecodeString(f[1])
	cert := &ssh.Certificate{Key: mustParse(t, ed), CertType: ssh.UserCert, ValidBefore: ssh.CertTimeInfinity}
	_, caKey, _ := ed25519.GenerateKey(rand.Reader)
	ca, err := ssh.NewSignerFromKey(caKey)
	if err != nil {
		t.Fatal(err)
	}
	if err := cert.SignCert(rand.Reader, ca); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, want string
	}{
		{"empty", "   ", "paste a public key"},
		{"openssh private key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----", ErrPrivateKey.Error()},
		{"pem rsa private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----", ErrPrivateKey.Error()},
		{"private key flattened by a text input", "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmU= -----END OPENSSH PRIVATE KEY-----", "that is a private key"},
		{"private key body alone", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", "that is a private key"},
		{"other armoured block", "-----BEGIN ENCRYPTED STUFF-----", "that is a private key"},
		{"putty private key", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none", "that is a private key"},
		{"rfc 4716", "---- BEGIN SSH2 PUBLIC KEY ----\nAAAAC3Nza\n---- END SSH2 PUBLIC KEY ----", "ssh-keygen -i"},
		{"pem public key", "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----", "PEM public key"},
		{"garbage", "hello world", "not a valid OpenSSH public key"},
		{"one word", "ssh-ed25519", "not a valid OpenSSH public key: the key data after “ssh-ed25519” is missing"},
		{"bad base64", "ssh-ed25519 AAAA!!!!$$$$ you@host", "not a valid OpenSSH public key: the key data is not valid base64"},
		{"truncated", "ssh-ed25519 " + f[1][:40] + " you@host", "not a valid OpenSSH public key: the key data is truncated or corrupt"},
		{"trailing junk in the data", "ssh-ed25519 " + base64.StdEncoding.EncodeToString(append(blob, 1, 2, 3)), "truncated or corrupt"},
		{"type does not match", "ssh-rsa " + f[1] + " x", "the line says “ssh-rsa” but the key data is a “ssh-ed25519” key"},
		{"authorized_keys options", `from="10.0.0.1",no-pty ` + ed, "remove what comes before “ssh-ed25519”"},
		{"two keys on lines", ed + "\n" + ed25519Line(t, "other"), "more than one key"},
		{"two keys flattened", ed + " " + ed25519Line(t, "other"), "more than one key"},
		{"rsa 1024", rsaLine(t, 1024, "old"), "RSA keys must have at least 2048 bits (this one has 1024)"},
		{"dsa", dsaLine("old"), "unsupported key type “ssh-dss”"},
		{"certificate", authorized(cert.Marshal(), ""), "certificates are not accepted"},
		{"unknown algorithm", authorized(ssh.Marshal(struct{ Name, Key string }{"ssh-foo", "x"}), ""), "unsupported key type “ssh-foo”"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := ValidatePublicKey(tc.in)
			if err == nil {
				t.Fatalf("accepted as %+v", info)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
	if _, err := ValidatePublicKey("-----BEGIN OPENSSH PRIVATE KEY-----"); !errors.Is(err, ErrPrivateKey) {
		t.Errorf("private key: %v, want ErrPrivateKey", err)
	}
}

func mustParse(t testing.TB, s string) ssh.PublicKey {
	t.Helper()
	pk, _, _, _, err := ssh.ParseAuthorizedKey([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return pk
}

func FuzzValidatePublicKey(f *testing.F) {
	for _, s := range []string{
		"",
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGdC7mlMDj9N0tMMAmn6VtWpqF0p4jXi9E0HrJyjtY0s you@host",
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGdC7mlMDj9N0tMMAmn6VtWpqF0p4jXi9E0HrJyjtY0s",
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGdC7ml MDj9N0tMMAmn6VtWpqF0p4jXi9E0HrJyjtY0s a b",
		"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7 x",
		"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----",
		"---- BEGIN SSH2 PUBLIC KEY ----",
		`from="x" ssh-ed25519 AAAA`,
		"ssh-ed25519 !!!! x",
		"# comment\n\n",
		"ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBA== a",
		"sk-ssh-ed25519@openssh.com AAAA x ssh-ed25519 AAAA",
	} {
		f.Add(s)
	}
	f.Add(ed25519Line(f, "seed@fuzz"))
	f.Add(ecdsaLine(f, elliptic.P384(), "seed"))
	f.Add(skEd25519Line(f, "seed"))
	f.Add(skECDSALine(f, "seed"))
	f.Add(dsaLine("seed"))
	f.Fuzz(func(t *testing.T, in string) {
		info, err := ValidatePublicKey(in)
		if strings.Contains(in, "PRIVATE KEY") && !errors.Is(err, ErrPrivateKey) {
			t.Fatalf("private key not refused: %v", err)
		}
		if err != nil {
			if info != (KeyInfo{}) {
				t.Fatalf("error %v with info %+v", err, info)
			}
			if strings.ContainsFunc(err.Error(), func(r rune) bool { return r < 0x20 }) {
				t.Fatalf("error %q has control characters", err)
			}
			return
		}
		if !allowed[info.Type] || info.Fingerprint == "" || info.Label == "" {
			t.Fatalf("accepted %+v", info)
		}
		if strings.ContainsFunc(info.Line, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Fatalf("Line %q has control characters", info.Line)
		}
		again, err := ValidatePublicKey(info.Line)
		if err != nil || again != info {
			t.Fatalf("Line %q does not validate to the same key: %+v, %v", info.Line, again, err)
		}
		pk := mustParse(t, info.Line)
		if ssh.FingerprintSHA256(pk) != info.Fingerprint {
			t.Fatalf("fingerprint mismatch for %q", info.Line)
		}
	})
}
