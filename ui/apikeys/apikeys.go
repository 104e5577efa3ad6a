// Package apikeys is the API keys tab: the list of the account's keys, and
// creating, renaming, deleting and (where the account is an api.Roller)
// rolling them; where the account is an api.KeyUpdater, also disabling,
// enabling, spending limits and replacing a key (R). It imports api (never
// a concrete provider), ui/common and ui/components.
package apikeys

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/list"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// Model is the API keys view.
type Model struct {
	c *common.Common
	*list.KeyList[api.Key, row]
	common.Outbox
	// roller is the account as an api.Roller; nil when keys cannot be
	// rolled. updater is the account as an api.KeyUpdater (disable, limit,
	// replace); nil when it is not.
	roller  api.Roller
	updater api.KeyUpdater
	// provider is the account's provider: the words that differ by it.
	provider api.Provider
	// forbidden says the list was refused (403) for a key that cannot
	// manage keys: the view says so and offers no action.
	forbidden bool
	// Actions is the view's table of actions (actions.go): its keys, the
	// footer (ShortHelp, ListKeys, Footer) and "?" (FullHelp) all come
	// from it.
	*common.Actions
}

// The view's results, delivered by its dialogs.
type (
	createdMsg struct {
		secret  api.Secret
		how     string
		copyErr error
	}
	renamedMsg struct{ key api.Key }
	// updatedMsg is a key after a disable, enable or limit change.
	updatedMsg struct {
		key   api.Key
		toast string
	}
	// replacedMsg is the new key of a replace, and the key it replaces.
	replacedMsg struct {
		secret  api.Secret
		how     string
		copyErr error
		old     row
	}
	deletedMsg struct {
		uid, name string
		inUse     bool
	}
	rolledMsg struct {
		secret  api.Secret
		how     string
		copyErr error
		inUse   bool
		note    string
	}
)

// New returns the view; Init starts loading.
func New(c *common.Common) *Model {
	m := &Model{c: c, provider: c.Account.Provider()}
	m.roller, _ = c.Account.(api.Roller)
	m.updater, _ = c.Account.(api.KeyUpdater)
	cols := keyColumns
	if m.provider.KeySpending {
		cols = spendColumns
	}
	m.KeyList = list.NewKeyList(c, cols, "API key", "API keys", c.Account.Keys,
		func(k api.Key) row { return newRow(c, k) })
	m.Table.SetSort(sortColumns(m.provider.KeySpending), c.Sort)
	m.Actions = m.newActions()
	return m
}

// keyColumns are the list's columns. A narrow screen drops UPDATED, then
// the UID, then the masked key, before it cuts names below 20 columns.
var keyColumns = []table.Column{
	{Title: "NAME", Width: 20, Flex: 1},
	{Title: "UID", Width: 16, Drop: 2},
	{Title: "KEY", Width: 10, Drop: 1},
	table.DateColumn("CREATED", 0),
	table.DateColumn("UPDATED", 3),
}

// spendColumns are the list's columns for keys with spending settings.
// A narrow screen drops CREATED, then the label, then usage, before it
// cuts names below 20 columns; the state (a disabled key) and the limit
// always stay.
var spendColumns = []table.Column{
	{Title: "NAME", Width: 20, Flex: 1},
	{Title: "STATE", Width: 8},
	{Title: "LEFT OF LIMIT USD", Width: 19},
	{Title: "USED D/W/M USD", Width: 17, Drop: 1},
	{Title: "KEY", Width: 19, Drop: 2},
	table.DateColumn("CREATED", 3),
}

// checkForbidden notes whether the list was refused for a key that cannot
// manage keys (403), which no retry changes.
func (m *Model) checkForbidden() {
	m.forbidden = errors.Is(m.Loader.Err(), api.ErrForbidden)
}

// Title is the tab label.
func (m *Model) Title() string { return "API keys" }

// Update handles keys, pages and the results of the view's dialogs.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case list.PageMsg[api.Key]:
		cmd := m.Page(msg)
		m.checkForbidden()
		return m, cmd
	case goneMsg:
		return m, m.gone()
	case updatedMsg:
		return m, tea.Batch(m.Table.Replace(newRow(m.c, msg.key)), common.Toast(common.ToastSuccess, "%s", msg.toast))
	case replacedMsg:
		m.Table.MarkRepeated(&msg.secret.Key.ID, &msg.secret.Key.IDProblem)
		r := newRow(m.c, msg.secret.Key)
		cmd := m.Table.Prepend(r)
		secret := dialog.NewSecret(m.c, fmt.Sprintf("New API key “%s” (replaces %s)", r.name, msg.old.masked), msg.secret.Value, msg.how, msg.copyErr)
		m.Open(secret.Then(m.disableOldConfirm(msg.old)))
		return m, cmd
	case createdMsg:
		m.Table.MarkRepeated(&msg.secret.Key.ID, &msg.secret.Key.IDProblem)
		r := newRow(m.c, msg.secret.Key)
		cmd := m.Table.Prepend(r)
		secret := dialog.NewSecret(m.c, fmt.Sprintf("New API key “%s”", r.name), msg.secret.Value, msg.how, msg.copyErr)
		m.Open(secret)
		return m, cmd
	case renamedMsg:
		return m, m.Renamed(msg.key, msg.key.Name)
	case deletedMsg:
		deleted := m.Deleted(msg.uid, msg.name)
		if msg.inUse {
			acct := m.c.Account
			return m, tea.Batch(deleted, func() tea.Msg { return common.KeyInUseDeletedMsg{Account: acct} })
		}
		return m, deleted
	case rolledMsg:
		r := newRow(m.c, msg.secret.Key)
		r.inUse = msg.inUse
		cmd := m.Table.Replace(r)
		var extra []string
		if msg.inUse {
			// The account uses the new key already (common.AdoptKey, in
			// the roll's command): the note says where it went.
			extra = append(extra, "", m.c.Styles.Warning.Render(msg.note))
		}
		secret := dialog.NewSecret(m.c, fmt.Sprintf("New secret for “%s”", r.name), msg.secret.Value, msg.how, msg.copyErr, extra...)
		m.Open(secret)
		return m, cmd
	}
	return m, m.Default(msg, m.Actions)
}

// View draws the list with its loading or error note; for a key that
// may not list keys, why, instead of an error to retry.
func (m *Model) View() string {
	if m.forbidden {
		return m.forbiddenView()
	}
	return m.ViewWith(m.c.Styles, "")
}
