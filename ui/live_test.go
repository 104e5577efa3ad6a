package ui

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// tickLog records the ticks the views schedule (Common.Tick) instead of
// sleeping: tests deliver them by hand.
type tickLog struct{ msgs []tea.Msg }

// recordTicks makes d's views record their ticks in the returned log.
func recordTicks(d *direct) *tickLog {
	log := &tickLog{}
	d.m.c.Tick = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		log.msgs = append(log.msgs, fn(uitest.Clock))
		return nil
	}
	return log
}

// take returns and forgets the ticks recorded so far.
func (l *tickLog) take() []tea.Msg {
	msgs := l.msgs
	l.msgs = nil
	return msgs
}

// liveDirect is the root on the demo simulator with lists refreshing
// every 5 minutes, 25 extra keys "bulk-NN" so the list scrolls, a clock
// the test moves, and the ticks recorded. The API keys view is shown at
// 80x15 (9 rows).
func liveDirect(t *testing.T, now *time.Time) (*direct, *tickLog, *targon.Client) {
	t.Helper()
	d := newDirect(t, func(o *Options) {
		o.ListRefreshInterval = 5 * time.Minute
		o.Now = func() time.Time { return *now }
	})
	client := d.m.c.Account.(*targon.Account).Client()
	for i := range 25 {
		if _, err := client.CreateAPIKey(context.Background(), fmt.Sprintf("bulk-%02d", i+1)); err != nil {
			t.Fatal(err)
		}
	}
	ticks := recordTicks(d)
	d.size(80, 15)
	d.init()
	d.keys("2")
	return d, ticks, client
}

// tick delivers the API keys view's pending tick (the second view's; the
// SSH view has one too), and returns how many list requests it made.
func (d *direct) deliverTicks(msgs []tea.Msg) int {
	d.t.Helper()
	before := countRequests(d.sim, http.MethodGet, "/tha/v2/me/api-keys")
	for _, msg := range msgs {
		d.send(msg)
	}
	return countRequests(d.sim, http.MethodGet, "/tha/v2/me/api-keys") - before
}

