package ui

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// This file tests what an account switch (P) must leave behind: the old
// account's answers, ticks and messages reach the new dashboard and must
// change nothing there.

// otherSession is a second demo simulator, with its own credits, as a
// session to switch to.
func otherSession(t *testing.T, credits int64) (*api.Session, *targontest.Server) {
	t.Helper()
	sim := targontest.NewDemo(targontest.WithClock(uitest.Now), targontest.WithSeededSecrets())
	sim.SetCredits(credits)
	s := testSession(t, uitest.Serve(t, sim), sim.DemoKey(), api.KeyFromDemo, clientopt.WithRetry(clientopt.NoRetry()))
	s.Profile = "other"
	return s, sim
}

// The old account's balance, arriving after the switch, is not taken by
// the new Credits view (it would be shown, and become the baseline of
// "since start").
func TestSwitchDropsOldBalance(t *testing.T) {
	d := newDirect(t)
	d.sim.SetCredits(11111)
	d.size(100, 30)
	inFlight := d.m.Init() // the old account's first loads, not yet answered
	other, _ := otherSession(t, 22222)
	d.send(switchMsg{session: other, name: "other"})
	d.run(inFlight)
	v := ansi.Strip(d.m.View())
	if !strings.Contains(v, "22,222") || strings.Contains(v, "11,111") || !strings.Contains(v, "no change") {
		t.Fatalf("the new account's credits show the old balance:\n%s", v)
	}
}

// The credits' refresh chain of the discarded view ends with it: its tick
// loads nothing and schedules no other, and the new view's chain is the
// only one left.
func TestSwitchStopsOldCreditsTicks(t *testing.T) {
	d := newDirect(t, func(o *Options) { o.RefreshInterval = time.Minute })
	ticks := recordTicks(d)
	d.size(100, 30)
	d.init()
	old := ticks.take()
	if len(old) != 1 {
		t.Fatalf("setup: %d ticks scheduled, want the credits' one", len(old))
	}
	d.send(switchMsg{session: d.m.opts.Accounts.Start(), name: "demo"})
	fresh := ticks.take()
	if len(fresh) != 1 {
		t.Fatalf("the new views scheduled %d ticks, want 1", len(fresh))
	}
	credits := func() int { return countRequests(d.sim, http.MethodGet, "/tha/v2/me/credits") }
	before := credits()
	for _, msg := range old {
		d.send(msg)
	}
	if n := credits() - before; n != 0 {
		t.Errorf("the old view's tick made %d credits requests", n)
	}
	if n := len(ticks.take()); n != 0 {
		t.Errorf("the old view's tick scheduled %d more", n)
	}
	for _, msg := range fresh {
		d.send(msg)
	}
	if n := credits() - before; n != 1 {
		t.Errorf("the new view's tick made %d credits requests, want 1", n)
	}
	if n := len(ticks.take()); n != 1 {
		t.Errorf("the new view's tick scheduled %d ticks, want 1", n)
	}
}

// A 401 or a deleted key in use reported for the account switched away
// from changes nothing on the new one: no login screen, and its key stays.
// The same messages for the account in use still act.
func TestSwitchIgnoresOldAccountsMessages(t *testing.T) {
	d := newDirect(t)
	d.size(100, 30)
	d.init()
	old := d.m.c.Account
	other, _ := otherSession(t, 22222)
	d.send(switchMsg{session: other, name: "other"})
	d.send(common.UnauthorizedMsg{Account: old})
	d.send(common.KeyInUseDeletedMsg{Account: old})
	if d.m.login != nil || !d.m.c.Account.HasToken() {
		t.Fatalf("the old account's messages acted on the new one: login %v, key kept %v", d.m.login != nil, d.m.c.Account.HasToken())
	}
	d.send(common.UnauthorizedMsg{Account: d.m.c.Account})
	if d.m.login == nil {
		t.Fatal("a 401 of the account in use did not show the login screen")
	}
	if !d.m.c.Account.HasToken() {
		t.Fatal("a 401 dropped the key")
	}
	d.send(common.KeyInUseDeletedMsg{Account: d.m.c.Account})
	if d.m.c.Account.HasToken() {
		t.Fatal("deleting the key in use did not forget it")
	}
}

// The start-up warnings of the account switched to replace those of the
// one before, and stay until their own time is up (not the old ones').
func TestSwitchShowsNewWarnings(t *testing.T) {
	d := newDirect(t, func(o *Options) { sessionOf(o).Warnings = []string{"old-account warning"} })
	ticks := recordTicks(d)
	d.size(100, 30)
	d.init()
	old := ticks.take()
	if v := uitest.Plain(d.m.View()); !strings.Contains(v, "old-account warning") {
		t.Fatalf("setup: no warning at start:\n%s", v)
	}
	other, _ := otherSession(t, 22222)
	other.Warnings = []string{"new-account warning: others can read its credentials"}
	d.send(switchMsg{session: other, name: "other"})
	fresh := ticks.take()
	v := uitest.Plain(d.m.View())
	if !strings.Contains(v, "new-account warning") || strings.Contains(v, "old-account warning") {
		t.Fatalf("after the switch, want the new account's warning only:\n%s", v)
	}
	if n := len(strings.Split(d.m.View(), "\n")); n != 30 {
		t.Fatalf("%d lines, want 30", n)
	}
	for _, msg := range old {
		d.send(msg)
	}
	if v := uitest.Plain(d.m.View()); !strings.Contains(v, "new-account warning") {
		t.Fatalf("the old warning's expiry took the new one down:\n%s", v)
	}
	for _, msg := range fresh {
		d.send(msg)
	}
	if v := uitest.Plain(d.m.View()); strings.Contains(v, "new-account warning") {
		t.Fatalf("the new warning outlived its time:\n%s", v)
	}
}

