// Package apikeys is the API keys tab: the list of the account's keys, and
// creating, renaming, deleting and (where the account is an api.Roller)
// rolling them; where the account is an api.KeyUpdater, also disabling,
// enabling, spending limits and replacing a key (R).
package apikeys

import (
	"errors"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components"
)

// Model is the API keys view.
type Model struct {
	c *common.Common
	*components.KeyList[api.Key]
	common.Outbox
	// roller is the account as an api.Roller; nil when keys cannot be
	// rolled. updater is the account as an api.KeyUpdater (disable, limit,
	// replace); nil when it is not.
	roller  api.Roller
	updater api.KeyUpdater
	// forbidden says the list was refused (403) for a key that cannot
	// manage keys: the view says so and offers no action.
	forbidden bool
	// The view's own bindings, disabled (no hint, no help) where they
	// cannot act: roll is "roll secret" for a Roller and "replace" for a
	// KeyUpdater.
	newKey, rename, del, roll, disable, limit key.Binding
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
	m := &Model{c: c}
	m.roller, _ = c.Account.(api.Roller)
	m.updater, _ = c.Account.(api.KeyUpdater)
	cols := []components.Column{
		{Title: "NAME", Width: 16, Flex: 1},
		{Title: "UID", Width: 16},
		{Title: "KEY", Width: 10},
		{Title: "CREATED", Width: 12},
		{Title: "UPDATED", Width: 12},
	}
	if m.updater != nil {
		cols = spendColumns
	}
	m.KeyList = components.NewKeyList(c, cols, "API key", "API keys", c.Account.Keys,
		func(k api.Key) components.Row { return newRow(c, k) })
	m.Table.SetSort(sortColumns(m.updater != nil), c.Sort)
	m.syncKeys()
	return m
}

// spendColumns are the list's columns for keys with spending settings.
// A narrow screen drops CREATED, then the label, then usage, before it
// cuts names below 20 columns; the state (a disabled key) and the limit
// always stay.
var spendColumns = []components.Column{
	{Title: "NAME", Width: 20, Flex: 1},
	{Title: "STATE", Width: 8},
	{Title: "LEFT OF LIMIT $", Width: 17},
	{Title: "USED D/W/M $", Width: 17, Drop: 1},
	{Title: "KEY", Width: 18, Drop: 2},
	{Title: "CREATED", Width: 10, Drop: 3},
}

// syncKeys enables the view's bindings that can act on this account in
// this state, and names R for what it does here.
func (m *Model) syncKeys() {
	k := m.c.Keys
	m.newKey, m.rename, m.del, m.roll, m.disable, m.limit = k.New, k.Rename, k.Delete, k.Roll, k.Disable, k.Limit
	if m.roller == nil && m.updater != nil {
		m.roll.SetHelp(m.roll.Help().Key, "replace")
	}
	can := !m.forbidden && m.c.CanChange() // read-only: nothing that changes a key
	m.newKey.SetEnabled(can)
	m.rename.SetEnabled(can)
	m.del.SetEnabled(can)
	m.roll.SetEnabled(can && (m.roller != nil || m.updater != nil))
	m.disable.SetEnabled(can && m.updater != nil)
	m.limit.SetEnabled(can && m.updater != nil)
}

// checkForbidden notes whether the list was refused for a key that cannot
// manage keys (403), which no retry changes.
func (m *Model) checkForbidden() {
	forbidden := errors.Is(m.Loader.Err(), api.ErrForbidden)
	if forbidden != m.forbidden {
		m.forbidden = forbidden
		m.syncKeys()
	}
}

// Title is the tab label.
func (m *Model) Title() string { return "API keys" }

