package table

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// numbered is n rows named key-00, key-01, ... with uids u-key-00, ...
func numbered(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("key-%02d", i)
	}
	return names
}

// screen is what the table draws below its top line and header: the name
// in each row on screen, and the name under the cursor ("" for none).
func screen(tb *Table) (names []string, cursor string) {
	lines := strings.Split(tb.View(), "\n")[2:]
	for _, l := range lines {
		f := strings.Fields(strings.TrimPrefix(l, "▌"))
		if len(f) == 0 || !strings.HasPrefix(f[0], "key-") {
			continue
		}
		names = append(names, f[0])
		if strings.HasPrefix(l, "▌") {
			cursor = f[0]
		}
	}
	return names, cursor
}

// press hands the table keys (see uitest.Key), one after another, and
// feeds it what their commands yield before the next key, as the runtime
// would when keys come slowly.
func press(t *testing.T, tb *Table, keys ...string) {
	t.Helper()
	for _, k := range keys {
		for _, msg := range uitest.Run(t, tb.Update(uitest.Key(k))) {
			tb.Update(msg)
		}
	}
}

// selectedName is the name of the row under the cursor, or "".
func selectedName(tb *Table) string {
	if r, ok := tb.Selected().(testRow); ok {
		return r.name
	}
	return ""
}

// Lists scroll: G shows a full last screenful, the window moves only when
// the cursor leaves it, page keys move by a screenful, a resize keeps the
// cursor on screen, and the top line says where the cursor is.
func TestTableScrolls(t *testing.T) {
	tb := newTestTable(t, numbered(31)...)
	tb.SetSize(120, 20) // 18 rows on screen
	check := func(step, first, cursor, pos string) {
		t.Helper()
		names, cur := screen(tb)
		if len(names) != 18 || names[0] != first || cur != cursor || selectedName(tb) != cursor || topPosition(tb) != pos {
			t.Fatalf("after %s: %d rows from %v, cursor %q (selected %q), position %q; want 18 rows from %s, cursor %s, %s\n%s",
				step, len(names), names[:min(1, len(names))], cur, selectedName(tb), topPosition(tb), first, cursor, pos, tb.View())
		}
	}
	check("start", "key-00", "key-00", "1/31")
	press(t, tb, "G")
	check("G", "key-13", "key-30", "31/31")
	for range 17 {
		press(t, tb, "k")
	}
	check("17 × k", "key-13", "key-13", "14/31")
	press(t, tb, "k")
	check("k past the top of the window", "key-12", "key-12", "13/31")
	press(t, tb, "pgdown")
	check("pgdown", "key-13", "key-30", "31/31")
	press(t, tb, "pgup")
	check("pgup", "key-00", "key-12", "13/31")
	press(t, tb, "pgup")
	check("pgup at the top", "key-00", "key-00", "1/31")
	for range 18 {
		press(t, tb, "j")
	}
	check("18 × j", "key-01", "key-18", "19/31")
	press(t, tb, "g")
	check("g", "key-00", "key-00", "1/31")

	// A smaller screen keeps the cursor on it; a larger one fills up.
	press(t, tb, "G")
	tb.SetSize(120, 8)
	if names, cur := screen(tb); len(names) != 6 || cur != "key-30" || names[5] != "key-30" {
		t.Errorf("after shrinking: rows %v, cursor %q", names, cur)
	}
	tb.SetSize(120, 40)
	if names, cur := screen(tb); len(names) != 31 || cur != "key-30" {
		t.Errorf("after growing: %d rows, cursor %q", len(names), cur)
	}
}

// Only the rows on screen are drawn, whatever the list's length.
func TestTableDrawsOnlyTheWindow(t *testing.T) {
	tb := newTestTable(t, numbered(100)...)
	press(t, tb, "G")
	if lines := strings.Count(tb.View(), "\n") + 1; lines != 20 {
		t.Errorf("view of a 20-line table is %d lines", lines)
	}
}

// Clearing a filter leaves the cursor on the key it was on.
func TestTableClearFilterKeepsTheKey(t *testing.T) {
	tb := newTestTable(t, numbered(40)...)
	press(t, tb, "/", "3", "enter") // key-03, key-13, key-23, key-30 … key-39
	press(t, tb, "j", "j", "j", "j")
	if got := selectedName(tb); got != "key-31" {
		t.Fatalf("selected %q in the filtered list, want key-31", got)
	}
	press(t, tb, "esc")
	if tb.List.IsFiltered() {
		t.Fatal("esc did not clear the filter")
	}
	if names, cur := screen(tb); selectedName(tb) != "key-31" || cur != "key-31" {
		t.Errorf("after clearing the filter the cursor is on %q (drawn on %q, rows %v), want key-31", selectedName(tb), cur, names)
	}

	// Typing a filter and dropping it with esc goes back to the key too,
	// even when the filter matched nothing.
	press(t, tb, "/", "z", "z", "esc")
	if got := selectedName(tb); got != "key-31" {
		t.Errorf("after a dropped filter the cursor is on %q, want key-31", got)
	}
}

