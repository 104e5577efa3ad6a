package apikeys

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/table"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// This file holds the workspaces of an account whose keys live in them
// (api.Workspaces): the list shows the keys of all of them with a
// WORKSPACE column (hidden when there is one), the top line counts the
// keys of each, and w narrows the list to one through a picker (w again
// or esc shows all).

// workspaceTitle is the WORKSPACE column's title.
const workspaceTitle = "WORKSPACE"

// workspacesMsg is the answer to listing the workspaces of acct.
type workspacesMsg struct {
	acct   api.Account
	spaces []api.Workspace
	err    error
}

// narrowMsg narrows the list to the workspace with id ("" for all).
type narrowMsg struct{ id string }

// loadWorkspaces lists the account's workspaces, where it has them.
func (m *Model) loadWorkspaces() tea.Cmd {
	ws, ok := m.c.Account.(api.Workspaces)
	if !ok {
		return nil
	}
	c, acct := m.c, m.c.Account
	return func() tea.Msg {
		ctx, cancel := c.RequestContext()
		defer cancel()
		spaces, err := ws.Workspaces(ctx)
		return workspacesMsg{acct: acct, spaces: spaces, err: err}
	}
}

// onWorkspaces takes the workspaces: the column shows with more than one,
// and the rows get their workspace's name.
func (m *Model) onWorkspaces(msg workspacesMsg) {
	if msg.acct != m.c.Account {
		return
	}
	m.wsErr = msg.err
	if msg.err != nil {
		return
	}
	m.spaces = msg.spaces
	if m.narrow != "" && m.spaceIndex(m.narrow) < 0 {
		m.narrow = "" // it is gone
		m.Table.SetScope(nil, "")
	}
	m.Table.SetHidden(workspaceTitle, len(m.spaces) < 2)
	m.redecorate()
}

// manyWorkspaces reports whether the account has more than one workspace.
func (m *Model) manyWorkspaces() bool { return len(m.spaces) > 1 }

// spaceIndex is the place of the workspace with id among the account's,
// or -1.
func (m *Model) spaceIndex(id string) int {
	for i, w := range m.spaces {
		if w.ID == id {
			return i
		}
	}
	return -1
}

// spaceName is the name of the workspace with id as the list shows it:
// its name, or the start of its id when the account did not list it.
func (m *Model) spaceName(id string) string {
	if i := m.spaceIndex(id); i >= 0 {
		return m.spaces[i].Name
	}
	if id == "" {
		return ""
	}
	return textfit.Line(id, 9)
}

// defaultSpace is the id of the account's default workspace ("" when it
// is not known: the server's default).
func (m *Model) defaultSpace() string {
	for _, w := range m.spaces {
		if w.Default {
			return w.ID
		}
	}
	return ""
}

// workspaceSupported offers w where the account has more than one
// workspace.
func (m *Model) workspaceSupported() *common.Refusal {
	if !m.manyWorkspaces() {
		return common.NotOffered("the account has one workspace")
	}
	return nil
}

// toggleNarrow opens the workspace picker, or shows every workspace again
// when the list is narrowed to one.
func (m *Model) toggleNarrow() tea.Cmd {
	if m.narrow != "" {
		return m.narrowTo("")
	}
	m.Open(m.workspacePicker())
	return nil
}

// workspacePicker asks which workspace to show, counting each one's keys.
func (m *Model) workspacePicker() common.Modal {
	counts := m.spaceCounts()
	choices := make([]string, len(m.spaces))
	for i, w := range m.spaces {
		choices[i] = fmt.Sprintf("%s (%d)", w.Name, counts[w.ID])
	}
	spaces := m.spaces
	return dialog.NewForm(m.c, "Show one workspace", []dialog.Field{{
		Label: "Workspace", Choices: choices,
		Hint: "Only its keys are listed; " + textfit.KeyNames(m.c.Keys.Workspace) + " again or " + textfit.KeyNames(m.c.Keys.Back) + " shows all.",
	}}, func(_ context.Context, v []string) (tea.Msg, error) {
		for i, ch := range choices {
			if ch == v[0] {
				return narrowMsg{id: spaces[i].ID}, nil
			}
		}
		return narrowMsg{}, nil
	})
}

// narrowTo shows only the keys of workspace id ("" for all), keeping the
// cursor on its key when it is still shown.
func (m *Model) narrowTo(id string) tea.Cmd {
	m.narrow = id
	if id == "" {
		m.Table.SetScope(nil, "")
		return nil
	}
	m.Table.SetScope(func(r table.Row) bool { return r.(row).workspace == id }, m.spaceName(id))
	return nil
}

// spaceCounts counts the keys of each workspace, by id.
func (m *Model) spaceCounts() map[string]int {
	counts := map[string]int{}
	m.Table.Rows(func(r table.Row) bool {
		counts[r.(row).workspace]++
		return true
	})
	return counts
}

// tally is what the top line says after the count with more than one
// workspace: each workspace's keys ("Default 11 · Research 5").
func (m *Model) tally() string {
	if !m.manyWorkspaces() {
		return ""
	}
	counts := m.spaceCounts()
	parts := make([]string, 0, len(m.spaces))
	for _, w := range m.spaces {
		parts = append(parts, w.Name+" "+common.GroupThousands(strconv.Itoa(counts[w.ID])))
	}
	return strings.Join(parts, " · ")
}

// workspaceField is the create form's workspace choice, where the account
// has more than one: the narrowed workspace first chosen, else the
// default. ids are the choices' workspace ids, in order.
func (m *Model) workspaceField() (f dialog.Field, ids []string, ok bool) {
	if !m.manyWorkspaces() {
		return dialog.Field{}, nil, false
	}
	chosen := m.narrow
	if chosen == "" {
		chosen = m.defaultSpace()
	}
	f = dialog.Field{Label: "Workspace", Hint: "Where the key lives; it cannot be moved later."}
	for _, w := range m.spaces {
		name := w.Name
		if w.Default {
			name += " (default)"
		}
		f.Choices = append(f.Choices, name)
		ids = append(ids, w.ID)
		if w.ID == chosen {
			f.Value = name
		}
	}
	return f, ids, true
}