// Update handles keys, pages and the results of the view's dialogs.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, ok := m.Live(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case components.PageMsg[api.Key]:
		cmd := m.Page(msg)
		m.checkForbidden()
		return m, cmd
	case goneMsg:
		return m, m.gone()
	case updatedMsg:
		return m, tea.Batch(m.Table.Replace(newRow(m.c, msg.key)), common.Toast(common.ToastSuccess, "%s", msg.toast))
	case replacedMsg:
		r := newRow(m.c, msg.secret.Key)
		cmd := m.Table.Prepend(r)
		secret := components.NewSecret(m.c, fmt.Sprintf("New API key “%s” (replaces %s)", r.name, msg.old.masked), msg.secret.Value, msg.how, msg.copyErr)
		m.Open(secret.Then(m.disableOldConfirm(msg.old)))
		return m, cmd
	case createdMsg:
		r := newRow(m.c, msg.secret.Key)
		cmd := m.Table.Prepend(r)
		secret := components.NewSecret(m.c, fmt.Sprintf("New API key “%s”", r.name), msg.secret.Value, msg.how, msg.copyErr)
		m.Open(secret)
		return m, cmd
	case renamedMsg:
		cmd := m.Table.Replace(newRow(m.c, msg.key))
		return m, tea.Batch(cmd, common.Toast(common.ToastSuccess, "Renamed to “%s”", msg.key.Name))
	case deletedMsg:
		removed := m.Table.Remove(msg.uid)
		toast := common.Toast(common.ToastSuccess, "API key “%s” deleted", msg.name)
		if msg.inUse {
			acct := m.c.Account
			return m, tea.Batch(removed, toast, func() tea.Msg { return common.KeyInUseDeletedMsg{Account: acct} })
		}
		return m, tea.Batch(removed, toast)
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
		secret := components.NewSecret(m.c, fmt.Sprintf("New secret for “%s”", r.name), msg.secret.Value, msg.how, msg.copyErr, extra...)
		m.Open(secret)
		return m, cmd
	case tea.KeyMsg:
		if !m.Table.Capturing() {
			if cmd, handled := m.onKey(msg); handled {
				return m, cmd
			}
		}
	}
	return m, m.Table.Update(msg)
}

// onKey runs the view's own keys: details, new, rename, delete, roll, copy.
func (m *Model) onKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.c.Keys
	if key.Matches(msg, m.newKey) {
		if m.updater != nil {
			return m.newSpendForm(), true
		}
		return m.newForm(), true
	}
	sel, ok := m.Table.Selected().(row)
	if key.Matches(msg, m.Table.CopyIDKey()) {
		what := "UID"
		if sel.spend != nil {
			what = "Hash" // an account with spending settings: its ids are hashes
		}
		return components.CopyID(m.c, what, sel.name, sel.uid), true
	}
	switch {
	case !key.Matches(msg, k.Details, m.rename, m.del, m.roll, m.disable, m.limit, k.Copy):
		return nil, false
	case !ok:
		return common.Toast(common.ToastInfo, "No API key selected"), true
	case key.Matches(msg, k.Details):
		m.Open(m.details(sel))
		return nil, true
	case key.Matches(msg, m.rename):
		return m.renameForm(sel), true
	case key.Matches(msg, m.del):
		return m.deleteConfirm(sel), true
	case key.Matches(msg, m.roll) && m.roller != nil:
		return m.rollConfirm(sel), true
	case key.Matches(msg, m.roll):
		return m.replaceConfirm(sel), true
	case key.Matches(msg, m.disable):
		return m.toggleDisabled(sel), true
	case key.Matches(msg, m.limit):
		return m.limitForm(sel), true
	case key.Matches(msg, k.Copy):
		if m.updater != nil && m.roller == nil {
			return common.Toast(common.ToastInfo, "A secret is shown and copied only when a key is created (or replaced, %s)", m.roll.Help().Key), true
		}
		if m.roller == nil {
			return common.Toast(common.ToastInfo, "A secret is shown and copied only when it is created"), true
		}
		return common.Toast(common.ToastInfo, "A secret is shown and copied only when it is created or rolled (%s)", m.roll.Help().Key), true
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

// ShortHelp is the view's line of help.
func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	roll := m.roll
	if m.roller != nil {
		roll = common.WithDesc(m.roll, "roll")
	}
	return []key.Binding{m.newKey, m.rename, m.del, m.disable, m.limit, roll, k.Details, k.Filter}
}

// ListKeys are the list's own keys (sort, reverse, copy the id): the
// footer shows them after the global keys, when there is room.
func (m *Model) ListKeys() []key.Binding {
	return append(m.Table.SortKeys(), m.Table.CopyIDKey())
}

// FullHelp is the view's part of the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Details, m.newKey, m.rename, m.del, m.roll, m.disable, m.limit, k.Filter}, m.ListKeys()}
}
