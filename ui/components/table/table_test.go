package table

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/components/textfit"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// testRow is a table row with a uid.
type testRow struct{ uid, name string }

func (r testRow) FilterValue() string { return r.name + " " + r.uid }
func (r testRow) Cells() []string     { return []string{r.name, r.uid} }
func (r testRow) UID() string         { return r.uid }

var testColumns = []Column{{Title: "NAME", Width: 12, Flex: 1}, {Title: "UID", Width: 8}}

func newTestTable(t *testing.T, names ...string) *Table {
	t.Helper()
	c, _ := uitest.NewCommon(nil)
	tb := NewTable(c, testColumns, "API key", "API keys")
	tb.SetSize(100, 20)
	rows := make([]Row, len(names))
	for i, n := range names {
		rows[i] = testRow{uid: "u-" + n, name: n}
	}
	tb.SetRows(rows)
	return tb
}

// firstLine is the table's top line, trimmed, without the position at its
// right (see topPosition).
func firstLine(tb *Table) string {
	left, _ := topLineParts(tb)
	return left
}

// topPosition is the cursor's position at the right of the top line
// ("12/31"), or "" when none is shown.
func topPosition(tb *Table) string {
	_, pos := topLineParts(tb)
	return pos
}

// positionRE is the position at the end of the top line.
var positionRE = regexp.MustCompile(`\s{2,}([\d,]+/[\d,]+)$`)

// topLineParts splits the top line into what is at its left and the
// position at its right.
func topLineParts(tb *Table) (left, pos string) {
	line, _, _ := strings.Cut(tb.View(), "\n")
	line = strings.TrimSpace(line)
	if m := positionRE.FindStringSubmatchIndex(line); m != nil {
		return line[:m[0]], line[m[2]:m[3]]
	}
	return line, ""
}

// The top line counts the items (singular for one), or while a filter is
// in force how many match; the note follows.
func TestTableTopLine(t *testing.T) {
	names := []string{"alpha", "beta", "gamma", "delta", "omega"}
	tests := []struct {
		name   string
		rows   []string
		filter string
		note   string
		// unknown says the rows are not known yet (loading, or the load
		// failed).
		unknown bool
		want    string
	}{
		{"empty", nil, "", "", false, "0 API keys"},
		{"empty while loading", nil, "", "loading API keys…", true, "loading API keys…"},
		{"empty after a failure", nil, "", "✗ could not load API keys", true, "✗ could not load API keys"},
		{"one", []string{"alpha"}, "", "", false, "1 API key"},
		{"many", names, "", "", false, "5 API keys"},
		{"with note", names, "", "loading… 5 so far", true, "5 API keys   loading… 5 so far"},
		{"filtered", names, "gam", "", false, "/ gam  1 of 5 API keys · esc clears"},
		{"filter matching none", names, "zzz", "", false, "/ zzz  0 of 5 API keys · esc clears"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTestTable(t, tt.rows...)
			tb.SetLoaded(!tt.unknown)
			tb.SetNote(tt.note)
			if tt.filter != "" {
				tb.List.SetFilterText(tt.filter)
			}
			if got := firstLine(tb); got != tt.want {
				t.Errorf("top line = %q, want %q", got, tt.want)
			}
		})
	}
}

// While the filter is being typed, the top line is the filter input and the
// table captures the keys (letters are text, not commands).
func TestTableTopLineWhileTyping(t *testing.T) {
	tb := newTestTable(t, "alpha", "beta")
	if tb.Capturing() {
		t.Fatal("capturing before /")
	}
	tb.Update(uitest.Key("/"))
	if !tb.Capturing() {
		t.Fatal("/ did not start the filter")
	}
	tb.Update(uitest.Key("b"))
	if got := firstLine(tb); !strings.HasPrefix(got, "/ b") {
		t.Errorf("top line = %q", got)
	}
}

// The table never runs past the width, however long the note: the note
// wraps below the top line, at most maxNoteLines lines, the last cut with
// "…".
func TestTableTopLineTruncated(t *testing.T) {
	tb := newTestTable(t, "alpha")
	tb.SetSize(40, 10)
	tb.SetNote(strings.Repeat("very long note ", 10))
	lines := strings.Split(tb.View(), "\n")
	for _, line := range lines {
		if w := ansi.StringWidth(line); w > 40 {
			t.Errorf("line is %d wide: %q", w, line)
		}
	}
	if !strings.HasPrefix(lines[0], "  1 API key") || !strings.HasSuffix(lines[maxNoteLines], "…") {
		t.Errorf("top lines:\n%s", strings.Join(lines[:maxNoteLines+1], "\n"))
	}
}

