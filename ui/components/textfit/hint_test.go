package textfit

import (
	"slices"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/ui/common"
)

// FitShortHelp counts widths on plain text: the line help.Model draws from
// its choice must fit, and no binding left out would still have fitted.
func TestFitShortHelpMatchesTheDrawnLine(t *testing.T) {
	km := common.DefaultKeyMap()
	bs := []key.Binding{km.New, km.Rename, km.Delete, km.Roll, km.Details, km.Filter, km.Refresh, km.Help, km.Quit}
	h := help.New()
	for _, width := range []int{20, 40, 59, 78, 120} {
		got := FitShortHelp(h, bs, width, km.Help, km.Quit)
		if w := lipgloss.Width(h.ShortHelpView(got)); w > width {
			t.Errorf("width %d: the line is %d wide", width, w)
		}
		for _, b := range bs {
			if slices.ContainsFunc(got, func(g key.Binding) bool { return g.Help() == b.Help() }) {
				continue
			}
			if w := lipgloss.Width(h.ShortHelpView(append(slices.Clone(got), b))); w <= width {
				t.Errorf("width %d: %q was left out but fits (%d)", width, b.Help().Key, w)
			}
		}
	}
}
