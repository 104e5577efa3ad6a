package table

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// Sort column names, as the sort preference spells them.
const (
	SortName    = "name"
	SortCreated = "created"
	SortUpdated = "updated"
	SortUsage   = "usage"
	SortLimit   = "limit"
	SortType    = "type"
)

// SortColumn is one order a table can be sorted in, by the key "s" steps
// through. Key takes what a row worked out when it was made, never its
// cells.
type SortColumn struct {
	// Name is the column's name in the sort preference ("created") and
	// in the top line when the header does not show it.
	Name string
	// Title is the header title the mark goes after ("CREATED"); a column
	// the table does not show (or has dropped) is named in the top line.
	Title string
	// Desc says the column's natural direction, the one "s" starts it in,
	// is descending: newest or most first.
	Desc bool
	// Key is what the column sorts a row by.
	Key func(Row) SortKey
}

// SortKey is a row's value in a sort column, ordered by Text, then Int,
// then Num (a column sets one of them). A sort takes every row's key once
// and compares the keys, side by side in memory.
type SortKey struct {
	Text string
	Int  int64
	Num  float64
}

// TimeKey sorts by a time (the zero time first).
func TimeKey(t time.Time) SortKey {
	if t.IsZero() {
		return SortKey{Int: math.MinInt64}
	}
	return SortKey{Int: t.UnixNano()}
}

// NameAndDates are the orders every list of keys starts with, as "s"
// steps through them: by name (what name gives, already lower case), then
// by created and by updated, newest first. R is the list's row type.
func NameAndDates[R Row](name func(R) string, created, updated func(R) time.Time) []SortColumn {
	return []SortColumn{
		{Name: SortName, Title: "NAME", Key: func(r Row) SortKey {
			return SortKey{Text: name(r.(R))}
		}},
		{Name: SortCreated, Title: "CREATED", Desc: true, Key: func(r Row) SortKey {
			return TimeKey(created(r.(R)))
		}},
		{Name: SortUpdated, Title: "UPDATED", Desc: true, Key: func(r Row) SortKey {
			return TimeKey(updated(r.(R)))
		}},
	}
}

// compare orders two keys ascending.
func (k *SortKey) compare(o *SortKey) int {
	if c := strings.Compare(k.Text, o.Text); c != 0 {
		return c
	}
	if c := cmp.Compare(k.Int, o.Int); c != 0 {
		return c
	}
	return cmp.Compare(k.Num, o.Num)
}

// sortState is the order of a table: its columns, the one in force and
// whether it runs against its natural direction.
type sortState struct {
	cols    []SortColumn
	at      int
	reverse bool
}

// active reports whether the table sorts at all.
func (s *sortState) active() bool { return len(s.cols) > 0 }

// desc reports whether the order in force is descending.
func (s *sortState) desc() bool { return s.cols[s.at].Desc != s.reverse }

// compare orders two items in the order in force.
func (s *sortState) compare(a, b list.Item) int {
	key := s.cols[s.at].Key
	ka, kb := key(a.(Row)), key(b.(Row))
	c := ka.compare(&kb)
	if s.desc() {
		return -c
	}
	return c
}

// sorted is a sorted copy of items; ties keep their order (the server's).
// It takes every row's key once and sorts positions with the position as
// the last key, which is stable and, unlike a stable sort's merging, n log
// n comparisons.
func (s *sortState) sorted(items []list.Item) []list.Item {
	if !s.active() {
		return slices.Clone(items)
	}
	key, desc := s.cols[s.at].Key, s.desc()
	keys := make([]SortKey, len(items))
	idx := make([]int, len(items))
	for i, it := range items {
		keys[i], idx[i] = key(it.(Row)), i
	}
	slices.SortFunc(idx, func(i, j int) int {
		c := keys[i].compare(&keys[j])
		if desc {
			c = -c
		}
		if c == 0 {
			return cmp.Compare(i, j)
		}
		return c
	})
	out := make([]list.Item, len(items))
	for k, i := range idx {
		out[k] = items[i]
	}
	return out
}

