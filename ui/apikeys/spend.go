package apikeys

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// spend is what a row holds of a key with spending settings (an account
// that is an api.KeyUpdater): its state, limit and usage, the list's cells
// worked out once.
type spend struct {
	disabled           bool
	limit, remaining   api.Amount
	reset              string
	byok               bool
	usage              [4]api.Amount // total, day, week, month
	expires            time.Time
	limitCell, useCell string
	// monthUsed and left are what sorting by usage and by what is left of
	// the limit compare: the month's usage (-1 when unknown) and what
	// remains (+Inf with no limit).
	monthUsed, left float64
}

// newSpend takes the spending fields of k.
func newSpend(k api.Key) *spend {
	s := &spend{
		disabled:  k.Disabled,
		limit:     k.Limit,
		remaining: k.LimitRemaining,
		reset:     k.LimitReset,
		byok:      k.IncludeBYOKInLimit,
		expires:   k.ExpiresAt,
	}
	s.usage = [4]api.Amount{k.Usage, k.UsageDaily, k.UsageWeekly, k.UsageMonthly}
	s.limitCell = limitText(s.limit, s.remaining, s.reset)
	s.useCell = common.Money(s.usage[1], "") + "/" + common.Money(s.usage[2], "") + "/" + common.Money(s.usage[3], "")
	s.monthUsed = sortAmount(s.usage[3], -1)
	switch {
	case s.limit == "":
		s.left = math.Inf(1)
	case s.remaining == "":
		s.left = sortAmount(s.limit, math.Inf(1))
	default:
		s.left = sortAmount(s.remaining, math.Inf(1))
	}
	return s
}

// sortAmount is an amount as a number to sort by, or unknown when it is
// not one.
func sortAmount(a api.Amount, unknown float64) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(string(a)), 64)
	if err != nil || math.IsNaN(f) {
		return unknown
	}
	return f
}

// state is the row's state word and its tone: a disabled or expired key,
// one expiring soon (in the warning colour, and marked "⚠" for a screen
// without colour), one unused for 30 days (quiet), one that expires
// later, else "active". Words mark each, not colour alone.
func (s *spend) state(now time.Time, unused bool) (string, table.Tone) {
	expiring := !s.expires.IsZero()
	switch {
	case s.disabled:
		return "disabled", table.ToneNone
	case expiring && !s.expires.After(now):
		return "expired", table.ToneNone
	case expiring && s.expires.Sub(now) < expiringSoon:
		return expiryWords(s.expires, now), table.ToneWarn
	case unused:
		return unusedWords, table.ToneQuiet
	case expiring:
		return expiryWords(s.expires, now), table.ToneNone
	}
	return "active", table.ToneNone
}

// resetShort is a reset period in a list cell: "/day", "/wk", "/mo".
var resetShort = map[string]string{"daily": "/day", "weekly": "/wk", "monthly": "/mo"}

// limitText is a limit for a list cell, in USD (the column says so):
// "12.35 of 50.00/mo" (left of the limit, and its reset), "50.00/mo" when
// what remains is not known, common.NoLimit for none.
func limitText(limit, remaining api.Amount, reset string) string {
	if limit == "" {
		return common.NoLimit
	}
	out := common.Money(limit, "") + resetShort[reset]
	if remaining != "" {
		out = common.Money(remaining, "") + " of " + out
	}
	return out
}

// limitWords is a limit in words, with its currency: "100.00 USD, resets
// monthly (the 1st, UTC); 12.50 USD left", or common.NoLimit. A reset
// without a limit (another tool may set one) is said too, as the limit
// form shows it.
func limitWords(limit, remaining api.Amount, reset string) string {
	if limit == "" {
		if reset != "" {
			return common.NoLimit + " (the reset is set to " + reset + ": it applies once a limit is set)"
		}
		return common.NoLimit
	}
	out := common.Money(limit, common.SpendCurrency) + ", " + resetWords(reset)
	if remaining != "" {
		out += "; " + common.Money(remaining, common.SpendCurrency) + " left"
	}
	return out
}

// resetWords is a reset period in words, with when it happens: "resets
// monthly (the 1st, UTC)", "never resets".
func resetWords(reset string) string { return resetVerb(reset) + resetWhen[reset] }

// resetVerb is a reset period in two words: "resets monthly", "never
// resets".
func resetVerb(reset string) string {
	if reset == "" {
		return "never resets"
	}
	return "resets " + reset
}

// resetWhen is when each reset period starts again.
var resetWhen = map[string]string{"daily": " (UTC midnight)", "weekly": " (Monday, UTC)", "monthly": " (the 1st, UTC)"}

// typedLimit is a spending limit as typed: digits with an optional
// fraction, no sign, no exponent.
var typedLimit = regexp.MustCompile(`^[0-9]{1,15}(\.[0-9]{1,9})?$`)

// validateLimit checks a typed spending limit: empty (no limit) or a
// non-negative amount in USD.
func validateLimit(s string) error {
	s = strings.TrimPrefix(strings.TrimSpace(s), "$")
	if s == "" || typedLimit.MatchString(s) {
		return nil
	}
	return errors.New("a non-negative amount in USD, like 25 or 12.50 (empty: no limit)")
}

// limitValue is a typed limit as sent: "" for none, without a "$".
func limitValue(s string) api.Amount {
	return api.Amount(strings.TrimPrefix(strings.TrimSpace(s), "$"))
}

// resetChoices are the reset field's choices; "none" is sent as never.
var resetChoices = []string{"none", "daily", "weekly", "monthly"}

// resetValue is a reset choice as sent: "" for none.
func resetValue(choice string) string {
	if choice == "none" {
		return ""
	}
	return choice
}

// resetChoice is a key's reset as the form's choice.
func resetChoice(reset string) string {
	if reset == "" {
		return "none"
	}
	return reset
}
