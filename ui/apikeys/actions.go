package apikeys

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// newActions declares the view's actions, once, in the order "?" lists
// them; Footer gives the footer's order: new, rename, delete, roll or
// replace, filter and copy id (6) first, as every key list has them, then
// what only some accounts have. Which actions exist follows the
// account's capabilities (api.Roller, api.KeyUpdater); their words follow
// its provider. Nothing acts on a key without an id (SelectedUsable).
func (m *Model) newActions() *common.Actions {
	k := m.c.Keys
	selection := m.NeedsSelection()
	changeSelected := common.AllOf(m.managed, selection, m.SelectedUsable)
	acts := []common.Action{
		{Key: &k.Details, Footer: 9, Check: selection, Run: func() tea.Cmd {
			r := m.Selected()
			m.Open(m.details(r))
			return m.needHistory(r)
		}},
		{Key: &k.New, Footer: 1, Check: m.managed, Run: m.newKeyForm},
		{Key: &k.Rename, Footer: 2, Check: changeSelected, Run: func() tea.Cmd { return m.renameForm(m.Selected()) }},
		{Key: &k.Delete, Footer: 3, Check: changeSelected, Run: func() tea.Cmd { return m.deleteConfirm(m.Selected()) }},
		{Key: &k.Roll, Footer: 4, Help: m.provider.Roll, Short: m.provider.RollShort,
			Check: common.AllOf(m.rollSupported, changeSelected, m.replaceable), Run: m.rollOrReplace},
		{Key: &k.Disable, Footer: 7, Check: common.AllOf(m.updateSupported, changeSelected),
			Run: func() tea.Cmd { return m.toggleDisabled(m.Selected()) }},
		{Key: &k.Limit, Footer: 8, Check: common.AllOf(m.updateSupported, changeSelected),
			Run: func() tea.Cmd { return m.limitForm(m.Selected()) }},
		{Key: &k.Workspace, Footer: 10, Help: "show one workspace / all", Short: "workspace",
			Check: m.workspaceSupported, Run: m.toggleNarrow},
		{Key: &k.Filter, Footer: 5}, // the list filters
		{Key: &k.SignIn, Footer: 1, Check: m.inferenceKey, Run: m.signIn},
		{Key: &k.Copy, Unlisted: true, Check: selection, Run: m.secretNotKept},
	}
	return m.ActionTable(acts, 6, func(r row) tea.Cmd { return table.CopyID(m.c, r.name, r.ID()) })
}

// managed refuses every change to keys when the key in use may not manage
// them (the list was refused with a 403).
func (m *Model) managed() *common.Refusal {
	if m.forbidden {
		return common.NotOffered("the key in use may not manage keys")
	}
	return nil
}

// updates reports whether the account can change a key's spending
// settings (api.KeyUpdater) and its keys have them: disable, limit and
// replace need both.
func (m *Model) updates() bool { return m.updater != nil && m.provider.KeySpending }

// rollSupported offers R where the account can roll (api.Roller) or
// replace a key (updates, or a replace that deletes the old key).
func (m *Model) rollSupported() *common.Refusal {
	if m.roller == nil && !m.updates() && !m.secretless() {
		return common.NotOffered("not supported by this account")
	}
	return nil
}

// updateSupported offers disable and the spending limit where the account
// has them (updates).
func (m *Model) updateSupported() *common.Refusal {
	if !m.updates() {
		return common.NotOffered("not supported by this account")
	}
	return nil
}

// newKeyForm opens the create form: with a spending limit where keys have
// one.
func (m *Model) newKeyForm() tea.Cmd {
	if m.provider.KeySpending {
		return m.newSpendForm()
	}
	return m.newForm()
}

// rollOrReplace gives the selected key a new secret: in place where the
// account can roll, else by a replacement (retiring the old key as the
// provider does).
func (m *Model) rollOrReplace() tea.Cmd {
	switch {
	case m.roller != nil:
		return m.rollConfirm(m.Selected())
	case m.secretless():
		return m.replaceDeleteConfirm(m.Selected())
	}
	return m.replaceForm(m.Selected())
}

// secretNotKept answers y: the list never holds a secret, so it says when
// one is shown.
func (m *Model) secretNotKept() tea.Cmd {
	p, roll := m.provider, m.c.Keys.Roll.Help().Key
	switch {
	case m.roller != nil:
		return common.Toast(common.ToastInfo, "A secret is shown and copied only when it is %s (%s)", p.SecretShown, roll)
	case m.updates() || m.secretless():
		return common.Toast(common.ToastInfo, "A secret is shown and copied only when a key is %s (or replaced, %s)", p.SecretShown, roll)
	}
	return common.Toast(common.ToastInfo, "A secret is shown and copied only when it is created")
}
