package credits

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// start is the fixed clock of every test.
var start = time.Date(2025, 3, 14, 12, 3, 5, 0, time.UTC)

// harness is a Credits view on a real HTTP server, with a clock the test
// moves and ticks that are recorded instead of slept.
type harness struct {
	t     *testing.T
	m     *Model
	c     *common.Common
	now   time.Time
	ticks []time.Duration // intervals of the ticks scheduled so far
}

// scheduledTick is what a tick command yields in tests: the tick message it
// would deliver after d. run collects it without feeding it back.
type scheduledTick struct {
	d   time.Duration
	msg tea.Msg
}

// newHarness builds the view against handler (an targontest.Server or a plain
// handler) with the given auto-refresh interval.
func newHarness(t *testing.T, handler http.Handler, key string, interval time.Duration) *harness {
	t.Helper()
	h := &harness{t: t, now: start}
	h.c, _ = uitest.NewCommon(uitest.Client(t, handler, key))
	h.c.Now = func() time.Time { return h.now }
	h.c.RefreshInterval = interval
	h.m = New(h.c)
	h.m.after = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		h.ticks = append(h.ticks, d)
		return func() tea.Msg { return scheduledTick{d: d, msg: fn(start.Add(d))} }
	}
	return h
}

// newSim is a harness on the API simulator.
func newSim(t *testing.T, interval time.Duration, opts ...targontest.Option) (*harness, *targontest.Server) {
	t.Helper()
	sim := targontest.New(opts...)
	return newHarness(t, sim, sim.DemoKey(), interval), sim
}

// run executes cmd (see uitest.Run) and returns the messages it produced;
// ticks are returned apart, unfed.
func run(t *testing.T, cmd tea.Cmd) (msgs []tea.Msg, ticks []tea.Msg) {
	t.Helper()
	return splitTicks(uitest.Run(t, cmd))
}

// splitTicks takes the scheduled ticks out of msgs.
func splitTicks(all []tea.Msg) (msgs []tea.Msg, ticks []tea.Msg) {
	for _, msg := range all {
		if tk, ok := msg.(scheduledTick); ok {
			ticks = append(ticks, tk.msg)
			continue
		}
		msgs = append(msgs, msg)
	}
	return msgs, ticks
}

// drive runs cmd, feeds every message it yields back into the view until
// nothing is left, and returns what the view emitted for the root (messages
// of other packages) and the ticks that were scheduled.
func (h *harness) drive(cmd tea.Cmd) (out []tea.Msg, ticks []tea.Msg) {
	h.t.Helper()
	return splitTicks(uitest.Solo[tea.Model]{Update: h.m.Update, Own: func(msg tea.Msg) bool {
		switch msg.(type) {
		case loadedMsg, tickMsg:
			return true
		}
		return false
	}}.Settle(h.t, cmd))
}

// load runs Init (the first call) or Refresh and returns the view.
func (h *harness) load() string {
	h.t.Helper()
	cmd := h.m.Refresh()
	if !h.m.Busy() {
		h.t.Fatal("Busy() is false right after a request was sent")
	}
	out, _ := h.drive(cmd)
	if len(out) > 0 {
		h.t.Fatalf("unexpected messages for the root: %#v", out)
	}
	if h.m.Busy() {
		h.t.Fatal("Busy() is still true after the answer")
	}
	return h.m.View()
}

func mustContain(t *testing.T, view string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(view, w) {
			t.Errorf("view lacks %q:\n%s", w, view)
		}
	}
}

func mustNotContain(t *testing.T, view string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(view, w) {
			t.Errorf("view shows %q:\n%s", w, view)
		}
	}
}

// settable is a plain credits endpoint whose body the test sets.
type settable struct {
	mu   sync.Mutex
	body string
}

func (s *settable) set(body string) {
	s.mu.Lock()
	s.body = body
	s.mu.Unlock()
}

func (s *settable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/tha/v2/me/credits" {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	body := s.body
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(body))
}

func newPlain(t *testing.T, body string) (*harness, *settable) {
	t.Helper()
	s := &settable{body: body}
	return newHarness(t, s, "tgn_test_key_0000", 0), s
}

