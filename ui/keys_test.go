package ui

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/login"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// direct is the root model driven by direct Update calls, every command
// run to completion (animation left out, see uitest.Run), against a fresh
// demo simulator.
type direct struct {
	t   *testing.T
	m   *Model
	sim *targontest.Server
}

// newDirect builds the root model on the demo simulator; adjust changes
// the options first. Nothing is sent yet, not even a size.
func newDirect(t *testing.T, adjust ...func(*Options)) *direct {
	t.Helper()
	sim := targontest.NewDemo(targontest.WithClock(uitest.Now), targontest.WithSeededSecrets())
	url := uitest.Serve(t, sim)
	o := Options{Accounts: &uitest.Accounts{Session: testSession(t, url, sim.DemoKey(), api.KeyFromDemo, clientopt.WithRetry(clientopt.NoRetry()))}, Clipboard: &uitest.Clipboard{}, Now: uitest.Now}
	for _, f := range adjust {
		f(&o)
	}
	m, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return &direct{t: t, m: m, sim: sim}
}

// init runs Init and delivers what it yields.
func (d *direct) init() []tea.Msg { return d.run(d.m.Init()) }

// send delivers msg and everything its commands yield, and returns the
// messages that came back (quitting among them). It calls update, what
// Update does inside its guards, so that timers stay recognisable to
// uitest.Run, which leaves them out.
func (d *direct) send(msg tea.Msg) []tea.Msg {
	d.t.Helper()
	cmd := d.m.update(msg)
	d.m.syncModals()
	return append([]tea.Msg{msg}, d.run(cmd)...)
}

// run runs cmd and delivers its messages in turn.
func (d *direct) run(cmd tea.Cmd) []tea.Msg {
	d.t.Helper()
	var out []tea.Msg
	for _, msg := range uitest.Run(d.t, cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			out = append(out, msg)
			continue
		}
		out = append(out, d.send(msg)...)
	}
	return out
}

// keys presses keys one after another (see uitest.Key) and returns what
// came back.
func (d *direct) keys(keys ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range keys {
		out = append(out, d.send(uitest.Key(k))...)
	}
	return out
}

func (d *direct) size(w, h int) { d.send(tea.WindowSizeMsg{Width: w, Height: h}) }

// writes counts the requests that change something on the server.
func (d *direct) writes() int {
	n := 0
	for _, r := range d.sim.Requests() {
		if r.Method != http.MethodGet {
			n++
		}
	}
	return n
}

