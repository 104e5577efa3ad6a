package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC
	uitest.Main(m)
}

// harness is a dashboard running in teatest against the demo simulator.
type harness struct {
	host string
	t    *testing.T
	sim  *targontest.Server
	tm   *teatest.TestModel
	clip *uitest.Clipboard
	out  *bytes.Buffer
	// acct is the dashboard's account.
	acct *targon.Account
}

// harnessOption adjusts the dashboard's options or the simulator before
// the program starts (faults injected later race with the first requests).
type harnessOption func(*Options, *targontest.Server)

// withFault injects f before the dashboard starts.
func withFault(f targontest.Fault) harnessOption {
	return func(_ *Options, sim *targontest.Server) { sim.InjectFault(f) }
}

// start runs the dashboard at 100x30 on a fresh demo account.
func start(t *testing.T, opts ...harnessOption) *harness {
	t.Helper()
	sim := targontest.NewDemo(targontest.WithClock(uitest.Now), targontest.WithSeededSecrets())
	url := uitest.Serve(t, sim)
	clip := &uitest.Clipboard{}
	o := Options{
		Accounts:  &uitest.Accounts{Session: testSession(t, url, sim.DemoKey(), api.KeyFromDemo, clientopt.WithRetry(clientopt.RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond, MaxRetryAfter: time.Millisecond}))},
		Clipboard: clip,
		Now:       uitest.Now,
	}
	for _, f := range opts {
		f(&o, sim)
	}
	m, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	acct, _ := sessionOf(&o).Account.(*targon.Account) // nil on an OpenRouter account
	h := &harness{host: strings.TrimPrefix(url, "http://"), t: t, sim: sim, clip: clip, out: &bytes.Buffer{}, acct: acct}
	if or, ok := sessionOf(&o).Account.(*openrouter.Account); ok {
		h.host = common.HostOf(or.BaseURL())
	}
	h.tm = teatest.NewTestModel(t, probeModel{m}, teatest.WithInitialTermSize(100, 30))
	return h
}

// waitFor waits until the screen output contains every text.
func (h *harness) waitFor(texts ...string) {
	h.t.Helper()
	teatest.WaitFor(h.t, h.tm.Output(), func(b []byte) bool {
		h.out.Write(b)
		for _, s := range texts {
			if !bytes.Contains(h.out.Bytes(), []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	h.out.Reset()
}

// keys sends key presses: named keys ("enter", "esc", "tab") or runes.
func (h *harness) keys(keys ...string) {
	for _, k := range keys {
		h.tm.Send(uitest.Key(k))
	}
}

// typeText types text into whatever has focus.
func (h *harness) typeText(s string) { h.tm.Type(s) }

// final quits and returns the last screen.
func (h *harness) final() string {
	h.t.Helper()
	if err := h.tm.Quit(); err != nil {
		h.t.Fatal(err)
	}
	fm := h.tm.FinalModel(h.t, teatest.WithFinalTimeout(5*time.Second))
	return fm.View()
}

// idle waits until nothing is in flight.
func (h *harness) idle() {
	h.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		var busy bool
		done := make(chan struct{})
		h.tm.Send(probeMsg{func(m *Model) { busy = m.busy(); close(done) }})
		select {
		case <-done:
		case <-time.After(time.Second):
			h.t.Fatal("model did not answer the probe")
		}
		if !busy {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	h.t.Fatal("still busy after 5s")
}

// probeMsg runs a function on the model inside Update, on the program's
// goroutine, so tests can read its state without a race.
type probeMsg struct{ fn func(*Model) }

// probeModel is the root model with probeMsg handled.
type probeModel struct{ *Model }

func (p probeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if pm, ok := msg.(probeMsg); ok {
		pm.fn(p.Model)
		return p, nil
	}
	_, cmd := p.Model.Update(msg)
	return p, cmd
}

// testSession is the Targon account of the simulator at url with key, its
// key kept as source says (nowhere on disk), as main wires one.
func testSession(t *testing.T, url, key string, source api.KeySource, opts ...clientopt.Option) *api.Session {
	t.Helper()
	acct, err := targon.New(url, key, opts...)
	if err != nil {
		t.Fatal(err)
	}
	profile := "demo"
	if source != api.KeyFromDemo {
		profile = "default"
	}
	return &api.Session{
		Account: acct,
		NewAccount: func(token string) (api.Account, error) {
			return targon.New(url, token, opts...)
		},
		Profile: profile,
		Home:    api.KeyHome{Source: source, Env: "TARGON_API_KEY"},
	}
}

// sessionOf is the session the options start on, for harness options and
// adjustments to change.
func sessionOf(o *Options) *api.Session { return o.Accounts.Start() }

// testAccounts is the options' test Accounts, for harness options and
// adjustments to change.
func testAccounts(o *Options) *uitest.Accounts { return o.Accounts.(*uitest.Accounts) }

func countRequests(sim *targontest.Server, method, path string) int {
	n := 0
	for _, r := range sim.Requests() {
		if r.Method == method && (r.Path == path || (strings.HasSuffix(path, "*") && strings.HasPrefix(r.Path, strings.TrimSuffix(path, "*")))) {
			n++
		}
	}
	return n
}

// requireGolden compares view with the test's golden file. The simulator's
// random port becomes "127.0.0.1:PORT" (padded to the same width).
func (h *harness) requireGolden(view string) {
	h.t.Helper()
	host := "127.0.0.1:PORT"
	host += strings.Repeat(" ", max(0, len(h.host)-len(host)))
	golden.RequireEqual(h.t, []byte(strings.ReplaceAll(view, h.host, host)))
}

// A toast takes the room of the time and the host, never of the account
// and provider, and reads whole at 80 columns.
func TestStatusBarMakesRoomForAToast(t *testing.T) {
	m, err := New(Options{Accounts: &uitest.Accounts{Session: testSession(t, "https://api.example-with-a-long-host-name.com", "tgn_0123456789abcdef", api.KeyFromEnv)}})
	if err != nil {
		t.Fatal(err)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	text := "Switched to work-openrouter (OpenRouter)"
	m.Update(common.ToastMsg{Text: text})
	bar := ansi.Strip(m.statusBar())
	if !strings.Contains(bar, text) || !strings.Contains(bar, "default · Targon") {
		t.Errorf("status bar = %q", bar)
	}
	if w := ansi.StringWidth(bar); w > 80 {
		t.Errorf("status bar is %d wide", w)
	}
}

// On a narrow screen the status bar drops the time, then the host, whole:
// it never ends in a cut word.
func TestStatusBarDropsWholeParts(t *testing.T) {
	s := testSession(t, "https://api.example-with-a-long-host-name.com", "tgn_0123456789abcdef", api.KeyFromEnv)
	s.Profile = "production-eu-west"
	m, err := New(Options{Accounts: &uitest.Accounts{Session: s}})
	if err != nil {
		t.Fatal(err)
	}
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 15})
	bar := strings.TrimRight(ansi.Strip(m.statusBar()), " ")
	if bar != " production-eu-west · Targon" {
		t.Errorf("status bar = %q", bar)
	}
}
