package sshkeys

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// SSH key details give created and updated as the exact local time plus
// the age, as the server sent them (GET /ssh-keys/{uid}).
func TestDetailsTimes(t *testing.T) {
	h := demo(t)
	r := h.selectName("build-server")
	h.Keys("enter")
	if h.Top() == nil {
		t.Fatal("no details")
	}
	view := uitest.Plain(h.Top().View())
	for _, want := range []string{
		"Created " + r.created.Local().Format("2006-01-02 15:04:05 MST") + " (" + common.RelativeTime(r.created, clock) + ")",
		"Updated " + r.updated.Local().Format("2006-01-02 15:04:05 MST") + " (" + common.RelativeTime(r.updated, clock) + ")",
	} {
		if r.created.IsZero() || !strings.Contains(view, want) {
			t.Errorf("details lack %q:\n%s", want, view)
		}
	}
}
