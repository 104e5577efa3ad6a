package ui

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// A failed reload keeps the list stale until a load succeeds: a retry in
// flight neither puts the time back in the status bar nor clears the
// error line, and a second failure keeps both.
func TestListStaysStaleWhileRetrying(t *testing.T) {
	now := uitest.Clock
	d, ticks, _ := liveDirect(t, &now)
	remove := d.sim.InjectFault(targontest.Fault{Method: http.MethodGet, Path: "/tha/v2/me/api-keys", Status: 500})
	now = now.Add(3*time.Minute + 10*time.Second)
	d.deliverTicks(ticks.take())
	checkStale := func(when string) {
		t.Helper()
		bar, view := ansi.Strip(d.m.statusBar()), ansi.Strip(d.m.View())
		if !strings.Contains(bar, "stale") || strings.Contains(bar, "updated") {
			t.Errorf("%s: status bar %q, want stale", when, bar)
		}
		if !strings.Contains(view, "could not load API keys") {
			t.Errorf("%s: the error line is gone:\n%s", when, view)
		}
	}
	checkStale("after the failure")
	for _, tick := range ticks.take() {
		now = now.Add(5 * time.Minute)
		cmd := d.m.update(tick) // the retry starts; its answer is not in
		checkStale("while the retry is in flight")
		d.run(cmd)
	}
	checkStale("after a second failure")
	remove()
	d.deliverTicks(ticks.take())
	if bar, view := ansi.Strip(d.m.statusBar()), ansi.Strip(d.m.View()); strings.Contains(bar, "stale") || strings.Contains(view, "could not") {
		t.Errorf("a success did not clear the stale mark:\n%s", view)
	}
}

// The Credits view is stale too while its refresh fails: the status bar
// says how old the balance is, a retry in flight keeps it so, and the
// card does not call data "just now" next to an error.
func TestCreditsStaleWhileRefreshFails(t *testing.T) {
	now := uitest.Clock
	d := newDirect(t, func(o *Options) {
		o.RefreshInterval = time.Minute
		o.Now = func() time.Time { return now }
	})
	ticks := recordTicks(d)
	d.size(100, 30)
	d.init()
	d.sim.InjectFault(targontest.Fault{Method: http.MethodGet, Path: "/tha/v2/me/credits", Status: 500})
	now = now.Add(59 * time.Second)
	for _, tick := range ticks.take() {
		d.send(tick)
	}
	bar, view := ansi.Strip(d.m.statusBar()), ansi.Strip(d.m.View())
	if !strings.Contains(bar, "stale 59s") {
		t.Errorf("status bar %q, want stale 59s", bar)
	}
	if !strings.Contains(view, "could not refresh the balance") || strings.Contains(view, "just now") {
		t.Errorf("the card calls failed data fresh:\n%s", view)
	}
	for _, tick := range ticks.take() {
		d.m.update(tick) // the retry starts; its answer is not in
	}
	if bar := ansi.Strip(d.m.statusBar()); !strings.Contains(bar, "stale") {
		t.Errorf("while retrying, status bar %q, want stale", bar)
	}
}
