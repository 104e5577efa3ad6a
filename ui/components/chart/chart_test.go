package chart_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/chart"
)

// From zero, nothing is a dot, any spend at least the lowest bar, the
// largest the highest; otherwise the smallest is the lowest and a flat
// series is mid height.
func TestSpark(t *testing.T) {
	r := func(s string) *big.Rat { v, _ := new(big.Rat).SetString(s); return v }
	if got := chart.Spark([]*big.Rat{r("0"), r("0.001"), r("4"), r("8"), nil}, true); got != "·▁▄█·" {
		t.Errorf("from zero: %q", got)
	}
	if got := chart.Spark([]*big.Rat{r("10"), r("17"), r("24")}, false); got != "▁▄█" {
		t.Errorf("from the smallest: %q", got)
	}
	if got := chart.Spark([]*big.Rat{r("3"), r("3")}, false); got != "▄▄" {
		t.Errorf("flat: %q", got)
	}
}

// Bars fit the width, scale to the largest, and keep the figures whole.
func TestBars(t *testing.T) {
	st := common.NewStyles()
	lines := chart.Bars(st, []chart.Bar{
		{Label: "openai/gpt-4.1", Value: big.NewRat(10, 1), Figure: "10.00"},
		{Label: "a-very-long-model-name-that-is-cut", Value: big.NewRat(5, 1), Figure: "5.00"},
		{Label: "none", Figure: "0.00"},
	}, 40)
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 40 {
			t.Errorf("%q is %d wide", l, w)
		}
	}
	full, half := strings.Count(lines[0], "█"), strings.Count(lines[1], "█")
	if full == 0 || half != full/2 || !strings.HasSuffix(ansi.Strip(lines[1]), " 5.00") || strings.Contains(lines[2], "█") {
		t.Errorf("bars:\n%s", strings.Join(lines, "\n"))
	}
}
