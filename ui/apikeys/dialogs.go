package apikeys

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components"
)

// gone says a key disappeared (404 from a dialog) and reloads the list.
func (m *Model) gone() tea.Cmd {
	return tea.Batch(common.Toast(common.ToastError, "That API key no longer exists; the list was refreshed"), m.Refresh())
}

// newForm asks for a name and creates the key. The secret is copied in the
// same command, off the UI goroutine.
func (m *Model) newForm() tea.Cmd {
	c, client, clip := m.c, m.c.Client, m.c.Clipboard
	f := components.NewForm(c, "New API key", []components.Field{{
		Label: "Name", Placeholder: "e.g. production-inference", CharLimit: 256,
		Hint: "The secret is shown once and copied to your clipboard.", Validate: components.ValidateName,
	}}, func(ctx context.Context, v []string) (tea.Msg, error) {
		k, err := client.CreateAPIKey(ctx, v[0])
		if err != nil {
			return nil, common.MaybeDone(err, "the key may have been created")
		}
		how, copyErr := clip.Copy(k.KeyRaw)
		return createdMsg{key: k, how: how, copyErr: copyErr}, nil
	})
	c.Open(f)
	return nil
}

// renameForm asks for a new name, prefilled with the current one.
func (m *Model) renameForm(r row) tea.Cmd {
	c, client := m.c, m.c.Client
	c.Open(components.NewRenameForm(c, r.name, func(ctx context.Context, name string) (tea.Msg, error) {
		if name == r.name {
			return unchanged(name), nil // nothing to send
		}
		k, err := client.RenameAPIKey(ctx, r.uid, name)
		return renamedMsg{key: k}, err
	}, m.gone))
	return nil
}

// unchanged says a rename kept the name, so nothing was sent.
func unchanged(name string) tea.Msg {
	return common.ToastMsg{Kind: common.ToastInfo, Text: "Name unchanged (“" + name + "”): nothing was sent"}
}

// deleteConfirm asks before deleting, naming the key; deleting the key in
// use says it signs the dashboard out.
func (m *Model) deleteConfirm(r row) tea.Cmd {
	c, client := m.c, m.c.Client
	body := []string{fmt.Sprintf("The key %s (%s) stops working at once. This cannot be undone.", r.masked, r.uid)}
	if r.inUse {
		body = append(body, "", c.Styles.Warning.Render("⚠ This is the key this dashboard is signed in with: deleting it signs you out."))
	}
	d := components.NewDeleteConfirm(c, fmt.Sprintf("Delete API key “%s”?", r.name), body, func(ctx context.Context) error {
		return client.DeleteAPIKey(ctx, r.uid)
	}, deletedMsg{uid: r.uid, name: r.name, inUse: r.inUse})
	c.Open(d)
	return nil
}

// rollConfirm asks before rolling the secret. On success the new secret is
// copied and, for the key in use, adopted by the client at once.
func (m *Model) rollConfirm(r row) tea.Cmd {
	// The command gets values taken here, never the shared Common.
	c, client, clip, home := m.c, m.c.Client, m.c.Clipboard, m.c.KeyHome()
	body := []string{"The current secret stops working at once; the new one is copied to your clipboard and shown once."}
	if r.inUse {
		body = append(body, "", c.Styles.Warning.Render("⚠ This dashboard is signed in with this key: it switches to the new secret at once."+keySourceNote(c)))
	}
	d := components.NewConfirm(c, fmt.Sprintf("Roll the secret of “%s”?", r.name), body, "Roll", func(ctx context.Context) (tea.Msg, error) {
		k, err := client.RollAPIKey(ctx, r.uid)
		if err != nil {
			return nil, common.MaybeDone(err, "the secret may have been rolled")
		}
		msg := rolledMsg{key: k, inUse: r.inUse}
		if r.inUse {
			// The old secret is dead: switch before any other request.
			msg.note, _ = common.AdoptKey(client, home, k.KeyRaw)
		}
		msg.how, msg.copyErr = clip.Copy(k.KeyRaw)
		return msg, nil
	}).OnError(components.CloseOnNotFound(m.gone))
	c.Open(d)
	return nil
}

// keySourceNote says what happens to the stored copy of the key in use.
func keySourceNote(c *common.Common) string {
	switch c.Settings.KeySource {
	case config.KeyFromFile:
		return " The new key is saved to " + common.ShortPath(c.Settings.CredentialsPath) + "."
	case config.KeyFromEnv:
		return " You will need to update TARGON_API_KEY in your environment."
	}
	return ""
}

// details shows everything about a key except its secret.
func (m *Model) details(r row) common.Modal {
	rows := []components.DetailRow{
		{Label: "Name", Value: r.name},
		{Label: "UID", Value: r.uid},
		{Label: "Key", Value: r.masked + "  (the secret is shown only when created or rolled)"},
		{Label: "Created", Value: common.ExactTime(r.created) + "  (" + common.RelativeTime(r.created, r.now()) + ")"},
		{Label: "Updated", Value: common.ExactTime(r.updated) + "  (" + common.RelativeTime(r.updated, r.now()) + ")"},
	}
	if r.inUse {
		rows = append(rows, components.DetailRow{Label: "In use", Value: "this dashboard is signed in with this key"})
	}
	return components.NewInfo(m.c, "API key “"+r.name+"”", rows).WithCopy(r.uid, "UID")
}
