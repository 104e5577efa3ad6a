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

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/activity"
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
	// spaces are the account's workspaces (api.Workspaces), the default
	// first; nil before they came or when it has none. wsErr is why they
	// could not be listed; narrow is the id of the one workspace the list
	// is narrowed to ("" for all).
	spaces []api.Workspace
	wsErr  error
	narrow string
	// activity keeps the activity of the account's keys read this session
	// (nil when it cannot tell it: not an api.Activity).
	activity *activity.Cache
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
	m.activity = activity.NewCache(c)
	m.KeyList = list.NewKeyList(c, cols, m.noun, m.noun+"s", c.Account.Keys, m.row).Sorted(sortColumns(m.provider.KeySpending))
	m.Table.SetHidden(workspaceTitle, true) // until a second workspace shows
	m.Actions = m.newActions()
	return m
}

// Init loads the first page (and then the rest) and the workspaces.
func (m *Model) Init() tea.Cmd { return tea.Batch(m.KeyList.Init(), m.loadWorkspaces()) }

// Refresh reloads the list and the workspaces; the rows stay until the
// new ones are in. Activity read this session is kept: it changes once a
// day.
func (m *Model) Refresh() tea.Cmd { return tea.Batch(m.KeyList.Refresh(), m.loadWorkspaces()) }

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
// A narrow screen drops CREATED, then the label, then usage, then the
// workspace, before it cuts names below 20 columns; the state (a disabled
// or expiring key) and the limit always stay. WORKSPACE is hidden on an
// account of one workspace.
var spendColumns = []table.Column{
	{Title: "NAME", Width: 20, Flex: 1},
	{Title: workspaceTitle, Width: 10, Drop: 1},
	{Title: "STATE", Width: 15}, // "⚠ expires in 6d"
	{Title: "LEFT OF LIMIT USD", Width: 19},
	{Title: "USED D/W/M USD", Width: 17, Drop: 2},
	{Title: "KEY", Width: 19, Drop: 3},
	table.DateColumn("CREATED", 4),
}

// The places of spendColumns a row's code names.
const (
	stateColumn = 2
	limitColumn = 3
	usedColumn  = 4
)

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
		m.Table.SetTally(m.tally())
		return m, tea.Batch(cmd, m.needActivity())
	case goneMsg:
		return m, m.gone()
	case updatedMsg:
		return m, tea.Batch(m.Table.Replace(m.row(msg.key)), common.Toast(common.ToastSuccess, "%s", msg.toast))
	case replacedMsg:
		return m, m.replaced(msg)
	case createdMsg:
		m.Table.MarkRepeated(&msg.secret.Key.ID, &msg.secret.Key.IDProblem)
		m.c.Minted.Add(msg.secret.Value, msg.secret.Key.ID)
		r := m.row(msg.secret.Key)
		cmd := m.Table.Prepend(r)
		m.Table.SetTally(m.tally())
		secret := dialog.NewSecret(m.c, fmt.Sprintf("New %s “%s”", m.noun, r.name), msg.secret.Value, msg.how, msg.copyErr)
		m.Open(secret)
		return m, cmd
	case renamedMsg:
		return m, m.Renamed(msg.key, msg.key.Name)
	case deletedMsg:
		deleted := m.Deleted(msg.uid, msg.name)
		m.Table.SetTally(m.tally())
		if msg.inUse {
			acct := m.c.Account
			return m, tea.Batch(deleted, func() tea.Msg { return common.KeyInUseDeletedMsg{Account: acct} })
		}
		return m, deleted
	case rolledMsg:
		r := m.row(msg.secret.Key)
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
	if cmd, ok := m.spacesUpdate(msg); ok {
		return m, cmd
	}
	return m, m.Default(msg, m.Actions)
}

// spacesUpdate handles the messages of workspaces and activity, and esc
// on a list narrowed to one workspace; ok says msg was one of them.
func (m *Model) spacesUpdate(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case workspacesMsg:
		m.onWorkspaces(msg)
		return nil, true
	case narrowMsg:
		return m.narrowTo(msg.id), true
	case activity.Msg, activity.ManyMsg:
		if m.activity.Take(msg) {
			m.redecorate()
		}
		return nil, true
	case tea.KeyMsg:
		if m.narrow != "" && key.Matches(msg, m.c.Keys.Back) && !m.Table.Capturing() && !m.Table.List.IsFiltered() {
			return m.narrowTo(""), true // esc: every workspace again
		}
	}
	return nil, false
}

// View draws the list with its loading or error note; for a key that
// may not list keys, why, instead of an error to retry.
func (m *Model) View() string {
	if m.forbidden {
		return m.forbiddenView()
	}
	return m.ViewWith(m.c.Styles, "")
}
