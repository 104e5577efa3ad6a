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
	case t.scope != nil:
		all := common.GroupThousands(strconv.Itoa(len(t.base)))
		return st.Accent.Render(t.scopeLabel) + st.Muted.Render(fmt.Sprintf(" · %s of %s %s", total, all, t.items))
	}
	count := total + " " + t.items
	if n == 1 {
		count = "1 " + t.item
	}
	if t.tally != "" {
		count += " · " + t.tally
	}
	return st.Muted.Render(count)
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
	cells, tones := t.fitCells(r)
	// Cut only when no column is left to drop; padded to every column's
	// width, so a row covers whatever an earlier frame drew there (the
	// renderer clears the spare column at the right, kept for a terminal
	// that counts one more).
	joined := strings.Join(cells, " ")
	line := textfit.Cell(joined, t.width-3)
	st := t.c.Styles
	if selected {
		_, _ = w.WriteString(st.Accent.Render("▌ ") + st.RowSelected.Render(line))
		return
	}
	if tones == nil || !strings.HasPrefix(line, joined) {
		_, _ = w.WriteString("  " + st.Row.Render(line))
		return
	}
	// Cells with a tone of their own (the row is not cut, so each cell is
	// whole): drawn one by one.
	var b strings.Builder
	b.WriteString("  ")
	for i, cell := range cells {
		if i > 0 {
			b.WriteString(st.Row.Render(" "))
		}
		b.WriteString(t.toneStyle(tones[i]).Render(cell))
	}
	b.WriteString(st.Row.Render(strings.TrimPrefix(line, joined)))
	_, _ = w.WriteString(b.String())
}

// fitCells are r's cells on screen, each fitted to its column's width,
// and their tones (nil when r has none).
func (t *Table) fitCells(r Row) (cells []string, tones []Tone) {
	tailed, _ := r.(TailedRow)
	toned, _ := r.(TonedRow)
	hasTone := false
	for i, cell := range r.Cells() {
		if i >= len(t.widths) {
			break
		}
		if t.widths[i] < 0 {
			continue // dropped on a narrow screen, or hidden
		}
		tail := ""
		if tailed != nil {
			tail = tailed.Tail(i)
		}
		cells = append(cells, fitTail(cell, tail, t.widths[i]))
		tone := ToneNone
		if toned != nil {
			tone = toned.Tone(i)
		}
		hasTone = hasTone || tone != ToneNone
		tones = append(tones, tone)
	}
	if !hasTone {
		tones = nil
	}
	return cells, tones
}

// Tone is how a cell is drawn beside the rest of its row. The cell's words
// carry its meaning; the tone adds to it (and goes with NO_COLOR).
type Tone int

// The tones of a cell.
const (
	// ToneNone draws the cell as the row.
	ToneNone Tone = iota
	// ToneWarn draws it in the warning colour: a key about to expire.
	ToneWarn
	// ToneQuiet draws it dimmed: a marker of little weight.
	ToneQuiet
)

// TonedRow is a Row some of whose cells have a tone of their own.
type TonedRow interface {
	Row
	// Tone is the tone of cell i.
	Tone(i int) Tone
}

// toneStyle is the style of a cell of tone.
func (t *Table) toneStyle(tone Tone) lipgloss.Style {
	switch tone {
	case ToneWarn:
		return t.c.Styles.Warning
	case ToneQuiet:
		return t.c.Styles.RowDim
	}
	return t.c.Styles.Row
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
