package sshkeys

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/components/keyguard"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// opensshPrivate is a private key as ssh-keygen writes it.
const opensshPrivate = "-----BEGIN OPENSSH PRIVATE KEY-----\n" +
	"b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n" +
	"QyNTUxOQAAACDYSlS0vQpWb7xGh2D1fJc8Kq3mR6tPzE4nVb0wLs9uHQAAAJgQ4m1nEOJt\n" +
	"-----END OPENSSH PRIVATE KEY-----\n"

// A private key pasted into either field of the add form (or typed in a
// burst, each line ended by enter) is refused as it arrives: the field is
// emptied, no part of the key is drawn, nothing is sent, and the form says
// why.
func TestAddFormRefusesPrivateKeyInAnyField(t *testing.T) {
	for _, field := range []int{fieldName, fieldKey} {
		for _, how := range []string{"paste", "burst"} {
			t.Run(how+"/"+map[int]string{fieldName: "name", fieldKey: "key"}[field], func(t *testing.T) {
				h := demo(t)
				h.Keys("n")
				f := h.form()
				f.Focus(field)
				if how == "paste" {
					h.Paste(opensshPrivate)
				} else {
					for _, line := range strings.SplitAfter(opensshPrivate, "\n") {
						h.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.TrimSuffix(line, "\n"))})
						if strings.HasSuffix(line, "\n") {
							h.Keys("enter")
						}
					}
				}
				view := f.View()
				for _, l := range strings.Split(opensshPrivate, "\n")[1:3] {
					for i := 0; i+10 <= len(l); i += 10 {
						if strings.Contains(view, l[i:i+10]) || strings.Contains(f.Value(field), l[i:i+10]) {
							t.Fatalf("part of the key is kept or drawn: %q\n%s", l[i:i+10], view)
						}
					}
				}
				if f.Value(field) != "" || f.FieldError(field) != keyguard.PrivateKeyRefused {
					t.Errorf("field %q, error %q", f.Value(field), f.FieldError(field))
				}
				if !strings.Contains(uitest.Plain(view), "that was a private key") {
					t.Errorf("the form does not say why:\n%s", view)
				}
				h.Keys("enter", "enter")
				if h.Top() != f || h.count("POST", sshKeysPath) != 0 {
					t.Errorf("form %T, %d POSTs", h.Top(), h.count("POST", sshKeysPath))
				}
			})
		}
	}
}

// A rename that keeps the name (after trimming) sends nothing and says so.
func TestRenameUnchangedSendsNothing(t *testing.T) {
	h := demo(t)
	r := h.selectName("ci-runner")
	h.Keys("e")
	h.Type("  ")
	h.Keys("enter")
	if h.Top() != nil {
		t.Fatalf("form still open: %T", h.Top())
	}
	if n := h.count("PATCH", sshKeysPath+"/"+r.ID()); n != 0 {
		t.Errorf("%d PATCHes for an unchanged name, want none", n)
	}
	if !strings.Contains(h.LastToast(), "unchanged") {
		t.Errorf("toast %q does not say unchanged", h.LastToast())
	}
}

// The import list says a file holds a private key (nothing was pasted),
// and a long directory path is never split across lines.
func TestImportPickerWording(t *testing.T) {
	h := demo(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	dir := filepath.Join(home, "keys-for-the-whole-team", "ssh-public-keys")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "oops.pub"), []byte(opensshPrivate), 0o600); err != nil {
		t.Fatal(err)
	}
	h.c.Width, h.c.Height = 60, 15
	h.view.sshDir = dir
	h.Keys("i")
	p, ok := h.Top().(*importList)
	if !ok {
		t.Fatalf("top modal %T, want the import list", h.Top())
	}
	h.Keys("enter")
	view := p.View()
	if !strings.Contains(uitest.Plain(view), "oops.pub: this file holds a private key") || strings.Contains(view, "paste") {
		t.Errorf("the import list does not say the file holds a private key:\n%s", view)
	}
	if !strings.Contains(view, "~/keys-for-the-whole-team/ssh-public-keys") {
		t.Errorf("the path is split or cut:\n%s", view)
	}
	// A path wider than the dialog keeps its end, on one line.
	if got := textfit.FitPath("~/a/very/long/path/to/ssh-public-keys", 20); got != "…/to/ssh-public-keys" {
		t.Errorf("FitPath = %q", got)
	}
}
