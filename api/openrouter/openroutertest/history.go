package openroutertest

import (
	"math/rand/v2"
	"time"
)

// activityDays is how many days GET /activity covers: "the last 30
// (completed) UTC days".
const activityDays = 30

// history is what one generated key spent on each of the last 30 days
// and on the day the server started: GET /activity's rows come from it,
// and the key's usage figures were computed from it, so the two agree.
// It outlives the key: deleting a key does not undo what it spent.
type history struct {
	hash      string
	workspace string
	creator   string
	models    []int // indexes into catalog, the models the key calls
	first     day   // the day of credits[0] and byok[0]
	credits   [activityDays + 1]nanos
	byok      [activityDays + 1]nanos
}

// span is the days a key could spend on, first to last.
type span struct{ first, last day }

// spanOf is the days k could spend on up to today: from its creation to
// today, or to the day it was disabled (its last update), expired or was
// last used.
func spanOf(k *key, now time.Time, idle time.Duration) span {
	today := dayOf(now)
	sp := span{first: dayOf(k.createdAt), last: today}
	switch {
	case k.disabled && !k.updatedAt.IsZero():
		sp.last = dayOf(k.updatedAt)
	case k.disabled:
		sp.last = sp.first
	}
	if !k.expiresAt.IsZero() && !k.expiresAt.After(now) {
		sp.last = min(sp.last, dayOf(k.expiresAt.Add(-time.Nanosecond)))
	}
	if idle > 0 {
		sp.last = min(sp.last, dayOf(now.Add(-idle)))
	}
	return sp
}

// figures are one currency's usage figures (OpenRouter credits or BYOK):
// in all, today, this week and this month.
type figures struct{ total, daily, weekly, monthly nanos }

// segment is a run of days, lo to hi (exclusive), and what was spent in
// it.
type segment struct {
	lo, hi day
	amount nanos
}

// segments splits f over the calendar: what was spent before this week
// and this month, in the part of the week before the month or the part of
// the month before the week, in the rest of both before today, and
// today. The oldest comes first.
func segments(f figures, today day) []segment {
	ws, ms := today.weekStart(), today.monthStart()
	if ws >= ms {
		return []segment{
			{ms - 1<<40, ms, f.total - f.monthly},
			{ms, ws, f.monthly - f.weekly},
			{ws, today, f.weekly - f.daily},
			{today, today + 1, f.daily},
		}
	}
	// The week began in the month before.
	return []segment{
		{ws - 1<<40, ws, f.total - max(f.weekly, f.monthly)},
		{ws, ms, max(f.weekly-f.monthly, 0)},
		{ms, today, f.monthly - f.daily},
		{today, today + 1, f.daily},
	}
}

// lay spreads target over the days of sp, as close to target as the
// calendar allows, and returns the amounts for the days from today-30 to
// today. The total never changes. A part of the figures that falls on
// days the key could not spend on (a week that began today, a key created
// this month or disabled since) moves to the nearest earlier run of days
// it could, else the nearest later one: the short periods' figures give
// way, the total does not. The amounts before today-30 are not kept.
func lay(target figures, sp span, today day, r *rand.Rand) [activityDays + 1]nanos {
	segs := segments(target, today)
	open := make([]bool, len(segs))
	for i := range segs {
		segs[i].lo, segs[i].hi = max(segs[i].lo, sp.first), min(segs[i].hi, sp.last+1)
		open[i] = segs[i].lo < segs[i].hi
		segs[i].amount = max(segs[i].amount, 0)
	}
	for i := range segs {
		if open[i] || segs[i].amount == 0 {
			continue
		}
		if j := nearestOpen(open, i); j >= 0 {
			segs[j].amount += segs[i].amount
			segs[i].amount = 0
		}
	}
	var out [activityDays + 1]nanos
	first := today - activityDays
	for i, sg := range segs {
		if !open[i] {
			continue
		}
		var weights []float64
		if early := min(sg.hi, first) - sg.lo; early > 0 {
			weights = append(weights, 0.85*float64(early)) // the days before the window, as one
		}
		for d := max(sg.lo, first); d < sg.hi; d++ {
			weights = append(weights, dayWeight(r, d))
		}
		parts := split(sg.amount, weights)
		if sg.lo < first {
			parts = parts[1:]
		}
		for n, d := 0, max(sg.lo, first); d < sg.hi; n, d = n+1, d+1 {
			out[d-first] += parts[n]
		}
	}
	return out
}

// nearestOpen is the open segment nearest to i, an earlier one first; -1
// if there is none.
func nearestOpen(open []bool, i int) int {
	for j := i - 1; j >= 0; j-- {
		if open[j] {
			return j
		}
	}
	for j := i + 1; j < len(open); j++ {
		if open[j] {
			return j
		}
	}
	return -1
}

// figuresOf reads the usage figures off a laid-out window: today's, this
// week's and this month's from the days, the total as it was.
func figuresOf(days [activityDays + 1]nanos, total nanos, today day) figures {
	f := figures{total: total, daily: days[activityDays]}
	first := today - activityDays
	for i, n := range days {
		d := first + day(i)
		if d >= today.weekStart() {
			f.weekly += n
		}
		if d >= today.monthStart() {
			f.monthly += n
		}
	}
	return f
}

// recordHistory lays out what k spent, about target, over the days it
// could spend on, sets k's usage figures from that and keeps the days for
// GET /activity. It runs with s.mu held or before the server is shared.
func (s *Server) recordHistory(k *key, target Usage, idle time.Duration, now time.Time) {
	today := dayOf(now)
	sp := spanOf(k, now, idle)
	h := &history{hash: k.hash, workspace: k.workspace, creator: k.creator, first: today - activityDays}
	credits := figures{toNanos(target.Total), toNanos(target.Daily), toNanos(target.Weekly), toNanos(target.Monthly)}
	byok := figures{toNanos(target.BYOK), toNanos(target.BYOKDaily), toNanos(target.BYOKWeekly), toNanos(target.BYOKMonthly)}
	h.credits = lay(credits, sp, today, s.extra)
	h.byok = lay(byok, sp, today, s.extra)
	c, b := figuresOf(h.credits, credits.total, today), figuresOf(h.byok, byok.total, today)
	k.usage = Usage{
		Total: usd(c.total), Daily: usd(c.daily), Weekly: usd(c.weekly), Monthly: usd(c.monthly),
		BYOK: usd(b.total), BYOKDaily: usd(b.daily), BYOKWeekly: usd(b.weekly), BYOKMonthly: usd(b.monthly),
	}
	h.models = s.pickModels()
	s.histories = append(s.histories, h)
}