// The layout gives each column its least width (its title, its sort mark,
// its text up to Width), drops columns by Drop when they do not fit, grows
// the columns whose text is cut first and shares the rest by Flex.
func TestLayoutWidths(t *testing.T) {
	tests := []struct {
		name    string
		cols    []Column
		natural []int
		marked  []bool
		width   int
		want    []int
	}{
		{"one flex", []Column{{Title: "A", Width: 10, Flex: 1}, {Title: "B", Width: 5}}, []int{10, 5}, nil, 30, []int{24, 5}},
		{"even split", []Column{{Title: "A", Width: 5, Flex: 1}, {Title: "B", Width: 5, Flex: 1}, {Title: "C", Width: 5, Flex: 1}}, []int{5, 5, 5}, nil, 20, []int{6, 6, 6}},
		{"remainder to the last flex column", []Column{{Title: "A", Width: 5, Flex: 1}, {Title: "B", Width: 5, Flex: 1}, {Title: "C", Width: 5}}, []int{5, 5, 5}, nil, 20, []int{6, 7, 5}},
		{"by weight", []Column{{Title: "A", Width: 10, Flex: 2}, {Title: "B", Width: 10, Flex: 1}}, []int{10, 10}, nil, 51, []int{30, 20}},
		{"no flex keeps the text's width", []Column{{Title: "A", Width: 10}, {Title: "B", Width: 5}}, []int{10, 5}, nil, 50, []int{10, 5}},
		{"short text takes less than Width", []Column{{Title: "NAME", Width: 14, Flex: 1}, {Title: "B", Width: 5}}, []int{6, 5}, nil, 12, []int{6, 5}},
		{"never narrower than the title and mark", []Column{{Title: "NAME", Width: 14}, {Title: "B", Width: 5}}, []int{2, 5}, []bool{true, false}, 20, []int{6, 5}},
		{"cut text grows before the flexible column", []Column{{Title: "NAME", Width: 10, Flex: 1}, {Title: "FP", Width: 10}}, []int{8, 50}, nil, 40, []int{8, 31}},
		{"cut columns grow together", []Column{{Title: "A", Width: 5}, {Title: "B", Width: 5}}, []int{30, 30}, nil, 21, []int{10, 10}},
		{"whole text, then flex", []Column{{Title: "NAME", Width: 10, Flex: 1}, {Title: "FP", Width: 10}}, []int{8, 20}, nil, 40, []int{19, 20}},
		{"a fixed column keeps its width", []Column{{Title: "A", Width: 5, Flex: 1}, DateColumn("CREATED", 0)}, []int{40, 0}, nil, 30, []int{18, DateWidth}},
		{"no text yet keeps Width", []Column{{Title: "NAME", Width: 14, Flex: 1}, {Title: "UID", Width: 16}}, []int{0, 0}, nil, 40, []int{23, 16}},
		{"drops the highest Drop first", []Column{{Title: "A", Width: 10}, {Title: "B", Width: 10, Drop: 1}, {Title: "C", Width: 10, Drop: 2}}, []int{10, 10, 10}, nil, 21, []int{10, 10, -1}},
		{"too narrow keeps what never drops", []Column{{Title: "A", Width: 10, Flex: 1}, {Title: "B", Width: 10}}, []int{10, 10}, nil, 15, []int{10, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marked := tt.marked
			if marked == nil {
				marked = make([]bool, len(tt.cols))
			}
			l := layout{cols: tt.cols, natural: tt.natural, marked: marked}
			if got := l.widths(tt.width); !slices.Equal(got, tt.want) {
				t.Errorf("widths = %v, want %v", got, tt.want)
			}
		})
	}
}

// For every width that fits the least widths, the kept columns fill it
// exactly when one of them is flexible, and none is below its least width.
func TestLayoutFillsTheWidth(t *testing.T) {
	layouts := []layout{
		{cols: []Column{{Title: "NAME", Width: 20, Flex: 1}, {Title: "UID", Width: 16, Drop: 2}, {Title: "KEY", Width: 10, Drop: 1}, DateColumn("CREATED", 0), DateColumn("UPDATED", 3)},
			natural: []int{36, 16, 9, 0, 0}},
		{cols: []Column{{Title: "NAME", Width: 14, Flex: 1}, {Title: "TYPE", Width: 10}, {Title: "FINGERPRINT", Width: 20}, {Title: "COMMENT", Width: 12, Drop: 1}, DateColumn("CREATED", 2)},
			natural: []int{12, 10, 50, 19, 0}},
		{cols: []Column{{Title: "A", Width: 1, Flex: 3}, {Title: "B", Width: 1, Flex: 5}, {Title: "C", Width: 1, Flex: 7}}, natural: []int{1, 1, 1}},
	}
	for i, l := range layouts {
		l.marked = make([]bool, len(l.cols))
		for width := 40; width <= 300; width++ {
			got := l.widths(width)
			sum, kept := 0, 0
			for j, w := range got {
				if w < 0 {
					continue
				}
				sum += w
				kept++
				if w < l.need(j) {
					t.Fatalf("layout %d width %d: column %d narrower than it needs: %v", i, width, j, got)
				}
			}
			if sum += kept - 1; sum != width && sum <= width {
				t.Fatalf("layout %d width %d: columns fill %d: %v", i, width, sum, got)
			}
		}
	}
}

