package credits

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The footer, "?" and the key handling all read the one table: refresh
// remapped to F shows as F and F reloads, r does not. The view changes
// nothing, so read-only mode takes nothing from it and refuses no key.
func TestActionsFromOneTable(t *testing.T) {
	h, _ := newSim(t, 0)
	if err := h.c.Keys.Override(map[string][]string{"refresh": {"F"}}); err != nil {
		t.Fatal(err)
	}
	if got, want := uitest.Hints(h.m.Footer()), "F refresh, P switch account, ? help, q quit"; got != want {
		t.Errorf("footer = %q, want %q", got, want)
	}
	if full := h.m.FullHelp(); len(full) != 1 || uitest.Hints(full[0]) != "F refresh" {
		t.Errorf("help = %v", full)
	}
	if _, cmd := h.m.Update(uitest.Key("r")); cmd != nil || h.m.Busy() {
		t.Error("r still refreshes")
	}
	if _, cmd := h.m.Update(uitest.Key("F")); cmd == nil || !h.m.Busy() {
		t.Error("F does not refresh")
	}

	h.c.ReadOnly, h.c.ReadOnlyReason = true, "--read-only"
	if got := uitest.Hints(h.m.Footer()); !strings.HasPrefix(got, "F refresh") {
		t.Errorf("read-only footer = %q", got)
	}
	if _, cmd := h.m.Update(uitest.Key("n")); cmd != nil {
		t.Error("the view answered n, an action it does not have")
	}
}
