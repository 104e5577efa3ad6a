package ui

import (
	"crypto/rand"
	"crypto/rsa"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/crypto/ssh"
)

// TestBadNamesKeepText: every bad name gets a specific message, nothing is
// sent, and the typed text stays; good unicode and pasted text go through.
func TestBadNamesKeepText(t *testing.T) {
	cases := []struct {
		name      string
		input     tea.KeyMsg
		wantSeen  string
		wantSent  int
		wantFinal string // text that must still be on screen
	}{
		{"whitespace only", runes("    "), "a name is required", 0, "New API key"},
		{"over-long", runes(strings.Repeat("k", 70)), "at most 64 characters (this one has 70)", 0, "kkkk"},
		// The input drops control characters as they are typed or pasted, so
		// the name that is sent is clean.
		{"control character", runes("bad\x07name"), "New API key “badname”", 1, "badname"},
		{"unicode", runes("générateur-ключ-鍵"), "copied via", 1, "générateur-ключ-鍵"},
		{"pasted multi-line", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("line one\nline two"), Paste: true}, "copied via", 1, "line one line two"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := start(t)
			h.keys("2")
			h.waitFor("production-inference")
			h.keys("n")
			h.tm.Send(tc.input)
			h.keys("enter")
			h.waitFor(tc.wantSeen)
			h.idle()
			if n := countRequests(h.sim, "POST", keysPath); n != tc.wantSent {
				t.Errorf("sent %d creates, want %d", n, tc.wantSent)
			}
			if v := h.final(); !strings.Contains(v, tc.wantFinal) {
				t.Errorf("screen lacks %q:\n%s", tc.wantFinal, v)
			}
		})
	}
}

// TestBadSSHKeysNeverSent: a private key, a truncated key, a bad base64
// body and a small RSA key are refused before sending, with the text kept.
func TestBadSSHKeysNeverSent(t *testing.T) {
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := ssh.NewPublicKey(&small.PublicKey)
	rsa1024 := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pub))) + " old@box"
	good := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO+0aIljtLDSvk9+NQXt8eFNzMiniC6EtCu0AFwJU7Mr me@laptop"
	cases := []struct{ name, key, wantSeen string }{
		{"private key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----", "private key"},
		{"truncated", good[:40], "not a valid"},
		{"bad base64", "ssh-ed25519 AAAA!!!notbase64### me@laptop", "not a valid"},
		{"rsa 1024", rsa1024, "2048"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := start(t)
			h.keys("3")
			h.waitFor("work-laptop")
			// As the form convention goes: name, tab, paste the key, enter.
			h.keys("n")
			h.typeText("laptop")
			h.keys("tab")
			h.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(tc.key), Paste: true})
			h.keys("enter")
			h.waitFor(tc.wantSeen)
			h.idle()
			if n := countRequests(h.sim, "POST", "/tha/v2/ssh-keys"); n != 0 {
				t.Errorf("sent %d creates for a bad key", n)
			}
			if v := h.final(); !strings.Contains(v, "Add SSH key") {
				t.Errorf("form closed:\n%s", v)
			}
		})
	}
}

// TestNoDoubleSubmit: enter pressed again while a create is in flight does
// not send a second one.
func TestNoDoubleSubmit(t *testing.T) {
	h := start(t)
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("n")
	h.typeText("once")
	h.keys("enter", "enter", "enter")
	h.waitFor("copied via")
	h.idle()
	if n := countRequests(h.sim, "POST", keysPath); n != 1 {
		t.Fatalf("sent %d creates, want 1", n)
	}
	h.final()
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
