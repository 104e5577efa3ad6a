// Package apikeys is the API keys tab: the list of the account's keys, and
// creating, renaming, deleting and (where the account is an api.Roller)
// rolling them; where the account is an api.KeyUpdater, also disabling,
// enabling, spending limits and replacing a key (R). It imports api (never
// a concrete provider), ui/common and ui/components.
package apikeys

import (
	"cmp"
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
	// provider is the account's provider: the words that differ by it;
	// noun is what it calls a key ("API key", "API token").
	provider api.Provider
	noun     string
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
	// replacedMsg is the new key of a replace, and the key it replaces;
	// adopted says the dashboard switched to the new key (the old one was
	// in use), and note says where it was saved.
	replacedMsg struct {
		secret  api.Secret
		how     string
		copyErr error
		old     row
		adopted bool
		note    string
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
	m.noun = cmp.Or(m.provider.KeyNoun, "API key")
	m.roller, _ = c.Account.(api.Roller)
	m.updater, _ = c.Account.(api.KeyUpdater)
	cols := keyColumns
	switch {
	case m.provider.KeySpending:
		cols = spendColumns
	case m.secretless():
		cols = tokenColumns
	}
	m.KeyList = list.NewKeyList(c, cols, m.noun, m.noun+"s", c.Account.Keys, func(k api.Key) row {
		// The key the dashboard made and signs in with is in use, where
		// the list cannot tell (Minted).
		if id := c.Minted.InUse(); id != "" && k.ID == id {
			k.InUse = true
		}
		return newRow(c, k)
	})
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

// tokenColumns are the list's columns where the list carries no secret
// (secretless): no masked key to show.
var tokenColumns = []table.Column{
	{Title: "NAME", Width: 20, Flex: 1},
	{Title: "UID", Width: 16, Drop: 1},
	table.DateColumn("CREATED", 0),
	table.DateColumn("UPDATED", 2),
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

// Title is the tab label: "API keys", or what the provider calls its
// keys ("API tokens").
func (m *Model) Title() string { return m.noun + "s" }

// Update handles keys, pages and the results of the view's dialogs.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case list.PageMsg[api.Key]:
		// An account that settles its API version on first use knows its
		// words only then.
		m.provider = m.c.Account.Provider()
		m.noun = cmp.Or(m.provider.KeyNoun, "API key")
		cmd := m.Page(msg)
		m.checkForbidden()
		return m, cmd
	case goneMsg:
		return m, m.gone()
	case updatedMsg:
		return m, tea.Batch(m.Table.Replace(newRow(m.c, msg.key)), common.Toast(common.ToastSuccess, "%s", msg.toast))
	case replacedMsg:
		return m, m.replaced(msg)
	case createdMsg:
		m.Table.MarkRepeated(&msg.secret.Key.ID, &msg.secret.Key.IDProblem)
		m.c.Minted.Add(msg.secret.Value, msg.secret.Key.ID)
		r := newRow(m.c, msg.secret.Key)
		cmd := m.Table.Prepend(r)
		secret := dialog.NewSecret(m.c, fmt.Sprintf("New %s “%s”", m.noun, r.name), msg.secret.Value, msg.how, msg.copyErr)
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
