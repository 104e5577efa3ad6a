package openroutertest

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"time"
)

// seedKey is a key a server starts with.
type seedKey struct {
	name       string
	management bool
	disabled   bool
	limit      float64 // with hasLimit
	hasLimit   bool
	reset      string
	byok       bool          // include_byok_in_limit
	spend      float64       // about what the key has spent in total, USD
	byokSpend  float64       // about its external BYOK usage, USD
	usage      *Usage        // exact usage instead of spend and byokSpend
	age        time.Duration // created this long before the clock
	touched    time.Duration // updated this long before the clock; 0 = never
	expiresIn  time.Duration // expires this long after the clock; 0 = never
	expiredAgo time.Duration // expired this long before the clock; 0 = not
	idle       time.Duration // spent nothing for this long; 0 = spends daily
	workspace  string        // its workspace's id; "" = the default
	inUse      bool          // the key DemoInferenceKey reports
}

// ago is a duration of days, hours and minutes.
func ago(days, hours, minutes int) time.Duration {
	return time.Duration(days)*24*time.Hour + time.Duration(hours)*time.Hour + time.Duration(minutes)*time.Minute
}

// demoKeys are NewDemo's inference keys: limits of every reset period,
// BYOK usage, two disabled keys, one about to expire and one over its
// limit.
var demoKeys = []seedKey{
	{name: "old-prototype", disabled: true, spend: 3.1, age: ago(301, 5, 12), touched: ago(140, 2, 8)},
	{name: "production-chat", limit: 500, hasLimit: true, reset: resetMonthly, spend: 412, age: ago(265, 2, 41), touched: ago(12, 6, 3)},
	{name: "staging", limit: 50, hasLimit: true, reset: resetWeekly, spend: 61, age: ago(240, 7, 55)},
	{name: "ci-github-actions", limit: 10, hasLimit: true, reset: resetDaily, spend: 88, age: ago(187, 3, 20), touched: ago(44, 1, 7)},
	{name: "batch-embeddings", spend: 143, age: ago(133, 9, 46)},
	{name: "hackathon-2025", disabled: true, limit: 5, hasLimit: true, spend: 4.2, age: ago(118, 1, 2), touched: ago(96, 4, 30)},
	{name: "cursor-ide (alice)", limit: 20, hasLimit: true, reset: resetMonthly, byok: true, spend: 37, byokSpend: 22, age: ago(97, 5, 31), touched: ago(29, 8, 2)},
	{name: "jupyter-research", limit: 25, hasLimit: true, spend: 9.5, age: ago(71, 0, 18)},
	{name: "mobile-app-beta", limit: 100, hasLimit: true, reset: resetMonthly, age: ago(52, 11, 4),
		usage: &Usage{Total: 263.918402117, Daily: 6.204417383, Weekly: 31.770015264, Monthly: 100.073214559}},
	{name: "contractor-eval", limit: 15, hasLimit: true, spend: 6.7, age: ago(23, 4, 49), expiresIn: ago(6, 13, 0)},
	{name: "targon-dash (this laptop)", spend: 0.4, age: ago(9, 2, 27), inUse: true},
}

// demoCredits are NewDemo's credits bought; used is what its default
// workspace's keys spent plus this much from its other keys (those of the
// second workspace, and keys since deleted).
const (
	demoCredits      = 1250
	demoDeletedUsage = 57.381940226
)

// NewDemo returns a server whose account looks lived-in: a management key
// (DemoManagementKey); in its default workspace eleven inference keys with
// plausible names, limits of every reset period, usage figures and dates
// over the past ten months (two disabled, one expiring within a week, one
// over its monthly limit except just after the limit resets); a second
// workspace, "Research", with five more (one expiring within a week, one
// expired, one unused for over a month); 30 days of activity over several
// models, from which the keys' daily, weekly and monthly figures are
// computed; and 1,250 USD of credits, most of them used. DemoInferenceKey
// returns the secret of the key named "targon-dash (this laptop)". The
// data depends only on the clock and the seed, so screenshots are
// reproducible.
func NewDemo(opts ...Option) *Server {
	s, c := newServer(opts)
	now := s.now()
	s.addWorkspace(s.workspace, "Default", "", now.Add(-ago(310, 3, 5)))
	s.management = s.seedKey(seedKey{name: "targon-dash (management)", management: true, age: ago(310, 3, 3)}, now)
	used := demoDeletedUsage
	for _, sk := range demoKeys {
		k := s.seedKey(sk, now)
		used += k.usage.Total
		if sk.inUse {
			s.inference = k
		}
	}
	s.totalCredits = demoCredits
	s.totalUsage = roundUSD(used)
	s.addDemoWorkspace(now)
	s.addGenerated(c.keys, s.addNumberedWorkspaces(c.workspaces, now), now)
	return s
}

