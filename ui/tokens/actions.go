package tokens

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// newActions declares the view's actions, once, in the order "?" lists
// them; Footer gives the footer's order. There is no rename and no roll:
// a service token has neither, so neither is in the table. Nothing acts
// on a token without a uid (SelectedUsable).
func (m *Model) newActions() *common.Actions {
	k := m.c.Keys
	selection := m.NeedsSelection()
	usable := common.AllOf(selection, m.SelectedUsable)
	acts := []common.Action{
		{Key: &k.Details, Footer: 5, Check: selection, Run: func() tea.Cmd {
			m.Open(m.details(m.Selected()))
			return nil
		}},
		{Key: &k.New, Footer: 1, Run: m.newForm},
		{Key: &k.Delete, Footer: 2, Check: usable, Run: func() tea.Cmd { return m.deleteConfirm(m.Selected()) }},
		{Key: &k.Filter, Footer: 3}, // the list filters
		{Key: &k.Copy, Unlisted: true, Check: selection, Run: func() tea.Cmd {
			return common.Toast(common.ToastInfo, "A service token's secret is shown and copied only when it is created")
		}},
	}
	return m.ActionTable(acts, 4, func(r row) tea.Cmd { return table.CopyID(m.c, r.name, r.ID()) })
}
