package components

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/textinput"
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
	// Drop orders which columns go when the screen is too narrow for every
	// column's minimum width: the highest Drop goes first; 0 never goes.
	Drop int
}

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
	// height is how many rows fit; offset is the first row on screen.
	height, offset int
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
	return &Table{c: c, List: l, cols: cols, accept: list.DefaultKeyMap().AcceptWhileFiltering, item: item, items: items}
}

// SetNote sets text shown at the right of the top line (loading, errors).
func (t *Table) SetNote(note string) { t.note = note }

// SetLoaded says whether the rows are known (loaded without error): only
// then does an empty table say there are none.
func (t *Table) SetLoaded(loaded bool) { t.loaded = loaded }

// topLine is the filter being typed or the filter in force with the match
// count, or the item count; then the note; at the right the cursor's
// position among the rows shown.
func (t *Table) topLine(shown int) string {
	st := t.c.Styles
	var left string
	n := len(t.List.Items())
	matches := st.Muted.Render(fmt.Sprintf("  %d of %d %s · %s clears", shown, n, t.items, t.c.Keys.Back.Help().Key))
	switch {
	case t.List.SettingFilter():
		left = t.List.FilterInput.View()
		if t.List.FilterValue() != "" {
			left += matches
		}
	case t.List.IsFiltered():
		left = st.Accent.Render("/ "+t.List.FilterValue()) + matches
	case n == 1:
		left = st.Muted.Render("1 " + t.item)
	default:
		left = st.Muted.Render(fmt.Sprintf("%d %s", n, t.items))
	}
	line := "  " + left
	if t.sort.active() && !t.sortShown() && !t.List.SettingFilter() {
		// A sort by a column the header lacks (dropped, or not one of
		// them) is named here.
		line += st.Muted.Render(" · by " + t.sort.cols[t.sort.at].Name + " " + t.sort.mark())
	}
	if t.note != "" {
		line += "   " + t.note
		if ansi.StringWidth(line) > t.width && !t.List.SettingFilter() {
			line = "  " + t.note // the note (loading, an error) matters more than the count
		}
	}
	if shown > 0 {
		pos := fmt.Sprintf("%d/%d", t.List.Index()+1, shown)
		if gap := t.width - 1 - ansi.StringWidth(line) - len(pos); gap >= 2 {
			line += strings.Repeat(" ", gap) + st.Muted.Render(pos)
		}
	}
	return ansi.Truncate(line, t.width, "…")
}

// SetSize gives the table its area; column widths are recomputed and the
// cursor stays on screen.
func (t *Table) SetSize(w, h int) {
	t.width = w
	t.height = max(1, h-2)
	t.widths = columnWidths(keptColumns(t.cols, w-3), w-3)
	t.List.SetSize(w, t.height)
	// The list sizes its filter input to the whole width, padding it with
	// spaces; unsized, the match count can follow the query.
	t.List.FilterInput.Width = 0
	t.scroll(len(t.List.VisibleItems()))
}

