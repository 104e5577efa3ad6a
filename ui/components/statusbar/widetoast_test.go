package statusbar

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Issue 18, item 4: a toast naming a key whose characters terminals
// count differently (emoji sequences, conjuncts) never makes the status
// bar wider than the screen on a terminal that counts rune by rune, which
// would wrap it and push the tab bar off.
func TestToastWithWideNamesFits(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		c, _ := uitest.NewCommon(nil)
		c.Width = w
		var m Model
		m.Update(common.ToastMsg{Kind: common.ToastSuccess, Text: "Renamed to “" + strings.Repeat("👨‍👩‍👧‍👦👍🏽क्षกำ☺️", 4) + "”"})
		bar := ansi.Strip(m.View(c, Data{Updated: uitest.Clock}))
		wc := 0
		for _, r := range bar {
			switch {
			case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
			case runewidth.RuneWidth(r) == 2:
				wc += 2
			default:
				wc++
			}
		}
		if wc > w || ansi.StringWidth(bar) > w {
			t.Errorf("width %d: the bar takes %d columns rune by rune (%d as counted): %q", w, wc, ansi.StringWidth(bar), bar)
		}
	}
}
