// Package mouse reads Bubble Tea mouse events the one way the dashboard
// uses them: a wheel notch moves WheelStep lines, a left press is a click,
// and a Rect says whether a click hit an area. It is its own package
// because tables, dialogs and the root model all hit-test clicks; it
// imports only Bubble Tea.
package mouse

import tea "github.com/charmbracelet/bubbletea"

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
