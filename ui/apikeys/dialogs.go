package apikeys

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// gone says a key disappeared (404 from a dialog) and reloads the list.
func (m *Model) gone() tea.Cmd {
	return tea.Batch(common.Toast(common.ToastError, "That %s no longer exists; the list was refreshed", m.noun), m.Refresh())
}

// newForm asks for a name and creates the key. The secret is copied in the
// same command, off the UI goroutine.
func (m *Model) newForm() tea.Cmd {
	c, acct, clip := m.c, m.c.Account, m.c.Clipboard
	f := dialog.NewForm(c, "New "+m.noun, []dialog.Field{{
		Label: "Name", Placeholder: "e.g. production-inference", CharLimit: 256,
		Hint: "The secret is shown once and copied to your clipboard.", Validate: dialog.ValidateName,
	}}, func(ctx context.Context, v []string) (tea.Msg, error) {
		return createKey(ctx, acct, clip, api.KeySpec{Name: v[0]})
	})
	m.Open(f)
	return nil
}

// createKey creates a key with spec and copies its secret at once: what
// both create forms (with and without spending limits) do on submit.
func createKey(ctx context.Context, acct api.Account, clip common.Copier, spec api.KeySpec) (tea.Msg, error) {
	s, err := acct.CreateKey(ctx, spec)
	if err == nil {
		err = checkSecret(acct.Provider(), s, "created")
	}
	if err != nil {
		return nil, common.MaybeDone(err, "the key may have been created")
	}
	how, copyErr := clip.Copy(s.Value)
	return createdMsg{secret: s, how: how, copyErr: copyErr}, nil
}

// checkSecret checks the secret of a key the server just created or
// rolled (done) in the provider's documented shape before anything shows,
// copies or adopts it: the account checked it already, and the clipboard
// is where a malformed one would do harm. It is nil or the
// *api.SecretError the account would have returned.
func checkSecret(p api.Provider, s api.Secret, done string) error {
	if err := p.CheckSecret(s.Value); err != nil {
		return &api.SecretError{Done: done, ID: s.Key.IDText, Name: s.Key.Name, Err: err}
	}
	return nil
}

// renameForm asks for a new name, prefilled with the current one.
func (m *Model) renameForm(r row) tea.Cmd {
	c, acct := m.c, m.c.Account
	m.Open(dialog.NewRenameForm(c, r.name, func(ctx context.Context, name string) (tea.Msg, error) {
		if name == r.name {
			return unchanged(name), nil // nothing to send
		}
		k, err := acct.RenameKey(ctx, r.ID(), name)
		return renamedMsg{key: k}, err
	}, m.gone))
	return nil
}

// unchanged says a rename kept the name, so nothing was sent.
func unchanged(name string) tea.Msg {
	return common.ToastMsg{Kind: common.ToastInfo, Text: "Name unchanged (“" + name + "”): nothing was sent"}
}

// deleteConfirm asks before deleting, naming the key; deleting the key in
// use says it signs the dashboard out, and where the list cannot tell
// which key is in use (secretless), every key's confirmation says what
// deleting that one would do.
func (m *Model) deleteConfirm(r row) tea.Cmd {
	c, acct := m.c, m.c.Account
	body := []string{fmt.Sprintf("The %s %s stops working at once. This cannot be undone.", m.word(), m.ref(r))}
	switch {
	case r.inUse:
		body = append(body, "", c.Styles.Warning.Render("⚠ This is the "+m.word()+" this dashboard is signed in with: deleting it signs you out."))
	case m.secretless():
		body = append(body, "", c.Styles.Warning.Render(m.maybeInUse("deleting it")))
	}
	d := dialog.NewDeleteConfirm(c, fmt.Sprintf("Delete %s “%s”?", m.noun, r.name), body, func(ctx context.Context) error {
		return acct.DeleteKey(ctx, r.ID())
	}, deletedMsg{uid: r.ID(), name: r.name, inUse: r.inUse})
	m.Open(d)
	return nil
}

// rollConfirm asks before rolling the secret (only offered where the
// account is an api.Roller). On success the new secret is copied and, for
// the key in use, adopted by the account at once.
func (m *Model) rollConfirm(r row) tea.Cmd {
	// The command gets values taken here, never the shared Common.
	c, acct, roller, clip, home, save := m.c, m.c.Account, m.roller, m.c.Clipboard, m.c.Home, m.c.SaveKey
	body := []string{"The current secret stops working at once; the new one is copied to your clipboard and shown once."}
	if r.inUse {
		body = append(body, "", c.Styles.Warning.Render("⚠ This dashboard is signed in with this key: it switches to the new secret at once."+keySourceNote(c)))
	}
	d := dialog.NewConfirm(c, fmt.Sprintf("Roll the secret of “%s”?", r.name), body, "Roll", func(ctx context.Context) (tea.Msg, error) {
		s, err := roller.RollKey(ctx, r.ID())
		if err == nil {
			err = checkSecret(acct.Provider(), s, "rolled")
		}
		if err != nil {
			return nil, common.MaybeDone(err, "the secret may have been rolled")
		}
		msg := rolledMsg{secret: s, inUse: r.inUse}
		if r.inUse {
			// The old secret is dead: switch before any other request.
			msg.note, _ = common.AdoptKey(acct, home, save, s.Value)
		}
		msg.how, msg.copyErr = clip.Copy(s.Value)
		return msg, nil
	}).OnError(dialog.CloseOnNotFound(m.gone))
	m.Open(d)
	return nil
}

// keySourceNote says what happens to the stored copy of the key in use.
func keySourceNote(c *common.Common) string {
	switch c.Home.Source {
	case api.KeyFromFile:
		return " The new key is saved to " + common.ShortPath(c.Home.File) + "."
	case api.KeyFromEnv:
		return " You will need to update " + c.Home.Env + " in your environment."
	}
	return ""
}

// details shows everything about a key except its secret.
func (m *Model) details(r row) common.Modal {
	rows := []dialog.DetailRow{
		{Label: "Name", Value: r.name},
		{Label: m.provider.KeyID, Value: r.IDCell()},
		m.secretDetail(r),
		{Label: "Created", Value: common.DetailTime(r.created, r.now())},
		{Label: "Updated", Value: common.DetailTime(r.updated, r.now())},
	}
	if r.spend != nil {
		rows = append(rows[:3], append(spendDetails(r), rows[3:]...)...)
	}
	if m.manyWorkspaces() {
		rows = append(rows[:1], append([]dialog.DetailRow{{Label: "Workspace", Value: m.spaceName(r.workspace)}}, rows[1:]...)...)
	}
	if r.inUse {
		rows = append(rows, dialog.DetailRow{Label: "In use", Value: "this dashboard is signed in with this " + m.word()})
	}
	info := dialog.NewInfo(m.c, m.noun+" “"+r.name+"”", rows)
	if m.activity != nil && r.ID() != "" {
		id := r.ID()
		info.WithBody(func(width int) []string { return m.historyLines(id, width) })
	}
	if m.provider.CheckID(r.ID()) != nil {
		return info // no id to copy
	}
	return info.WithCopy(r.ID(), table.IDWord)
}

// secretDetail is the details' line about the secret: the masked key, and
// when the secret is shown.
func (m *Model) secretDetail(r row) dialog.DetailRow {
	when := "the secret is shown only when " + m.provider.SecretShown
	if r.masked == "" {
		return dialog.DetailRow{Label: "Secret", Value: when}
	}
	return dialog.DetailRow{Label: "Key", Value: r.masked + "  (" + when + ")"}
}
