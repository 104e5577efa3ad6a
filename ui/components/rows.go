package components

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// KeyedRow is a Row that names the item it shows (its uid), so the table
// can find it again after a reload, a rename or a delete.
type KeyedRow interface {
	Row
	UID() string
}

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
			return func() tea.Msg { return common.UnauthorizedMsg{} }
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
	selected := t.SelectedUID()
	cmd := t.SetRows(rows)
	if t.indexOf(selected) >= 0 {
		t.SelectUID(selected)
	} else if n := len(t.List.VisibleItems()); t.List.Index() >= n && n > 0 {
		// The selected item is gone and the list got shorter: stay on a row.
		t.List.Select(n - 1)
	}
	return tea.Batch(cmd, next)
}

// SelectedUID is the uid of the row under the cursor, or "".
func (t *Table) SelectedUID() string {
	if r, ok := t.List.SelectedItem().(KeyedRow); ok {
		return r.UID()
	}
	return ""
}

// SelectUID moves the cursor to the row with uid, if it is listed.
func (t *Table) SelectUID(uid string) {
	if i := t.indexOf(uid); i >= 0 {
		t.List.Select(i)
	}
}

// Prepend puts r first and selects it (a newly created item).
func (t *Table) Prepend(r KeyedRow) tea.Cmd {
	t.List.ResetFilter()
	cmd := t.List.InsertItem(0, r)
	t.List.Select(0)
	return cmd
}

// Replace swaps in r for the row with the same uid.
func (t *Table) Replace(r KeyedRow) tea.Cmd {
	if i := t.indexOf(r.UID()); i >= 0 {
		return t.List.SetItem(i, r)
	}
	return nil
}

// Remove drops the row with uid. The rows are set anew rather than with
// list.RemoveItem, which would use the index in the filtered rows too;
// setting them re-runs an active filter.
func (t *Table) Remove(uid string) tea.Cmd {
	i := t.indexOf(uid)
	if i < 0 {
		return nil
	}
	items := t.List.Items()
	rest := make([]list.Item, 0, len(items)-1)
	rest = append(append(rest, items[:i]...), items[i+1:]...)
	filtered := t.List.FilterState() == list.FilterApplied
	cmd := t.List.SetItems(rest)
	if filtered {
		// Re-apply the filter now rather than when its command returns,
		// so the deleted row is gone from the very next frame.
		t.List.SetFilterText(t.List.FilterValue())
		return nil
	}
	return cmd
}

// indexOf is the position of uid among all (unfiltered) rows, or -1.
func (t *Table) indexOf(uid string) int {
	if uid == "" {
		return -1
	}
	for i, it := range t.List.Items() {
		if r, ok := it.(KeyedRow); ok && r.UID() == uid {
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
