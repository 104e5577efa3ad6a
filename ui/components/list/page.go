package list

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// ApplyPage feeds one page to the loader and shows what it yields in the
// table, converting items with toRow, keeping the cursor on the same item
// across a reload, and requesting the next page. A 401 asks the root for
// the login screen; other errors stay in the loader for its Note.
func ApplyPage[T any, R table.Row](t *table.Table, l *Loader[T], msg PageMsg[T], toRow func(T) R) tea.Cmd {
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
	rows := make([]table.Row, len(items))
	for i, it := range items {
		rows[i] = toRow(it)
	}
	if !replace {
		return tea.Batch(t.AppendRows(rows), next)
	}
	return tea.Batch(t.SetRows(rows), next)
}
