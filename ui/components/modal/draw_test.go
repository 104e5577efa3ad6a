package modal

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
)

// A dialog drawn over a list leaves no fragment of the rows beside it (no
// cut names, no selection mark ▌ next to the frame): the lines it covers
// are blank but for the dialog; the lines above and below still show the
// list.
func TestOverlayLeavesNoFragments(t *testing.T) {
	var rows []string
	for i := range 10 {
		mark := "  "
		if i == 4 {
			mark = "▌ "
		}
		rows = append(rows, mark+strings.Repeat("grafana-exporter ", 4)[:38])
	}
	box := "╭──────╮\n│  Hi  │\n╰──────╯"
	s := &Stack{}
	s.Push(&fake{name: box})
	out := strings.Split(ansi.Strip(s.Draw(common.NewStyles(), strings.Join(rows, "\n"), 40, 10)), "\n")
	for i, line := range out {
		inBox := i >= 3 && i < 6
		rest := strings.TrimSpace(strings.NewReplacer("╭──────╮", "", "│  Hi  │", "", "╰──────╯", "").Replace(line))
		switch {
		case inBox && rest != "":
			t.Errorf("line %d beside the dialog shows %q: %q", i, rest, line)
		case !inBox && !strings.Contains(line, "grafana"):
			t.Errorf("line %d lost the list: %q", i, line)
		}
	}
}
