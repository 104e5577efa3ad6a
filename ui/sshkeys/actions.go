package sshkeys

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// newActions declares the view's actions, once, in the order "?" lists
// them; Footer gives the footer's order. Nothing that names the key acts
// on one without an id (SelectedUsable).
func (m *Model) newActions() *common.Actions {
	k := m.c.Keys
	selection := m.NeedsSelection()
	usable := common.AllOf(selection, m.SelectedUsable)
	onSelected := func(run func(r row) tea.Cmd) func() tea.Cmd {
		return func() tea.Cmd { return run(m.Selected()) }
	}
	acts := []common.Action{
		{Key: &k.Details, Footer: 8, Check: usable, Run: onSelected(m.fetchDetails)},
		{Key: &k.New, Footer: 1, Help: "add", Run: func() tea.Cmd {
			m.addForm("", "")
			return nil
		}},
		{Key: &k.Import, Footer: 2, Short: "import", Run: func() tea.Cmd { return readPubFiles(m.sshDir) }},
		{Key: &k.Rename, Footer: 3, Check: usable, Run: onSelected(func(r row) tea.Cmd {
			m.renameForm(r)
			return nil
		})},
		{Key: &k.Delete, Footer: 4, Check: usable, Run: onSelected(func(r row) tea.Cmd {
			m.deleteConfirm(r)
			return nil
		})},
		{Key: &k.Copy, Footer: 5, Help: "copy public key", Short: "copy", Check: selection, Run: onSelected(func(r row) tea.Cmd {
			return copyPublicKey(m.c, r)
		})},
		{Key: &k.Filter, Footer: 6}, // the list filters
	}
	return m.ActionTable(acts, 7, func(r row) tea.Cmd { return table.CopyID(m.c, r.name, r.ID()) })
}
