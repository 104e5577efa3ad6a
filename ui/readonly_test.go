package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// readOnly starts the dashboard as --read-only does.
func readOnly(o *Options, _ *targontest.Server) {
	o.ReadOnly, o.ReadOnlyReason = true, "--read-only"
}

// Read-only: no action that changes something is in the footer or the
// help; pressing its key sends nothing and says why in one line; copying
// and viewing still work; the status bar says READ-ONLY, at 60 columns
// too.
func TestReadOnly(t *testing.T) {
	clip := &uitest.Clipboard{}
	d := newDirect(t, func(o *Options) { readOnly(o, nil); o.Clipboard = clip })
	d.size(80, 24)
	d.init()
	d.keys("2")
	help := ansi.Strip(d.m.helpLine())
	for _, gone := range []string{"n new", "e rename", "d delete", "R roll"} {
		if strings.Contains(help, gone) {
			t.Errorf("footer offers %q: %q", gone, help)
		}
	}
	if !strings.Contains(help, "enter details") {
		t.Errorf("footer lost the details: %q", help)
	}
	d.keys("?")
	full := ansi.Strip(d.m.View())
	for _, gone := range []string{"delete", "rename", "roll secret", "new"} {
		if strings.Contains(full, " "+gone+" ") || strings.Contains(full, " "+gone+"\n") {
			t.Errorf("help offers %q:\n%s", gone, full)
		}
	}
	d.keys("esc")

	d.sim.ResetRequests()
	for key, what := range map[string]string{"n": "creating keys", "e": "renaming keys", "d": "deleting keys", "R": "rolling and replacing keys"} {
		d.keys(key)
		if d.m.modals.Len() != 0 {
			t.Fatalf("%s opened a dialog", key)
		}
		if want := "read-only: " + what + " is off (--read-only)"; d.m.status.Toast() != want {
			t.Errorf("%s: toast %q, want %q", key, d.m.status.Toast(), want)
		}
	}
	d.keys("3", "i", "n", "d", "e")
	if d.m.modals.Len() != 0 || d.writes() != 0 {
		t.Fatalf("the SSH view acted: %d modals, %d writes", d.m.modals.Len(), d.writes())
	}
	d.keys("y") // copying stays
	if !strings.Contains(clip.Last(), "ssh-") {
		t.Errorf("y copied %q, want the public key", clip.Last())
	}
	d.keys("enter") // viewing stays
	if d.m.modals.Len() != 1 {
		t.Errorf("details did not open")
	}
	d.keys("esc")
	if n := d.writes(); n != 0 {
		t.Errorf("%d requests changed the account", n)
	}

	for _, w := range []int{80, 60} {
		d.size(w, 24)
		if bar := ansi.Strip(d.m.statusBar()); !strings.Contains(bar, "READ-ONLY") || ansi.StringWidth(bar) > w {
			t.Errorf("at %d columns the status bar is %q", w, bar)
		}
	}
	// A toast does not push it out either.
	d.keys("2", "d")
	if bar := ansi.Strip(d.m.statusBar()); !strings.Contains(bar, "READ-ONLY") || !strings.Contains(bar, "read-only: deleting") {
		t.Errorf("with a toast at 60 columns: %q", bar)
	}
}