// A reload that reorders and inserts rows keeps the cursor on the same
// key, also under a filter.
func TestTableReloadKeepsTheKey(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	tb := NewTable(c, testColumns, "API key", "API keys")
	tb.SetSize(100, 10)
	rows := func(names []string) []Row {
		out := make([]Row, len(names))
		for i, n := range names {
			out[i] = testRow{uid: "u-" + n, name: n}
		}
		return out
	}
	names := numbered(30)
	// A load of one page ends in SetRows, the first as every reload (see
	// list.ApplyPage, whose own tests load through a loader).
	load := func(names []string) { tb.SetRows(rows(names)) }
	load(names)
	press(t, tb, "/", "2", "enter") // key-02, key-12, key-20 … key-29
	press(t, tb, "j", "j", "j")     // key-21
	if got := selectedName(tb); got != "key-21" {
		t.Fatalf("selected %q, want key-21", got)
	}
	reordered := slices.Clone(names)
	slices.Reverse(reordered)
	reordered = append([]string{"key-92", "key-82"}, reordered...)
	load(reordered)
	if names, cur := screen(tb); selectedName(tb) != "key-21" || cur != "key-21" {
		t.Errorf("after a reload the cursor is on %q (drawn on %q, rows %v), want key-21", selectedName(tb), cur, names)
	}
	press(t, tb, "esc")
	if got := selectedName(tb); got != "key-21" {
		t.Errorf("after clearing the filter the cursor is on %q, want key-21", got)
	}
}

// Deleting the row under the cursor lands on the next row, or on the
// previous one when it was the last; never at the top.
func TestTableDeleteLandsOnTheNeighbour(t *testing.T) {
	tb := newTestTable(t, numbered(40)...) // 18 rows on screen
	press(t, tb, "G")
	tb.Remove("u-key-39")
	if got := selectedName(tb); got != "key-38" {
		t.Errorf("after deleting the last row the cursor is on %q, want key-38", got)
	}
	for range 21 {
		press(t, tb, "k")
	}
	if got := selectedName(tb); got != "key-17" {
		t.Fatalf("selected %q, want key-17", got)
	}
	tb.Remove("u-key-17")
	if names, cur := screen(tb); cur != "key-18" {
		t.Errorf("after deleting key-17 the cursor is on %q (rows %v), want key-18", cur, names)
	}

	// Under a filter: the next match.
	press(t, tb, "/", "2", "enter")  // key-02, key-12, key-20 …
	press(t, tb, "j", "j", "j", "j") // key-21
	tb.Remove("u-key-21")
	if got := selectedName(tb); got != "key-22" {
		t.Errorf("after deleting key-21 under a filter the cursor is on %q, want key-22", got)
	}
	// Deleting another row leaves the cursor where it is.
	tb.Remove("u-key-02")
	if got := selectedName(tb); got != "key-22" {
		t.Errorf("after deleting another row the cursor is on %q, want key-22", got)
	}
}

// Keys typed in one burst are handled before any command returns; the
// filter shown is the one typed, however late (and in whatever order) the
// commands of the earlier keys come back.
func TestTableFilterResultsBelongToTheQuery(t *testing.T) {
	tb := newTestTable(t, "staging-api", "staging-db", "prod-api", "dev")
	var cmds []tea.Cmd
	for _, k := range []string{"/", "s", "t", "a", "g", "i", "n", "g", "x"} {
		cmds = append(cmds, tb.Update(uitest.Key(k)))
	}
	slices.Reverse(cmds) // the oldest query's matches arrive last
	for _, cmd := range cmds {
		for _, msg := range uitest.Run(t, cmd) {
			tb.Update(msg)
		}
	}
	if n := len(tb.List.VisibleItems()); n != 0 || tb.List.FilterValue() != "stagingx" {
		t.Errorf("filter %q shows %d rows, want none:\n%s", tb.List.FilterValue(), n, tb.View())
	}
}

// A filter that matches nothing says so while it is typed, stays when
// enter keeps it, and esc clears it.
func TestTableFilterWithoutMatch(t *testing.T) {
	tb := newTestTable(t, "alpha", "beta")
	press(t, tb, "/", "z", "z")
	if top := firstLine(tb); !strings.HasPrefix(top, "/ zz") || !strings.Contains(top, "0 of 2 API keys") {
		t.Errorf("top line while typing a filter that matches nothing: %q", top)
	}
	if v := uitest.Plain(tb.View()); !strings.Contains(v, "No API key matches “zz”") {
		t.Errorf("typing a filter that matches nothing:\n%s", tb.View())
	}
	press(t, tb, "enter")
	if !tb.List.IsFiltered() || len(tb.List.VisibleItems()) != 0 || tb.Selected() != nil {
		t.Fatalf("enter dropped the filter: filtered %v, %d rows shown", tb.List.IsFiltered(), len(tb.List.VisibleItems()))
	}
	v := uitest.Plain(tb.View())
	if !strings.Contains(v, "/ zz 0 of 2 API keys") || !strings.Contains(v, "No API key matches “zz” · esc clears") {
		t.Errorf("filter without match:\n%s", tb.View())
	}
	press(t, tb, "esc")
	if tb.List.IsFiltered() || len(tb.List.VisibleItems()) != 2 {
		t.Errorf("esc: filtered %v, %d rows", tb.List.IsFiltered(), len(tb.List.VisibleItems()))
	}
}

// The filter matches substrings, ignoring case, of what a row holds; every
// space-separated word must be there; matches keep the list's order.
func TestTableFilterMatchesWords(t *testing.T) {
	names := []string{"prod-api", "staging-api", "prod-db", "api-prod-old", "Dev-Box"}
	tests := []struct {
		query string
		want  []string
	}{
		{"api", []string{"prod-api", "staging-api", "api-prod-old"}},
		{"api prod", []string{"prod-api", "api-prod-old"}},
		{"PROD  db", []string{"prod-db"}},
		{"dev-b", []string{"Dev-Box"}},
		{"u-prod-d", []string{"prod-db"}}, // the uid counts too
		{"pdb", nil},                      // not a substring
		{"prod ops", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			tb := newTestTable(t, names...)
			press(t, tb, "/")
			for _, r := range tt.query {
				press(t, tb, string(r))
			}
			var got []string
			for _, it := range tb.List.VisibleItems() {
				got = append(got, it.(testRow).name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q shows %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}
