package sshkeys

import (
	"regexp"
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
	// RowID is the key's id: what requests and copies use (none for a key
	// the server sent an invalid or repeated id for), and the row's UID.
	table.RowID
	name string
	// typ, fingerprint and comment come from the public key; "—" when it
	// does not parse.
	typ, fingerprint, comment string
	// publicKey is the key line as the server holds it, for the details
	// pane; copyLine is what y copies: the key as OpenSSH writes it, with
	// its comment only when that is safe to paste (safeComment), or ""
	// when the line is no public key (nothing is copied).
	publicKey, copyLine string
	created, updated    time.Time
	now                 func() time.Time
	// filter is what "/" matches, worked out once (lower case).
	filter string
	// sortName and sortType are what sorting by name and by type compare
	// (lower case).
	sortName, sortType string
}

// newRow is the one place an api.SSHKey becomes a row.
func newRow(c *common.Common, k api.SSHKey) row {
	r := row{
		RowID:       table.NewRowID(k.ID, k.IDText, k.IDProblem),
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
		r.copyLine = strings.TrimSpace(string(ssh.MarshalAuthorizedKey(pk)))
		if r.comment != "" && safeComment.MatchString(r.comment) {
			r.copyLine += " " + r.comment
		}
	}
	r.filter = strings.ToLower(strings.Join([]string{r.name + r.Mark(), r.typ, r.fingerprint, r.comment, r.IDCell()}, " "))
	r.sortName, r.sortType = strings.ToLower(r.name), strings.ToLower(r.typ)
	return r
}

// safeComment is a public key's comment that y copies with it: letters,
// digits, spaces and . _ @ + = : , / ~ -, nothing a shell gives meaning
// to where the line is pasted.
var safeComment = regexp.MustCompile(`^[A-Za-z0-9 ._@+=:,/~-]+$`)

// FilterValue is what "/" matches: the text the row shows (name, type,
// fingerprint, comment) and the uid, dates aside.
func (r row) FilterValue() string { return r.filter }

// Cells are the columns: name, type, fingerprint, comment, created. A key
// without an id says so after its name: " · invalid id".
func (r row) Cells() []string {
	return []string{r.name + r.Mark(), r.typ, r.fingerprint, r.comment, common.RelativeTime(r.created, r.now())}
}

// Tail keeps the words of an id's problem when the name is cut
// (table.TailedRow).
func (r row) Tail(i int) string {
	if i == 0 {
		return r.Mark()
	}
	return ""
}

// sortColumns are the orders "s" steps through: name, created, updated,
// type.
var sortColumns = append(table.NameAndDates(func(r row) string { return r.sortName },
	func(r row) time.Time { return r.created }, func(r row) time.Time { return r.updated }),
	table.SortColumn{Name: table.SortType, Title: "TYPE", Key: func(r table.Row) table.SortKey {
		return table.SortKey{Text: r.(row).sortType}
	}})
