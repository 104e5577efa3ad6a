package credits

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// sparkLevels are the sparkline's bars, lowest first.
var sparkLevels = []rune("▁▂▃▄▅▆▇█")

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
	lo, hi := samples[0], samples[0]
	for _, s := range samples[1:] {
		if s.Cmp(lo) < 0 {
			lo = s
		}
		if s.Cmp(hi) > 0 {
			hi = s
		}
	}
	span := new(big.Rat).Sub(hi, lo)
	top := len(sparkLevels) - 1
	var b strings.Builder
	for _, s := range samples {
		level := top / 2
		if span.Sign() != 0 {
			// floor((s-lo) * top / span), in exact arithmetic.
			x := new(big.Rat).Sub(s, lo)
			x.Mul(x, big.NewRat(int64(top), 1))
			x.Quo(x, span)
			level = int(new(big.Int).Quo(x.Num(), x.Denom()).Int64())
			level = min(max(level, 0), top)
		}
		b.WriteRune(sparkLevels[level])
	}
	return st.Sparkline.Render(b.String()) + st.Muted.Render(label)
}
