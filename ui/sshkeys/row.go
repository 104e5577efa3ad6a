package sshkeys

import (
	"strings"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// row is how the view holds an SSH key: everything it draws, worked out
// once when the key arrives, never per frame.
type row struct {
	uid, name string
	// typ, fingerprint and comment come from the public key; "—" when it
	// does not parse.
	typ, fingerprint, comment string
	// publicKey is the key line as the server holds it, for copying and
	// the details pane.
	publicKey        string
	created, updated time.Time
	now              func() time.Time
	// filter is what "/" matches, worked out once (lower case).
	filter string
	// sortName and sortType are what sorting by name and by type compare
	// (lower case).
	sortName, sortType string
}

// newRow is the one place an api.SSHKey becomes a row.
func newRow(c *common.Common, k api.SSHKey) row {
	r := row{
		uid:         k.ID,
		name:        k.Name,
		typ:         "—",
		fingerprint: "—",
		publicKey:   strings.TrimSpace(k.PublicKey),
		created:     k.CreatedAt,
		updated:     k.UpdatedAt,
		now:         c.Now,
	}
	if pk, comment, _, _, err := ssh.ParseAuthorizedKey([]byte(r.publicKey)); err == nil {
		r.typ, _ = label(pk)
		r.fingerprint = ssh.FingerprintSHA256(pk)
		r.comment = strings.TrimSpace(comment)
	}
	r.filter = strings.ToLower(strings.Join([]string{r.name, r.typ, r.fingerprint, r.comment, r.uid}, " "))
	r.sortName, r.sortType = strings.ToLower(r.name), strings.ToLower(r.typ)
	return r
}

// UID identifies the row's key (table.Row).
func (r row) UID() string { return r.uid }

// FilterValue is what "/" matches: the text the row shows (name, type,
// fingerprint, comment) and the uid, dates aside.
func (r row) FilterValue() string { return r.filter }

// Cells are the columns: name, type, fingerprint, comment, created.
func (r row) Cells() []string {
	return []string{r.name, r.typ, r.fingerprint, r.comment, common.RelativeTime(r.created, r.now())}
}

// sortColumns are the orders "s" steps through: name, created, updated,
// type.
var sortColumns = append(table.NameAndDates(func(r row) string { return r.sortName },
	func(r row) time.Time { return r.created }, func(r row) time.Time { return r.updated }),
	table.SortColumn{Name: table.SortType, Title: "TYPE", Key: func(r table.Row) table.SortKey {
		return table.SortKey{Text: r.(row).sortType}
	}})
