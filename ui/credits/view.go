package credits

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/statusbar"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// This file draws the view: for an account that states one balance
// (Targon), the amount in large digits, its change this session and when
// it was loaded; accounts that state a total and what was used go on to
// totalsView (account.go).

// View draws the balance from the model alone.
func (m *Model) View() string {
	st := m.c.Styles
	inner := m.cardWidth()

	if m.hasTotals || m.c.Account.Provider().ManagementKeys {
		return m.totalsView()
	}

	var sections [][]string
	if !m.loaded {
		if m.err != nil {
			sections = append(sections, m.errorLines(inner))
		} else {
			sections = append(sections, []string{st.Muted.Render("loading balance…")})
		}
		return m.layout(sections)
	}

	label := st.Label.Render("Balance")
	if m.inOrg() {
		label += st.Muted.Render(" · " + m.orgName)
	}
	head := append([]string{label}, m.bigBalance(inner, m.bigFits())...)
	head = append(head, m.balanceLine())
	if cue := m.cueLine(); cue != "" {
		head = append(head, cue)
	}
	if m.bal.implausible {
		head = append(head, m.wrapped(st.Error, inner, m.bal.note)...)
	}
	if m.err != nil {
		head = append(head, m.errorLines(inner)...)
	}
	sections = append(sections, head)

	if m.first != nil && m.bal.value != nil {
		trend := []string{"since start: " + m.changeText()}
		if spark := m.sparkline(inner); spark != "" {
			trend = append(trend, spark)
		}
		sections = append(sections, trend)
	}

	if m.inOrg() {
		// The organizations take the room of a line: when and how often
		// go on one.
		sections = append(sections, m.orgLines(inner), []string{m.updatedLine() + st.Muted.Render(" · "+m.autoRefresh())})
		return m.layout(sections)
	}
	sections = append(sections, []string{m.updatedLine(), st.Muted.Render(m.autoRefresh())})
	return m.layout(sections)
}

// updatedLine says when the balance was loaded and how long ago: to the
// second when a refresh has failed since (stale data is never "just
// now"), and that a refresh is under way.
func (m *Model) updatedLine() string {
	age := common.RelativeTime(m.updated, m.c.Now())
	if m.Stale() {
		age = statusbar.Age(m.c.Now().Sub(m.updated)) + " ago"
	}
	updated := "updated " + m.updated.Format("15:04:05") + " (" + age + ")"
	if m.busy {
		updated += " · refreshing…"
	}
	return m.c.Styles.Muted.Render(updated)
}

// indent is the left margin of every line.
const indent = "  "

// layout joins sections with a blank line between them and draws them in a
// card when the screen has room; on a short screen they are packed tightly
// with no card.
func (m *Model) layout(sections [][]string) string {
	total := 0
	for _, s := range sections {
		total += len(s)
	}
	spaced := m.height <= 0 || total+len(sections) <= m.height
	var lines []string
	for i, s := range sections {
		if spaced && i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, s...)
	}
	body := strings.Join(lines, "\n")
	card := m.c.Styles.Card.Render(body)
	if m.height <= 0 || (lipgloss.Height(card)+1 <= m.height && lipgloss.Width(card)+len(indent) <= m.width) {
		body = card
	}
	out := lipgloss.NewStyle().PaddingLeft(len(indent)).Render(body)
	if spaced {
		out = "\n" + out
	}
	return out
}

// withUnit appends the currency, when there is one.
func withUnit(text, currency string) string {
	if currency == "" {
		return text
	}
	return text + " " + currency
}

// balanceLine is the amount with thousands separators and the API's
// currency, in the style of its cue (balanceStyle).
func (m *Model) balanceLine() string {
	st := m.c.Styles
	line := m.balanceStyle().Render(m.bal.text)
	if cur := m.bal.currency; cur != "" && m.bal.text != common.NoAmount {
		line += " " + st.BalanceCurrency.Render(cur)
	}
	return line
}

