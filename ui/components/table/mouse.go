package table

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/components/mouse"
)

// mouse moves the cursor by a wheel notch, or puts it on the row clicked.
// y counts from the table's top line; rows start under the top line and
// the header, at the window's offset. Nothing happens while the filter is
// typed (it has the focus), nor for a click outside the rows.
func (t *Table) mouse(msg tea.MouseMsg) tea.Cmd {
	if t.List.SettingFilter() {
		return nil
	}
	n := len(t.List.VisibleItems())
	if n == 0 {
		return nil
	}
	t.scroll(n) // the window as View draws it
	i := t.List.Index()
	switch {
	case mouse.Wheel(msg) != 0:
		i += mouse.Wheel(msg)
	case mouse.Click(msg):
		row := msg.Y - tableHead - t.extra
		if row < 0 || row >= min(t.rows(), n-t.offset) || msg.X < 0 || msg.X >= t.width {
			return nil
		}
		i = t.offset + row
	default:
		return nil
	}
	t.List.Select(min(max(i, 0), n-1))
	t.remember()
	t.scroll(n)
	return nil
}

// tableHead is how many lines a Table draws above its rows: the top line
// and the header.
const tableHead = 2
