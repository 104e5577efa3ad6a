// Package tokens is the Service tokens tab of accounts whose organization
// has them (api.ServiceTokens, Targon v3): the organization's tokens with
// who created each and when, and creating (the secret shown once and
// copied) and deleting them. A service token has no rename and no roll:
// neither is offered. It imports api (never a concrete provider),
// ui/common and ui/components.
package tokens

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/list"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

var _ common.View = (*Model)(nil)

// Model is the Service tokens view.
type Model struct {
	c *common.Common
	*list.KeyList[api.ServiceToken, row]
	common.Outbox
	// tokens is the account's service tokens capability.
	tokens api.ServiceTokens
	// Actions is the view's table of actions (actions.go): its keys, the
	// footer and "?" all come from it.
	*common.Actions
}

// The view's results, delivered by its dialogs.
type (
	createdMsg struct {
		secret  api.ServiceTokenSecret
		how     string
		copyErr error
	}
	deletedMsg struct{ uid, name string }
)

// New returns the view; Init starts loading. The account must be an
// api.ServiceTokens (the root shows this tab only then).
func New(c *common.Common) *Model {
	m := &Model{c: c, tokens: c.Account.(api.ServiceTokens)}
	m.KeyList = list.NewKeyList(c, columns, "service token", "service tokens", m.tokens.ServiceTokens,
		func(t api.ServiceToken) row { return newRow(c, t) }).Sorted(sortColumns)
	m.Actions = m.newActions()
	return m
}

// columns are the list's columns. A narrow screen drops the UID before it
// cuts names below 20 columns; who made a token and when always stay.
var columns = []table.Column{
	{Title: "NAME", Width: 20, Flex: 1},
	{Title: "CREATED BY", Width: 16, Flex: 1},
	{Title: "UID", Width: 16, Drop: 1}, // a uid whole, or not at all
	table.DateColumn("CREATED", 0),
}

// Title is the tab label.
func (m *Model) Title() string { return "Service tokens" }

// Update handles keys, pages and the results of the view's dialogs.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case createdMsg:
		t := msg.secret.Token
		id, problem := t.ID, ""
		r, cmd := m.Created(&id, &problem, func() row { return newRowID(m.c, t, id, problem) })
		secret := dialog.NewSecret(m.c, fmt.Sprintf("New service token “%s”", r.name), msg.secret.Value, msg.how, msg.copyErr, m.secretNote()...)
		m.Open(secret)
		return m, cmd
	case deletedMsg:
		return m, m.Deleted(msg.uid, msg.name)
	}
	return m, m.Default(msg, m.Actions)
}

// View draws the list with its loading or error note.
func (m *Model) View() string { return m.ViewWith(m.c.Styles, "") }