// bigFits reports whether the view is tall enough for the large digits
// beside what it shows under them: on a short screen (60×15 with the
// organizations) the amount's own line is enough.
func (m *Model) bigFits() bool {
	if !m.inOrg() || m.height <= 0 {
		return true
	}
	// Balance, digits, amount, change, sparkline, the organizations
	// (title and rows) and when: packed, without blank lines; and the
	// cue's line when there is one.
	need := 1 + len(m.bal.big) + 1 + 2 + 1 + max(1, len(m.orgList.rows)) + 1
	if orgCue(m.bal.value) != cueNone {
		need++
	}
	return need <= m.height
}

// bigBalance draws the amount in large block digits when it fits in width
// (and fit says there is room for them), with the currency beside the
// last row; nothing when it does not fit.
func (m *Model) bigBalance(width int, fit bool) []string {
	rows, w, cur := m.bal.big, m.bal.width, m.bal.currency
	if rows == nil || !fit || w+1+ansi.StringWidth(cur) > width {
		return nil
	}
	style := m.balanceStyle()
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = style.Render(r)
	}
	if cur != "" {
		out[len(out)-1] += " " + m.c.Styles.BalanceCurrency.Render(cur)
	}
	return out
}

// isLow reports whether the last balance is under LowBalance (accounts
// without organizations: their balance has one cue).
func (m *Model) isLow() bool {
	// The threshold is in Targon's credits; an account that states a
	// total (USD bought and spent) is not measured against it.
	return !m.hasTotals && !m.inOrg() && m.bal.value != nil && m.bal.value.Cmp(big.NewRat(LowBalance, 1)) < 0
}

// balanceStyle is the style of the balance: an organization's by its cue
// (orgCue), else the low-balance style under LowBalance.
func (m *Model) balanceStyle() lipgloss.Style {
	if m.inOrg() {
		return cueStyle(m.c.Styles, orgCue(m.bal.value))
	}
	if m.isLow() {
		return m.c.Styles.BalanceLow
	}
	return m.c.Styles.Balance
}

// cueLine says in words what the balance's colour says (NO_COLOR shows
// no colour), or "" when there is nothing to say.
func (m *Model) cueLine() string {
	st := m.c.Styles
	if m.inOrg() {
		switch orgCue(m.bal.value) {
		case cueEmpty:
			return st.Error.Render("✗ no credits left: requests are refused until the organization buys more")
		case cueLow:
			return st.Warning.Render("⚠ low balance: under " + common.Money(api.Amount(strconv.Itoa(OrgLowBalance)), m.bal.currency))
		}
		return ""
	}
	if m.isLow() {
		return st.Warning.Render("⚠ low balance: below " + common.Money(api.Amount(strconv.Itoa(LowBalance)), m.bal.currency))
	}
	return ""
}

// wrapped renders text in style, wrapped to width.
func (m *Model) wrapped(style lipgloss.Style, width int, text string) []string {
	var lines []string
	for _, l := range strings.Split(lipgloss.NewStyle().Width(width).Render(text), "\n") {
		lines = append(lines, style.Render(strings.TrimRight(l, " ")))
	}
	return lines
}

// errorLines say why the last request failed and how to retry, wrapped to
// width (the retry hint whole).
func (m *Model) errorLines(width int) []string {
	st := m.c.Styles
	what := "could not load the balance: "
	if m.loaded {
		what = "could not refresh the balance: "
	}
	retry := "press " + m.c.Keys.Refresh.Help().Key + " to retry"
	lines := table.WrapNote("✗ "+what+m.c.ErrorText(m.err)+" — "+retry, width)
	for i, l := range lines {
		lines[i] = st.Error.Render(l)
	}
	return lines
}

// changeText is the difference between the session's first and latest
// balances, with the unit: "+1,250.00 USD", "−300.00 USD" or "no change".
func (m *Model) changeText() string {
	st := m.c.Styles
	switch m.sign {
	case 0:
		return "no change"
	case 1:
		return st.Up.Render(withUnit("+"+m.change, m.bal.currency))
	}
	return st.Down.Render(withUnit("−"+m.change, m.bal.currency))
}

// autoRefresh says whether and how often the balance reloads by itself.
func (m *Model) autoRefresh() string {
	d := m.c.RefreshInterval
	if d <= 0 {
		return "auto-refresh off"
	}
	return "auto-refresh every " + common.ShortDuration(d)
}
