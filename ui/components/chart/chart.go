// Package chart draws figures as block characters, as DESIGN.md's "Look"
// asks: a sparkline (one cell a value) and bar rows (a label, a bar and
// the figure beside it). Values are exact (math/big), scaled in exact
// arithmetic; the figures beside them are the caller's, written with
// ui/common's money formatter. It imports ui/common only.
package chart

import (
	"math/big"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// sparkLevels are the sparkline's cells, lowest first.
var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// Empty is the cell of a value of zero (or none) in a sparkline from zero:
// a day with no spend reads as nothing, not as a low bar.
const Empty = '·'

// Spark draws values as one cell each, oldest first. fromZero scales them
// from zero to the largest (spend: a zero is Empty, any other value at
// least the lowest bar); otherwise from the smallest to the largest (a
// balance over a session), a flat series as a flat line at mid height.
// A nil value is drawn as Empty.
func Spark(values []*big.Rat, fromZero bool) string {
	lo, hi := bounds(values, fromZero)
	top := len(sparkLevels) - 1
	span := new(big.Rat)
	if lo != nil {
		span.Sub(hi, lo)
	}
	var b strings.Builder
	for _, v := range values {
		switch {
		case v == nil, fromZero && v.Sign() <= 0:
			b.WriteRune(Empty)
		case span.Sign() == 0 && fromZero:
			b.WriteRune(sparkLevels[top])
		case span.Sign() == 0:
			b.WriteRune(sparkLevels[top/2])
		case fromZero:
			// ceil(v * (top+1) / hi) - 1: any spend shows.
			b.WriteRune(sparkLevels[ceilLevel(v, span, top+1)-1])
		default:
			// floor((v-lo) * top / span).
			x := new(big.Rat).Sub(v, lo)
			b.WriteRune(sparkLevels[floorLevel(x, span, top)])
		}
	}
	return b.String()
}

// bounds are the smallest and largest of values (nil when there are
// none); from zero, the smallest is zero.
func bounds(values []*big.Rat, fromZero bool) (lo, hi *big.Rat) {
	for _, v := range values {
		if v == nil {
			continue
		}
		if lo == nil || v.Cmp(lo) < 0 {
			lo = v
		}
		if hi == nil || v.Cmp(hi) > 0 {
			hi = v
		}
	}
	if fromZero && hi != nil {
		lo = new(big.Rat)
	}
	return lo, hi
}

// floorLevel is floor(x * n / span), within 0 … n.
func floorLevel(x, span *big.Rat, n int) int {
	x = new(big.Rat).Mul(x, big.NewRat(int64(n), 1))
	x.Quo(x, span)
	level := new(big.Int).Quo(x.Num(), x.Denom()).Int64()
	return int(min(max(level, 0), int64(n)))
}

// ceilLevel is ceil(x * n / span), within 1 … n.
func ceilLevel(x, span *big.Rat, n int) int {
	x = new(big.Rat).Mul(x, big.NewRat(int64(n), 1))
	x.Quo(x, span)
	q, r := new(big.Int).QuoRem(x.Num(), x.Denom(), new(big.Int))
	level := q.Int64()
	if r.Sign() > 0 {
		level++
	}
	return int(min(max(level, 1), int64(n)))
}

// Bar is one row of a bar chart: what it is, its value and the figure
// written beside the bar.
type Bar struct {
	Label  string
	Value  *big.Rat
	Figure string
}

// barEighths are the partial cells of a bar, an eighth to seven.
var barEighths = []rune("▏▎▍▌▋▊▉")

// Bars draws rows as "label  ████▌  figure" lines of at most width
// columns: labels in a column as wide as the widest (cut at half the
// width), bars scaled to the largest value in eighths of a cell, figures
// in a column at the right. A value of zero or none has no bar.
func Bars(st *common.Styles, rows []Bar, width int) []string {
	if len(rows) == 0 {
		return nil
	}
	labelW, figW := 0, 0
	var hi *big.Rat
	for _, r := range rows {
		labelW = max(labelW, ansi.StringWidth(textfit.Steady(r.Label)))
		figW = max(figW, ansi.StringWidth(r.Figure))
		if r.Value != nil && (hi == nil || r.Value.Cmp(hi) > 0) {
			hi = r.Value
		}
	}
	labelW = min(labelW, max(8, width/2))
	barW := max(6, width-labelW-figW-4)
	out := make([]string, len(rows))
	for i, r := range rows {
		bar := barOf(r.Value, hi, barW)
		figure := strings.Repeat(" ", figW-ansi.StringWidth(r.Figure)) + r.Figure
		out[i] = textfit.Cell(r.Label, labelW) + "  " + st.Sparkline.Render(bar) +
			strings.Repeat(" ", barW-ansi.StringWidth(bar)) + "  " + st.Muted.Render(figure)
	}
	return out
}

// barOf is a bar of v against hi in at most width cells, in eighths.
func barOf(v, hi *big.Rat, width int) string {
	if v == nil || hi == nil || v.Sign() <= 0 || hi.Sign() <= 0 {
		return ""
	}
	eighths := ceilLevel(v, hi, width*8)
	bar := strings.Repeat("█", eighths/8)
	if rest := eighths % 8; rest > 0 {
		bar += string(barEighths[rest-1])
	}
	return bar
}
