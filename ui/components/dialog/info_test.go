package dialog

import (
	"errors"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

const newSecret = "tgn_live_0123456789abcdefghijWXYZ"

// The secret modal shows the new key once, says where it was copied, and
// y copies it again with a note.
func TestSecretCopiesOnY(t *testing.T) {
	c, clip := uitest.NewCommon(nil)
	m := NewSecret(c, "New API key “ci”", newSecret, "system clipboard", nil, "Update TARGON_API_KEY.")
	v := uitest.Plain(m.View())
	for _, want := range []string{newSecret, "✓ copied via system clipboard.", "It is shown once", "Update TARGON_API_KEY.", "y copy key · esc/enter close"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, m.View())
		}
	}
	if out := send(t, m, "y"); len(out) != 0 {
		t.Errorf("y emitted %v", out)
	}
	if got := clip.Copied(); len(got) != 1 || got[0] != newSecret {
		t.Errorf("copied %q, want the secret once", got)
	}
	if m.Closed() {
		t.Error("y closed the modal")
	}
	if v := uitest.Plain(m.View()); !strings.Contains(v, "✓ key copied via system clipboard") {
		t.Errorf("no copy note:\n%s", m.View())
	}
}

// When copying fails the modal says so and tells the user to copy by hand;
// the key is still shown.
func TestSecretCopyFailure(t *testing.T) {
	c, clip := uitest.NewCommon(nil)
	m := NewSecret(c, "New API key", newSecret, "", errors.New("no clipboard available"))
	v := uitest.Plain(m.View())
	if !strings.Contains(v, "could not copy it (no clipboard available)") || !strings.Contains(v, newSecret) {
		t.Errorf("view:\n%s", m.View())
	}
	clip.Err = errors.New("xclip: exit status 1")
	send(t, m, "y")
	if v := uitest.Plain(m.View()); !strings.Contains(v, "✗ could not copy: xclip: exit status 1") {
		t.Errorf("no failure note:\n%s", m.View())
	}
}

// Result modals close with esc or enter; other keys leave them open (q
// quits only on the main views, so it does nothing here).
func TestInfoCloseKeys(t *testing.T) {
	for _, tt := range []struct {
		key    string
		closed bool
	}{
		{"esc", true}, {"enter", true}, {"q", false},
		{"n", false}, {"x", false}, {"tab", false}, {"y", false},
	} {
		c, _ := uitest.NewCommon(nil)
		m := NewInfo(c, "SSH key “laptop”", []DetailRow{{"Type", "ssh-ed25519"}, {"Fingerprint", "SHA256:abc"}}, "a free line")
		send(t, m, tt.key)
		if m.Closed() != tt.closed {
			t.Errorf("%q: closed = %v, want %v", tt.key, m.Closed(), tt.closed)
		}
	}
}

// Details without anything to copy: y does nothing and no copy hint shows.
func TestInfoWithoutCopy(t *testing.T) {
	c, clip := uitest.NewCommon(nil)
	m := NewInfo(c, "Details", []DetailRow{{"Name", "staging"}, {"Created", "3 days ago"}})
	send(t, m, "y")
	if len(clip.Copied()) != 0 {
		t.Errorf("copied %q", clip.Copied())
	}
	v := uitest.Plain(m.View())
	for _, want := range []string{"Details", "Name", "staging", "Created", "3 days ago", "esc/enter close"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, m.View())
		}
	}
	if strings.Contains(v, "y copy") {
		t.Errorf("copy hint without anything to copy:\n%s", v)
	}
	if h := m.ShortHelp(); len(h) != 1 {
		t.Errorf("short help = %v", h)
	}
}

// WithCopy names what y copies, in the hint and in the note.
func TestInfoWithCopy(t *testing.T) {
	c, clip := uitest.NewCommon(nil)
	m := NewInfo(c, "SSH key", nil).WithCopy("ssh-ed25519 AAAA alice@laptop", "public key")
	if !strings.Contains(uitest.Plain(m.View()), "y copy public key") {
		t.Errorf("view:\n%s", m.View())
	}
	send(t, m, "y")
	if got := clip.Copied(); len(got) != 1 || got[0] != "ssh-ed25519 AAAA alice@laptop" {
		t.Errorf("copied %q", got)
	}
	if !strings.Contains(uitest.Plain(m.View()), "✓ public key copied via system clipboard") {
		t.Errorf("view:\n%s", m.View())
	}
}

var _ common.Modal = (*Info)(nil)
var _ common.Modal = (*Help)(nil)
var _ common.Modal = (*Form)(nil)
var _ common.Modal = (*Confirm)(nil)

// keptCopier records whether a copy was a secret (Copy) or kept text
// (CopyKept).
type keptCopier struct{ plain, kept []string }

func (k *keptCopier) Copy(t string) (string, error) {
	k.plain = append(k.plain, t)
	return "system clipboard", nil
}

func (k *keptCopier) CopyKept(t string) (string, error) {
	k.kept = append(k.kept, t)
	return "system clipboard", nil
}

// y in a details pane copies an id as kept text, which clipboard_clear
// leaves alone; y in the secret dialog copies a secret.
func TestInfoCopiesSecretsAsSecrets(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	clip := &keptCopier{}
	c.Clipboard = clip
	for _, md := range []common.Modal{
		NewInfo(c, "details", nil).WithCopy("key-0123", "UID"),
		NewSecret(c, "New API key", "tgn_0123456789abcdefghij", "", nil),
	} {
		_, cmd := md.Update(uitest.Key("y"))
		uitest.Run(t, cmd)
	}
	if len(clip.kept) != 1 || clip.kept[0] != "key-0123" || len(clip.plain) != 1 || clip.plain[0] != "tgn_0123456789abcdefghij" {
		t.Fatalf("kept %q, plain %q", clip.kept, clip.plain)
	}
}

// An OpenRouter secret (73 characters) reads on one line at 80 columns, so
// it can be selected whole.
func TestSecretOnOneLineAt80(t *testing.T) {
	c, _ := uitest.NewOpenRouterCommon(t, "http://127.0.0.1:1/api/v1", "") // its secrets' shape
	c.Width, c.Height = 80, 24
	secret := "sk-or-v1-" + strings.Repeat("0123456789abcdef", 4)
	v := uitest.Plain(NewSecret(c, "New API key", secret, "system clipboard", nil).View())
	if !strings.Contains(v, secret) {
		t.Fatalf("the secret is split:\n%s", v)
	}
}
