package dialog

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/components/keyguard"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// privateKeys are the private key formats people paste by mistake.
var privateKeys = map[string]string{
	"openssh": "-----BEGIN OPENSSH PRIVATE KEY-----\n" +
		"b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n" +
		"QyNTUxOQAAACDYSlS0vQpWb7xGh2D1fJc8Kq3mR6tPzE4nVb0wLs9uHQAAAJgQ4m1nEOJt\n" +
		"-----END OPENSSH PRIVATE KEY-----\n",
	"pem rsa": "-----BEGIN RSA PRIVATE KEY-----\n" +
		"MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n" +
		"7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFc\n" +
		"-----END RSA PRIVATE KEY-----",
	"pkcs8": "-----BEGIN PRIVATE KEY-----\n" +
		"MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n" +
		"-----END PRIVATE KEY-----\n",
	"putty": "PuTTY-User-Key-File-3: ssh-ed25519\n" +
		"Encryption: none\n" +
		"Comment: me@laptop\n" +
		"Public-Lines: 2\n" +
		"AAAAC3NzaC1lZDI1NTE5AAAAIO+0aIljtLDSvk9+NQXt8eFNzMiniC6EtCu0AFwJ\n" +
		"U7Mr\n" +
		"Private-Lines: 1\n" +
		"AAAAIGSTRETCHzQ5Pw8sVfPjmWq3Lh0jRfXa9o7ZkU4bQhYcTqe1\n" +
		"Private-MAC: 5b1c0e5d4f7a2b9c8d3e6f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4\n",
}

// secretParts are the pieces of a key that must never be drawn or kept:
// every line but the BEGIN/END markers, and every 12 characters of them.
func secretParts(k string) []string {
	var parts []string
	for _, l := range strings.Split(k, "\n") {
		if l == "" || strings.Contains(l, "-----") {
			continue
		}
		for i := 0; i+12 <= len(l); i += 12 {
			parts = append(parts, l[i:i+12])
		}
	}
	return parts
}

// burst sends text as a terminal without bracketed paste does: every
// character a key of its own, enter for each newline.
func burst(f *Form, text string) {
	for _, r := range text {
		if r == '\n' {
			f.Update(tea.KeyMsg{Type: tea.KeyEnter})
			continue
		}
		f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// A private key pasted or typed in a burst into any field of a form is
// refused the moment it arrives: cleared, never drawn, never submitted by
// its own newlines, and a line says why. Typing afterwards works again.
func TestFormRefusesPrivateKey(t *testing.T) {
	for name, pk := range privateKeys {
		for _, how := range []string{"paste", "burst"} {
			for field := 0; field < 2; field++ {
				t.Run(name+"/"+how+"/field"+string(rune('0'+field)), func(t *testing.T) {
					f, calls := newTestForm(t, nil)
					f.Focus(field)
					uitest.Type(f.Update, "ok ")
					if how == "paste" {
						f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(pk), Paste: true})
					} else {
						burst(f, pk)
					}
					view := uitest.Plain(f.View())
					for _, part := range secretParts(pk) {
						if strings.Contains(f.View(), part) || strings.Contains(f.Value(field), part) {
							t.Fatalf("%q of the key is kept or drawn: value %q\n%s", part, f.Value(field), f.View())
						}
					}
					if f.Value(field) != "" {
						t.Errorf("field holds %q, want it cleared", f.Value(field))
					}
					if f.FieldError(field) != keyguard.PrivateKeyRefused || !strings.Contains(view, "that was a private key") {
						t.Errorf("field error %q; view:\n%s", f.FieldError(field), view)
					}
					if calls.get() != 0 || f.Closed() || f.focus != field {
						t.Fatalf("the key's newlines acted: %d submits, closed %v, focus %d", calls.get(), f.Closed(), f.focus)
					}
					// The guard lets go after the key: typing is text again,
					// and the stale error goes with the edit.
					uitest.Type(f.Update, "abc")
					if f.Value(field) != "abc" || f.FieldError(field) != "" {
						t.Errorf("after the key: value %q, error %q", f.Value(field), f.FieldError(field))
					}
				})
			}
		}
	}
}

// A stale error goes as soon as the text it was about changes: a field's
// validation message and the action's error under the form.
func TestFormStaleErrorClearedOnEdit(t *testing.T) {
	f, _ := newTestForm(t, errBoom)
	f.fields[2].Validate = func(s string) error {
		if s == "" {
			return ValidateName(s)
		}
		return nil
	}
	send(t, f, "enter", "enter", "enter")
	if f.FieldError(2) == "" {
		t.Fatal("no validation error")
	}
	uitest.Type(f.Update, "x")
	if f.FieldError(2) != "" || strings.Contains(uitest.Plain(f.View()), "required") {
		t.Errorf("validation error stayed after an edit: %q", f.FieldError(2))
	}
	send(t, f, "enter")
	if f.Err() == nil || !strings.Contains(uitest.Plain(f.View()), "boom") {
		t.Fatalf("no action error: %v", f.Err())
	}
	uitest.Type(f.Update, "y")
	if f.Err() != nil || strings.Contains(uitest.Plain(f.View()), "boom") {
		t.Errorf("action error stayed after an edit:\n%s", f.View())
	}
}

// The ways out a dialog names come from the key map, and say where they
// work: a refresh to check a cancelled request needs the dialog closed.
func TestDialogHintsFollowKeyMap(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	if err := c.Keys.Override(map[string][]string{"refresh": {"ctrl+r"}, "back": {"ctrl+g"}}); err != nil {
		t.Fatal(err)
	}
	f := NewForm(c, "Test", []Field{{Label: "One"}}, func(context.Context, []string) (tea.Msg, error) {
		return nil, context.Canceled
	})
	if v := uitest.Plain(f.View()); !strings.Contains(v, "ctrl+g cancel") || strings.Contains(v, "esc") {
		t.Errorf("form hint does not follow the key map:\n%s", v)
	}
	send(t, f, "x", "enter")
	v := uitest.Plain(f.View())
	if !strings.Contains(v, "close this and refresh (ctrl+r) to check") || strings.Contains(v, "(r)") {
		t.Errorf("error line does not name the remapped refresh key:\n%s", v)
	}
	// (The list's load error names it too: see the list package's
	// TestLoaderNoteFollowsKeyMap.)
}
