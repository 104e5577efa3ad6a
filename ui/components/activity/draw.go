package activity

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/chart"
)

// Lines draws 30 days of spend for width columns: a title line, the
// days as a sparkline with the total and the busiest day beside it, the
// dates it spans, and up to top models as bars with their spend.
func Lines(st *common.Styles, s Spend, width, top int) []string {
	days := make([]*big.Rat, len(s.Day))
	busiest := 0
	for i, d := range s.Day {
		days[i] = d
		if d.Cmp(s.Day[busiest]) > 0 {
			busiest = i
		}
	}
	out := []string{"", st.Label.Render("Last 30 days") + st.Muted.Render(" (UTC, by day)")}
	if s.Total.Sign() == 0 {
		return append(out, st.Muted.Render("No spend in the last 30 days."))
	}
	spark := st.Sparkline.Render(chart.Spark(days, true)) + "  " + common.MoneyOfRat(s.Total) + " " + common.SpendCurrency
	if requests := " · " + common.GroupThousands(strconv.FormatInt(s.Requests, 10)) + " requests"; ansi.StringWidth(spark+requests) <= width {
		spark += st.Muted.Render(requests)
	}
	out = append(out, spark)
	last := s.From.AddDate(0, 0, Days-1)
	out = append(out, st.Muted.Render(fmt.Sprintf("%s … %s · most on %s: %s", s.From.Format("Jan 2"), last.Format("Jan 2"),
		s.From.AddDate(0, 0, busiest).Format("Jan 2"), common.MoneyOfRat(s.Day[busiest]))))
	if s.Unreadable > 0 {
		out = append(out, st.Error.Render(fmt.Sprintf("✗ %d rows with an amount that is not a number were left out", s.Unreadable)))
	}
	if len(s.Models) > 0 && top > 0 {
		out = append(out, "", st.Label.Render("Top models"))
		out = append(out, chart.Bars(st, ShareBars(s.Models, top), width)...)
	}
	return out
}

// ShareBars are the first n shares as bars with their spend.
func ShareBars(shares []Share, n int) []chart.Bar {
	shares = shares[:min(n, len(shares))]
	bars := make([]chart.Bar, len(shares))
	for i, s := range shares {
		bars[i] = chart.Bar{Label: s.Name, Value: s.Spend, Figure: common.MoneyOfRat(s.Spend)}
	}
	return bars
}
