package table

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/x/ansi"
)

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

// renderRow writes one row, its cells cut or padded to the column widths,
// marked when it is under the cursor.
func (t *Table) renderRow(w io.StringWriter, r Row, selected bool) {
	var b strings.Builder
	first := true
	tailed, _ := r.(TailedRow)
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
		tail := ""
		if tailed != nil {
			tail = tailed.Tail(i)
		}
		b.WriteString(fitTail(cell, tail, t.widths[i]))
	}
	line := b.String()
	if ansi.StringWidth(line) > t.width-2 {
		// Only when no column is left to drop.
		line = ansi.Truncate(line, max(0, t.width-2), "…")
	}
	st := t.c.Styles
	if selected {
		_, _ = w.WriteString(st.Accent.Render("▌ ") + st.RowSelected.Render(line))
		return
	}
	_, _ = w.WriteString("  " + st.Row.Render(line))
}

// TailedRow is a Row with cells whose end must survive a cut: the words
// that explain a mark ("● name · in use" is cut to "● na… · in use").
type TailedRow interface {
	Row
	// Tail is the end of cell i that a cut keeps, or "".
	Tail(i int) string
}

// fitTail is fit, keeping tail (the end of s) whole when s is cut and
// there is room for more than the tail.
func fitTail(s, tail string, width int) string {
	tw := ansi.StringWidth(tail)
	if tail == "" || tw+2 > width || ansi.StringWidth(s) <= width || !strings.HasSuffix(s, tail) {
		return fit(s, width)
	}
	return fit(strings.TrimSuffix(s, tail), width-tw) + tail
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
