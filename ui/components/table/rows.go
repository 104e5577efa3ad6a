package table

import (
	"slices"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// SetRows replaces every row, keeping the cursor on the same item when it
// is still there, else on the same line. An active filter is applied to the
// new rows at once. The command is always nil (nothing runs later); it is
// returned so callers batch it like other components' commands.
func (t *Table) SetRows(rows []Row) tea.Cmd {
	t.base = toItems(rows)
	clear(t.natural)
	t.measure(t.base)
	t.relayout()
	t.setItems(t.sort.sorted(t.inScope(t.base)), t.List.Index())
	return nil
}

// AppendRows adds rows after the others in the server's order (a sorted
// table sorts them in among the others); the cursor stays where it is.
func (t *Table) AppendRows(rows []Row) tea.Cmd {
	more := toItems(rows)
	t.base = append(t.base, more...)
	t.measure(more)
	more = t.inScope(more)
	if t.sort.active() {
		t.setItems(t.sort.merge(t.List.Items(), more), t.List.Index())
		return nil
	}
	t.setItems(append(slices.Clone(t.List.Items()), more...), t.List.Index())
	return nil
}

// toItems is rows as list items.
func toItems(rows []Row) []list.Item {
	items := make([]list.Item, len(rows))
	for i, r := range rows {
		items[i] = r
	}
	return items
}

// setItems replaces the items, filters them and puts the cursor back on the
// chosen row, or when it is gone on line fallback.
func (t *Table) setItems(items []list.Item, fallback int) {
	t.remember()
	_ = t.List.SetItems(items) // its filter command is stale: refilter does it now
	t.refilter()
	t.follow(fallback)
}

// Prepend puts r first in the server's order, where a sorted table puts it
// in its place (before the rows it ties with), and selects it (a newly
// created item); a filter in force is cleared so the new row is seen.
func (t *Table) Prepend(r Row) tea.Cmd {
	t.List.ResetFilter()
	t.base = append([]list.Item{r}, t.base...)
	t.measure(t.base[:1])
	if !t.keeps(r) {
		t.scope, t.scopeLabel = nil, "" // the new row is seen
		t.resort()
		t.SelectUID(r.UID())
		return nil
	}
	i := t.sort.insertAt(t.List.Items(), r)
	_ = t.List.InsertItem(i, r) // unfiltered: no command
	t.List.Select(i)
	t.remember()
	t.scroll(t.Len())
	return nil
}

// Replace swaps in r for the row with the same uid (a rename, a roll). An
// active filter is applied again: the new text may no longer match.
// A sorted table sorts again: the new row may belong elsewhere.
func (t *Table) Replace(r Row) tea.Cmd {
	i := indexOf(t.base, r.UID())
	if i < 0 {
		return nil
	}
	t.base = slices.Clone(t.base)
	t.base[i] = r
	t.measure(t.base[i : i+1])
	t.resort()
	return nil
}

// Remove drops the row with uid (once the server confirmed the delete).
// When it was under the cursor, the cursor lands on its neighbour: the
// next row, or the previous one when it was the last.
func (t *Table) Remove(uid string) tea.Cmd {
	items := t.List.Items()
	i := indexOf(items, uid)
	if i < 0 {
		return nil
	}
	t.remember()
	fallback := t.List.Index()
	if t.selected == uid {
		// Its line among the rows shown is where its next row moves up to.
		if v := indexOf(t.List.VisibleItems(), uid); v >= 0 {
			fallback = v
		}
	}
	if b := indexOf(t.base, uid); b >= 0 {
		t.base = slices.Delete(slices.Clone(t.base), b, b+1)
	}
	rest := make([]list.Item, 0, len(items)-1)
	rest = append(append(rest, items[:i]...), items[i+1:]...)
	t.setItems(rest, fallback)
	return nil
}

// indexOf is the position of the row with uid among items, or -1.
func indexOf(items []list.Item, uid string) int {
	if uid == "" {
		return -1
	}
	for i, it := range items {
		if r, ok := it.(Row); ok && r.UID() == uid {
			return i
		}
	}
	return -1
}