func TestLoadingLineBeforeFirstAnswer(t *testing.T) {
	h, _ := newSim(t, time.Minute)
	if v := h.m.View(); !strings.Contains(v, "loading balance…") {
		t.Fatalf("before Init:\n%s", v)
	}
	cmd := h.m.Init()
	if v := h.m.View(); !strings.Contains(v, "loading balance…") {
		t.Fatalf("while loading:\n%s", v)
	}
	h.drive(cmd)
	mustNotContain(t, h.m.View(), "loading balance…")
}

func TestIntegerBalance(t *testing.T) {
	h, _ := newSim(t, time.Minute)
	v := h.load()
	mustContain(t, v, "50,000.00 USD", "updated 12:03:05 (just now)", "auto-refresh every 1m", "since start: no change")
	if got := h.m.Updated(); !got.Equal(start) {
		t.Errorf("Updated() = %v, want %v", got, start)
	}
	h.now = start.Add(2*time.Minute + 10*time.Second)
	mustContain(t, h.m.View(), "updated 12:03:05 (2 min ago)")
}

func TestDecimalBalance(t *testing.T) {
	h, s := newPlain(t, `{"credits":1234.5,"currency":"USD"}`)
	mustContain(t, h.load(), "1,234.50 USD") // two decimals
	s.set(`{"credits":"1234.125","currency":"USD"}`)
	mustContain(t, h.load(), "1,234.13 USD", "since start: −0.38 USD") // rounded to the cent
	s.set(`{"credits":12.5e2,"currency":"USD"}`)
	mustContain(t, h.load(), "1,250.00 USD", "since start: +15.50 USD")
}

func TestLargestPlausibleBalanceIsExact(t *testing.T) {
	h, s := newPlain(t, `{"credits":999999999999999.99,"currency":"USD"}`)
	mustContain(t, h.load(), "999,999,999,999,999.99 USD")
	s.set(`{"credits":999999999999998,"currency":"USD"}`)
	v := h.load()
	mustContain(t, v, "999,999,999,999,998.00 USD")
	mustHaveLine(t, v, "since start: −1.99 USD")
	mustNotContain(t, v, "implausible")
}

// A balance of 10^15 or more is shown compactly and flagged: no
// arithmetic, no block digits, no change since start.
func TestImplausibleBalanceIsShownCompactly(t *testing.T) {
	for body, want := range map[string]string{
		`{"credits":123456789012345678901234567890,"currency":"USD"}`:   "1.2e29 USD",
		`{"credits":1000000000000000,"currency":"USD"}`:                 "1.0e15 USD",
		`{"credits":-1e15,"currency":"USD"}`:                            "-1.0e15 USD",
		`{"credits":1e999999,"currency":"USD"}`:                         "1.0e999999 USD",
		`{"credits":` + strings.Repeat("9", 400) + `,"currency":"USD"}`: "1.0e400 USD",
		`{"credits":0.0000000000000000000000001,"currency":"USD"}`:      "1.0e-25 USD",
	} {
		h, _ := newPlain(t, body)
		v := h.load()
		mustContain(t, v, want, "implausible balance")
		mustNotContain(t, v, "since start", "low balance", "█")
	}
	h, _ := newSim(t, 0, targontest.WithCredits(9223372036854775807))
	mustContain(t, h.load(), "9.2e18 USD", "implausible balance")
}

// An absurd balance (1e999999, 400 digits) is read once, when it arrives,
// into a short text: frames never compute with it, and every line fits.
func TestAbsurdBalanceIsReadOnceAndFits(t *testing.T) {
	huge := "1" + strings.Repeat("234567890", 44) // 397 digits
	for _, tc := range []struct{ amount, want string }{
		{"1e999999", "1.0e999999"},
		{"-1E+999999999", "-1.0e999999999"},
		{huge, "1.2e396"},
		{"999999999999999.99", "999,999,999,999,999.99"}, // plausible: block digits, if they fit
	} {
		for _, width := range []int{60, 80, 120} {
			h, _ := newSim(t, 0)
			h.m.SetSize(width, 24)
			h.m.Update(loadedMsg{gen: h.m.gen, balance: api.Balance{Remaining: api.Amount(tc.amount), Currency: "USD"}})
			if h.m.bal.text != tc.want {
				t.Errorf("%.20s: text %q, want %q", tc.amount, h.m.bal.text, tc.want)
			}
			v := h.m.View()
			mustContain(t, v, tc.want+" USD")
			for _, l := range strings.Split(v, "\n") {
				if w := lipgloss.Width(l); w > width {
					t.Errorf("%.20s at %d columns: a line is %d wide: %q", tc.amount, width, w, l)
				}
			}
		}
	}
}

