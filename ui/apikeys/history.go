package apikeys

import (
	"cmp"
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/activity"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// This file holds what the view draws from a key's activity (an account
// that is an api.Activity): the 30 days of spend and the top models in a
// key's details, and the "unused 30d" marker of keys that spent nothing
// in them.

// unusedWords is the marker of a key that spent nothing in the activity's
// 30 days (the reference has no last_used_at).
const unusedWords = "unused 30d"

// unusedAge is how old a key must be to be called unused: one younger
// has not had 30 days to be used.
const unusedAge = activity.Days * 24 * time.Hour

// decorate adds to r what the view knows beyond its key: its workspace's
// name and whether it went unused.
func (m *Model) decorate(r row) row {
	r.wsName = m.spaceName(r.workspace)
	r.unused = m.unused(r)
	r.filter = r.filterText()
	return r
}

// row is k as the list shows it (newRow, decorated).
func (m *Model) row(k api.Key) row {
	// The key the dashboard made and signs in with is in use, where the
	// list cannot tell (Minted).
	if id := m.c.Minted.InUse(); id != "" && k.ID == id {
		k.InUse = true
	}
	return m.decorate(newRow(m.c, k))
}

// redecorate decorates every row again: workspace names or activity came.
// The tally on the top line follows.
func (m *Model) redecorate() {
	var rows []table.Row
	m.Table.Rows(func(r table.Row) bool {
		rows = append(rows, m.decorate(r.(row)))
		return true
	})
	if len(rows) > 0 {
		m.Table.SetRows(rows)
	}
	m.Table.SetTally(m.tally())
}

// unused reports whether r's key spent nothing in the activity's 30 days:
// a key old enough (unusedAge) that is enabled and not expired, which
// spent nothing ever, or nothing this month and nothing in its activity.
func (m *Model) unused(r row) bool {
	s := r.spend
	if s == nil || s.disabled || r.created.IsZero() || r.now().Sub(r.created) < unusedAge {
		return false
	}
	if !s.expires.IsZero() && !s.expires.After(r.now()) {
		return false
	}
	switch spent(s.usage[0]) {
	case 0:
		return true
	case -1:
		return false // not known
	}
	for _, u := range s.usage[1:] {
		if spent(u) != 0 {
			return false
		}
	}
	e, state := m.activity.Get(r.ID())
	return state == activity.Answered && e.Err == nil && e.Spend.Total.Sign() == 0
}

// spent is the sign of an amount spent: 0 none, 1 some, -1 not known.
func spent(a api.Amount) int {
	v := common.ReadAmount(a).Value
	if v == nil {
		return -1
	}
	return v.Sign()
}

// needActivity asks, once the whole list is in, for the activity of the
// keys that spent anything (the unused marker, and the Credits view's top
// keys, read from it): those that spent the most this month first, up to
// activity.MaxKeys.
func (m *Model) needActivity() tea.Cmd {
	if m.activity == nil || m.Loader.Busy() || m.Loader.Err() != nil || m.forbidden {
		return nil
	}
	type candidate struct {
		ref   activity.KeyRef
		month float64
	}
	var cands []candidate
	m.Table.Rows(func(t table.Row) bool {
		r := t.(row)
		if r.spend != nil && r.ID() != "" && spent(r.spend.usage[0]) != 0 {
			cands = append(cands, candidate{activity.KeyRef{ID: r.ID(), Name: r.name}, r.spend.monthUsed})
		}
		return true
	})
	slices.SortStableFunc(cands, func(a, b candidate) int { return cmp.Compare(b.month, a.month) })
	refs := make([]activity.KeyRef, len(cands))
	for i, c := range cands {
		refs[i] = c.ref
	}
	return m.activity.NeedKeys(refs)
}

// Busy reports whether the list or an activity read the view asked for
// is in flight.
func (m *Model) Busy() bool { return m.KeyList.Busy() || m.activity.Loading() }

// needHistory asks for the activity of r's key, for its details, unless
// it is known (or being read) already.
func (m *Model) needHistory(r row) tea.Cmd {
	if r.ID() == "" {
		return nil
	}
	return m.activity.Need(r.ID(), r.name)
}

// historyLines are the details' lines of a key's activity, for width
// columns: its 30 days by day and its top models, or why not (loading, a
// key that may not read activity, an error).
func (m *Model) historyLines(id string, width int) []string {
	st := m.c.Styles
	e, state := m.activity.Get(id)
	switch {
	case state != activity.Answered:
		return []string{st.Muted.Render("Last 30 days: loading…")}
	case e.Forbidden():
		return []string{st.Warning.Render("Last 30 days: reading a key's activity needs a management key.")}
	case e.Err != nil:
		return []string{st.Error.Render("✗ could not load the last 30 days: " + m.c.ErrorText(e.Err) + " (open the details again to retry)")}
	}
	return activity.Lines(st, e.Spend, width, 3)[1:] // the details' rows end with a blank line
}
