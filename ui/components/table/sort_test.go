package table

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// rankRow is a row with a sort key that many rows share.
type rankRow struct {
	uid  string
	rank int
}

func (r rankRow) FilterValue() string { return r.uid }
func (r rankRow) Cells() []string     { return []string{r.uid, fmt.Sprint(r.rank)} }
func (r rankRow) UID() string         { return r.uid }

// rankSorts sort by uid (ascending first) and by rank (descending first).
var rankSorts = []SortColumn{
	{Name: SortName, Title: "NAME", Key: func(r Row) SortKey { return SortKey{Text: r.UID()} }},
	{Name: SortCreated, Title: "RANK", Desc: true, Key: func(r Row) SortKey { return SortKey{Int: int64(r.(rankRow).rank)} }},
}

// uids are the table's rows in order.
func uids(tb *Table) []string {
	var out []string
	for _, it := range tb.List.Items() {
		out = append(out, it.(Row).UID())
	}
	return out
}

// Pages sorted in as they arrive, a new row put in its place, a replaced
// row moved and a removed one dropped give what sorting every row in the
// server's order gives: the same rows, ties in the server's order.
func TestSortedTableMatchesAFullSort(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	tb := NewTable(c, []Column{{Title: "NAME", Width: 10}, {Title: "RANK", Width: 6}}, "row", "rows")
	tb.SetSize(60, 20)
	tb.SetSort(rankSorts, common.SortOrder{}) // by created: RANK, descending
	r := rand.New(rand.NewPCG(3, 4))
	var server []Row
	for page := range 7 {
		var rows []Row
		for i := range 30 {
			rows = append(rows, rankRow{uid: fmt.Sprintf("p%d-%02d", page, i), rank: r.IntN(5)})
		}
		server = append(server, rows...)
		if page == 0 {
			tb.SetRows(rows)
		} else {
			tb.AppendRows(rows)
		}
	}
	fresh := rankRow{uid: "new", rank: 2}
	tb.Prepend(fresh)
	server = append([]Row{fresh}, server...)
	moved := rankRow{uid: "p3-07", rank: 9}
	tb.Replace(moved)
	server[slices.IndexFunc(server, func(r Row) bool { return r.UID() == moved.uid })] = moved
	tb.Remove("p5-11")
	server = slices.DeleteFunc(server, func(r Row) bool { return r.UID() == "p5-11" })

	want := func(desc bool) []string {
		s := slices.Clone(server)
		slices.SortStableFunc(s, func(a, b Row) int {
			c := cmp.Compare(a.(rankRow).rank, b.(rankRow).rank)
			if desc {
				return -c
			}
			return c
		})
		var out []string
		for _, r := range s {
			out = append(out, r.UID())
		}
		return out
	}
	if got := uids(tb); !slices.Equal(got, want(true)) {
		t.Fatalf("rows\n%v\nwant (rank descending, ties in the server's order)\n%v", got, want(true))
	}
	if tb.SelectedUID() != "new" {
		t.Errorf("after Prepend the cursor is on %q, want the new row", tb.SelectedUID())
	}
	tb.Update(uitest.Key("S"))
	if got := uids(tb); !slices.Equal(got, want(false)) {
		t.Fatalf("reversed\n%v\nwant (rank ascending, ties still in the server's order)\n%v", got, want(false))
	}
	if tb.SelectedUID() != "new" {
		t.Errorf("after S the cursor is on %q, want it kept on the new row", tb.SelectedUID())
	}
}

// The header marks the sorted column and its direction; a column it does
// not show is named in the top line instead.
func TestSortMark(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	tb := NewTable(c, []Column{{Title: "NAME", Width: 10}, {Title: "RANK", Width: 6}}, "row", "rows")
	tb.SetSize(60, 20)
	sorts := append(slices.Clone(rankSorts), SortColumn{Name: SortUpdated, Desc: true, Key: rankSorts[1].Key})
	tb.SetSort(sorts, common.SortOrder{Column: SortName})
	tb.SetRows([]Row{rankRow{uid: "b"}, rankRow{uid: "a"}})
	header := func() string { return ansi.Strip(strings.Split(tb.View(), "\n")[1]) }
	if h := header(); !strings.Contains(h, "NAME ▲") || strings.Contains(h, "▼") {
		t.Errorf("by name: header %q", h)
	}
	tb.Update(uitest.Key("S"))
	if h := header(); !strings.Contains(h, "NAME ▼") {
		t.Errorf("by name, reversed: header %q", h)
	}
	tb.Update(uitest.Key("s"))
	if h := header(); !strings.Contains(h, "RANK ▼") || strings.Contains(h, "NAME ▼") {
		t.Errorf("by rank: header %q (the direction starts over at the column's own)", h)
	}
	tb.Update(uitest.Key("s"))
	if h, top := header(), firstLine(tb); strings.ContainsAny(h, "▲▼") || !strings.Contains(top, "by updated ▼") {
		t.Errorf("by a column not shown: header %q, top line %q", h, top)
	}
	tb.Update(uitest.Key("s"))
	if name, desc := tb.SortedBy(); name != SortName || desc {
		t.Errorf("s after the last column: sorted by %q (desc %v), want name ascending", name, desc)
	}
}

// A preference naming a column the list lacks starts it by created.
func TestSortPreferenceForAnotherList(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	tb := NewTable(c, []Column{{Title: "NAME", Width: 10}}, "row", "rows")
	tb.SetSort(rankSorts, common.SortOrder{Column: SortUsage, Reverse: true})
	if name, desc := tb.SortedBy(); name != SortCreated || !desc {
		t.Errorf("sorted by %q (desc %v), want created, newest first", name, desc)
	}
}
