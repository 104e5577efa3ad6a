package table

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// View draws the top line (and the note's own lines when it does not fit
// there), the header and the rows on screen; with no row shown, why
// (nothing matches the filter; or, once loaded, there are none).
func (t *Table) View() string {
	items := t.List.VisibleItems()
	top := t.topLines(len(items))
	t.extra = len(top) - 1
	t.scroll(len(items))
	var b strings.Builder
	b.WriteString(strings.Join(top, "\n"))
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
	for i := t.offset; i < min(len(items), t.offset+t.rows()); i++ {
		b.WriteString("\n")
		if r, ok := items[i].(Row); ok {
			t.renderRow(&b, r, i == cursor)
		}
	}
	return b.String()
}

// maxNoteLines is the most lines a note takes below the top line.
const maxNoteLines = 3

// topLines are the top line — the filter being typed or the filter in
// force with the match count, or the item count (nothing while the rows
// are not known); the note; at the right the cursor's position among the
// rows shown — and, when the note does not fit there, the note wrapped on
// lines of its own.
func (t *Table) topLines(shown int) []string {
	line := "  " + t.count(shown)
	if t.sort.active() && !t.sortShown() && !t.List.SettingFilter() {
		// A sort by a column the header lacks (dropped, or not one of
		// them) is named here.
		line += t.c.Styles.Muted.Render(" · by " + t.sort.cols[t.sort.at].Name + " " + t.sort.mark())
	}
	pos := ""
	if shown > 0 {
		pos = fmt.Sprintf("%s/%s", common.GroupThousands(strconv.Itoa(t.List.Index()+1)), common.GroupThousands(strconv.Itoa(shown)))
	}
	var below []string
	if t.note != "" {
		alone := strings.TrimSpace(line) == ""
		with := line + "   " + t.note
		if alone {
			with = "  " + t.note
		}
		need := ansi.StringWidth(with)
		if pos != "" {
			need += len(pos) + 3
		}
		switch {
		case need <= t.width:
			line = with
		case alone:
			wrapped := t.wrapNote()
			line, below = wrapped[0], wrapped[1:]
		default:
			below = t.wrapNote()
		}
	}
	if gap := t.width - 1 - ansi.StringWidth(line) - len(pos); pos != "" && gap >= 2 {
		line += strings.Repeat(" ", gap) + t.c.Styles.Muted.Render(pos)
	}
	return append([]string{ansi.Truncate(line, t.width, "…")}, below...)
}

// count is the left of the top line: the filter being typed or in force
// with the matches, or how many rows there are; "" while the rows are not
// known (loading, or the load failed), when a count of none would be false.
func (t *Table) count(shown int) string {
	st := t.c.Styles
	n := len(t.List.Items())
	total := common.GroupThousands(strconv.Itoa(n))
	matches := st.Muted.Render(fmt.Sprintf("  %s of %s %s · %s clears", common.GroupThousands(strconv.Itoa(shown)), total, t.items, t.c.Keys.Back.Help().Key))
	switch {
	case t.List.SettingFilter():
		if t.List.FilterValue() != "" {
			return t.List.FilterInput.View() + matches
		}
		return t.List.FilterInput.View()
	case t.List.IsFiltered():
		return st.Accent.Render("/ "+t.List.FilterValue()) + matches
	case n == 0 && !t.loaded:
		return ""
	case n == 1:
		return st.Muted.Render("1 " + t.item)
	}
	return st.Muted.Render(total + " " + t.items)
}

// wrapNote is the note wrapped to the table's width (see WrapNote),
// indented, at most maxNoteLines lines (the last cut with "…").
func (t *Table) wrapNote() []string {
	width := max(10, t.width-2)
	lines := WrapNote(t.note, width)
	if len(lines) > maxNoteLines {
		lines = lines[:maxNoteLines]
		lines[maxNoteLines-1] = ansi.Truncate(lines[maxNoteLines-1]+" …", width, "…")
	}
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return lines
}

// WrapNote wraps a note (an error and how to retry it) to width at
// spaces; what follows its last " — " (the way out: "r to retry") is
// never split: it ends the last line, or takes a line of its own. The
// tables' top lines and the Credits view's error line use it.
func WrapNote(note string, width int) []string {
	head, hint := note, ""
	if i := strings.LastIndex(note, " — "); i > 0 {
		head, hint = note[:i], note[i:]
	}
	lines := strings.Split(lipgloss.NewStyle().Width(width).Render(head), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	if last := len(lines) - 1; hint != "" && ansi.StringWidth(lines[last]+hint) <= width {
		lines[last] += hint
	} else if hint != "" {
		lines = append(lines, strings.TrimPrefix(hint, " "))
	}
	return lines
}

// renderRow writes one row, its cells cut or padded to the column widths
// (textfit.Cell: as wide on every terminal as they are counted here) and
// the row to the columns' width, marked when it is under the cursor.
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
	// Cut only when no column is left to drop; padded to every column's
	// width, so a row covers whatever an earlier frame drew there (the
	// renderer clears the spare column at the right, kept for a terminal
	// that counts one more).
	line := textfit.Cell(b.String(), t.width-3)
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

// fitTail is textfit.Cell, keeping tail (the end of s) whole when s is
// cut and there is room for more than the tail.
func fitTail(s, tail string, width int) string {
	s, tail = textfit.Steady(s), textfit.Steady(tail)
	tw := ansi.StringWidth(tail)
	if tail == "" || tw+2 > width || ansi.StringWidth(s) <= width || !strings.HasSuffix(s, tail) {
		return textfit.Cell(s, width)
	}
	return textfit.Cell(strings.TrimSuffix(s, tail), width-tw) + tail
}
