// Package credits is the Credits tab: the account's balance, exactly as the
// API states it, when it was last loaded, how it changed during this session
// (a difference and a sparkline), and an optional automatic refresh.
//
// The balance is never rounded: amounts are kept as the server's decimal
// text and all arithmetic (change since start, low-balance check, sparkline
// levels) is done with math/big.
package credits

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// LowBalance is the threshold under which the balance is drawn in the
// low-balance style and flagged in words. It is compared exactly with the
// amount the API sends, in the API's own unit.
const LowBalance = 1000

// maxSamples is how many balances of this session the sparkline keeps.
const maxSamples = 60

// sparkLevels are the sparkline's bars, lowest first.
var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// generations numbers the requests and tick chains of every Model, so that
// no two models, and no two requests or chains of one, ever share a
// generation: a reply or a tick meant for a view an account switch
// discarded matches nothing in its successor.
var generations atomic.Int64

// nextGen is a generation no earlier request or chain had (never 0).
func nextGen() int64 { return generations.Add(1) }

// loadedMsg is the answer to one credits request. gen is the request's
// generation: a reply from an earlier request than the latest is dropped.
type loadedMsg struct {
	gen     int64
	balance api.Balance
	err     error
}

// tickMsg asks for an automatic refresh. gen is the tick chain's generation:
// starting a new chain (Refresh) or stopping (Stop) makes ticks of the old
// one void, so ticks never multiply.
type tickMsg struct{ gen int64 }

// Model is the Credits view. It implements common.View.
type Model struct {
	c             *common.Common
	width, height int
	// after schedules a tick; Common.After, replaced in tests so that
	// nothing sleeps.
	after func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

	gen     int64 // generation of the latest request (nextGen)
	tickGen int64 // generation of the live tick chain; 0: none
	busy    bool

	loaded  bool       // a balance has arrived at least once
	bal     balance    // the last good answer, ready to draw
	first   *big.Rat   // the session's first plausible sample
	samples []*big.Rat // the session's latest plausible samples, oldest first
	// sign and change are the difference between the first and the latest
	// balance (sign 0: none), computed when the latest arrived.
	sign    int
	change  string
	updated time.Time // when the last good answer arrived
	err     error     // the last request's error, nil after a success

	// total and used are the credits bought and spent, where the account
	// says (hasTotals).
	total, used balance
	hasTotals   bool
	// cur is the key in use, for an api.CurrentKeyer (nil before it
	// arrives); curErr why it could not be described.
	cur     *currentKey
	curErr  error
	curBusy bool
}

// New returns the Credits view; Init starts loading.
func New(c *common.Common) *Model {
	return &Model{c: c, width: c.Width, height: c.Height, after: c.After}
}

// Init requests the balance at once and starts the automatic refresh when
// the preferences ask for one.
func (m *Model) Init() tea.Cmd { return m.Refresh() }

// Refresh reloads the balance now. It also restarts the automatic-refresh
// timer, so the next automatic refresh comes one full interval later.
func (m *Model) Refresh() tea.Cmd {
	return tea.Batch(m.load(), m.loadCurrent(), m.startTicking())
}

// load sends one credits request; a reply of any earlier one is dropped
// from now on.
func (m *Model) load() tea.Cmd {
	m.gen = nextGen()
	m.busy = true
	gen, c, acct := m.gen, m.c, m.c.Account
	return func() tea.Msg {
		ctx, cancel := c.RequestContext()
		defer cancel()
		b, err := acct.Balance(ctx)
		return loadedMsg{gen: gen, balance: b, err: err}
	}
}

// startTicking starts a new tick chain (voiding the old one), or stops
// ticking when the refresh interval is 0.
func (m *Model) startTicking() tea.Cmd {
	m.tickGen = nextGen()
	return m.tick(m.tickGen)
}

// stopTicking voids the live tick chain: its next tick does nothing and
// schedules no other.
func (m *Model) stopTicking() { m.tickGen = 0 }

// Stop ends the view's automatic refresh and drops the answers still in
// flight. The root calls it when it discards the view (an account switch);
// Refresh starts it again.
func (m *Model) Stop() {
	m.stopTicking()
	m.gen = 0
	m.busy, m.curBusy = false, false
}

// tick schedules the next tick of chain gen, if auto-refresh is on.
func (m *Model) tick(gen int64) tea.Cmd {
	d := m.c.RefreshInterval
	if d <= 0 {
		return nil
	}
	return m.after(d, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// Title is the tab label.
func (m *Model) Title() string { return "Credits" }

// Capturing is always false: the view takes no text input.
func (m *Model) Capturing() bool { return false }

// Busy reports whether a credits request is in flight.
func (m *Model) Busy() bool { return m.busy || m.curBusy }

// Updated is when the balance last arrived (zero before).
func (m *Model) Updated() time.Time { return m.updated }

// SetSize gives the view its area.
func (m *Model) SetSize(width, height int) { m.width, m.height = width, height }

// ShortHelp is the view's line of help.
func (m *Model) ShortHelp() []key.Binding { return []key.Binding{m.c.Keys.Refresh} }

// FullHelp is the view's part of the help screen.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{{m.c.Keys.Refresh}} }

// Update takes credits answers, ticks and the refresh key.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.onLoaded(msg)
	case currentMsg:
		return m, m.onCurrent(msg)
	case tickMsg:
		if msg.gen != m.tickGen {
			return m, nil
		}
		next := m.tick(msg.gen)
		if m.busy {
			return m, next
		}
		return m, tea.Batch(m.load(), m.loadCurrent(), next)
	case tea.KeyMsg:
		if key.Matches(msg, m.c.Keys.Refresh) {
			return m, m.Refresh()
		}
	}
	return m, nil
}