// keptColumns is cols with the columns that do not fit in width dropped,
// highest Drop first (a dropped column keeps its place with Width -1).
func keptColumns(cols []Column, width int) []Column {
	kept := append([]Column(nil), cols...)
	need := func() int {
		n, used := 0, 0
		for _, c := range kept {
			if c.Width >= 0 {
				n++
				used += c.Width
			}
		}
		return used + max(0, n-1)
	}
	for need() > width {
		worst := -1
		for i, c := range kept {
			if c.Width >= 0 && c.Drop > 0 && (worst < 0 || c.Drop > kept[worst].Drop) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		kept[worst].Width, kept[worst].Flex = -1, 0
	}
	return kept
}

// columnWidths shares width among columns: each gets its minimum, then the
// spare goes by Flex. One space separates columns. A column of Width -1
// (dropped) gets -1 and no space.
func columnWidths(cols []Column, width int) []int {
	out := make([]int, len(cols))
	used, flex := -1, 0
	for _, c := range cols {
		if c.Width >= 0 {
			used++
		}
	}
	for i, c := range cols {
		if c.Width < 0 {
			out[i] = -1
			continue
		}
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
// is still there, else on the same line. An active filter is applied to the
// new rows at once. The command is always nil (nothing runs later); it is
// returned so callers batch it like other components' commands.
func (t *Table) SetRows(rows []Row) tea.Cmd {
	t.base = toItems(rows)
	t.setItems(t.sort.sorted(t.base), t.List.Index())
	return nil
}

// AppendRows adds rows after the others in the server's order (a sorted
// table sorts them in among the others); the cursor stays where it is.
func (t *Table) AppendRows(rows []Row) tea.Cmd {
	more := toItems(rows)
	t.base = append(t.base, more...)
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
		i -= t.height
		t.offset -= t.height
	case key.Matches(msg, k.PageDown):
		i += t.height
		t.offset += t.height
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

// filterKey edits the filter being typed: esc drops it, enter (or a move)
// keeps it — also when nothing matches, so the empty result stays on
// screen and says so — and any change filters again at once.
func (t *Table) filterKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, t.c.Keys.Back):
		t.List.ResetFilter()
		t.follow(0)
		return nil
	case key.Matches(msg, t.accept):
		if t.List.FilterValue() == "" {
			t.List.ResetFilter()
		} else {
			t.List.SetFilterText(t.List.FilterValue()) // applies it
			t.List.FilterInput.Blur()
		}
		t.follow(0)
		return nil
	}
	before := t.List.FilterValue()
	var cmd tea.Cmd
	t.List.FilterInput, cmd = t.List.FilterInput.Update(msg)
	if t.List.FilterValue() != before {
		t.refilter()
		t.follow(0)
	}
	return cmd
}

// refilter applies the filter in force to the rows now, keeping whether it
// is being typed and where the input's cursor is. SetFilterText is the
// list's synchronous way to filter; it also applies the filter and moves
// the cursor to the top, which the callers undo (follow).
func (t *Table) refilter() {
	state := t.List.FilterState()
	if state == list.Unfiltered {
		return
	}
	pos := t.List.FilterInput.Position()
	t.List.SetFilterText(t.List.FilterValue())
	if state == list.Filtering {
		t.List.SetFilterState(list.Filtering)
		t.List.FilterInput.SetCursor(pos)
	}
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
	if i >= t.offset+t.height {
		t.offset = i - t.height + 1
	}
	t.offset = max(0, min(t.offset, n-t.height))
}

// View draws the top line, the header and the rows on screen; with no row
// shown, why (nothing matches the filter; or, once loaded, there are none).
func (t *Table) View() string {
	items := t.List.VisibleItems()
	t.scroll(len(items))
	var b strings.Builder
	b.WriteString(t.topLine(len(items)))
	b.WriteString("\n")
	var h strings.Builder
	h.WriteString("  ")
	first := true
	for i, c := range t.cols {
		if t.widths[i] < 0 {
			continue
		}
		if !first {
			h.WriteByte(' ')
		}
		first = false
		h.WriteString(t.headerTitle(c, t.widths[i]))
	}
	b.WriteString(t.c.Styles.Header.Render(ansi.Truncate(h.String(), t.width, "")))
	st := t.c.Styles
	switch {
	case len(items) == 0 && t.List.FilterState() != list.Unfiltered && t.List.FilterValue() != "":
		b.WriteString("\n" + ansi.Truncate(st.Empty.Render(fmt.Sprintf("  No %s matches “%s” · %s clears", t.item, t.List.FilterValue(), t.c.Keys.Back.Help().Key)), t.width, "…"))
	case len(items) == 0 && t.loaded:
		b.WriteString("\n" + st.Empty.Render("  No "+t.items+"."))
	}
	cursor := t.List.Index()
	for i := t.offset; i < min(len(items), t.offset+t.height); i++ {
		b.WriteString("\n")
		if r, ok := items[i].(Row); ok {
			t.renderRow(&b, r, i == cursor)
		}
	}
	return b.String()
}

// renderRow writes one row, its cells cut or padded to the column widths,
// marked when it is under the cursor.
func (t *Table) renderRow(w io.StringWriter, r Row, selected bool) {
	var b strings.Builder
	first := true
	for i, cell := range r.Cells() {
		if i >= len(t.widths) {
			break
		}
		if t.widths[i] < 0 {
			continue // dropped on a narrow screen
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(fit(cell, t.widths[i]))
	}
	st := t.c.Styles
	if selected {
		_, _ = w.WriteString(st.Accent.Render("▌ ") + st.RowSelected.Render(b.String()))
		return
	}
	_, _ = w.WriteString("  " + st.Row.Render(b.String()))
}

// lineDelegate tells the list its items are one line each; the table draws
// them, so the delegate draws nothing.
type lineDelegate struct{}

func (lineDelegate) Height() int                                  { return 1 }
func (lineDelegate) Spacing() int                                 { return 0 }
func (lineDelegate) Update(tea.Msg, *list.Model) tea.Cmd          { return nil }
func (lineDelegate) Render(io.Writer, list.Model, int, list.Item) {}

// matchWords is the table's list.FilterFunc: a row matches when its filter
// text holds every space-separated word of term as a substring, ignoring
// case. Matches keep the list's order.
func matchWords(term string, targets []string) []list.Rank {
	words := strings.Fields(strings.ToLower(term))
	// Sized for all: most words typed first match most rows, and growing
	// a slice of thousands by appending copies it many times over.
	out := make([]list.Rank, 0, len(targets))
	for i, target := range targets {
		if containsAll(lowerCase(target), words) {
			out = append(out, list.Rank{Index: i})
		}
	}
	return out
}

// lowerCase is s in lower case: s itself, without a copy, when no rune
// changes, which is the common case (rows lower their filter text once),
// and faster to find out than with strings.ToLower, which maps every rune
// of a text that is not all ASCII ("tgn_…").
func lowerCase(s string) string {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return strings.ToLower(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.ToLower(r) != r {
			return strings.ToLower(s)
		}
		i += n
	}
	return s
}

// containsAll reports whether s holds every word.
func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
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