func TestEmptyCurrencyShowsNumberAlone(t *testing.T) {
	h, _ := newSim(t, 0, targontest.WithCurrency(""))
	v := h.load()
	mustHaveLine(t, v, "50,000.00")
	mustNotContain(t, v, "USD")
}

func TestChangeSinceStart(t *testing.T) {
	h, sim := newSim(t, 0)
	h.load()
	sim.SetCredits(51250)
	mustContain(t, h.load(), "since start: +1,250", "51,250.00 USD")
	sim.SetCredits(49700)
	mustContain(t, h.load(), "since start: −300", "49,700.00 USD")
	sim.SetCredits(50000)
	mustContain(t, h.load(), "since start: no change")
}

func TestDecimalChangeIsExact(t *testing.T) {
	h, s := newPlain(t, `{"credits":1234.5,"currency":"USD"}`)
	h.load()
	s.set(`{"credits":"1234.25","currency":"USD"}`)
	mustContain(t, h.load(), "since start: −0.25")
	s.set(`{"credits":1000001234.50000001,"currency":"USD"}`)
	mustContain(t, h.load(), "since start: +1,000,000,000.00", "1,000,001,234.50 USD")
}

func TestSparkline(t *testing.T) {
	h, sim := newSim(t, 0)
	for i := int64(1); i <= 8; i++ {
		sim.SetCredits(10000 + i*100)
		h.load()
	}
	mustContain(t, h.m.View(), "▁▂▃▄▅▆▇█  (8 samples this session)")
}

func TestSparklineFlat(t *testing.T) {
	h, _ := newSim(t, 0)
	h.load()
	mustContain(t, h.m.View(), "▄  (1 sample this session)")
	h.load()
	h.load()
	mustContain(t, h.m.View(), "▄▄▄  (3 samples this session)")
}

func TestSparklineKeepsLastSixty(t *testing.T) {
	h, sim := newSim(t, 0)
	for i := int64(0); i < 75; i++ {
		sim.SetCredits(5000 + i)
		h.load()
	}
	if n := len(h.m.samples); n != maxSamples {
		t.Fatalf("kept %d samples, want %d", n, maxSamples)
	}
	v := h.m.View()
	mustContain(t, v, "(60 samples this session)", "since start: +74")
	// The first kept sample is the session's 16th (5015): the lowest bar.
	if got := h.m.samples[0].RatString(); got != "5015" {
		t.Errorf("oldest kept sample = %s, want 5015", got)
	}
}

func TestSparklineFitsNarrowWidth(t *testing.T) {
	h, sim := newSim(t, 0)
	h.m.SetSize(30, 20)
	for i := int64(0); i < 40; i++ {
		sim.SetCredits(5000 + i)
		h.load()
	}
	for _, l := range strings.Split(h.m.View(), "\n") {
		if w := lipgloss.Width(l); w > 30 {
			t.Errorf("line %q is %d wide, more than 30", l, w)
		}
	}
}

func TestLowBalance(t *testing.T) {
	h, sim := newSim(t, 0, targontest.WithCredits(999))
	mustContain(t, h.load(), "999.00 USD", "low balance: below 1,000")
	sim.SetCredits(1000)
	mustNotContain(t, h.load(), "low balance")
	if h.m.isLow() {
		t.Error("1000 counts as low")
	}
}

func TestLowBalanceComparesExactly(t *testing.T) {
	// As a float64 this rounds to 1000 and would not count as low.
	h, s := newPlain(t, `{"credits":999.99999999999999999999,"currency":"USD"}`)
	mustContain(t, h.load(), "1,000.00 USD", "low balance") // shown to the cent, compared exactly
	s.set(`{"credits":1000.00000000000000000001,"currency":"USD"}`)
	mustNotContain(t, h.load(), "low balance")
}

