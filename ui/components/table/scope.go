package table

import (
	"slices"

	"github.com/charmbracelet/bubbles/list"
)

// This file holds what narrows a table beyond its filter: a column hidden
// on this account (SetHidden) and a scope (SetScope), a subset of the rows
// the view chooses (one workspace), with the tally the top line shows.

// SetHidden hides the column titled title (or shows it again): the column
// says nothing on this account. The other columns share the width.
func (t *Table) SetHidden(title string, hidden bool) {
	i := slices.IndexFunc(t.cols, func(c Column) bool { return c.Title == title })
	if i < 0 || t.cols[i].Hidden == hidden {
		return
	}
	t.cols = slices.Clone(t.cols) // the view's column list is shared
	t.cols[i].Hidden = hidden
	t.relayout()
}

// SetScope shows only the rows keep accepts (nil: every row), named label
// on the top line ("Research"); the filter applies within it. The cursor
// stays on its row when the row is in the scope.
func (t *Table) SetScope(keep func(Row) bool, label string) {
	t.scope, t.scopeLabel = keep, label
	t.resort()
}

// Scoped reports whether a scope is in force.
func (t *Table) Scoped() bool { return t.scope != nil }

// SetTally sets what the top line adds after the count while no scope or
// filter is in force ("Default 11 · Research 5").
func (t *Table) SetTally(tally string) { t.tally = tally }

// Total is the number of rows, every scope and filter aside.
func (t *Table) Total() int { return len(t.base) }

// Rows calls fn with every row, in the server's order, every scope and
// filter aside; fn returns false to stop.
func (t *Table) Rows(fn func(Row) bool) {
	for _, it := range t.base {
		if r, ok := it.(Row); ok && !fn(r) {
			return
		}
	}
}

// inScope is items without the rows the scope leaves out (items itself
// when there is no scope).
func (t *Table) inScope(items []list.Item) []list.Item {
	if t.scope == nil {
		return items
	}
	out := make([]list.Item, 0, len(items))
	for _, it := range items {
		if r, ok := it.(Row); ok && t.scope(r) {
			out = append(out, it)
		}
	}
	return out
}

// keeps reports whether the scope keeps r.
func (t *Table) keeps(r Row) bool { return t.scope == nil || t.scope(r) }