// body is the screen without its status and help lines (which say what
// just happened: a toast, a spinner).
func body(view string) string {
	lines := strings.Split(ansi.Strip(view), "\n")
	return strings.Join(lines[:max(0, len(lines)-2)], "\n")
}

// Switching away and back shows the account as it was left: its tab, the
// list's sort and cursor, the credits' "since start". While it is away
// nothing of it runs (its ticks load nothing); once back, it loads again
// and its refresh chains start anew.
func TestSwitchBackKeepsTheAccountAsLeft(t *testing.T) {
	d := newDirect(t, func(o *Options) {
		o.RefreshInterval = time.Minute
		o.ListRefreshInterval = 5 * time.Minute
	})
	ticks := recordTicks(d)
	d.size(100, 30)
	d.init()
	home := d.m.c.Session
	d.sim.SetCredits(1000000)
	d.keys("r") // on Credits: a second balance, lower than the first
	d.keys("1")
	sinceStart := body(d.m.View())
	if !strings.Contains(sinceStart, "since start: ") || strings.Contains(sinceStart, "no change") {
		t.Fatalf("setup: no change since start on Credits:\n%s", sinceStart)
	}
	d.keys("2", "s", "j", "j")
	left := body(d.m.View())
	old := ticks.take()

	other, otherSim := otherSession(t, 22222)
	d.send(switchMsg{session: other, name: "other"})
	away := len(d.sim.Requests())
	for _, msg := range old {
		d.send(msg) // the ticks of the account left, due while it is away
	}
	d.send(common.DialogsClosedMsg{})
	if n := len(d.sim.Requests()) - away; n != 0 {
		t.Fatalf("the account switched away from made %d requests", n)
	}
	if !strings.Contains(body(d.m.View()), "22,222") {
		t.Fatalf("setup: the other account is not shown:\n%s", d.m.View())
	}
	ticks.take()
	before := len(otherSim.Requests())

	d.send(switchMsg{session: home, name: "demo"})
	if got := body(d.m.View()); got != left {
		t.Fatalf("back on the first account, the screen is not as it was left:\n%s\nwant:\n%s", got, left)
	}
	if countRequests(d.sim, http.MethodGet, "/tha/v2/me/credits") == 0 || len(d.sim.Requests()) == away {
		t.Error("back on the first account, nothing loaded again")
	}
	if n := len(otherSim.Requests()) - before; n != 0 {
		t.Errorf("the other account, now away, made %d requests", n)
	}
	if len(ticks.take()) == 0 {
		t.Error("back on the first account, no refresh is scheduled")
	}
	d.keys("1")
	if got := body(d.m.View()); !strings.Contains(got, strings.Split(strings.SplitAfter(sinceStart, "since start: ")[1], "\n")[0]) {
		t.Errorf("since start changed after the round trip:\n%s\nwant as:\n%s", got, sinceStart)
	}
}

// What an account switched away from asked for (a toast, an answer) never
// reaches the account shown, even when it arrives after the switch.
func TestHiddenAccountsMessagesStayHidden(t *testing.T) {
	d := newDirect(t)
	d.size(100, 30)
	d.init()
	d.keys("2")
	_, copyCmd := d.m.Update(uitest.Key("c")) // copy the id: its toast is in flight
	other, _ := otherSession(t, 22222)
	d.send(switchMsg{session: other, name: "other"})
	for _, msg := range uitest.Run(t, copyCmd) {
		d.m.Update(msg)
	}
	if bar := ansi.Strip(d.m.statusBar()); strings.Contains(bar, "copied") {
		t.Fatalf("the account switched away from put its toast on the new one: %q", bar)
	}
	// The same, for the account shown, does arrive.
	d.keys("2")
	_, copyCmd = d.m.Update(uitest.Key("c"))
	for _, msg := range uitest.Run(t, copyCmd) {
		d.m.Update(msg)
	}
	if bar := ansi.Strip(d.m.statusBar()); !strings.Contains(bar, "copied") {
		t.Fatalf("the account shown lost its own toast: %q", bar)
	}
}

// A request a view had in flight when its account was switched away from
// (an SSH key's details) is dropped with it: back on the account, the view
// does not wait for it forever.
func TestSwitchBackForgetsRequestsInFlight(t *testing.T) {
	d := newDirect(t)
	d.size(100, 30)
	d.init()
	home := d.m.c.Session
	d.keys("3")
	details := d.m.update(uitest.Key("enter")) // the details request, never answered
	if details == nil || !d.m.busy() {
		t.Fatal("setup: enter on an SSH key fetched nothing")
	}
	other, _ := otherSession(t, 22222)
	d.send(switchMsg{session: other, name: "other"})
	d.send(switchMsg{session: home, name: "demo"})
	if d.m.busy() || strings.Contains(body(d.m.View()), "loading “") {
		t.Fatalf("back on the account, the SSH view still waits for the details asked for before:\n%s", d.m.View())
	}
	d.run(details)
	if d.m.modals.Len() != 0 {
		t.Fatalf("the details asked for before the switch opened after it: %T", d.m.modals.Top())
	}
}
