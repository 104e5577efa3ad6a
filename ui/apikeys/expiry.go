package apikeys

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// This file holds a key's expiry: the choices the create and replace
// forms offer (sent in UTC), how the list says it, and sorting by it.

// The expiry choices of the forms; expiryDate takes the date typed in the
// field after the choice.
const (
	expiryNone = "none"
	expiryDate = "date"
)

// expiryDays are the spans the forms offer, as their choices say them.
var expiryDays = []struct {
	choice string
	days   int
}{{"1 day", 1}, {"7 days", 7}, {"30 days", 30}, {"90 days", 90}}

// expiryChoices are the expiry field's choices: first (the default, e.g.
// the old key's remaining span), none, the spans, and a date typed next.
func expiryChoices(first ...string) []string {
	out := append(first, expiryNone)
	for _, d := range expiryDays {
		out = append(out, d.choice)
	}
	return append(out, expiryDate)
}

// expiryFields are the form fields of an expiry: the choice and the date
// typed when the choice is expiryDate. choice is the field's default;
// extra are choices of the form's own before the usual ones. now is the
// clock, read when the date is checked.
func expiryFields(choice string, extra []string, now func() time.Time, chosen func() string) []dialog.Field {
	return []dialog.Field{
		{Label: "Expires", Value: choice, Choices: expiryChoices(extra...),
			Hint: "When the key stops working; it cannot be changed later."},
		{Label: "Expiry date (UTC)", Placeholder: "YYYY-MM-DD", CharLimit: 10,
			Hint: "With Expires set to date: the key stops at 00:00 UTC that day.", Validate: func(s string) error {
				_, err := parseExpiryDate(s, chosen(), now())
				return err
			}},
	}
}

// errDateNeeded and the others refuse an expiry date as typed.
var (
	errDateNeeded = errors.New("type the date the key expires, as YYYY-MM-DD (or choose another expiry)")
	errDatePast   = errors.New("that day has begun already: the key would be expired; choose a later date")
)

// parseExpiryDate reads the typed date when choice is expiryDate (the
// zero time otherwise): 00:00 UTC of that day, which must be after now.
func parseExpiryDate(s, choice string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if choice != expiryDate {
		return time.Time{}, nil
	}
	if s == "" {
		return time.Time{}, errDateNeeded
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("not a date: type it as YYYY-MM-DD, like %s", now.UTC().AddDate(0, 0, 30).Format(time.DateOnly))
	}
	if !t.After(now) {
		return time.Time{}, errDatePast
	}
	return t, nil
}

// expiryOf is the expiry the forms' choice and typed date ask for, in
// UTC: zero for none; extra maps a choice of the form's own to its time.
func expiryOf(choice, date string, now time.Time, extra map[string]time.Time) time.Time {
	if t, ok := extra[choice]; ok {
		return t.UTC()
	}
	for _, d := range expiryDays {
		if d.choice == choice {
			return now.UTC().Add(time.Duration(d.days) * 24 * time.Hour)
		}
	}
	t, _ := parseExpiryDate(date, choice, now)
	return t
}

// expiringSoon is how near an expiry the list draws in the warning colour
// and marks with "⚠" (which stays without colour).
const expiringSoon = 7 * 24 * time.Hour

// expiryWords is an expiry in the list's state column: "⚠ expires in 3d"
// (under expiringSoon), "expires in 45d", "expires in 5h"; "" for none.
func expiryWords(expires, now time.Time) string {
	if expires.IsZero() {
		return ""
	}
	left := expires.Sub(now)
	words := "expires in " + shortSpan(left)
	if left < expiringSoon {
		words = "⚠ " + words
	}
	return words
}

// shortSpan is a span left in its largest unit: "3d", "5h", "12m".
func shortSpan(d time.Duration) string {
	switch {
	case d >= 24*time.Hour:
		return fmt.Sprintf("%dd", int(d.Hours()/24))
	case d >= time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dm", max(1, int(d.Minutes())))
}

// sortExpires is the sort by expiry: the soonest first (the expired
// before them), keys that never expire last. The mark goes on STATE,
// where the expiry is shown.
var sortExpires = table.SortColumn{Name: "expires", Title: "STATE", Key: func(r table.Row) table.SortKey {
	s := r.(row).spend
	if s.expires.IsZero() {
		return table.SortKey{Int: math.MaxInt64}
	}
	return table.SortKey{Int: s.expires.UnixNano()}
}}

// expiryDetail is an expiry in a key's details: the exact local time, in
// UTC too where the local zone is another, and how far off it is:
// "2026-12-12 15:00:00 CET · 14:00 UTC (in 6d)", "… (expired 5d ago)".
func expiryDetail(expires, now time.Time) string {
	out := common.ExactTime(expires)
	if _, offset := expires.Local().Zone(); offset != 0 {
		out += " · " + expires.UTC().Format("15:04 UTC")
	}
	if left := expires.Sub(now); left > 0 {
		return out + " (in " + shortSpan(left) + ")"
	}
	return out + " (expired " + shortSpan(now.Sub(expires)) + " ago)"
}