// A tick reloads the list in the background: the same rows leave the
// screen exactly as it was; a row renamed on the server changes in place
// with the cursor, the filter and the window where they were.
func TestListTickKeepsSelectionFilterAndWindow(t *testing.T) {
	now := uitest.Clock
	d, ticks, client := liveDirect(t, &now)
	first := ticks.take()
	if len(first) != 2 {
		t.Fatalf("%d ticks scheduled at start, want one per list (2)", len(first))
	}
	d.keys("/")
	for _, r := range "bulk" {
		d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	d.keys("enter")
	for range 14 {
		d.keys("j")
	}
	before := d.m.View()
	if !strings.Contains(before, "/ bulk") || !strings.Contains(before, "15/25") {
		t.Fatalf("setup: not filtered or not on the 15th match:\n%s", before)
	}

	if n := d.deliverTicks(first); n != 1 {
		t.Fatalf("a tick made %d list requests, want 1", n)
	}
	if after := d.m.View(); after != before {
		t.Errorf("a reload of the same rows moved the screen:\nbefore\n%s\nafter\n%s", before, after)
	}
	next := ticks.take()
	if len(next) != 2 {
		t.Fatalf("the ticks scheduled %d more, want one each", len(next))
	}

	// The server changes: the selected key is renamed, a key the filter
	// hides is added.
	uid := d.m.views[1].(*apikeys.Model).Table.SelectedUID()
	if uid == "" {
		t.Fatal("no selection")
	}
	if _, err := client.RenameAPIKey(context.Background(), uid, "bulk-renamed"); err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateAPIKey(context.Background(), "zeta"); err != nil {
		t.Fatal(err)
	}
	d.deliverTicks(next)
	after := d.m.View()
	if !strings.Contains(after, "▌ bulk-renamed") || !strings.Contains(after, "15/25") || !strings.Contains(after, "/ bulk") {
		t.Errorf("after the reload the cursor, filter or position moved:\n%s", after)
	}
	// The window did not scroll: the same first row is on screen.
	if firstRow(before) != firstRow(after) {
		t.Errorf("window moved: first row %q, was %q", firstRow(after), firstRow(before))
	}
}

// firstRow is the first row of the list on screen (below the top line and
// the header).
func firstRow(view string) string {
	lines := strings.Split(ansi.Strip(view), "\n")
	return strings.TrimSpace(lines[4]) // tab bar (2), top line, header
}

// A tick while a dialog is open sends nothing; the refresh it skipped
// runs once the dialog closes.
func TestListTickWaitsForDialogs(t *testing.T) {
	now := uitest.Clock
	d, ticks, _ := liveDirect(t, &now)
	pending := ticks.take()
	d.keys("enter") // the details of the selected key
	if d.m.modals.Len() != 1 {
		t.Fatalf("%d modals, want the details", d.m.modals.Len())
	}
	if n := d.deliverTicks(pending); n != 0 {
		t.Fatalf("a tick under a dialog made %d list requests", n)
	}
	if len(ticks.take()) != 2 {
		t.Error("a skipped tick did not schedule the next")
	}
	before := countRequests(d.sim, http.MethodGet, "/tha/v2/me/api-keys")
	cmd := d.m.update(uitest.Key("esc"))
	d.run(tea.Batch(cmd, d.m.syncModals()))
	if n := countRequests(d.sim, http.MethodGet, "/tha/v2/me/api-keys") - before; n != 1 {
		t.Errorf("closing the dialog made %d list requests, want the skipped one", n)
	}
}

// A failed background refresh keeps the rows, marks them stale with their
// age in the status bar and notes the error and the retry key on the
// list's top line; a later success clears it.
func TestListTickFailureMarksStale(t *testing.T) {
	now := uitest.Clock
	d, ticks, _ := liveDirect(t, &now)
	rowsBefore := d.m.views[1].(interface{ View() string }).View()
	remove := d.sim.InjectFault(targontest.Fault{Method: http.MethodGet, Path: "/tha/v2/me/api-keys", Status: 500})
	now = now.Add(3*time.Minute + 10*time.Second)
	d.deliverTicks(ticks.take())
	view := ansi.Strip(d.m.View())
	if !strings.Contains(ansi.Strip(d.m.statusBar()), "stale 3m") {
		t.Errorf("status bar lacks the stale age:\n%s", view)
	}
	if !strings.Contains(strings.Join(strings.Fields(view), " "), "could not load API keys: the Targon API had a problem (HTTP 500) — r to retry") || !strings.Contains(view, "bulk-25") {
		t.Errorf("rows or the error line missing:\n%s", view)
	}
	if !strings.Contains(ansi.Strip(rowsBefore), "bulk-25") {
		t.Fatalf("setup:\n%s", rowsBefore)
	}
	remove()
	d.deliverTicks(ticks.take())
	if bar := ansi.Strip(d.m.statusBar()); strings.Contains(bar, "stale") || !strings.Contains(bar, "updated") {
		t.Errorf("a success did not clear the stale mark: %q", bar)
	}
}

// Ticks of the views an account switch discarded do nothing, and the new
// views' chains are not doubled by them.
func TestListTicksOfOldViewsIgnored(t *testing.T) {
	now := uitest.Clock
	d, ticks, _ := liveDirect(t, &now)
	old := ticks.take()
	d.send(switchMsg{session: d.m.opts.Accounts.Start(), name: "demo"})
	fresh := ticks.take()
	if len(fresh) != 2 {
		t.Fatalf("the new views scheduled %d ticks, want 2", len(fresh))
	}
	if n := d.deliverTicks(old); n != 0 {
		t.Errorf("old ticks made %d list requests", n)
	}
	if n := len(ticks.take()); n != 0 {
		t.Errorf("old ticks scheduled %d more", n)
	}
	if n := d.deliverTicks(fresh); n != 1 {
		t.Errorf("the new view's tick made %d list requests, want 1", n)
	}
}
