package apikeys

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The footer, "?" and the key handling all read the one table: delete
// remapped to D shows as D in the footer and the help, D opens the
// confirmation and d does nothing; in read-only mode D is in neither and
// is refused with the key map's words.
func TestActionsFromOneTable(t *testing.T) {
	m := loaded(t, sortKeys()...)
	if err := m.c.Keys.Override(map[string][]string{"delete": {"D"}}); err != nil {
		t.Fatal(err)
	}
	if got, want := uitest.Hints(m.Footer()), "n new, e rename, D delete, R roll, / filter, c copy id, enter details, r refresh, P switch account, s sort, S reverse sort, ? help, q quit"; got != want {
		t.Errorf("footer = %q\nwant     %q", got, want)
	}
	if got, want := uitest.Hints(m.FullHelp()[0]), "enter details, n new, e rename, D delete, R roll secret, / filter"; got != want {
		t.Errorf("help = %q, want %q", got, want)
	}
	press(t, m, "d")
	if opened := m.TakeOpened(); len(opened) != 0 {
		t.Fatalf("d still opens %T", opened[0])
	}
	press(t, m, "D")
	if opened := m.TakeOpened(); len(opened) != 1 {
		t.Fatalf("D opened %d dialogs, want the confirmation", len(opened))
	} else if _, ok := opened[0].(*dialog.Confirm); !ok {
		t.Fatalf("D opened %T, want the confirmation", opened[0])
	}

	m.c.ReadOnly, m.c.ReadOnlyReason = true, "--read-only"
	if h := uitest.Hints(m.Footer()) + " | " + uitest.Hints(m.FullHelp()[0]); strings.Contains(h, "delete") {
		t.Errorf("read-only still offers delete: %q", h)
	}
	_, cmd := m.Update(uitest.Key("D"))
	msgs := uitest.Run(t, cmd)
	if want := (common.ToastMsg{Kind: common.ToastInfo, Text: "read-only: deleting keys is off (--read-only)"}); len(msgs) != 1 || msgs[0] != want {
		t.Errorf("D in read-only: %+v, want %+v", msgs, want)
	}
	if opened := m.TakeOpened(); len(opened) != 0 {
		t.Errorf("D in read-only opened %T", opened[0])
	}
}
