package list

import (
	"testing"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The count so far is written with thousands separators, like the table's.
func TestNoteCountHasSeparators(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	l := NewLoader(c, newPager([]int{1}).walk)
	l.Load()
	if note := uitest.Plain(l.Note(c.Styles, "API keys", 5008)); note != "loading… 5,008 so far" {
		t.Errorf("note = %q", note)
	}
	l.Stop()
}