func TestErrorKeepsLastBalance(t *testing.T) {
	h, sim := newSim(t, 0)
	h.load()
	sim.InjectFault(targontest.Fault{Method: http.MethodGet, Path: "/tha/v2/me/credits", Status: http.StatusInternalServerError, Times: 1})
	h.now = start.Add(time.Minute)
	v := h.load()
	mustContain(t, v, "50,000.00 USD", "the Targon API had a problem (HTTP 500)", "press r to retry", "updated 12:03:05 (1m ago)")
	if !h.m.Updated().Equal(start) {
		t.Errorf("Updated() moved on a failure: %v", h.m.Updated())
	}
	// The retry works and clears the error.
	v = h.load()
	mustNotContain(t, v, "press r to retry", "HTTP 500")
	mustContain(t, v, "50,000.00 USD")
}

func TestFirstLoadError(t *testing.T) {
	h, sim := newSim(t, 0)
	sim.InjectFault(targontest.Fault{Path: "/tha/v2/me/credits", Status: http.StatusBadGateway, Body: "<html><body>bad gateway from the proxy</body></html>"})
	v := h.load()
	mustContain(t, v, "could not load the balance", "press r to retry")
	mustNotContain(t, v, "<html>", "loading balance…")
}

func TestUnauthorizedEmitsMsg(t *testing.T) {
	h, sim := newSim(t, time.Minute)
	h.load()
	sim.InjectFault(targontest.Fault{Path: "/tha/v2/me/credits", Status: http.StatusUnauthorized, Times: 1})
	cmd := h.m.Refresh()
	out, ticks := h.drive(cmd)
	if len(out) != 1 {
		t.Fatalf("messages for the root = %#v, want one UnauthorizedMsg", out)
	}
	if msg, ok := out[0].(common.UnauthorizedMsg); !ok || msg.Account != h.c.Account || msg.Account == nil {
		t.Fatalf("got %#v, want common.UnauthorizedMsg of the view's account", out[0])
	}
	mustContain(t, h.m.View(), "50,000.00 USD", "(401)")
	// Auto-refresh stops with a refused key: the pending tick is void.
	for _, tk := range ticks {
		if _, next := h.m.Update(tk); next != nil {
			t.Errorf("a tick after a 401 still does something")
		}
	}
}

func TestStaleReplyIgnored(t *testing.T) {
	h, sim := newSim(t, 0)
	first := h.m.Refresh()
	older, _ := run(t, first)
	sim.SetCredits(60000)
	second := h.m.Refresh()
	newer, _ := run(t, second)
	for _, msg := range newer {
		h.m.Update(msg)
	}
	mustContain(t, h.m.View(), "60,000.00 USD")
	for _, msg := range older {
		if _, cmd := h.m.Update(msg); cmd != nil {
			t.Error("a stale reply returned a command")
		}
	}
	v := h.m.View()
	mustContain(t, v, "60,000.00 USD", "(1 sample this session)")
	mustNotContain(t, v, "50,000")
}

func TestBusyUntilLatestAnswer(t *testing.T) {
	h, _ := newSim(t, 0)
	older, _ := run(t, h.m.Refresh())
	newerCmd := h.m.Refresh()
	for _, msg := range older {
		h.m.Update(msg)
	}
	if !h.m.Busy() {
		t.Fatal("a stale reply ended Busy()")
	}
	h.drive(newerCmd)
	if h.m.Busy() {
		t.Fatal("Busy() after the latest reply")
	}
}

func TestNoTickWhenIntervalZero(t *testing.T) {
	h, _ := newSim(t, 0)
	_, ticks := h.drive(h.m.Init())
	if len(ticks) != 0 || len(h.ticks) != 0 {
		t.Fatalf("ticks scheduled with auto-refresh off: %v", h.ticks)
	}
	mustContain(t, h.m.View(), "auto-refresh off")
}

