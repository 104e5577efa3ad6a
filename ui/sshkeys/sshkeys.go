// Package sshkeys is the SSH keys tab: the list of the account's public
// keys with their type, fingerprint and comment, and adding (pasted or
// imported from ~/.ssh), renaming, deleting and copying them. Public keys are
// checked locally before they are sent; a private key never leaves the
// machine. It imports api (never a concrete provider), ui/common and
// ui/components.
package sshkeys

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/list"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

var _ common.View = (*Model)(nil)

// Model is the SSH keys view.
type Model struct {
	c *common.Common
	*list.KeyList[api.SSHKey, row]
	common.Outbox
	// keys is the account's SSH keys capability.
	keys api.SSHKeys
	// sshDir is where "i" looks for *.pub files; empty means ~/.ssh.
	sshDir string
	// fetching names the key whose details are being loaded ("" when
	// none); detailsReq tells its reply from an earlier one's.
	fetching   string
	detailsReq int
	// Actions is the view's table of actions (actions.go): its keys, the
	// footer (ShortHelp, ListKeys, Footer) and "?" (FullHelp) all come
	// from it.
	*common.Actions
}

// The view's results, delivered by its commands and dialogs.
type (
	createdMsg struct{ key api.SSHKey }
	renamedMsg struct{ key api.SSHKey }
	deletedMsg struct{ uid, name string }
	// detailsMsg is the reply of GET /ssh-keys/{uid}.
	detailsMsg struct {
		req int
		uid string
		key api.SSHKey
		err error
	}
)

// New returns the view; Init starts loading. The account must be an
// api.SSHKeys (the root shows this tab only then).
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: c.Account.(api.SSHKeys)}
	m.KeyList = list.NewKeyList(c, columns, "SSH key", "SSH keys", m.keys.SSHKeys,
		func(k api.SSHKey) row { return newRow(c, k) }).Sorted(sortColumns)
	m.Actions = m.newActions()
	return m
}

// columns are the list's columns. A narrow screen drops CREATED, then the
// comment; spare width goes first to text that is cut (the fingerprint is
// whole from about 120 columns).
var columns = []table.Column{
	{Title: "NAME", Width: 14, Flex: 1},
	{Title: "TYPE", Width: 10},
	{Title: "FINGERPRINT", Width: 20},
	{Title: "COMMENT", Width: 12, Drop: 1},
	table.DateColumn("CREATED", 2),
}

// Title is the tab label.
func (m *Model) Title() string { return "SSH keys" }

// Busy reports whether the list or a key's details are loading.
func (m *Model) Busy() bool { return m.Loader.Busy() || m.fetching != "" }

// Stop ends the list's background work and drops the details in flight
// (common.View): the view is paused or discarded.
func (m *Model) Stop() {
	m.KeyList.Stop()
	m.detailsReq, m.fetching = 0, ""
}

// Update handles keys, pages and the results of the view's commands and
// dialogs.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case detailsMsg:
		return m, m.onDetails(msg)
	case pubFilesMsg:
		m.Open(newImportList(m.c, msg, m.addForm))
		return m, nil
	case createdMsg:
		r, cmd := m.Created(&msg.key.ID, &msg.key.IDProblem, func() row { return newRow(m.c, msg.key) })
		return m, tea.Batch(cmd, common.Toast(common.ToastSuccess, "SSH key “%s” added", r.name))
	case renamedMsg:
		return m, m.Renamed(msg.key, msg.key.Name)
	case deletedMsg:
		return m, m.Deleted(msg.uid, msg.name)
	}
	return m, m.Default(msg, m.Actions)
}

// View draws the list with its loading or error note, or the key whose
// details are loading.
func (m *Model) View() string {
	note := ""
	if m.fetching != "" {
		note = m.c.Styles.Muted.Render("loading “" + m.fetching + "”…")
	}
	return m.ViewWith(m.c.Styles, note)
}
