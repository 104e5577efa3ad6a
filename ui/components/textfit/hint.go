package textfit

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/ui/common"
)

// KeyNames is how bindings' keys are shown in a hint: "esc/enter". It
// follows the key map, so a remapped key shows its new name.
func KeyNames(bs ...key.Binding) string {
	names := make([]string, 0, len(bs))
	for _, b := range bs {
		if b.Enabled() && b.Help().Key != "" {
			names = append(names, b.Help().Key)
		}
	}
	return strings.Join(names, "/")
}

// Hint is a dialog's muted hint line, "y yes · n/esc no", from pairs of
// key names (see KeyNames) and what they do; it is wrapped to width.
func Hint(st *common.Styles, width int, pairs ...string) string {
	items := make([]string, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != "" {
			items = append(items, pairs[i]+" "+pairs[i+1])
		}
	}
	return st.Muted.Render(WrapWords(strings.Join(items, " · "), width))
}

// FitShortHelp picks from bs, in order, the bindings whose hints fit on a
// line of width columns when h draws them, so the line shows whole hints
// and never ends in "…". Bindings with the key of one of keep (help,
// quit, cancel) are kept first.
//
// Widths are counted on the plain text, the way help.Model lays the line
// out ("key desc" items joined by its separator): the help styles only
// colour, they add no padding. Drawing each candidate line instead costs a
// colour conversion per cell on every frame.
func FitShortHelp(h help.Model, bs []key.Binding, width int, keep ...key.Binding) []key.Binding {
	must := map[string]bool{}
	for _, k := range keep {
		must[k.Help().Key] = true
	}
	sep := lipgloss.Width(h.ShortSeparator)
	itemWidth := func(b key.Binding) int {
		return lipgloss.Width(b.Help().Key) + 1 + lipgloss.Width(b.Help().Desc)
	}
	chosen := make([]bool, len(bs))
	used, count := 0, 0
	pick := func(want bool) {
		for i, b := range bs {
			if chosen[i] || must[b.Help().Key] != want || !b.Enabled() {
				continue
			}
			w := itemWidth(b)
			if count > 0 {
				w += sep
			}
			if used+w <= width {
				chosen[i], used, count = true, used+w, count+1
			}
		}
	}
	pick(true)
	pick(false)
	return selected(bs, chosen)
}

// selected is the bindings of bs whose place in chosen is true, in order.
func selected(bs []key.Binding, chosen []bool) []key.Binding {
	var out []key.Binding
	for i, b := range bs {
		if chosen[i] {
			out = append(out, b)
		}
	}
	return out
}
