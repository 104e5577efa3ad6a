package components

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/ui/common"
)

// WheelStep is how many rows (in a list) or lines (in a dialog) one notch
// of the mouse wheel moves: in a list the cursor moves, and the window
// follows it as it does for the arrow keys; in a dialog the text scrolls.
const WheelStep = 3

// Wheel is how far a mouse event moves: -WheelStep for a notch up,
// WheelStep for a notch down, 0 for anything else.
func Wheel(msg tea.MouseMsg) int {
	if msg.Action != tea.MouseActionPress {
		return 0
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		return -WheelStep
	case tea.MouseButtonWheelDown:
		return WheelStep
	}
	return 0
}

// Click reports whether a mouse event is a press of the left button (the
// release that follows is ignored, so a click acts once).
func Click(msg tea.MouseMsg) bool {
	return msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
}

// Rect is an area of the screen, or of a component, in cells.
type Rect struct{ X, Y, W, H int }

// Contains reports whether the cell x, y is inside r.
func (r Rect) Contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

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
	case Wheel(msg) != 0:
		i += Wheel(msg)
	case Click(msg):
		row := msg.Y - tableHead
		if row < 0 || row >= min(t.height, n-t.offset) || msg.X < 0 || msg.X >= t.width {
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

// Wheel scrolls a body that does not fit by delta lines (see Wheel); it
// does nothing when the whole body is shown.
func (b *Box) Wheel(delta int) {
	b.offset = max(0, min(b.offset+delta, b.bodyLen-b.window))
}

// boxTextLeft is the column of a Box's text in the drawn dialog: the
// border and the frame's left padding (2 in every layout Render picks).
const boxTextLeft = 1 + 2

// footButtons is where buttons(st, compact, active, labels…) drawn as the
// first line(s) of the foot of a dialog laid out as l is on the drawn
// dialog: one Rect per label.
func (l boxLayout) footButtons(st *common.Styles, compact bool, active int, labels ...string) []Rect {
	rects := make([]Rect, 0, len(labels))
	x := boxTextLeft
	for _, p := range buttonParts(st, compact, active, labels...) {
		w := lipgloss.Width(p)
		rects = append(rects, Rect{X: x, Y: l.footTop, W: w, H: lipgloss.Height(p)})
		x += w + lipgloss.Width(buttonGap)
	}
	return rects
}