// onLoaded stores an answer of the latest request.
func (m *Model) onLoaded(msg loadedMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.busy = false
	if msg.err != nil {
		m.err = msg.err
		if errors.Is(msg.err, api.ErrUnauthorized) {
			// Stop ticking with a key the server refuses; signing in again
			// calls Refresh, which starts a new chain.
			m.stopTicking()
			return m.c.Unauthorized()
		}
		if errors.Is(msg.err, api.ErrForbidden) {
			// Not allowed for this key: asking again changes nothing.
			m.stopTicking()
		}
		return nil
	}
	m.err = nil
	m.loaded = true
	m.updated = m.c.Now()
	// Everything drawn is computed here, once: View only lays it out.
	m.bal = newBalance(msg.balance)
	m.hasTotals = msg.balance.Total != "" || msg.balance.Used != ""
	m.total = newBalance(api.Balance{Remaining: msg.balance.Total})
	m.used = newBalance(api.Balance{Remaining: msg.balance.Used})
	m.sign, m.change = 0, ""
	if v := m.bal.value; v != nil {
		if m.first == nil {
			m.first = v
		}
		m.samples = append(m.samples, v)
		if n := len(m.samples); n > maxSamples {
			m.samples = append(m.samples[:0:0], m.samples[n-maxSamples:]...)
		}
		d := new(big.Rat).Sub(v, m.first)
		m.sign, m.change = d.Sign(), common.MoneyOfRat(new(big.Rat).Abs(d))
	}
	return nil
}

// View draws the balance from the model alone.
func (m *Model) View() string {
	st := m.c.Styles
	width := m.width
	if width <= 0 {
		width = 80
	}
	inner := max(10, width-2*len(indent))

	if m.hasTotals || m.c.ManagementKeys() {
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

	head := append([]string{st.Label.Render("Balance")}, m.bigBalance(inner)...)
	head = append(head, m.balanceLine())
	if m.isLow() {
		head = append(head, st.Warning.Render(withUnit("⚠ low balance: below "+common.GroupThousands(strconv.Itoa(LowBalance)), m.bal.currency)))
	}
	if m.bal.implausible {
		head = append(head, m.wrapped(st.Error, inner, "✗ implausible balance from the server (10^15 or more, or over 24 decimals): shown as sent")...)
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

	updated := "updated " + m.updated.Format("15:04:05") + " (" + common.RelativeTime(m.updated, m.c.Now()) + ")"
	if m.busy {
		updated += " · refreshing…"
	}
	sections = append(sections, []string{st.Muted.Render(updated), st.Muted.Render(m.autoRefresh())})
	return m.layout(sections)
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
// currency, in the low-balance style under LowBalance.
func (m *Model) balanceLine() string {
	st := m.c.Styles
	style := st.Balance
	if m.isLow() {
		style = st.BalanceLow
	}
	line := style.Render(m.bal.text)
	if cur := m.bal.currency; cur != "" {
		line += " " + st.BalanceCurrency.Render(cur)
	}
	return line
}

// bigBalance draws the amount in large block digits when it fits in width,
// with the currency beside the last row; nothing when it does not fit.
func (m *Model) bigBalance(width int) []string {
	rows, w, cur := m.bal.big, m.bal.width, m.bal.currency
	if rows == nil || w+1+ansi.StringWidth(cur) > width {
		return nil
	}
	style := m.c.Styles.Balance
	if m.isLow() {
		style = m.c.Styles.BalanceLow
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = style.Render(r)
	}
	if cur != "" {
		out[len(out)-1] += " " + m.c.Styles.BalanceCurrency.Render(cur)
	}
	return out
}

// isLow reports whether the last balance is under LowBalance.
func (m *Model) isLow() bool {
	// The threshold is in Targon's credits; an account that states a
	// total (USD bought and spent) is not measured against it.
	return !m.hasTotals && m.bal.value != nil && m.bal.value.Cmp(big.NewRat(LowBalance, 1)) < 0
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
// width.
func (m *Model) errorLines(width int) []string {
	st := m.c.Styles
	what := "could not load the balance: "
	if m.loaded {
		what = "could not refresh the balance: "
	}
	retry := "press " + m.c.Keys.Refresh.Help().Key + " to retry"
	text := lipgloss.NewStyle().Width(width).Render("✗ " + what + m.c.ErrorText(m.err) + " — " + retry)
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		lines = append(lines, st.Error.Render(strings.TrimRight(l, " ")))
	}
	return lines
}

// changeText is the difference between the session's first and latest
// balances, with the unit: "+1,250.00 USD", "−300 USD" or "no change".
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

// autoRefresh says whether and how often the balance reloads by itself.
func (m *Model) autoRefresh() string {
	d := m.c.RefreshInterval
	if d <= 0 {
		return "auto-refresh off"
	}
	return "auto-refresh every " + common.ShortDuration(d)
}
