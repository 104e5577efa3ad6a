package apikeys

import (
	"strings"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// row is how the view holds an API key: everything it draws, and never the
// secret itself (only its masked form).
type row struct {
	// RowID is the key's id: what requests and copies use (none for a key
	// the server sent an invalid or repeated id for), and the row's UID.
	table.RowID
	name, masked     string
	created, updated time.Time
	// inUse marks the key this dashboard authenticates with.
	inUse bool
	// spend holds the spending settings of keys that have them
	// (api.Provider.KeySpending); nil otherwise.
	spend *spend
	// noKey says the list has no masked key to show (secretless): the
	// row has no KEY cell (tokenColumns).
	noKey bool
	now   func() time.Time
	// workspace is the id of the key's workspace, wsName its name as the
	// list shows it (see Model.decorate); unused marks a key that spent
	// nothing in 30 days of activity.
	workspace, wsName string
	unused            bool
	// filter is what "/" matches, worked out once (lower case); ownFilter
	// is the part that does not change when workspaces or activity come.
	filter, ownFilter string
	// sortName is what sorting by name compares (lower case).
	sortName string
}

// newRow is the one place an api.Key becomes a row. The account cleaned
// the text already (the sanitising boundary, see package api). What the
// view learns later (workspace names, activity) is added by
// Model.decorate.
func newRow(c *common.Common, k api.Key) row {
	r := row{
		RowID:     table.NewRowID(k.ID, k.IDText, k.IDProblem),
		name:      k.Name,
		masked:    k.Masked,
		created:   k.CreatedAt,
		updated:   k.UpdatedAt,
		inUse:     k.InUse,
		now:       c.Now,
		workspace: k.Workspace,
	}
	r.noKey = secretless(c.Account)
	r.ownFilter = strings.ToLower(r.name + r.Mark() + " " + r.IDCell() + " " + r.masked)
	r.sortName = strings.ToLower(r.name)
	if c.Account.Provider().KeySpending {
		r.spend = newSpend(k)
	}
	r.filter = r.filterText()
	return r
}

// filterText is the whole of what "/" matches: the row's own text, and
// its state and workspace as shown.
func (r row) filterText() string {
	if r.spend == nil {
		return r.ownFilter
	}
	state, _ := r.spend.state(r.now(), r.unused)
	return r.ownFilter + " " + strings.ToLower(state+" "+r.wsName)
}

// FilterValue is what "/" matches: the text the row shows (name and its
// marks, uid, masked key, state, workspace, and "in use" on the key in
// use), dates aside.
func (r row) FilterValue() string {
	if r.inUse {
		return r.filter + " in use"
	}
	return r.filter
}

// Cells are the columns: name, uid, masked key (none where the list has
// none: tokenColumns), created, updated; with spending settings
// (spendColumns) name, workspace, state, limit, usage, label, created. A
// key without an id says so after its name (and in the UID column):
// " · invalid id".
func (r row) Cells() []string {
	name := r.name + r.Tail(0)
	if r.inUse {
		name = "● " + name
	}
	now := r.now()
	if s := r.spend; s != nil {
		state, _ := s.state(now, r.unused)
		return []string{name, r.wsName, state, s.limitCell, s.useCell, r.masked, common.RelativeTime(r.created, now)}
	}
	if r.noKey {
		return []string{name, r.IDCell(), common.RelativeTime(r.created, now), common.RelativeTime(r.updated, now)}
	}
	return []string{name, r.IDCell(), r.masked, common.RelativeTime(r.created, now), common.RelativeTime(r.updated, now)}
}

// Tone draws the state of a key that expires soon in the warning colour,
// and the unused marker quietly (table.TonedRow).
func (r row) Tone(i int) table.Tone {
	if r.spend == nil || i != stateColumn {
		return table.ToneNone
	}
	_, tone := r.spend.state(r.now(), r.unused)
	return tone
}

// inUseTail is what follows the name of the key in use; a cut name keeps
// it, so the mark is always explained.
const inUseTail = " · in use"

// Tail keeps the words of the in-use mark and of an id's problem when the
// name is cut (table.TailedRow).
func (r row) Tail(i int) string {
	if i != 0 {
		return ""
	}
	if r.inUse {
		return inUseTail + r.Mark()
	}
	return r.Mark()
}

// sortColumns are the orders "s" steps through: name, created, updated;
// with spending settings also the month's usage (most first), what is
// left of the limit (least first; no limit last) and the expiry (soonest
// first; none last).
func sortColumns(spending bool) []table.SortColumn {
	cols := table.NameAndDates(func(r row) string { return r.sortName },
		func(r row) time.Time { return r.created }, func(r row) time.Time { return r.updated })
	if spending {
		cols = append(cols,
			table.SortColumn{Name: table.SortUsage, Title: spendColumns[usedColumn].Title, Desc: true, Key: func(r table.Row) table.SortKey {
				return table.SortKey{Num: r.(row).spend.monthUsed}
			}},
			table.SortColumn{Name: table.SortLimit, Title: spendColumns[limitColumn].Title, Key: func(r table.Row) table.SortKey {
				return table.SortKey{Num: r.(row).spend.left}
			}},
			sortExpires)
	}
	return cols
}
