// Package credits is the Credits tab: the account's balance, exactly as the
// API states it, when it was last loaded, how it changed during this session
// (a difference and a sparkline), and an optional automatic refresh.
//
// The balance is never rounded: amounts are kept as the server's decimal
// text and all arithmetic (change since start, low-balance check, sparkline
// levels) is done with math/big.
//
// It imports api (never a concrete provider) and ui/common.
package credits

import (
	"cmp"
	"errors"
	"math/big"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/activity"
)

// LowBalance is the threshold under which the balance is drawn in the
// low-balance style and flagged in words. It is compared exactly with the
// amount the API sends, in the API's own unit.
const LowBalance = 1000

// maxSamples is how many balances of this session the sparkline keeps.
const maxSamples = 60

// nextGen is a generation no earlier request or chain had (never 0). The
// Common's IDs number the requests and tick chains of every Model, so that
// no two models, and no two requests or chains of one, ever share a
// generation: a reply or a tick meant for a view an account switch
// discarded matches nothing in its successor.
func (m *Model) nextGen() int64 { return m.c.IDs.Next() }

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
	common.Outbox // dialogs it opens (common.Opener)
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
	// orgs is the account as an api.Orgs (nil when it has no
	// organizations). Once a balance has come from an organization
	// (orgName: the account says which), the view shows every
	// organization's balance (orgList) under it, and flags balances as
	// the official CLI does (orgCue).
	orgs           api.Orgs
	orgID, orgName string
	orgList
	// activity keeps the account's activity read this session, and that
	// of its keys (history.go); nil when the account cannot tell it.
	activity *activity.Cache

	// Actions is the view's table of actions: refresh, the one key the
	// view takes. The footer and "?" come from it too.
	*common.Actions
}

// New returns the Credits view; Init starts loading.
func New(c *common.Common) *Model {
	m := &Model{c: c, width: c.Width, height: c.Height, after: c.After, activity: activity.NewCache(c)}
	m.orgs, _ = c.Account.(api.Orgs)
	m.Actions = common.NewActions(c, common.Action{Key: &c.Keys.Refresh, Footer: 1, Run: m.Refresh})
	return m
}

// Init requests the balance at once and starts the automatic refresh when
// the preferences ask for one.
func (m *Model) Init() tea.Cmd { return m.Refresh() }

// Refresh reloads the balance now. It also restarts the automatic-refresh
// timer, so the next automatic refresh comes one full interval later.
func (m *Model) Refresh() tea.Cmd {
	return tea.Batch(m.load(), m.loadCurrent(), m.loadOrgs(), m.startTicking())
}

// load sends one credits request; a reply of any earlier one is dropped
// from now on.
func (m *Model) load() tea.Cmd {
	m.gen = m.nextGen()
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
	m.tickGen = m.nextGen()
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
	m.busy, m.curBusy, m.orgList.busy = false, false, false
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

// Busy reports whether a credits request, or an activity read the view
// asked for, is in flight.
func (m *Model) Busy() bool {
	return m.busy || m.curBusy || m.orgList.busy || m.activity.Loading()
}

// Updated is when the balance last arrived (zero before).
func (m *Model) Updated() time.Time { return m.updated }

// SetSize gives the view its area.
func (m *Model) SetSize(width, height int) { m.width, m.height = width, height }

// Stale reports whether the balance shown is older than the last attempt
// to load it: a refresh failed and none has succeeded since (a retry in
// flight leaves it stale). The status bar then says how old it is.
func (m *Model) Stale() bool { return m.loaded && m.err != nil }

// Update takes credits answers, ticks and the refresh key.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.onLoaded(msg)
	case currentMsg:
		return m, m.onCurrent(msg)
	case activity.Msg, activity.ManyMsg:
		m.activity.Take(msg)
		return m, nil
	case orgsMsg:
		return m, m.onOrgs(msg)
	case tickMsg:
		if msg.gen != m.tickGen {
			return m, nil
		}
		next := m.tick(msg.gen)
		if m.busy {
			return m, next
		}
		return m, tea.Batch(m.load(), m.loadCurrent(), m.loadOrgs(), next)
	case tea.KeyMsg:
		cmd, _ := m.Handle(msg)
		return m, cmd
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
	if m.orgs != nil {
		// The account knows its organization once it has asked the
		// server (an account that settles its API version on first use).
		o := m.orgs.Org()
		m.orgID, m.orgName = o.ID, cmp.Or(o.Name, o.ID)
	}
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