func TestAutoRefreshTicks(t *testing.T) {
	h, sim := newSim(t, 90*time.Second)
	_, ticks := h.drive(h.m.Init())
	if len(ticks) != 1 || len(h.ticks) != 1 || h.ticks[0] != 90*time.Second {
		t.Fatalf("after Init: %d ticks, scheduled %v; want one of 1m30s", len(ticks), h.ticks)
	}
	mustContain(t, h.m.View(), "auto-refresh every 1m30s")

	// A tick reloads and schedules exactly one next tick.
	sim.SetCredits(50100)
	h.now = start.Add(90 * time.Second)
	_, next := h.drive(func() tea.Msg { return ticks[0] })
	if len(next) != 1 {
		t.Fatalf("a tick scheduled %d ticks, want 1", len(next))
	}
	mustContain(t, h.m.View(), "50,100.00 USD", "since start: +100", "updated 12:04:35")

	// A manual refresh restarts the chain: the old chain's tick is void,
	// so refreshes never multiply ticks.
	_, restarted := h.drive(h.m.Refresh())
	if len(restarted) != 1 {
		t.Fatalf("Refresh scheduled %d ticks, want 1", len(restarted))
	}
	if _, cmd := h.m.Update(next[0]); cmd != nil {
		t.Error("a tick of the old chain still acts")
	}
	_, again := h.drive(func() tea.Msg { return restarted[0] })
	if len(again) != 1 {
		t.Fatalf("the live chain's tick scheduled %d ticks, want 1", len(again))
	}
}

func TestTickWhileBusyOnlyReschedules(t *testing.T) {
	h, _ := newSim(t, time.Minute)
	_, ticks := run(t, h.m.Init()) // the load's reply is not fed: still busy
	if !h.m.Busy() || len(ticks) != 1 {
		t.Fatalf("busy=%v ticks=%d", h.m.Busy(), len(ticks))
	}
	gen := h.m.gen
	msgs, next := run(t, func() tea.Msg { _, c := h.m.Update(ticks[0]); return c() })
	if len(msgs) != 0 || len(next) != 1 || h.m.gen != gen {
		t.Fatalf("tick while busy: msgs=%v ticks=%d gen %d→%d", msgs, len(next), gen, h.m.gen)
	}
}

func TestRefreshKey(t *testing.T) {
	h, sim := newSim(t, 0)
	h.load()
	sim.SetCredits(42000)
	_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")})
	if cmd == nil {
		t.Fatal("r returned no command")
	}
	h.drive(cmd)
	mustContain(t, h.m.View(), "42,000.00 USD", "since start: −8,000")
}

func TestViewInterface(t *testing.T) {
	h, _ := newSim(t, 0)
	var v common.View = h.m
	if v.Title() != "Credits" || v.Capturing() || v.Busy() || !v.Updated().IsZero() {
		t.Fatalf("fresh view: title=%q capturing=%v busy=%v updated=%v", v.Title(), v.Capturing(), v.Busy(), v.Updated())
	}
	if len(v.ShortHelp()) != 1 || v.ShortHelp()[0].Help().Desc != "refresh" || len(v.FullHelp()) != 1 {
		t.Fatalf("help: %v %v", v.ShortHelp(), v.FullHelp())
	}
}

func TestFitsCommonSizes(t *testing.T) {
	h, sim := newSim(t, time.Minute, targontest.WithCredits(950))
	h.load()
	sim.SetCredits(1284750)
	h.load()
	sim.InjectFault(targontest.Fault{Path: "/tha/v2/me/credits", Status: http.StatusTooManyRequests, RetryAfter: "20", Times: 1})
	h.load()
	for _, size := range [][2]int{{60, 11}, {80, 20}, {100, 26}, {200, 46}} {
		h.m.SetSize(size[0], size[1])
		v := h.m.View()
		lines := strings.Split(v, "\n")
		if len(lines) > size[1] {
			t.Errorf("%dx%d: %d lines:\n%s", size[0], size[1], len(lines), v)
		}
		for _, l := range lines {
			if w := lipgloss.Width(l); w > size[0] {
				t.Errorf("%dx%d: line %q is %d wide", size[0], size[1], l, w)
			}
		}
		mustContain(t, v, "1,284,750.00 USD", "press r to retry")
	}
}

