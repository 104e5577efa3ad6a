package credits

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/activity"
	"github.com/targon-dash/targon-dash/ui/components/chart"
)

// This file draws, under the cards of an account that can tell its
// activity (api.Activity: OpenRouter), the account's last 30 days of
// spend by day, its top models and its top keys (read from the keys'
// activity, which the API keys view asks for), as much of it as the
// screen has room for.

// topShown is how many models and keys the view lists.
const topShown = 3

// needHistory asks for the account's activity once a session (it changes
// once a day); nil when it is known or being read, or the account cannot
// tell it.
func (m *Model) needHistory() tea.Cmd { return m.activity.Need("", "") }

// withHistory is cards with the largest version of the history under them
// that fits the view (only the fullest, when whole), or cards alone; ok
// says a version was put under them (always, where the account has no
// history).
func (m *Model) withHistory(cards string, whole bool) (string, bool) {
	if m.activity == nil {
		return cards, true
	}
	room := m.height - lipgloss.Height(cards)
	pad := lipgloss.NewStyle().PaddingLeft(len(indent))
	variants := m.historyVariants()
	if whole {
		variants = variants[:1]
	}
	for _, lines := range variants {
		if m.height <= 0 || len(lines) <= room {
			return cards + "\n" + pad.Render(strings.Join(lines, "\n")), true
		}
	}
	return cards, false
}

// historyVariants are the history's versions, the fullest first: with the
// top models and keys, the days alone, their sparkline alone.
func (m *Model) historyVariants() [][]string {
	st := m.c.Styles
	width := max(20, m.width-2*len(indent))
	e, state := m.activity.Get("")
	switch {
	case state != activity.Answered:
		return [][]string{{"", st.Muted.Render("Last 30 days: loading…")}}
	case e.Forbidden():
		return [][]string{append([]string{""}, m.wrapped(st.Warning, width, "Last 30 days: the account's activity needs a management key.")...)}
	case e.Err != nil:
		return [][]string{append([]string{""}, m.wrapped(st.Error, width, m.c.ErrorText(e.Err)+" (the last 30 days; "+m.c.Keys.Refresh.Help().Key+" retries)")...)}
	}
	days := activity.Lines(st, e.Spend, width, 0)
	out := [][]string{append(days, m.tops(e.Spend, width)...), days}
	if len(days) > 3 {
		out = append(out, days[1:3])
	}
	return out
}

// tops are the top models and the top keys side by side when the width
// allows, else the models alone; nothing when neither is known.
func (m *Model) tops(s activity.Spend, width int) []string {
	st := m.c.Styles
	var keys []activity.Share
	m.activity.Keys(func(_ string, e activity.Entry) {
		if e.Spend.Total.Sign() > 0 {
			keys = append(keys, activity.Share{Name: e.Name, Spend: e.Spend.Total})
		}
	})
	activity.SortShares(keys)
	half := (width - 4) / 2
	models := blockOf(st.Label.Render("Top models"), activity.ShareBars(s.Models, topShown), st, half)
	if len(keys) == 0 || half < 28 {
		models = blockOf(st.Label.Render("Top models"), activity.ShareBars(s.Models, topShown), st, width)
		return append([]string{""}, models...)
	}
	keyBlock := blockOf(st.Label.Render("Top keys"), activity.ShareBars(keys, topShown), st, half)
	joined := lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(half+4).Render(strings.Join(models, "\n")), strings.Join(keyBlock, "\n"))
	return append([]string{""}, strings.Split(joined, "\n")...)
}

// blockOf is a titled bar chart for width columns.
func blockOf(title string, bars []chart.Bar, st *common.Styles, width int) []string {
	return append([]string{title}, chart.Bars(st, bars, width)...)
}
