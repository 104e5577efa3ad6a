package tokens

import (
	"strings"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// row is how the view holds a service token: everything it draws, worked
// out once when the token arrives, and never its secret.
type row struct {
	// RowID is the token's uid: what requests and copies use (none for a
	// token the server sent an invalid or repeated uid for).
	table.RowID
	name, createdBy string
	created         time.Time
	now             func() time.Time
	// filter is what "/" matches, worked out once (lower case).
	filter string
	// sortName is what sorting by name compares (lower case).
	sortName string
}

// newRow is the one place an api.ServiceToken becomes a row. The account
// cleaned the text already (the sanitising boundary, see package api) and
// set ID only for a uid in the provider's shape.
func newRow(c *common.Common, t api.ServiceToken) row { return newRowID(c, t, t.ID, "") }

// newRowID is newRow with the uid as the view found it: "" and
// api.IDAmbiguous for a new token whose uid another row has.
func newRowID(c *common.Common, t api.ServiceToken, id, problem string) row {
	r := row{
		RowID:     table.NewRowID(id, t.ID, problem),
		name:      t.Name,
		createdBy: t.CreatedBy,
		created:   t.CreatedAt,
		now:       c.Now,
	}
	r.filter = strings.ToLower(strings.Join([]string{r.name + r.Mark(), r.by(), r.IDCell()}, " "))
	r.sortName = strings.ToLower(r.name)
	return r
}

// by is who created the token, "—" when the server does not say (a token
// made by another service token).
func (r row) by() string {
	if r.createdBy == "" {
		return "—"
	}
	return r.createdBy
}

// FilterValue is what "/" matches: name, creator and uid.
func (r row) FilterValue() string { return r.filter }

// Cells are the columns: name, created by, uid, created.
func (r row) Cells() []string {
	return []string{r.name + r.Mark(), r.by(), r.IDCell(), common.RelativeTime(r.created, r.now())}
}

// Tail keeps the words of an id's problem when the name is cut
// (table.TailedRow).
func (r row) Tail(i int) string {
	if i == 0 {
		return r.Mark()
	}
	return ""
}

// sortColumns are the orders "s" steps through: name, created (a service
// token is never updated).
var sortColumns = table.NameAndDates(func(r row) string { return r.sortName },
	func(r row) time.Time { return r.created }, func(r row) time.Time { return r.created })[:2]
