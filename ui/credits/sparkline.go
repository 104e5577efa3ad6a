package credits

import (
	"strconv"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/components/chart"
)

// sparkline draws the session's samples, at most width bars, the latest on
// the right. A flat series is a flat line.
func (m *Model) sparkline(width int) string {
	st := m.c.Styles
	samples := m.samples
	if len(samples) == 0 {
		return ""
	}
	label := "  (" + strconv.Itoa(len(samples)) + " samples this session)"
	if len(samples) == 1 {
		label = "  (1 sample this session)"
	}
	if n := width - ansi.StringWidth(label); len(samples) > n {
		label = ""
		samples = samples[max(0, len(samples)-width):]
	}
	return st.Sparkline.Render(chart.Spark(samples, false)) + st.Muted.Render(label)
}