func TestFormatDecimal(t *testing.T) {
	h, s := newPlain(t, `{"credits":0.1,"currency":""}`)
	h.load()
	for _, tc := range []struct{ body, want string }{
		{`{"credits":0.3}`, "since start: +0.20"},
		{`{"credits":1e3}`, "since start: +999.90"},
		{`{"credits":-2500.5}`, "since start: −2,500.60"},
		{`{"credits":0.125}`, "since start: +0.03"},
	} {
		s.set(tc.body)
		mustContain(t, h.load(), tc.want)
	}
}

func TestGroupThousandsEdgeCases(t *testing.T) {
	for in, want := range map[string]string{
		"0":                    "0",
		"999":                  "999",
		"1000":                 "1,000",
		"100000":               "100,000",
		"-1234567.891":         "-1,234,567.891",
		"0.000001":             "0.000001",
		"12345678901234567890": "12,345,678,901,234,567,890",
		"1e6":                  "1e6",
	} {
		if got := common.GroupThousands(in); got != want {
			t.Errorf("GroupThousands(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShortDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Minute:             "1m",
		90 * time.Second:        "1m30s",
		30 * time.Second:        "30s",
		time.Hour:               "1h",
		time.Hour + time.Minute: "1h1m",
	} {
		if got := common.ShortDuration(d); got != want {
			t.Errorf("ShortDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestGolden is the loaded view at 100x30 after a few refreshes.
func TestGolden(t *testing.T) {
	h, sim := newSim(t, time.Minute)
	for i, credits := range []int64{50000, 50400, 49800, 50900, 51250} {
		sim.SetCredits(credits)
		h.now = start.Add(time.Duration(i) * time.Minute)
		h.load()
	}
	h.now = h.now.Add(2 * time.Minute)
	golden.RequireEqual(t, []byte(h.m.View()))
}

// mustHaveLine fails unless one line of v, without the card's border and
// padding, is exactly want.
func mustHaveLine(t *testing.T, v, want string) {
	t.Helper()
	for _, l := range strings.Split(v, "\n") {
		if strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "│")) == want {
			return
		}
	}
	t.Errorf("no line is exactly %q in:\n%s", want, v)
}

// Replies and ticks of one Credits view mean nothing to another (the view
// an account switch builds): each model's generations are its own.
func TestOtherViewsRepliesAndTicksIgnored(t *testing.T) {
	old, _ := newSim(t, time.Minute)
	fresh, sim := newSim(t, time.Minute)
	fresh.c.IDs = old.c.IDs // one program: an account switch keeps the ids
	sim.SetCredits(12345)
	oldMsgs, oldTicks := run(t, old.m.Init())
	freshMsgs, freshTicks := run(t, fresh.m.Init())
	if len(oldMsgs) == 0 || len(oldTicks) != 1 || len(freshTicks) != 1 {
		t.Fatalf("setup: old %d messages, %d ticks; fresh %d ticks", len(oldMsgs), len(oldTicks), len(freshTicks))
	}
	for _, msg := range append(oldMsgs, oldTicks...) {
		if _, cmd := fresh.m.Update(msg); cmd != nil {
			t.Errorf("the other view's %T did something", msg)
		}
	}
	if v := fresh.m.View(); !strings.Contains(v, "loading balance…") || !fresh.m.Busy() {
		t.Fatalf("the other view's balance was taken:\n%s", v)
	}
	for _, msg := range freshMsgs {
		fresh.m.Update(msg)
	}
	v := fresh.m.View()
	mustContain(t, v, "12,345.00 USD", "no change")
	mustNotContain(t, v, "50,000")
}

// Stop ends the automatic refresh: the pending tick does nothing and
// schedules no other, and a reply still in flight is dropped.
func TestStopEndsTicking(t *testing.T) {
	h, _ := newSim(t, time.Minute)
	msgs, ticks := run(t, h.m.Init())
	if len(ticks) != 1 {
		t.Fatalf("setup: %d ticks", len(ticks))
	}
	h.m.Stop()
	if h.m.Busy() {
		t.Error("Busy() after Stop")
	}
	for _, msg := range append(msgs, ticks...) {
		if _, cmd := h.m.Update(msg); cmd != nil {
			t.Errorf("%T after Stop did something", msg)
		}
	}
	mustContain(t, h.m.View(), "loading balance…")
}
