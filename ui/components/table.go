package components

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
)

// Column is one column of a Table. Width is the minimum; spare width is
// shared among columns by Flex.
type Column struct {
	Title string
	Width int
	Flex  int
}

// Row is an item of a Table: its filter text and its cells, already
// formatted. Cells is called only for rows on screen.
type Row interface {
	list.Item
	Cells() []string
}

// Table is a bubbles list drawn as one-line rows in columns under a header.
// It filters with "/", and its quit keys are disabled (the root quits).
type Table struct {
	c           *common.Common
	List        list.Model
	cols        []Column
	delegate    *rowDelegate
	width       int
	item, items string
	note        string
}

// NewTable returns an empty table; item and items name what it holds ("API
// key", "API keys") in its count line.
func NewTable(c *common.Common, cols []Column, item, items string) *Table {
	d := &rowDelegate{c: c}
	l := list.New(nil, d, 0, 0)
	l.KeyMap = c.Keys.ListKeyMap()
	// The table draws its own top line (count, filter, note), so the
	// list's title bar and status bar are off.
	l.SetShowTitle(false)
	l.SetShowFilter(false)
	l.SetShowHelp(false)
	l.SetShowStatusBar(false)
	l.SetShowPagination(false)
	l.SetStatusBarItemName(item, items) // for the list's "No API keys." text
	l.DisableQuitKeybindings()
	l.FilterInput.Prompt = "/ "
	l.FilterInput.PromptStyle = c.Styles.FilterPrompt
	l.FilterInput.Cursor.Style = c.Styles.FilterCursor
	l.Styles.NoItems = c.Styles.Empty.Padding(0, 0, 0, 2)
	t := &Table{c: c, List: l, cols: cols, delegate: d, item: item, items: items}
	return t
}

// SetNote sets text shown at the right of the top line (loading, errors).
func (t *Table) SetNote(note string) { t.note = note }

// topLine is the filter being typed, or the filter in force and the match
// count, or the item count; then the note.
func (t *Table) topLine() string {
	st := t.c.Styles
	var left string
	n := len(t.List.Items())
	switch {
	case t.List.SettingFilter():
		left = t.List.FilterInput.View()
	case t.List.IsFiltered():
		left = st.Accent.Render("/ "+t.List.FilterValue()) + st.Muted.Render(fmt.Sprintf("  %d of %d %s · esc clears", len(t.List.VisibleItems()), n, t.items))
	case n == 1:
		left = st.Muted.Render("1 " + t.item)
	default:
		left = st.Muted.Render(fmt.Sprintf("%d %s", n, t.items))
	}
	line := "  " + left
	if t.note != "" {
		line += "   " + t.note
		if ansi.StringWidth(line) > t.width && !t.List.SettingFilter() {
			line = "  " + t.note // the note (loading, an error) matters more than the count
		}
	}
	return ansi.Truncate(line, t.width, "…")
}

// SetSize gives the table its area; column widths are recomputed.
func (t *Table) SetSize(w, h int) {
	t.width = w
	t.delegate.widths = columnWidths(t.cols, w-3)
	t.List.SetSize(w, max(1, h-2))
}

// columnWidths shares width among columns: each gets its minimum, then the
// spare goes by Flex. One space separates columns.
func columnWidths(cols []Column, width int) []int {
	out := make([]int, len(cols))
	used, flex := len(cols)-1, 0
	for i, c := range cols {
		out[i] = c.Width
		used += c.Width
		flex += c.Flex
	}
	spare := width - used
	if spare > 0 && flex > 0 {
		given := 0
		for i, c := range cols {
			add := spare * c.Flex / flex
			out[i] += add
			given += add
		}
		for i := len(cols) - 1; i >= 0 && given < spare; i-- {
			if cols[i].Flex > 0 {
				out[i] += spare - given
				break
			}
		}
	}
	return out
}

// SetRows replaces every row, keeping the cursor on the same item when it
// is still there.
func (t *Table) SetRows(rows []Row) tea.Cmd {
	items := make([]list.Item, len(rows))
	for i, r := range rows {
		items[i] = r
	}
	return t.List.SetItems(items)
}

// AppendRows adds rows at the end.
func (t *Table) AppendRows(rows []Row) tea.Cmd {
	items := t.List.Items()
	all := make([]list.Item, 0, len(items)+len(rows))
	all = append(all, items...)
	for _, r := range rows {
		all = append(all, r)
	}
	return t.List.SetItems(all)
}

// Selected is the row under the cursor, or nil.
func (t *Table) Selected() Row {
	if r, ok := t.List.SelectedItem().(Row); ok {
		return r
	}
	return nil
}

// Capturing reports whether the filter input has focus.
func (t *Table) Capturing() bool { return t.List.SettingFilter() }

// Len is the number of rows (unfiltered).
func (t *Table) Len() int { return len(t.List.Items()) }

// Update passes a message to the list.
func (t *Table) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	t.List, cmd = t.List.Update(msg)
	return cmd
}

// View draws the top line, the header and the rows.
func (t *Table) View() string {
	var b strings.Builder
	b.WriteString(t.topLine())
	b.WriteString("\n")
	var h strings.Builder
	h.WriteString("  ")
	for i, c := range t.cols {
		if i > 0 {
			h.WriteByte(' ')
		}
		h.WriteString(fit(c.Title, t.delegate.widths[i]))
	}
	b.WriteString(t.c.Styles.Header.Render(ansi.Truncate(h.String(), t.width, "")))
	b.WriteString("\n")
	b.WriteString(t.List.View())
	return b.String()
}

// rowDelegate draws one row per line: a cursor mark, then the cells.
type rowDelegate struct {
	c      *common.Common
	widths []int
}

func (d *rowDelegate) Height() int                               { return 1 }
func (d *rowDelegate) Spacing() int                              { return 0 }
func (d *rowDelegate) Update(msg tea.Msg, m *list.Model) tea.Cmd { return nil }

// Render writes one row, its cells cut or padded to the column widths.
func (d *rowDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	r, ok := item.(Row)
	if !ok {
		return
	}
	var b strings.Builder
	for i, cell := range r.Cells() {
		if i >= len(d.widths) {
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fit(cell, d.widths[i]))
	}
	line := b.String()
	st := d.c.Styles
	if index == m.Index() {
		fmt.Fprint(w, st.Accent.Render("▌ ")+st.RowSelected.Render(line))
		return
	}
	fmt.Fprint(w, "  "+st.Row.Render(line))
}

// fit cuts s to width cells with an ellipsis, or pads it with spaces.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > width {
		// A cut can fall inside a double-width rune and come out a column
		// short, so pad after cutting too.
		s = ansi.Truncate(s, width, "…")
	}
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}
