package components

import (
	"context"
	"errors"
	"slices"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// ApplyPage feeds one page to the loader and shows what it yields in the
// table, converting items with toRow, keeping the cursor on the same item
// across a reload, and requesting the next page. A 401 asks the root for
// the login screen; other errors stay in the loader for its Note.
func ApplyPage[T any](t *Table, l *Loader[T], msg PageMsg[T], toRow func(T) Row) tea.Cmd {
	items, replace, next, ok := l.Update(msg)
	if !ok {
		return nil
	}
	if msg.Err != nil {
		if errors.Is(msg.Err, api.ErrUnauthorized) {
			return l.c.Unauthorized()
		}
		return nil
	}
	rows := make([]Row, len(items))
	for i, it := range items {
		rows[i] = toRow(it)
	}
	if !replace {
		return tea.Batch(t.AppendRows(rows), next)
	}
	return tea.Batch(t.SetRows(rows), next)
}

// SelectedUID is the uid of the row under the cursor, or "".
func (t *Table) SelectedUID() string {
	if r := t.Selected(); r != nil {
		return r.UID()
	}
	return ""
}

// SelectUID moves the cursor to the row with uid, if it is shown.
func (t *Table) SelectUID(uid string) {
	items := t.List.VisibleItems()
	if i := indexOf(items, uid); i >= 0 {
		t.List.Select(i)
		t.scroll(len(items))
		t.remember()
	}
}

// Prepend puts r first in the server's order, where a sorted table puts it
// in its place (before the rows it ties with), and selects it (a newly
// created item); a filter in force is cleared so the new row is seen.
func (t *Table) Prepend(r Row) tea.Cmd {
	t.List.ResetFilter()
	t.base = append([]list.Item{r}, t.base...)
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

// NewDeleteConfirm asks before deleting an item: del runs on yes, and done
// is delivered when the item is gone — also when the server answers 404,
// since then it was already deleted, which is what the user wanted.
func NewDeleteConfirm(c *common.Common, title string, body []string, del func(ctx context.Context) error, done tea.Msg) *Confirm {
	return NewConfirm(c, title, body, "Delete", func(ctx context.Context) (tea.Msg, error) {
		if err := del(ctx); err != nil {
			return nil, err
		}
		return done, nil
	}).OnError(func(err error) (bool, tea.Cmd) {
		if errors.Is(err, api.ErrNotFound) {
			return true, func() tea.Msg { return done }
		}
		return false, nil
	})
}
