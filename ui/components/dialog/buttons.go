package dialog

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/mouse"
)

// buttons draws a dialog's choices, the one at active highlighted. Framed
// buttons take three lines; compact ones one ("[ No ]  Roll").
func buttons(st *common.Styles, compact bool, active int, labels ...string) string {
	parts := make([]string, 0, 2*len(labels))
	for i, b := range buttonParts(st, compact, active, labels...) {
		if i > 0 {
			parts = append(parts, buttonGap)
		}
		parts = append(parts, b)
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, parts...)
}

// CompactButtons draws one-line choices, the one at active in brackets
// ("[ No ]    Save  "), as a confirmation on a short screen draws them:
// the mark is a shape, so it stays without colour.
func CompactButtons(st *common.Styles, active int, labels ...string) string {
	return buttons(st, true, active, labels...)
}

// buttonGap is the space between two buttons.
const buttonGap = " "

// buttonParts draws each button of buttons on its own.
func buttonParts(st *common.Styles, compact bool, active int, labels ...string) []string {
	parts := make([]string, 0, len(labels))
	for i, l := range labels {
		switch {
		case compact && i == active:
			parts = append(parts, st.ButtonActive.UnsetBorderStyle().UnsetPadding().Render("[ "+l+" ]"))
		case compact:
			parts = append(parts, st.Button.UnsetBorderStyle().UnsetPadding().Render("  "+l+"  "))
		case i == active:
			parts = append(parts, st.ButtonActive.Render(l))
		default:
			parts = append(parts, st.Button.Render(l))
		}
	}
	return parts
}

// boxTextLeft is the column of a Box's text in the drawn dialog: the
// border and the frame's left padding (2 in every layout Render picks).
const boxTextLeft = 1 + 2

// footButtons is where buttons(st, compact, active, labels…) drawn as the
// first line(s) of the foot of a dialog laid out as l is on the drawn
// dialog: one Rect per label.
func (l boxLayout) footButtons(st *common.Styles, compact bool, active int, labels ...string) []mouse.Rect {
	rects := make([]mouse.Rect, 0, len(labels))
	x := boxTextLeft
	for _, p := range buttonParts(st, compact, active, labels...) {
		w := lipgloss.Width(p)
		rects = append(rects, mouse.Rect{X: x, Y: l.footTop, W: w, H: lipgloss.Height(p)})
		x += w + lipgloss.Width(buttonGap)
	}
	return rects
}
