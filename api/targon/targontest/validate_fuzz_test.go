package targontest

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/ssh"
)

// FuzzValidatePublicKey feeds arbitrary text to the SSH key validation. It
// must never panic; whatever it accepts must be one normalized line that
// parses as an allowed key type and validates to itself again.
func FuzzValidatePublicKey(f *testing.F) {
	seeds := []string{
		demoKeyWorkLaptop, demoKeyBuildServer, demoKeyCIRunner, demoKeyYubikey,
		demoKeyWorkLaptop + "\n", "  " + demoKeyCIRunner + "  ",
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC9eB92aOPoYtrsIOf7Yi2RNkDpZZv/pJxldTe3bUB88",
		"ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIC9eB92aOPoYtrsIOf7Yi2RNkDpZZv/pJxldTe3bUB88 mismatch",
		demoKeyWorkLaptop + "\n" + demoKeyHomeDesktop,
		`from="10.0.0.1" ` + demoKeyWorkLaptop,
		"-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----",
		"-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----",
		"PuTTY-User-Key-File-3: ssh-ed25519",
		"", " ", "\n\n", "ssh-ed25519", "ssh-ed25519 ", "ssh-ed25519 AAAA", "ssh-ed25519 AAAA!!!",
		"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDELgVUglgzXnLiGgD3Az+nXMV98JzHpNejHivbR25npATF/KPOdK8LZ8XFbE2hV0ILeJgRUbKzK3e/5JvRVGRzbW+Q4Lf/nuBSTvj90+/hJN0UoWgFDMr6nfBGTyZjxQwnDTtdkw5YSsMyMJBpxO2f0hZ/Vrr8++zHfbD8pYV90w== small",
		"ssh-dss AAAAB3NzaC1kc3MAAAABBwAAAAEFAAAAAQMAAAABAg== old",
		"ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQ= me",
		demoKeyWorkLaptop[:60],
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC9eB92aOPoYtrsIOf7Yi2RNkDpZZv/pJxldTe3bUB88 a\x1bb",
		"# comment\n" + demoKeyWorkLaptop,
		"\xff\xfe",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		pk, reason := parsePublicKey(in)
		if reason != "" {
			if pk != (parsedKey{}) {
				t.Fatalf("refused %q (%s) but returned a key", in, reason)
			}
			return
		}
		if strings.ContainsAny(pk.line, "\r\n") || pk.line != strings.TrimSpace(pk.line) || !utf8.ValidString(pk.line) {
			t.Fatalf("accepted %q as %q: not one trimmed line", in, pk.line)
		}
		if strings.ContainsFunc(pk.line, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }) {
			t.Fatalf("accepted %q with control characters", in)
		}
		pub, _, opts, _, err := ssh.ParseAuthorizedKey([]byte(pk.line))
		if err != nil || len(opts) != 0 || pub.Type() != pk.keyType || string(pub.Marshal()) != pk.blob {
			t.Fatalf("accepted %q as %q, which does not parse back (%v)", in, pk.line, err)
		}
		if !strings.HasPrefix(pk.line, pk.keyType+" ") {
			t.Fatalf("normalized line %q does not start with its type %s", pk.line, pk.keyType)
		}
		again, reason := parsePublicKey(pk.line)
		if reason != "" || again != pk {
			t.Fatalf("normalized %q does not validate to itself: %q %q", pk.line, again.line, reason)
		}
		name, nreason := validName(in)
		if nreason == "" && (name != strings.TrimSpace(name) || utf8.RuneCountInString(name) > maxNameRunes || name == "") {
			t.Fatalf("validName(%q) = %q", in, name)
		}
	})
}