func quits(msgs []tea.Msg) bool {
	for _, msg := range msgs {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

// TestKeysBeforeFirstSize: keys that arrive before the terminal's size
// (typed before the first frame) act; the first frame shows their result.
func TestKeysBeforeFirstSize(t *testing.T) {
	d := newDirect(t)
	d.init()
	d.keys("2")
	d.size(80, 24)
	if d.m.tabs.Active() != 1 || !strings.Contains(d.m.View(), "production-inference") {
		t.Fatalf("2 typed before the first size was lost:\n%s", d.m.View())
	}
}

// TestTooSmallTakesEveryKey: below the minimum size keys never act on
// the hidden screen: nothing is deleted or created, no view or dialog
// changes; only quitting works.
func TestTooSmallTakesEveryKey(t *testing.T) {
	d := newDirect(t)
	d.size(80, 24)
	d.init()
	d.keys("2")
	before := d.m.View()
	if !strings.Contains(before, "production-inference") {
		t.Fatalf("API keys not listed:\n%s", before)
	}
	d.sim.ResetRequests()

	d.size(40, 10)
	// What deleted the key in use and created a key before.
	d.keys("2", "d", "y", "n", "b", "o", "t", "enter")
	d.keys("R", "y", "e", "x", "enter", "j", "1", "3", "tab", "?", "/", "r")
	if n := d.writes(); n != 0 {
		t.Fatalf("%d requests changed the account behind the too-small screen: %+v", n, d.sim.Requests())
	}
	if len(d.sim.Requests()) != 0 {
		t.Fatalf("keys behind the too-small screen sent %+v", d.sim.Requests())
	}
	d.size(80, 24)
	if after := d.m.View(); after != before {
		t.Fatalf("the screen changed behind the too-small screen:\nbefore:\n%s\nafter:\n%s", before, after)
	}

	d.size(40, 10)
	if !quits(d.keys("q")) {
		t.Fatal("q does not quit from the too-small screen")
	}
	if !quits(d.keys("ctrl+c")) {
		t.Fatal("ctrl+c does not quit from the too-small screen")
	}
}

// TestQOnlyQuitsMainViews: q quits from a list; in the help, details, a
// confirmation and the shown-once secret it does not quit and the dialog
// stays; ctrl+c quits from all of them.
func TestQOnlyQuitsMainViews(t *testing.T) {
	dialogs := []struct {
		name string
		open []string
		want string // on the screen while the dialog is up
	}{
		{"help", []string{"?"}, "Keys"},
		{"details", []string{"2", "enter"}, "UID"},
		{"delete confirmation", []string{"2", "d"}, "Delete API key"},
		{"roll confirmation", []string{"2", "R"}, "Roll the secret"},
		{"secret", []string{"2", "n", "b", "o", "t", "enter"}, "tgn_"},
	}
	for _, tc := range dialogs {
		t.Run(tc.name, func(t *testing.T) {
			d := newDirect(t)
			d.size(80, 24)
			d.init()
			d.keys(tc.open...)
			if d.m.modals.Len() == 0 || !strings.Contains(d.m.View(), tc.want) {
				t.Fatalf("no %s open:\n%s", tc.name, d.m.View())
			}
			top := d.m.modals.Top()
			if quits(d.keys("q")) {
				t.Fatalf("q quit from the %s", tc.name)
			}
			if d.m.modals.Len() == 0 || d.m.modals.Top() != top || !strings.Contains(d.m.View(), tc.want) {
				t.Fatalf("q closed the %s:\n%s", tc.name, d.m.View())
			}
			if !quits(d.keys("ctrl+c")) {
				t.Fatalf("ctrl+c does not quit from the %s", tc.name)
			}
		})
	}

	d := newDirect(t)
	d.size(80, 24)
	d.init()
	if !quits(d.keys("2", "q")) {
		t.Fatal("q does not quit from the API keys view")
	}
}

// TestDemoStartsInACommand: switching to the demo does not start it in
// Update (it opens a listener); the command does, and its answer
// rebuilds the dashboard, or says why it could not.
func TestDemoStartsInACommand(t *testing.T) {
	demo := targontest.NewDemo()
	url := uitest.Serve(t, demo)
	calls := 0
	var fail error
	d := newDirect(t, func(o *Options) {
		sessionOf(o).Account.SetToken("")
		testAccounts(o).StartDemo = func() (*api.Session, error) {
			calls++
			if fail != nil {
				return nil, fail
			}
			return testSession(t, url, demo.DemoKey(), api.KeyFromDemo), nil
		}
	})
	d.size(80, 24)
	d.init()
	if d.m.login == nil {
		t.Fatal("no login screen without a key")
	}

	fail = errors.New("address in use")
	cmd := d.m.update(login.DemoMsg{})
	if calls != 0 {
		t.Fatal("the demo was started inside Update")
	}
	d.run(cmd)
	if calls != 1 || d.m.login == nil || !strings.Contains(d.m.status.Toast(), "address in use") {
		t.Fatalf("a demo that fails to start: calls %d, login %v, toast %+v", calls, d.m.login != nil, d.m.status.Toast())
	}

	fail = nil
	cmd = d.m.update(login.DemoMsg{})
	if again := d.m.update(login.DemoMsg{}); again != nil {
		t.Fatal("a second request to switch started the demo again")
	}
	d.run(cmd)
	if calls != 2 || d.m.login != nil || d.m.c.Account.BaseURL() != url {
		t.Fatalf("after the demo started: calls %d, login %v, base URL %q", calls, d.m.login != nil, d.m.c.Account.BaseURL())
	}
	if v := d.m.View(); !strings.Contains(v, "1,284,750") {
		t.Fatalf("the demo's credits are not shown:\n%s", v)
	}
}

// TestStartupWarningWhole: a start-up warning is drawn whole at 80
// columns, on lines of its own, with the screen still 24 lines; it goes
// after a while and the view gets its lines back.
func TestStartupWarningWhole(t *testing.T) {
	warning := "run chmod 600 /srv/home/someone/.targon/credentials-production: others can read it (mode 0644)"
	d := newDirect(t, func(o *Options) { sessionOf(o).Warnings = []string{warning} })
	// The warnings' timer (30 s) is kept, to fire by hand below.
	var expire func(time.Time) tea.Msg
	d.m.c.Tick = func(after time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		if after == 30*time.Second {
			expire = fn
		}
		return nil
	}
	d.size(80, 24)
	d.init()
	view := d.m.View()
	lines := strings.Split(view, "\n")
	if len(lines) != 24 {
		t.Fatalf("%d lines, want 24:\n%s", len(lines), view)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("line %d is %d wide:\n%s", i, w, l)
		}
	}
	if !strings.Contains(uitest.Plain(view), warning) || strings.Contains(view, "…") {
		t.Fatalf("the warning is not whole:\n%s", view)
	}
	if !strings.Contains(view, "USD") || !strings.Contains(lines[len(lines)-1], "help") {
		t.Fatalf("the warning hides the view or the help line:\n%s", view)
	}

	d.size(MinWidth, MinHeight)
	if lines := strings.Split(d.m.View(), "\n"); len(lines) != MinHeight || !strings.Contains(uitest.Plain(d.m.View()), warning) {
		t.Fatalf("at the minimum size:\n%s", d.m.View())
	}
	d.size(80, 24)

	if expire == nil {
		t.Fatal("no timer takes the warnings down")
	}
	d.send(expire(time.Time{}))
	if v := d.m.View(); strings.Contains(v, "chmod") || len(strings.Split(v, "\n")) != 24 {
		t.Fatalf("after the warning's time:\n%s", v)
	}
}
