package table

import "github.com/charmbracelet/x/ansi"

// Column is one column of a Table. A column is shown whole or not at all:
// its title is never cut (nor the sort mark after it), and when the
// screen is too narrow for every column the highest Drop goes first.
type Column struct {
	Title string
	// Width is the least room the column gets while its text is wider:
	// below it the column is dropped rather than cut further. A column
	// whose rows are all narrower gets only what they need.
	Width int
	// Fixed says the column is Width wide whatever its rows hold: text
	// that changes with the clock ("3 min ago", "59 days ago"), so Width
	// must be its widest value and is never cut.
	Fixed bool
	// Flex shares out the width left once every column shows its text
	// whole; spare width goes first to columns whose text is cut.
	Flex int
	// Drop orders which columns go when the screen is too narrow for every
	// column's least width: the highest Drop goes first; 0 never goes.
	Drop int
	// Hidden keeps the column off screen whatever the width: a column
	// that says nothing on this account (one workspace). See
	// Table.SetHidden.
	Hidden bool
}

// DateWidth is the width of the widest relative date a row shows
// (common.RelativeTime: "59 days ago").
const DateWidth = 11

// DateColumn is a column of relative dates: always DateWidth wide, never
// cut.
func DateColumn(title string, drop int) Column {
	return Column{Title: title, Width: DateWidth, Fixed: true, Drop: drop}
}

// layout is how a table's columns share a width: each column's least
// width (its title, with room for the sort mark where it can be sorted by)
// and the width of its widest text (natural).
type layout struct {
	cols    []Column
	natural []int
	// marked says which columns can carry the sort mark.
	marked []bool
}

// need is the least width column i is shown with: its title (and sort
// mark), and its text up to Width.
func (l *layout) need(i int) int {
	c := l.cols[i]
	title := ansi.StringWidth(c.Title)
	if l.marked[i] {
		title += 2 // " ▲"
	}
	return max(title, min(c.Width, l.text(i)))
}

// want is the width column i shows all its text in.
func (l *layout) want(i int) int { return max(l.need(i), l.text(i)) }

// text is how wide column i's text is: Width for a Fixed column, and
// before any row has text in it (an empty table keeps its usual shape).
func (l *layout) text(i int) int {
	if l.cols[i].Fixed || l.natural[i] == 0 {
		return l.cols[i].Width
	}
	return l.natural[i]
}

// widths shares width among the columns: the columns that do not fit are
// dropped (-1), highest Drop first; each kept column gets its least width;
// then columns whose text is cut grow together, a cell at a time, until
// it is whole; what is left goes by Flex. One space separates columns.
func (l *layout) widths(width int) []int {
	out := make([]int, len(l.cols))
	used := -1
	for i, c := range l.cols {
		if c.Hidden {
			out[i] = -1
			continue
		}
		out[i] = l.need(i)
		used += out[i] + 1
	}
	for used > width {
		worst := -1
		for i, c := range l.cols {
			if out[i] >= 0 && c.Drop > 0 && (worst < 0 || c.Drop > l.cols[worst].Drop) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		used -= out[worst] + 1
		out[worst] = -1
	}
	spare := width - used
	for grown := true; spare > 0 && grown; {
		grown = false
		for i := range out {
			if spare > 0 && out[i] >= 0 && out[i] < l.want(i) {
				out[i]++
				spare--
				grown = true
			}
		}
	}
	l.flex(out, spare)
	return out
}

// flex shares spare among the kept columns by Flex, the remainder to the
// last flexible one.
func (l *layout) flex(out []int, spare int) {
	flex := 0
	for i, c := range l.cols {
		if out[i] >= 0 {
			flex += c.Flex
		}
	}
	if spare <= 0 || flex == 0 {
		return
	}
	given, last := 0, -1
	for i, c := range l.cols {
		if out[i] >= 0 && c.Flex > 0 {
			add := spare * c.Flex / flex
			out[i] += add
			given += add
			last = i
		}
	}
	out[last] += spare - given
}
