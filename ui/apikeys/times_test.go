package apikeys_test

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// OpenRouter details give created and updated as the exact local time and
// its age; a key the server never updated shows "—", not "— (—)".
func TestORDetailsTimes(t *testing.T) {
	v := newORView(t)
	v.pick("mobile-app-beta")
	v.d.Keys("enter")
	k, _ := v.server("mobile-app-beta")
	created := k.CreatedAt.Time.Local().Format("2006-01-02 15:04:05 MST")
	v.want("Created "+created+" (52 days ago)", "Updated —")
	if s := v.screen(); strings.Contains(s, "(—)") || !strings.Contains(uitest.Plain(s), "Updated — ") {
		t.Errorf("a missing time is not a plain dash:\n%s", s)
	}
}
