// Package table is the dashboard's list of rows: Table, a bubbles list
// drawn as one-line rows in columns under a top line and a header, with
// its columns (dropped by priority on narrow screens), its sort, its
// filter, its mouse handling, the edits that keep the cursor on the same
// item (a new row, a rename, a delete) and the copy-id action. It may
// import ui/common and the mouse helpers, never a view or a dialog.
package table

import (
	"io"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// Row is an item of a Table: its filter text, its cells, already
// formatted, and the uid of the item it shows, by which the table keeps
// the cursor on it across a reload, a filter or a delete. Cells is called
// only for rows on screen.
type Row interface {
	list.Item
	Cells() []string
	UID() string
}

// Table is a bubbles list drawn as one-line rows in columns under a top
// line and a header. The list holds the rows, the cursor and the filter;
// the table moves the cursor, scrolls and draws the rows on screen itself
// (the list pages, and its last page can hold a single row). It filters
// with "/" synchronously, so what is shown always belongs to the query
// typed; the list's quit keys are disabled (the root quits).
type Table struct {
	c      *common.Common
	List   list.Model
	cols   []Column
	widths []int
	width  int
	// natural is the width of each column's widest text among the rows
	// the table has held since its last SetRows (a removed row's text may
	// still count: a column never shrinks under the cursor).
	natural []int
	// height is how many rows fit under a one-line top; offset is the
	// first row on screen; extra is how many lines the note took below the
	// top line when it was last drawn (see rows).
	height, offset, extra int
	// selected is the uid of the row the user last chose. It outlives the
	// row's visibility: a filter that hides it, then is cleared, brings the
	// cursor back to it.
	selected string
	// accept ends typing the filter and keeps it (the list's binding, kept
	// enabled whatever the list does with its own copy).
	accept      key.Binding
	item, items string
	note        string
	// loaded says an empty table is really empty (the list loaded without
	// error), so it may say "No API keys.".
	loaded bool
	// base is every row in the server's order (new rows first); the list
	// holds them sorted by sort (see SetSort), ties in base's order.
	base []list.Item
	sort sortState
	// scope, when set, keeps only the rows it accepts (see SetScope),
	// named scopeLabel; tally follows the count when none is in force.
	scope             func(Row) bool
	scopeLabel, tally string
}

// NewTable returns an empty table; item and items name what it holds ("API
// key", "API keys") in its count line.
func NewTable(c *common.Common, cols []Column, item, items string) *Table {
	l := list.New(nil, lineDelegate{}, 0, 0)
	l.KeyMap = c.Keys.ListKeyMap()
	l.Filter = matchWords
	// The table draws its own top line (count, filter, note), so the
	// list's title bar and status bar are off.
	l.SetShowTitle(false)
	l.SetShowFilter(false)
	l.SetShowHelp(false)
	l.SetShowStatusBar(false)
	l.SetShowPagination(false)
	l.DisableQuitKeybindings()
	l.FilterInput.Prompt = "/ "
	l.FilterInput.PromptStyle = c.Styles.FilterPrompt
	l.FilterInput.Cursor.Style = c.Styles.FilterCursor
	return &Table{c: c, List: l, cols: cols, natural: make([]int, len(cols)), accept: list.DefaultKeyMap().AcceptWhileFiltering, item: item, items: items}
}

// SetNote sets text shown at the right of the top line (loading, errors).
func (t *Table) SetNote(note string) { t.note = note }

// SetLoaded says whether the rows are known (loaded without error): only
// then does an empty table say there are none.
func (t *Table) SetLoaded(loaded bool) { t.loaded = loaded }

// SetSize gives the table its area; column widths are recomputed and the
// cursor stays on screen.
func (t *Table) SetSize(w, h int) {
	t.width = w
	t.height = max(1, h-2)
	t.relayout()
	t.List.SetSize(w, t.height)
	// The list sizes its filter input to the whole width, padding it with
	// spaces; unsized, the match count can follow the query.
	t.List.FilterInput.Width = 0
	t.scroll(len(t.List.VisibleItems()))
}

// relayout shares the width among the columns again (see layout.widths):
// the width, the rows' text or the sort columns changed.
func (t *Table) relayout() {
	l := layout{cols: t.cols, natural: t.natural, marked: make([]bool, len(t.cols))}
	for i, c := range t.cols {
		l.marked[i] = t.sort.titled(c.Title)
	}
	t.widths = l.widths(t.width - 3)
}

// measure counts the text of items in each column's widest (natural) and
// shares the width again when a column got wider.
func (t *Table) measure(items []list.Item) {
	grew := false
	for _, it := range items {
		r, ok := it.(Row)
		if !ok {
			continue
		}
		for i, cell := range r.Cells() {
			if i < len(t.natural) && !t.cols[i].Fixed {
				if w := ansi.StringWidth(textfit.Steady(cell)); w > t.natural[i] {
					t.natural[i], grew = w, true
				}
			}
		}
	}
	if grew {
		t.relayout()
	}
}

// Selected is the row under the cursor, or nil.
func (t *Table) Selected() Row {
	if r, ok := t.List.SelectedItem().(Row); ok {
		return r
	}
	return nil
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

// Capturing reports whether the filter input has focus.
func (t *Table) Capturing() bool { return t.List.SettingFilter() }

// Len is the number of rows (unfiltered).
func (t *Table) Len() int { return len(t.List.Items()) }

// Update moves the cursor and runs the filter; while the filter is typed,
// other messages (its cursor's blink) go to the list.
func (t *Table) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case list.FilterMatchesMsg:
		// The table filters synchronously; matches computed in a command
		// belong to an older query or older rows.
		return nil
	case tea.KeyMsg:
		if t.List.SettingFilter() {
			return t.filterKey(msg)
		}
		return t.browseKey(msg)
	case tea.MouseMsg:
		return t.mouse(msg)
	}
	if !t.List.SettingFilter() {
		return nil // the list has nothing else to do while browsing
	}
	var cmd tea.Cmd
	t.List, cmd = t.List.Update(msg)
	return cmd
}

