package sshkeys

import (
	"context"
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// goneText is the toast for a key that disappeared (404).
const goneText = "That SSH key no longer exists; the list was refreshed"

// maxPublicKey caps the public key field: a 16384-bit RSA key fits.
const maxPublicKey = 16384

// gone says a key disappeared (404 from a dialog) and reloads the list.
func (m *Model) gone() tea.Cmd {
	return tea.Batch(common.Toast(common.ToastError, goneText), m.Refresh())
}

// Fields of the add form.
const (
	fieldName = iota
	fieldKey
)

// addForm asks for a name and a public key, prefilled with line and name
// (empty for "n", a file's key for an import). The name follows the key's
// comment for as long as the user has not typed a name of their own. The
// key is checked locally before anything is sent.
func (m *Model) addForm(line, name string) {
	c, keys := m.c, m.keys
	f := dialog.NewForm(c, "Add SSH key", []dialog.Field{
		{
			Label: "Name", Value: name, CharLimit: 256,
			Hint: "Defaults to the key's comment.", Validate: dialog.ValidateName,
		},
		{
			Label: "Public key", Value: line, Placeholder: "ssh-ed25519 AAAA… you@host", CharLimit: maxPublicKey,
			Hint: "One line of a .pub file (e.g. ~/.ssh/id_ed25519.pub), never the private key.",
			Validate: func(s string) error {
				_, err := ValidatePublicKey(s)
				return err
			},
		},
	}, func(ctx context.Context, v []string) (tea.Msg, error) {
		info, err := ValidatePublicKey(v[fieldKey])
		if err != nil {
			return nil, err
		}
		k, err := keys.AddSSHKey(ctx, v[fieldName], info.Line)
		if err != nil {
			return nil, common.MaybeDone(err, "the key may have been added")
		}
		return createdMsg{key: k}, nil
	})
	// auto is the name last filled in from a comment.
	auto := ""
	if name != "" && name == commentName(line) {
		auto = name
	}
	f.OnChange = func(f *dialog.Form, i int) {
		if i != fieldKey {
			return
		}
		if cur := f.Value(fieldName); cur == "" || cur == auto {
			auto = commentName(f.Value(fieldKey))
			f.SetValue(fieldName, auto)
		}
	}
	m.Open(f)
}

// commentName is the name a key line suggests: its comment, cut to the
// longest name accepted; "" when the line is not a key. A key refused only
// for its type or size still names itself, so the form blames only the key.
func commentName(line string) string {
	info, _, err := parsePublicKey(line)
	if err != nil {
		return ""
	}
	if r := []rune(info.Comment); len(r) > dialog.MaxNameLength {
		return string(r[:dialog.MaxNameLength])
	}
	return info.Comment
}

// renameForm asks for a new name, prefilled with the current one.
func (m *Model) renameForm(r row) {
	c, keys := m.c, m.keys
	m.Open(dialog.NewRenameForm(c, r.name, func(ctx context.Context, name string) (tea.Msg, error) {
		if name == r.name {
			// Nothing to send.
			return common.ToastMsg{Kind: common.ToastInfo, Text: "Name unchanged (“" + name + "”): nothing was sent"}, nil
		}
		k, err := keys.RenameSSHKey(ctx, r.ID(), name)
		return renamedMsg{key: k}, err
	}, m.gone))
}

// deleteConfirm asks before deleting, naming the key and its fingerprint.
// A 404 means the key is already gone, which is what the user wanted.
func (m *Model) deleteConfirm(r row) {
	c, keys := m.c, m.keys
	body := []string{
		fmt.Sprintf("%s %s (%s)", r.typ, r.fingerprint, r.ID()),
		"",
		"It can no longer be attached to workloads. This cannot be undone.",
	}
	d := dialog.NewDeleteConfirm(c, fmt.Sprintf("Delete SSH key “%s”?", r.name), body, func(ctx context.Context) error {
		return keys.DeleteSSHKey(ctx, r.ID())
	}, deletedMsg{uid: r.ID(), name: r.name})
	m.Open(d)
}

// fetchDetails loads the key afresh (GET /ssh-keys/{uid}); onDetails shows
// it. The Common's IDs number the details requests of every SSH view, so a
// reply meant for a view discarded by an account switch never opens in its
// successor.
func (m *Model) fetchDetails(r row) tea.Cmd {
	m.detailsReq = int(m.c.IDs.Next())
	m.fetching = r.name
	c, keys, req := m.c, m.keys, m.detailsReq
	return func() tea.Msg {
		ctx, cancel := c.RequestContext()
		defer cancel()
		k, err := keys.SSHKey(ctx, r.ID())
		return detailsMsg{req: req, uid: r.ID(), key: k, err: err}
	}
}

// onDetails opens the details of a fetched key, refreshing its row; a key
// that is gone refreshes the list.
func (m *Model) onDetails(msg detailsMsg) tea.Cmd {
	if msg.req != m.detailsReq {
		return nil
	}
	name := m.fetching
	m.fetching = ""
	switch {
	case msg.err == nil:
		r := newRow(m.c, msg.key)
		m.Open(m.details(r))
		return m.Table.Replace(r)
	case errors.Is(msg.err, api.ErrNotFound):
		return tea.Batch(common.Toast(common.ToastError, goneText), m.Refresh())
	case errors.Is(msg.err, api.ErrUnauthorized):
		return m.c.Unauthorized()
	}
	return common.Toast(common.ToastError, "Could not load “%s”: %s", name, m.c.ErrorText(msg.err))
}

// details shows everything about a key, its public key in full (wrapped
// by the pane); y copies it.
func (m *Model) details(r row) common.Modal {
	now := r.now()
	rows := []dialog.DetailRow{
		{Label: "Name", Value: r.name},
		{Label: "UID", Value: r.IDCell()},
		{Label: "Type", Value: r.typ},
		{Label: "Fingerprint", Value: r.fingerprint},
		{Label: "Comment", Value: orDash(r.comment)},
		{Label: "Created", Value: common.DetailTime(r.created, now)},
		{Label: "Updated", Value: common.DetailTime(r.updated, now)},
	}
	st := m.c.Styles
	info := dialog.NewInfo(m.c, "SSH key “"+r.name+"”", rows,
		st.DetailKey.Render("Public key"), r.publicKey)
	if r.copyLine == "" {
		return info // not a public key: nothing to copy
	}
	return info.WithCopy(r.copyLine, "public key")
}

// copyPublicKey copies the key's public key line as OpenSSH writes it
// (row.copyLine) off the UI goroutine and says how it went; it is no
// secret, so clipboard_clear leaves it. Text that is no public key is not
// copied.
func copyPublicKey(c *common.Common, r row) tea.Cmd {
	if r.copyLine == "" {
		return common.Toast(common.ToastError, "The public key of “%s” was not copied: the server's text is not an OpenSSH public key", r.name)
	}
	return table.CopyKept(c, "Public key", r.name, r.copyLine)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
