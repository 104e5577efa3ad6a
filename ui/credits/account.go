package credits

import (
	"errors"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// This file draws the view for accounts that state their credits as total
// and used (OpenRouter) and can describe their own key (api.CurrentKeyer):
// a credits card and a card for the key in use.

// currentMsg is the answer to one current-key request of generation gen.
type currentMsg struct {
	gen int64
	key api.CurrentKey
	err error
}

// loadCurrent asks for the key in use, when the account can describe it.
func (m *Model) loadCurrent() tea.Cmd {
	keyer, ok := m.c.Account.(api.CurrentKeyer)
	if !ok {
		return nil
	}
	m.curBusy = true
	gen, c := m.gen, m.c
	return tea.Batch(func() tea.Msg {
		ctx, cancel := c.RequestContext()
		defer cancel()
		k, err := keyer.CurrentKey(ctx)
		return currentMsg{gen: gen, key: k, err: err}
	}, m.needHistory())
}

// onCurrent stores an answer of the latest current-key request.
func (m *Model) onCurrent(msg currentMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.curBusy = false
	m.curErr = msg.err
	if msg.err != nil {
		if errors.Is(msg.err, api.ErrUnauthorized) {
			m.stopTicking()
			return m.c.Unauthorized()
		}
		return nil
	}
	k := msg.key
	m.cur = &currentKey{
		label:      k.Label,
		management: k.Management,
		usage:      [3]string{common.Money(k.UsageDaily, common.SpendCurrency), common.Money(k.UsageWeekly, common.SpendCurrency), common.Money(k.UsageMonthly, common.SpendCurrency)},
		compact:    "today " + common.Money(k.UsageDaily, "") + " · week " + common.Money(k.UsageWeekly, "") + " · month " + common.Money(k.UsageMonthly, common.SpendCurrency),
		limit:      common.NoLimit,
		expires:    "never",
	}
	if k.Limit != "" {
		m.cur.limit = common.Money(k.Limit, common.SpendCurrency)
		if k.LimitRemaining != "" {
			m.cur.limit = common.Money(k.LimitRemaining, common.SpendCurrency) + " left of " + m.cur.limit
		}
		m.cur.limit += ", " + resetText(k.LimitReset)
	}
	if !k.ExpiresAt.IsZero() {
		m.cur.expires = common.ExactTime(k.ExpiresAt) + " (" + relativeFuture(k.ExpiresAt.Sub(m.c.Now())) + ")"
	}
	return nil
}

// currentKey is what the key card draws, worked out when it arrives.
type currentKey struct {
	label      string
	management bool
	// usage today, this week, this month, exactly; compact is the three
	// on one line to the cent.
	usage          [3]string
	compact        string
	limit, expires string
}

// resetText says when a limit starts again.
func resetText(reset string) string {
	switch reset {
	case "daily", "weekly", "monthly":
		return "resets " + reset
	}
	return "never resets"
}

// forbidden reports whether the balance was refused for this key (403).
func (m *Model) forbidden() bool { return errors.Is(m.err, api.ErrForbidden) }

// totalsView draws the credits card (remaining, total, used) and the card
// of the key in use, side by side when they fit, else one above the other
// (without the frames' blank lines when that is what makes them fit), and
// on a small screen without frames and with usage on one line. Where the
// account has a 30-day history, it goes under the cards in the room they
// leave: the frames come first (an error wrapping in a card does not cost
// it its frame), and the history gives way, drawn smaller or not at all.
func (m *Model) totalsView() string {
	// From the roomiest layout to the tightest.
	framed := []cardLayout{{framed: true}, {framed: true, tight: true}, {compact: true, framed: true}, {compact: true, framed: true, tight: true}}
	if out, ok := m.placeWithHistory(framed); ok {
		return out
	}
	// Without frames, the last always goes.
	bare := []cardLayout{{}, {compact: true}}
	if out, ok := m.placeWithHistory(bare); ok {
		return out
	}
	out, _ := m.place(m.cardSections(bare[len(bare)-1]), bare[len(bare)-1])
	out, _ = m.withHistory(out, false)
	return out
}

// placeWithHistory lays the cards out in the roomiest of layouts that
// leaves room for the whole 30-day history (where the account has one)
// under it; else in the roomiest that fits, with as much of the history
// as fits. ok is false when none of layouts fits the view.
func (m *Model) placeWithHistory(layouts []cardLayout) (string, bool) {
	roomiest := ""
	for _, l := range layouts {
		out, fits := m.place(m.cardSections(l), l)
		if !fits {
			continue
		}
		if whole, ok := m.withHistory(out, true); ok {
			return whole, true
		}
		if roomiest == "" {
			roomiest = out
		}
	}
	if roomiest == "" {
		return "", false
	}
	out, _ := m.withHistory(roomiest, false)
	return out, true
}

// cardSections are the lines of the cards laid out by l: the credits and,
// where the account can describe it, the key in use.
func (m *Model) cardSections(l cardLayout) [][]string {
	secs := [][]string{m.creditsSection(l.compact)}
	if _, ok := m.c.Account.(api.CurrentKeyer); ok {
		secs = append(secs, m.keySection(l.compact))
	}
	return secs
}

// cardLayout is one way of laying the cards out: usage on one line
// (compact), in frames, and the frames without their blank lines and
// without a blank line between them (tight).
type cardLayout struct{ compact, framed, tight bool }

// place lays sections out in frames side by side, or stacked; ok says it
// fits the view.
func (m *Model) place(secs [][]string, l cardLayout) (string, bool) {
	card := m.c.Styles.Card
	if l.tight {
		card = card.PaddingTop(0).PaddingBottom(0)
	}
	boxes := make([]string, len(secs))
	for i, s := range secs {
		boxes[i] = strings.Join(s, "\n")
		if l.framed {
			boxes[i] = card.Render(boxes[i])
		}
	}
	fits := func(s string) bool {
		return (m.height <= 0 || lipgloss.Height(s) <= m.height) && (m.width <= 0 || lipgloss.Width(s) <= m.width)
	}
	pad := lipgloss.NewStyle().PaddingLeft(len(indent))
	if l.framed && len(boxes) > 1 {
		side := pad.Render("\n" + lipgloss.JoinHorizontal(lipgloss.Top, boxes[0], "  ", boxes[1]))
		if fits(side) {
			return side, true
		}
	}
	sep := "\n"
	if l.framed && !l.tight {
		sep = "\n\n"
	}
	out := pad.Render(strings.Join(boxes, sep))
	if l.framed && !l.tight {
		out = "\n" + out
	}
	return out, fits(out)
}

// creditsSection is the credits card's lines.
func (m *Model) creditsSection(compact bool) []string {
	st, width, row := m.c.Styles, m.cardWidth(), m.cardRow
	lines := []string{st.Label.Render("Credits")}
	switch {
	case m.forbidden():
		lines = append(lines, m.wrapped(st.Warning, width, "This is an inference key: the account's credits need a management key.")...)
	case !m.loaded && m.err != nil:
		lines = append(lines, m.errorLines(width)...)
	case !m.loaded:
		lines = append(lines, st.Muted.Render("loading credits…"))
	default:
		lines = append(lines, row("Remaining", m.balanceLine()))
		if compact {
			lines = append(lines, row("Total", m.total.in(m.bal.currency)+" · used "+m.used.in(m.bal.currency)))
		} else {
			lines = append(lines, row("Total", m.total.in(m.bal.currency)), row("Used", m.used.in(m.bal.currency)))
		}
		if m.err != nil {
			lines = append(lines, m.errorLines(width)...)
		}
	}
	if m.loaded {
		lines = append(lines, m.updatedLine())
	}
	return lines
}

// keySection is the card of the key in use.
func (m *Model) keySection(compact bool) []string {
	st, width, row := m.c.Styles, m.cardWidth(), m.cardRow
	lines := []string{st.Label.Render("This key")}
	switch {
	case m.cur == nil && m.curErr != nil:
		return append(lines, m.wrapped(st.Error, width, "✗ could not describe this key: "+m.c.ErrorText(m.curErr))...)
	case m.cur == nil:
		return append(lines, st.Muted.Render("loading…"))
	}
	k := m.cur
	kind := "inference key"
	if k.management {
		kind = "management key"
	}
	lines[0] += st.Muted.Render(" · " + kind)
	lines = append(lines, row("Label", k.label))
	if compact {
		lines = append(lines, row("Used", k.compact))
	} else {
		lines = append(lines, row("Today", k.usage[0]), row("This week", k.usage[1]), row("This month", k.usage[2]))
	}
	return append(lines, row("Limit", k.limit), row("Expires", k.expires))
}

// cardWidth is the width the text of a card wraps at: what the card's
// frame leaves of the view after the indent, so that a long line (an
// error) wraps inside the frame instead of costing the view its card.
func (m *Model) cardWidth() int {
	width := m.width
	if width <= 0 {
		width = 80
	}
	return max(20, width-len(indent)-m.c.Styles.Card.GetHorizontalFrameSize())
}

// cardRow is a labelled line of a card: the label in a column of its own,
// then value.
func (m *Model) cardRow(label, value string) string {
	return m.c.Styles.DetailKey.Render(pad(label, 11)) + value
}

// pad fills s with spaces to n columns.
func pad(s string, n int) string { return s + strings.Repeat(" ", max(1, n-lipgloss.Width(s))) }

// relativeFuture says how far off a time is: "in 6 days".
func relativeFuture(d time.Duration) string {
	if d <= 0 {
		return "expired"
	}
	return "in " + strings.TrimSuffix(common.RelativeTime(time.Time{}.Add(1), time.Time{}.Add(1+d)), " ago")
}