// browseKey moves the cursor, starts the filter or clears it.
func (t *Table) browseKey(msg tea.KeyMsg) tea.Cmd {
	k := t.c.Keys
	n := len(t.List.VisibleItems())
	i := t.List.Index()
	switch {
	case key.Matches(msg, k.Up):
		i--
	case key.Matches(msg, k.Down):
		i++
	case key.Matches(msg, k.PageUp):
		i -= t.rows()
		t.offset -= t.rows()
	case key.Matches(msg, k.PageDown):
		i += t.rows()
		t.offset += t.rows()
	case key.Matches(msg, k.Top):
		i = 0
	case key.Matches(msg, k.Bottom):
		i = n - 1
	case key.Matches(msg, k.Filter) && t.Len() > 0:
		t.remember()
		t.List.SetFilterState(list.Filtering)
		t.refilter()
		t.follow(0)
		return textinput.Blink
	case key.Matches(msg, k.Sort) && t.sort.active():
		t.nextSort()
		return nil
	case key.Matches(msg, k.SortReverse) && t.sort.active():
		t.reverseSort()
		return nil
	case key.Matches(msg, k.Back) && t.List.IsFiltered():
		t.remember()
		t.List.ResetFilter()
		t.follow(0)
		return nil
	default:
		return nil
	}
	if n > 0 {
		t.List.Select(min(max(i, 0), n-1))
		t.remember()
	}
	t.scroll(n)
	return nil
}

// remember records the row under the cursor as the one the user is on,
// unless the filter is being typed (then the cursor only shows the first
// match) or no row is shown.
func (t *Table) remember() {
	if t.List.SettingFilter() {
		return
	}
	if uid := t.SelectedUID(); uid != "" {
		t.selected = uid
	}
}

// follow puts the cursor on the remembered row when it is shown, else on
// line fallback (or the nearest line there is), scrolls to it and
// remembers it.
func (t *Table) follow(fallback int) {
	items := t.List.VisibleItems()
	i := indexOf(items, t.selected)
	if i < 0 {
		i = min(max(fallback, 0), max(len(items)-1, 0))
	}
	t.List.Select(i)
	t.scroll(len(items))
	t.remember()
}

// scroll moves the window over n rows only as far as it takes to show the
// cursor, and never past the end: the last screenful is full.
func (t *Table) scroll(n int) {
	i := t.List.Index()
	if i < t.offset {
		t.offset = i
	}
	if i >= t.offset+t.rows() {
		t.offset = i - t.rows() + 1
	}
	t.offset = max(0, min(t.offset, n-t.rows()))
}

// rows is how many rows are on screen: the height less the note's own
// lines.
func (t *Table) rows() int { return max(1, t.height-t.extra) }

// lineDelegate tells the list its items are one line each; the table draws
// them, so the delegate draws nothing.
type lineDelegate struct{}

func (lineDelegate) Height() int                                  { return 1 }
func (lineDelegate) Spacing() int                                 { return 0 }
func (lineDelegate) Update(tea.Msg, *list.Model) tea.Cmd          { return nil }
func (lineDelegate) Render(io.Writer, list.Model, int, list.Item) {}
