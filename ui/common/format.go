package common

import (
	"fmt"
	"strings"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// RelativeTime says how long ago t was, in the largest fitting unit:
// "just now", "5 min ago", "3 h ago", "12 days ago", "4 mo ago", "2 y ago".
// The zero time is "—".
func RelativeTime(t, now time.Time) string {
	if t.IsZero() {
		return "—"
	}
	d := now.Sub(t)
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	case d < 60*24*time.Hour:
		n := int(d.Hours() / 24)
		if n == 1 {
			return "1 day ago"
		}
		return fmt.Sprintf("%d days ago", n)
	case d < 365*24*time.Hour:
		return fmt.Sprintf("%d mo ago", int(d.Hours()/24/30))
	}
	return fmt.Sprintf("%d y ago", int(d.Hours()/24/365))
}

// ExactTime is a timestamp for detail panes, in local time with zone.
func ExactTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Local().Format("2006-01-02 15:04:05 MST")
}

// DetailTime is a timestamp for detail panes: the exact local time and
// how long ago it was, "2026-11-02 14:05:33 CET (21 days ago)"; the zero
// time (the server sent none) is "—".
func DetailTime(t, now time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return ExactTime(t) + " (" + RelativeTime(t, now) + ")"
}

// Sanitize makes text that did not come through an api.Account safe to
// draw on one line: error strings (from the OS, a clipboard tool, or any
// error ErrorText is given), names of local files, text a person pasted,
// and the account switcher's choices. Values an api.Account returns are
// already clean (the provider adapters clean every display string) and
// are drawn as they are. It is api.CleanText, the project's one
// sanitiser: escape sequences are removed whole, line breaks become
// spaces, other controls, bidi controls and zero-width format characters
// are removed.
func Sanitize(s string) string { return api.CleanText(s) }

// ShortDuration writes d without zero tails: "30s", "2m", "1h30m".
func ShortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// HostOf is api.HostOf, for the status bar and the login screen.
func HostOf(raw string) string { return api.HostOf(raw) }
