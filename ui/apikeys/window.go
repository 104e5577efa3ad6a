package apikeys

import (
	"math/big"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// This file holds the current window of a resetting limit: what was spent
// in it (limit − limit_remaining) and when it starts again (midnight UTC;
// weeks from Monday, months from the 1st).

// nextReset is when a limit that resets every reset period starts again
// after now; zero for a limit that never resets.
func nextReset(reset string, now time.Time) time.Time {
	day := now.UTC().Truncate(24 * time.Hour)
	switch reset {
	case "daily":
		return day.AddDate(0, 0, 1)
	case "weekly":
		// Days to the next Monday: 1 on a Sunday, 7 on a Monday.
		return day.AddDate(0, 0, 7-(int(day.Weekday())+6)%7)
	case "monthly":
		return time.Date(day.Year(), day.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// windowNames say which window a reset period's is.
var windowNames = map[string]string{"daily": "today", "weekly": "this week", "monthly": "this month"}

// windowWords is what a key with a resetting limit spent in the current
// window, against the limit, and when the window resets: "37.65 of 50.00
// USD spent this week; resets Mon 2026-03-09 00:00 UTC (in 3d)". It is ""
// for a key without a limit that resets, or when the amounts are not
// plausible numbers.
func windowWords(limit, remaining api.Amount, reset string, now time.Time) string {
	at := nextReset(reset, now)
	l, left := common.ReadAmount(limit).Value, common.ReadAmount(remaining).Value
	if at.IsZero() || l == nil || left == nil {
		return ""
	}
	used := new(big.Rat).Sub(l, left)
	if used.Sign() < 0 {
		used.SetInt64(0)
	}
	return common.MoneyOfRat(used) + " of " + common.Money(limit, common.SpendCurrency) + " spent " + windowNames[reset] +
		"; resets " + at.Format("Mon 2006-01-02 15:04 UTC") + " (in " + shortSpan(at.Sub(now)) + ")"
}
