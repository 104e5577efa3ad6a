package tokens

import (
	"cmp"
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// org names the organization the tokens belong to, "" when the account
// does not say (yet: an account that settles its API version on first
// use knows it only then).
func (m *Model) org() string {
	if o, ok := m.c.Account.(api.Orgs); ok {
		org := o.Org()
		return cmp.Or(org.Name, org.ID)
	}
	return ""
}

// within names where a token acts: the organization by name, or "its
// organization".
func (m *Model) within() string { return cmp.Or(m.org(), "its organization") }

// newForm asks for a name and creates the token. The secret is checked in
// the provider's shape and copied in the same command, off the UI
// goroutine.
func (m *Model) newForm() tea.Cmd {
	c, tokens, clip, p := m.c, m.tokens, m.c.Clipboard, m.c.Account.Provider()
	f := dialog.NewForm(c, "New service token", []dialog.Field{{
		Label: "Name", Placeholder: "e.g. ci-deploy", CharLimit: 256,
		Hint:     "It acts within " + m.within() + ". The secret is shown once and copied to your clipboard.",
		Validate: dialog.ValidateName,
	}}, func(ctx context.Context, v []string) (tea.Msg, error) {
		s, err := tokens.CreateServiceToken(ctx, v[0])
		if err == nil {
			if bad := p.CheckSecret(s.Value); bad != nil {
				err = &api.SecretError{Done: "created", ID: s.Token.ID, Name: s.Token.Name, Err: bad}
			}
		}
		if err != nil {
			return nil, common.MaybeDone(err, "the token may have been created")
		}
		how, copyErr := clip.Copy(s.Value)
		return createdMsg{secret: s, how: how, copyErr: copyErr}, nil
	})
	m.Open(f)
	return nil
}

// secretNote is what the secret dialog adds under a new token's secret.
func (m *Model) secretNote() []string {
	return []string{"", m.c.Styles.Muted.Render("It acts within " + m.within() + " until it is deleted.")}
}

// deleteConfirm asks before deleting (default No), naming the token. A
// 404 means it is already gone, which is what the user wanted.
func (m *Model) deleteConfirm(r row) tea.Cmd {
	tokens := m.tokens
	body := []string{
		fmt.Sprintf("The service token %s stops working at once: whatever uses it is refused from then on. This cannot be undone.", r.ID()),
	}
	if r.createdBy != "" {
		body = append(body, "", "Created by "+r.createdBy+".")
	}
	d := dialog.NewDeleteConfirm(m.c, fmt.Sprintf("Delete service token “%s”?", r.name), body, func(ctx context.Context) error {
		return tokens.DeleteServiceToken(ctx, r.ID())
	}, deletedMsg{uid: r.ID(), name: r.name})
	m.Open(d)
	return nil
}

// details shows everything about a token except its secret, which the
// server shows only when it is created.
func (m *Model) details(r row) common.Modal {
	rows := []dialog.DetailRow{
		{Label: "Name", Value: r.name},
		{Label: "UID", Value: r.IDCell()},
		{Label: "Created by", Value: r.by()},
		{Label: "Created", Value: common.DetailTime(r.created, r.now())},
		{Label: "Secret", Value: "shown only when the token was created"},
	}
	if org := m.org(); org != "" {
		rows = append(rows[:3], append([]dialog.DetailRow{{Label: "Organization", Value: org}}, rows[3:]...)...)
	}
	info := dialog.NewInfo(m.c, "Service token “"+r.name+"”", rows)
	if m.c.Account.Provider().CheckID(r.ID()) != nil {
		return info // no id to copy
	}
	return info.WithCopy(r.ID(), table.IDWord)
}
