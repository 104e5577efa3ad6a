package apikeys

import (
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Targon details give created and updated as the exact local time plus
// the age; a time the server did not send is "—".
func TestDetailsTimes(t *testing.T) {
	at := time.Date(2026, 11, 2, 14, 5, 33, 0, time.UTC) // 20 days 22 h before uitest.Clock
	m := loaded(t, targon.APIKey{UID: "key-aaa", Name: "grafana", KeyRaw: "tgn_000000000000000000000000Zq9X",
		CreatedAt: targon.Timestamp{Time: at}})
	_, _ = m.Update(uitest.Key("enter"))
	opened := m.TakeOpened()
	if len(opened) != 1 {
		t.Fatalf("enter opened %d dialogs", len(opened))
	}
	view := uitest.Plain(opened[0].View())
	want := "Created " + at.Local().Format("2006-01-02 15:04:05 MST") + " (20 days ago)"
	if !strings.Contains(view, want) || !strings.Contains(view, "Updated — ") || strings.Contains(view, "(—)") {
		t.Errorf("details lack %q or a plain “Updated —”:\n%s", want, view)
	}
	if got := common.DetailTime(time.Time{}, uitest.Clock); got != "—" {
		t.Errorf("DetailTime(zero) = %q", got)
	}
}
