package sshkeys

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// v3Harness is the SSH keys view of a fake Targon v3 account: the keys
// of the organization it acts in, through the same api.SSHKeys.
func v3Harness(t *testing.T) (*harness, *uitest.V3Account) {
	c, clip, acct := uitest.NewV3Common(true, nil)
	h := &harness{t: t, c: c, clip: clip, view: New(c)}
	h.Driver = uitest.NewDriver(t, c, h.view)
	return h, acct
}

// Every v2 flow works on an organization's keys: list, details, add (a
// private key refused), import from ~/.ssh, rename and delete.
func TestV3OrgKeysEveryFlow(t *testing.T) {
	h, acct := v3Harness(t)
	if got := len(h.rows()); got != 2 {
		t.Fatalf("%d rows, want the org's 2", got)
	}

	h.selectName("build-server")
	h.Keys("enter")
	if s := uitest.Plain(h.Top().View()); !strings.Contains(s, "SHA256:") || !strings.Contains(s, "ssh-4d1c") {
		t.Fatalf("details:\n%s", s)
	}
	h.Keys("esc")

	h.Keys("n")
	h.Paste(opensshPrivate)
	if h.form().Value(fieldName) != "" || acct.Calls("AddSSHKey") != 0 {
		t.Fatal("a private key was kept or sent")
	}
	h.Keys("tab")
	h.Paste(ed25519Line(t, "bob@desk"))
	h.Keys("enter")
	if acct.Calls("AddSSHKey") != 1 || !strings.Contains(h.LastToast(), "SSH key “bob@desk” added") {
		t.Fatalf("add: %d calls, toast %q", acct.Calls("AddSSHKey"), h.LastToast())
	}

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "id_ed25519.pub"), []byte(ed25519Line(t, "alice@home")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.view.sshDir = dir
	h.Keys("i", "enter")
	h.form() // the add form, filled in from the file
	h.Keys("enter", "enter")
	if acct.Calls("AddSSHKey") != 2 || len(h.rows()) != 4 {
		t.Fatalf("import: %d calls, %d rows", acct.Calls("AddSSHKey"), len(h.rows()))
	}

	h.selectName("work-laptop")
	h.Keys("e")
	h.Type("-2")
	h.Keys("enter")
	if acct.Calls("RenameSSHKey") != 1 || !strings.Contains(h.LastToast(), "Renamed to “work-laptop-2”") {
		t.Fatalf("rename: toast %q", h.LastToast())
	}

	h.selectName("work-laptop-2")
	h.Keys("d", "enter")
	if acct.Calls("DeleteSSHKey") != 0 {
		t.Fatal("enter on the delete confirmation deleted")
	}
	h.Keys("d", "y")
	if acct.Calls("DeleteSSHKey") != 1 || len(h.rows()) != 3 {
		t.Fatalf("delete: %d calls, %d rows", acct.Calls("DeleteSSHKey"), len(h.rows()))
	}
}
