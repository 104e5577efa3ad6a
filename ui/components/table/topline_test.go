package table

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Counts are written with thousands separators: the count, the matches
// and the position.
func TestTopLineCountsHaveSeparators(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	tb := NewTable(c, testColumns, "API key", "API keys")
	tb.SetSize(100, 20)
	rows := make([]Row, 5008)
	for i := range rows {
		rows[i] = testRow{uid: fmt.Sprintf("u-%d", i), name: fmt.Sprintf("key-%d", i)}
	}
	tb.SetRows(rows)
	tb.SetLoaded(true)
	if left, pos := topLineParts(tb); left != "5,008 API keys" || pos != "1/5,008" {
		t.Errorf("top line = %q … %q, want 5,008 API keys … 1/5,008", left, pos)
	}
	tb.List.SetFilterText("key-1")
	if left, _ := topLineParts(tb); !strings.Contains(left, "1,111 of 5,008 API keys") {
		t.Errorf("filtered top line = %q", left)
	}
}

// A note too long for the top line goes on lines of its own below the
// count, wrapped, so nothing of it is lost (the status and the wait come
// last in some errors); the rows still fit the table's height.
func TestTopLineLongNoteWraps(t *testing.T) {
	names := make([]string, 30)
	for i := range names {
		names[i] = fmt.Sprintf("key-%02d", i)
	}
	tb := newTestTable(t, names...)
	tb.SetSize(60, 10)
	note := "✗ could not refresh API keys: rate limited by the server; try again in 30s — r to retry"
	tb.SetNote(note)
	tb.Update(uitest.Key("G"))
	view := tb.View()
	lines := strings.Split(view, "\n")
	if len(lines) != 10 {
		t.Fatalf("the table is %d lines high, want 10:\n%s", len(lines), view)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 60 {
			t.Errorf("line %q is wider than 60", l)
		}
	}
	if got := strings.Join(strings.Fields(strings.Join(lines[:3], " ")), " "); !strings.Contains(got, note) {
		t.Errorf("the note is not whole:\n%s", view)
	}
	if !strings.HasPrefix(strings.TrimSpace(lines[0]), "30 API keys") || !strings.HasSuffix(lines[0], "30/30") {
		t.Errorf("first line = %q, want the count and the position", lines[0])
	}
	if !strings.Contains(lines[len(lines)-1], "key-29") || !strings.HasPrefix(lines[len(lines)-1], "▌") {
		t.Errorf("the cursor's row is not on screen:\n%s", view)
	}
}