// merge is sorted, the rows on screen in order, with more (rows that came
// after them from the server) sorted in: a ninth page costs a sort of its
// own rows and one pass, not a sort of all. On a tie the earlier row stays
// first, so the result is what sorting them all would give.
func (s *sortState) merge(sorted, more []list.Item) []list.Item {
	more = s.sorted(more)
	out := make([]list.Item, 0, len(sorted)+len(more))
	i, j := 0, 0
	for i < len(sorted) && j < len(more) {
		if s.compare(more[j], sorted[i]) < 0 {
			out = append(out, more[j])
			j++
		} else {
			out = append(out, sorted[i])
			i++
		}
	}
	out = append(out, sorted[i:]...)
	return append(out, more[j:]...)
}

// insertAt is where r goes among sorted: before the rows it ties with (a
// new row comes first in the server's order).
func (s *sortState) insertAt(sorted []list.Item, r Row) int {
	if !s.active() {
		return 0
	}
	return sort.Search(len(sorted), func(i int) bool { return s.compare(r, sorted[i]) <= 0 })
}

// titled reports whether a sort column has title: the header keeps room
// for the mark after it.
func (s *sortState) titled(title string) bool {
	return title != "" && slices.ContainsFunc(s.cols, func(c SortColumn) bool { return c.Title == title })
}

// mark is what follows the sorted column's title: "▲" ascending, "▼"
// descending.
func (s *sortState) mark() string {
	if s.desc() {
		return "▼"
	}
	return "▲"
}

// SetSort gives the table the orders "s" steps through and starts it in
// start: its column, in its natural direction or reversed. A column the
// table lacks (usage on a list without it) starts it by created, or its
// first column. The rows are sorted at once.
func (t *Table) SetSort(cols []SortColumn, start common.SortOrder) {
	t.sort = sortState{cols: cols, reverse: start.Reverse}
	want := start.Column
	if want == "" {
		want = SortCreated
	}
	at := slices.IndexFunc(cols, func(c SortColumn) bool { return c.Name == want })
	if at < 0 {
		at = max(0, slices.IndexFunc(cols, func(c SortColumn) bool { return c.Name == SortCreated }))
		t.sort.reverse = false
	}
	t.sort.at = at
	t.relayout()
	t.resort()
}

// SortedBy is the name of the sort column in force and whether the order
// is descending; "" when the table does not sort.
func (t *Table) SortedBy() (name string, desc bool) {
	if !t.sort.active() {
		return "", false
	}
	return t.sort.cols[t.sort.at].Name, t.sort.desc()
}

// nextSort sorts by the next column, in its natural direction.
func (t *Table) nextSort() {
	t.sort.at = (t.sort.at + 1) % len(t.sort.cols)
	t.sort.reverse = false
	t.resort()
}

// reverseSort turns the order round; ties still keep the server's order.
func (t *Table) reverseSort() {
	t.sort.reverse = !t.sort.reverse
	t.resort()
}

// resort sorts the rows again from the server's order, keeping the cursor
// on the row it is on.
func (t *Table) resort() {
	t.setItems(t.sort.sorted(t.inScope(t.base)), t.List.Index())
}

// headerTitle is a column's title in the header, with the sort mark when
// it is the sorted column, cut so the mark always shows.
func (t *Table) headerTitle(c Column, width int) string {
	if !t.sort.active() || c.Title != t.sort.cols[t.sort.at].Title {
		return textfit.Cell(c.Title, width)
	}
	s := c.Title + " " + t.sort.mark()
	if ansi.StringWidth(s) > width {
		s = ansi.Truncate(c.Title, max(0, width-2), "…") + " " + t.sort.mark()
	}
	return textfit.Cell(s, width)
}

// sortShown reports whether the header shows the sorted column.
func (t *Table) sortShown() bool {
	title := t.sort.cols[t.sort.at].Title
	for i, c := range t.cols {
		if c.Title == title && title != "" && i < len(t.widths) && t.widths[i] > 0 {
			return true
		}
	}
	return false
}

// SortKeys are the key map's Sort and SortReverse, enabled when the table
// sorts.
func (t *Table) SortKeys() []key.Binding {
	k := t.c.Keys
	s, r := k.Sort, k.SortReverse
	s.SetEnabled(t.sort.active() && s.Enabled())
	r.SetEnabled(t.sort.active() && r.Enabled())
	return []key.Binding{s, r}
}
