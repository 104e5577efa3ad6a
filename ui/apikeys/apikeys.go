// Package apikeys is the API keys tab: the list of the account's keys, and
// creating, renaming, deleting and (where the account is an api.Roller)
// rolling them.
package apikeys

import (
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
	// rolled, and then the roll binding is disabled (no hint, no help).
	roller api.Roller
	roll   key.Binding
}

// The view's results, delivered by its dialogs.
type (
	createdMsg struct {
		secret  api.Secret
		how     string
		copyErr error
	}
	renamedMsg struct{ key api.Key }
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
	m := &Model{c: c, roll: c.Keys.Roll}
	m.roller, _ = c.Account.(api.Roller)
	m.roll.SetEnabled(m.roller != nil)
	m.KeyList = components.NewKeyList(c, []components.Column{
		{Title: "NAME", Width: 16, Flex: 1},
		{Title: "UID", Width: 16},
		{Title: "KEY", Width: 10},
		{Title: "CREATED", Width: 12},
		{Title: "UPDATED", Width: 12},
	}, "API key", "API keys", c.Account.Keys,
		func(k api.Key) components.Row { return newRow(c, k) })
	return m
}

// Title is the tab label.
func (m *Model) Title() string { return "API keys" }

// Update handles keys, pages and the results of the view's dialogs.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case components.PageMsg[api.Key]:
		return m, m.Page(msg)
	case createdMsg:
		r := newRow(m.c, msg.secret.Key)
		cmd := m.Table.Prepend(r)
		secret := components.NewSecret(m.c, fmt.Sprintf("New API key “%s”", r.name), msg.secret.Value, msg.how, msg.copyErr)
		m.Open(secret)
		return m, cmd
	case renamedMsg:
		cmd := m.Table.Replace(newRow(m.c, msg.key))
		return m, tea.Batch(cmd, common.Toast(common.ToastSuccess, "Renamed to “%s”", common.Sanitize(msg.key.Name)))
	case deletedMsg:
		removed := m.Table.Remove(msg.uid)
		toast := common.Toast(common.ToastSuccess, "API key “%s” deleted", msg.name)
		if msg.inUse {
			return m, tea.Batch(removed, toast, func() tea.Msg { return common.KeyInUseChangedMsg{} })
		}
		return m, tea.Batch(removed, toast)
	case rolledMsg:
		r := newRow(m.c, msg.secret.Key)
		r.inUse = msg.inUse
		cmds := []tea.Cmd{m.Table.Replace(r)}
		var extra []string
		if msg.inUse {
			extra = append(extra, "", m.c.Styles.Warning.Render(msg.note))
			cmds = append(cmds, func() tea.Msg { return common.KeyInUseChangedMsg{NewKey: msg.secret.Value} })
		}
		secret := components.NewSecret(m.c, fmt.Sprintf("New secret for “%s”", r.name), msg.secret.Value, msg.how, msg.copyErr, extra...)
		m.Open(secret)
		return m, tea.Batch(cmds...)
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
	if key.Matches(msg, k.New) {
		return m.newForm(), true
	}
	sel, ok := m.Table.Selected().(row)
	switch {
	case !key.Matches(msg, k.Details, k.Rename, k.Delete, m.roll, k.Copy):
		return nil, false
	case !ok:
		return common.Toast(common.ToastInfo, "No API key selected"), true
	case key.Matches(msg, k.Details):
		m.Open(m.details(sel))
		return nil, true
	case key.Matches(msg, k.Rename):
		return m.renameForm(sel), true
	case key.Matches(msg, k.Delete):
		return m.deleteConfirm(sel), true
	case key.Matches(msg, m.roll):
		return m.rollConfirm(sel), true
	case key.Matches(msg, k.Copy):
		if m.roller == nil {
			return common.Toast(common.ToastInfo, "A secret is shown and copied only when it is created"), true
		}
		return common.Toast(common.ToastInfo, "A secret is shown and copied only when it is created or rolled (%s)", m.roll.Help().Key), true
	}
	return nil, false
}

// View draws the list with its loading or error note.
func (m *Model) View() string { return m.ViewWith(m.c.Styles, "") }

// ShortHelp is the view's line of help.
func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.New, k.Rename, k.Delete, withDesc(m.roll, "roll"), k.Details, k.Filter}
}

// withDesc is b with another help description.
func withDesc(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// FullHelp is the view's part of the help screen.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Details, k.New, k.Rename, k.Delete, m.roll, k.Filter}}
}
