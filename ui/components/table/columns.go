package table

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
