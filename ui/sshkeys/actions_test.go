package sshkeys

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The footer, "?" and the key handling all read the one table: rename
// remapped to E shows as E in the footer and the help, E opens the rename
// form and e does nothing; in read-only mode E is in neither and is
// refused with the key map's words.
func TestActionsFromOneTable(t *testing.T) {
	h := demo(t)
	if err := h.c.Keys.Override(map[string][]string{"rename": {"E"}}); err != nil {
		t.Fatal(err)
	}
	if got, want := uitest.Hints(h.view.Footer()), "n add, i import, E rename, d delete, y copy, / filter, c copy id, enter details, r refresh, P switch account, s sort, S reverse sort, ? help, q quit"; got != want {
		t.Errorf("footer = %q\nwant     %q", got, want)
	}
	if got, want := uitest.Hints(h.view.FullHelp()[0]), "enter details, n add, i import ~/.ssh, E rename, d delete, y copy public key, / filter"; got != want {
		t.Errorf("help = %q, want %q", got, want)
	}
	h.Keys("e")
	if h.Top() != nil {
		t.Fatalf("e still opens %T", h.Top())
	}
	h.Keys("E")
	if _, ok := h.Top().(*dialog.Form); !ok {
		t.Fatalf("E opened %T, want the rename form", h.Top())
	}
	h.Keys("esc")

	h.c.ReadOnly, h.c.ReadOnlyReason = true, "--read-only"
	if got := uitest.Hints(h.view.Footer()) + " | " + uitest.Hints(h.view.FullHelp()[0]); strings.Contains(got, "rename") {
		t.Errorf("read-only still offers rename: %q", got)
	}
	h.Keys("E")
	if h.Top() != nil || h.LastToast() != "read-only: renaming keys is off (--read-only)" {
		t.Errorf("E in read-only: top %T, toast %q", h.Top(), h.LastToast())
	}
}