// seedKey adds a key from the seeded source. It runs with s.mu held or
// before the server is shared.
func (s *Server) seedKey(sk seedKey, now time.Time) *key { return s.seedKeyFrom(s.rng, sk, now) }

// seedKeyFrom adds a key drawn from r: its secret, and what it spent
// about sk's figures, laid out by day over the time it could spend (see
// recordHistory). It runs with s.mu held or before the server is shared.
func (s *Server) seedKeyFrom(r *rand.Rand, sk seedKey, now time.Time) *key {
	secret := newSecret(r.Uint64)
	k := &key{
		hash:       hashOf(secret),
		secret:     secret,
		name:       sk.name,
		management: sk.management,
		disabled:   sk.disabled,
		limitReset: sk.reset,
		byokLimit:  sk.byok,
		createdAt:  now.Add(-sk.age),
		creator:    s.user,
		workspace:  cmp.Or(sk.workspace, s.workspace),
	}
	if sk.hasLimit {
		limit := sk.limit
		k.limit = &limit
	}
	if sk.touched > 0 {
		k.updatedAt = now.Add(-sk.touched)
	}
	if sk.expiresIn > 0 {
		k.expiresAt = now.Add(sk.expiresIn).Truncate(time.Hour)
	}
	if sk.expiredAgo > 0 {
		k.expiresAt = now.Add(-sk.expiredAgo).Truncate(time.Hour)
	}
	switch {
	case sk.usage != nil:
		k.usage = *sk.usage
	case sk.disabled:
		// A disabled key spends nothing any more.
		k.usage = Usage{Total: amount(r, sk.spend), BYOK: amount(r, sk.byokSpend)}
	default:
		k.usage = spread(r, sk.spend, sk.byokSpend)
	}
	if k.usage != (Usage{}) {
		s.recordHistory(k, k.usage, sk.idle, now)
	}
	s.st.add(k)
	return k
}

// amount is about v, with nine decimals, as real usage figures look
// (e.g. 12.345678901).
func amount(r *rand.Rand, v float64) float64 {
	if v <= 0 {
		return 0
	}
	return roundUSD(v * (0.85 + 0.3*r.Float64()))
}

// spread makes usage of about total (and byok for BYOK), with plausible
// shares for this month, week and day: the targets recordHistory lays
// out on the calendar.
func spread(r *rand.Rand, total, byok float64) Usage {
	var u Usage
	u.Total = amount(r, total)
	u.Monthly = roundUSD(u.Total * (0.1 + 0.4*r.Float64()))
	u.Weekly = roundUSD(u.Monthly * (0.2 + 0.5*r.Float64()))
	u.Daily = roundUSD(u.Weekly * (0.05 + 0.3*r.Float64()))
	u.BYOK = amount(r, byok)
	u.BYOKMonthly = roundUSD(u.BYOK * (0.1 + 0.4*r.Float64()))
	u.BYOKWeekly = roundUSD(u.BYOKMonthly * (0.2 + 0.5*r.Float64()))
	u.BYOKDaily = roundUSD(u.BYOKWeekly * (0.05 + 0.3*r.Float64()))
	return u
}

// addGenerated adds n inference keys named like "svc-00042", the first the
// newest, created 17 minutes and a few seconds apart (so every created_at
// differs); every 25th is disabled, every 4th has a limit. They are dealt
// round-robin over the default workspace and those of WithWorkspaces (the
// workspace ids given), the default first.
func (s *Server) addGenerated(n int, dealt []string, now time.Time) {
	dealt = append([]string{s.workspace}, dealt...)
	resets := []string{"", resetDaily, resetWeekly, resetMonthly}
	for i := range n {
		sk := seedKey{
			name:     fmt.Sprintf("svc-%05d", i),
			disabled: i%25 == 24,
			spend:    float64(i%37) * 1.7,
			age:      time.Duration(i)*17*time.Minute + time.Duration(1+s.rng.IntN(59))*time.Second,
		}
		sk.workspace = dealt[i%len(dealt)]
		if i%4 == 1 {
			sk.hasLimit = true
			sk.limit = float64(10 * (1 + i%10))
			sk.reset = resets[i/4%4]
		}
		s.seedKey(sk, now)
	}
}
