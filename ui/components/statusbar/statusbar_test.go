package statusbar

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// At 80 columns a toast keeps its point: the account and provider make
// room for it before it is cut, and a long quoted name is shortened before
// the words around it.
func TestToastKeepsItsPoint(t *testing.T) {
	long := "“" + strings.Repeat("a-very-long-key-name-", 4) + "”"
	tests := []struct {
		name, text string
		readOnly   bool
		want       []string
	}{
		{"read-only refusal", "read-only: disabling and enabling keys is off (--read-only)", true,
			[]string{"read-only: disabling and enabling keys is off (--read-only)"}},
		{"copy with a long name", "ID of " + long + " copied via terminal (OSC 52)", false,
			[]string{"ID of “a-very-long", "…” copied via terminal (OSC 52)"}},
		{"deleted with a long name", "API key " + long + " deleted", false,
			[]string{"API key “a-very", "…” deleted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := uitest.NewCommon(nil)
			c.Width, c.ReadOnly = 80, tt.readOnly
			var m Model
			m.Update(common.ToastMsg{Kind: common.ToastInfo, Text: tt.text})
			bar := ansi.Strip(m.View(c, Data{Updated: uitest.Clock}))
			if ansi.StringWidth(bar) > 80 {
				t.Errorf("bar is %d wide: %q", ansi.StringWidth(bar), bar)
			}
			for _, w := range tt.want {
				if !strings.Contains(bar, w) {
					t.Errorf("bar %q lacks %q", bar, w)
				}
			}
			if tt.readOnly && !strings.Contains(bar, "READ-ONLY") {
				t.Errorf("bar %q lost READ-ONLY", bar)
			}
		})
	}
}
