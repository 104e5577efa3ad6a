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