// fit cuts a cell with an ellipsis or pads it, so columns line up.
func TestFit(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"abc", 5, "abc  "},
		{"abcde", 5, "abcde"},
		{"abcdef", 5, "abcd…"},
		{"abc", 0, ""},
		{"abc", -1, ""},
		{"", 3, "   "},
		{"日本", 5, "日本 "}, // wide runes count two cells
		{"日本語", 6, "日本語"},
		{"日本語x", 6, "日本… "},
	}
	for _, tt := range tests {
		got := textfit.Cell(tt.in, tt.width)
		if got != tt.want {
			t.Errorf("textfit.Cell(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// A cell of wide runes cut in the middle of a rune must still fill its
// column, or every later column shifts left by one.
func TestFitWideRuneCutKeepsWidth(t *testing.T) {
	for _, tt := range []struct {
		in    string
		width int
	}{{"日本語", 4}, {"日本語テスト", 7}, {"🔑🔑🔑", 4}} {
		if w := ansi.StringWidth(textfit.Cell(tt.in, tt.width)); w != tt.width {
			t.Errorf("textfit.Cell(%q, %d) is %d cells wide", tt.in, tt.width, w)
		}
	}
}

// Rows are drawn in the columns under the header, the selected one marked,
// and no line is wider than the table.
func TestTableView(t *testing.T) {
	tb := newTestTable(t, "alpha", "beta")
	lines := strings.Split(tb.View(), "\n")
	if len(lines) < 4 {
		t.Fatalf("view:\n%s", tb.View())
	}
	if !strings.HasPrefix(lines[1], "  NAME") || !strings.Contains(lines[1], "UID") {
		t.Errorf("header = %q", lines[1])
	}
	if !strings.HasPrefix(lines[2], "▌ alpha") || !strings.Contains(lines[2], "u-alpha") {
		t.Errorf("selected row = %q", lines[2])
	}
	if !strings.HasPrefix(lines[3], "  beta") {
		t.Errorf("second row = %q", lines[3])
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 100 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
}

// Prepend puts a new item first, selected, and clears a filter that could
// hide it; Replace swaps an item in place; Remove drops it.
func TestTableRowEdits(t *testing.T) {
	tb := newTestTable(t, "alpha", "beta", "gamma")
	tb.List.SetFilterText("gam")

	tb.Prepend(testRow{uid: "u-new", name: "new"})
	if tb.List.IsFiltered() || tb.SelectedUID() != "u-new" || tb.List.Index() != 0 || tb.Len() != 4 {
		t.Errorf("Prepend: filtered=%v selected=%q index=%d len=%d", tb.List.IsFiltered(), tb.SelectedUID(), tb.List.Index(), tb.Len())
	}

	tb.SelectUID("u-beta")
	tb.Replace(testRow{uid: "u-beta", name: "beta-renamed"})
	if got := tb.Selected().(testRow); got.name != "beta-renamed" || tb.Len() != 4 {
		t.Errorf("Replace: selected %+v, %d rows", got, tb.Len())
	}
	tb.Replace(testRow{uid: "u-unknown", name: "x"})
	if tb.Len() != 4 {
		t.Error("Replace of an unknown uid added a row")
	}

	tb.Remove("u-alpha")
	tb.Remove("u-unknown")
	var uids []string
	for _, it := range tb.List.Items() {
		uids = append(uids, it.(testRow).uid)
	}
	if want := []string{"u-new", "u-beta", "u-gamma"}; !slices.Equal(uids, want) {
		t.Errorf("rows = %v, want %v", uids, want)
	}
	tb.SelectUID("u-unknown") // no such row: the cursor stays
	if tb.SelectedUID() == "" {
		t.Error("selecting an unknown uid lost the cursor")
	}
	if got := fmt.Sprint(firstLine(tb)); got != "3 API keys" {
		t.Errorf("top line = %q", got)
	}
}

// AppendRows adds at the end; an empty table has no selection.
func TestTableAppendAndEmpty(t *testing.T) {
	tb := newTestTable(t)
	if tb.Selected() != nil || tb.SelectedUID() != "" {
		t.Error("an empty table has a selection")
	}
	tb.AppendRows([]Row{testRow{"u1", "one"}})
	tb.AppendRows([]Row{testRow{"u2", "two"}, testRow{"u3", "three"}})
	if tb.Len() != 3 || tb.List.Items()[2].(testRow).uid != "u3" {
		t.Errorf("rows: %v", tb.List.Items())
	}
}

// Deleting an item while a filter is in force removes it from what is
// shown, and only it.
func TestTableRemoveWhileFiltered(t *testing.T) {
	tb := newTestTable(t, "alpha", "beta", "gamma")
	tb.List.SetFilterText("gam")
	tb.Remove("u-gamma") // the only match, deleted through the confirmation
	for _, it := range tb.List.VisibleItems() {
		if it.(testRow).uid == "u-gamma" {
			t.Fatal("Table.Remove while filtered left the deleted row on screen")
		}
	}

	tb = newTestTable(t, "alpha", "beta", "gamma", "delta")
	tb.List.SetFilterText("ta") // beta, delta
	tb.Remove("u-alpha")        // not shown: the filtered view must not change
	if n := len(tb.List.VisibleItems()); n != 2 {
		t.Fatalf("removing a hidden row left %d of 2 matches", n)
	}
}
