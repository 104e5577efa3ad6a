// Package statusbar is the dashboard's status line: the account, its
// provider and host, when the data was loaded (or how stale it is), a
// spinner while something is in flight, READ-ONLY, and the toasts that
// report what happened. It also draws the start-up warnings above it. It
// imports only ui/common.
package statusbar

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// toastDuration is how long a toast stays (twice as long for an error).
const toastDuration = 5 * time.Second

// demoHost is how the built-in demo is named: its loopback port means
// nothing to anyone.
const demoHost = "built-in demo"

// Model is the status bar's state: the toast shown, if any.
type Model struct {
	toast   *common.ToastMsg
	toastID int
}

// toastExpiredMsg takes the toast numbered id down.
type toastExpiredMsg struct{ id int }

// Data is what the bar shows of the active view at one frame.
type Data struct {
	// Updated is when the view's data arrived (zero: nothing to show).
	Updated time.Time
	// Stale says the last refresh failed: the rows are as old as Updated.
	Stale bool
	// Spinner is the spinner's frame, "" when nothing is in flight.
	Spinner string
}

// Update shows a common.ToastMsg, takes an expired one down, and reports
// whether msg was the bar's.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case common.ToastMsg:
		m.toastID++
		m.toast = &msg
		id := m.toastID
		d := toastDuration
		if msg.Kind == common.ToastError {
			d *= 2
		}
		if msg.For > 0 {
			d = msg.For
		}
		return tea.Tick(d, func(time.Time) tea.Msg { return toastExpiredMsg{id} }), true
	case toastExpiredMsg:
		if m.toast != nil && m.toastID == msg.id {
			m.toast = nil
		}
		return nil, true
	}
	return nil, false
}

// View draws the bar c.Width wide for c's account: "work · Targon v3 ·
// acme · api.targon.com · updated 12:00:00" (the API version and the
// organization where the account has them). On a narrow screen whole
// parts go (the time, then the host), never the account, provider and
// organization; READ-ONLY goes first and always shows. A toast gets room
// before the time and the host, and keeps its point on a narrow screen:
// its quoted names are shortened, and the provider and account give way,
// before its end is cut.
func (m *Model) View(c *common.Common, d Data) string {
	st := c.Styles
	left := []string{st.StatusValue.Render(c.Profile), st.StatusValue.Render(providerName(c))}
	if o, ok := c.Account.(api.Orgs); ok {
		// An account that settles its version on first use knows its
		// organization only then.
		if org := o.Org(); cmp.Or(org.Name, org.ID) != "" {
			left = append(left, st.StatusValue.Render(cmp.Or(org.Name, org.ID)))
		}
	}
	// keep is how many parts always stay: the account, the provider and
	// the organization.
	keep := len(left)
	left = append(left, st.StatusValue.Render(host(c)))
	if !d.Updated.IsZero() {
		if d.Stale {
			left = append(left, st.Warning.Render("stale "+Age(c.Now().Sub(d.Updated))))
		} else {
			left = append(left, st.StatusKey.Render("updated ")+st.StatusValue.Render(d.Updated.Local().Format("15:04:05")))
		}
	}
	readOnly := ""
	if c.ReadOnly {
		readOnly = " " + st.Badge.Render("READ-ONLY")
	}
	spin := ""
	if d.Spinner != "" {
		spin = "  " + d.Spinner
	}
	join := func() string { return readOnly + " " + strings.Join(left, st.StatusKey.Render(" · ")) + spin }
	line := join()
	for len(left) > keep && lipgloss.Width(line) > c.Width-1 {
		left = left[:len(left)-1]
		line = join()
	}
	right := ""
	if m.toast != nil {
		// A toast says what just happened: the time and host make room
		// for it, then long quoted names are shortened, then the provider
		// and the account make room too; only then is its end cut.
		text := textfit.Steady(m.toast.Text) // as wide on every terminal as counted here
		room := func() int { return c.Width - lipgloss.Width(line) - 3 }
		drop := func(keep int) {
			for len(left) > keep && ansi.StringWidth(text) > room() {
				left = left[:len(left)-1]
				line = join()
			}
		}
		drop(keep)
		text = shortenQuoted(text, room(), minQuoted)
		drop(0)
		text = shortenQuoted(text, room(), 1)
		right = toastStyle(st, m.toast.Kind).Render(ansi.Truncate(text, max(0, room()), "…"))
	}
	gap := c.Width - lipgloss.Width(line) - lipgloss.Width(right) - 1
	if gap < 1 {
		return ansi.Truncate(line, c.Width, "…")
	}
	return line + strings.Repeat(" ", gap) + right + " "
}

// minQuoted is how short a quoted name in a toast gets before the status
// bar gives up the account and provider for it.
const minQuoted = 12

// shortenQuoted cuts the quoted names of text (“…”), the longest first and
// none below least cells, until text fits in room cells or none can be
// cut further.
func shortenQuoted(text string, room, least int) string {
	for ansi.StringWidth(text) > room {
		start, end, longest := -1, -1, least
		for i := 0; i < len(text); {
			open := strings.Index(text[i:], "“")
			if open < 0 {
				break
			}
			open += i + len("“")
			shut := strings.Index(text[open:], "”")
			if shut < 0 {
				break
			}
			if w := ansi.StringWidth(text[open : open+shut]); w > longest {
				start, end, longest = open, open+shut, w
			}
			i = open + shut + len("”")
		}
		if start < 0 {
			return text
		}
		keep := max(least, longest-(ansi.StringWidth(text)-room))
		text = text[:start] + ansi.Truncate(text[start:end], keep, "…") + text[end:]
	}
	return text
}

// providerName is the account's provider with the API version it speaks,
// where the provider has several: "Targon v3".
func providerName(c *common.Common) string {
	if c.Account == nil || c.Account.Provider().Version == "" {
		return c.ProviderName()
	}
	return c.ProviderName() + " " + c.Account.Provider().Version
}

// host is the API host of c's account as the bar names it.
func host(c *common.Common) string {
	if c.Home.Source == api.KeyFromDemo {
		return demoHost
	}
	return common.HostOf(c.Account.BaseURL())
}

// toastStyle colours a toast by its kind.
func toastStyle(st *common.Styles, kind common.ToastKind) lipgloss.Style {
	switch kind {
	case common.ToastSuccess:
		return st.ToastSuccess
	case common.ToastError:
		return st.ToastError
	}
	return st.ToastInfo
}

// Age is how old stale data is, in the largest whole unit: "40s", "3m",
// "2h", "5d".
func Age(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", max(0, int(d.Seconds())))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

// Toast is the text of the toast shown, "" when there is none.
func (m *Model) Toast() string {
	if m.toast == nil {
		return ""
	}
	return m.toast.Text
}
