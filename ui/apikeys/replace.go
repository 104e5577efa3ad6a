package apikeys

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
)

// This file holds replace on accounts that retire the old key by deleting
// it (api.Provider.Retire "delete": Targon v3, which has no roll): a key
// with the same name is created, its secret copied and shown once, and
// then the dashboard asks (default No) whether to delete the old one.
// Replacing the key in use switches the dashboard to the new one at once
// and saves it where the old one came from (common.AdoptKey), as a roll
// does. Such accounts list their keys without a secret (secretless).

// retireDelete is Provider.Retire's word for deleting the old key.
const retireDelete = "delete"

// secretless reports whether the account's replace deletes the old key
// (Targon v3): such an account's list carries no secret, so there is no
// masked key to show and the key in use is known only when the dashboard
// made it and then used it (common.Minted).
func (m *Model) secretless() bool { return secretless(m.c.Account) }

// secretless is Model.secretless for acct.
func secretless(acct api.Account) bool {
	_, rolls := acct.(api.Roller)
	return !rolls && acct.Provider().Retire == retireDelete
}

// word is the last word of the provider's noun: "key", "token".
func (m *Model) word() string {
	f := strings.Fields(m.noun)
	return strings.ToLower(f[len(f)-1])
}

// ref names a key in a sentence: its masked key and id, or its id alone
// where the list has no masked key.
func (m *Model) ref(r row) string {
	if r.masked == "" {
		return r.ID()
	}
	return r.masked + " (" + r.ID() + ")"
}

// maybeInUse warns, where the key in use cannot be told from the list,
// that doing what (e.g. "deleting it") to that key signs the dashboard
// out.
func (m *Model) maybeInUse(what string) string {
	return fmt.Sprintf("⚠ If this dashboard is signed in with this %s, %s signs you out.", m.word(), what)
}

// replaceDeleteConfirm asks before replacing r: a new key with its name
// is created and its secret shown once; for the key in use the dashboard
// switches to the new one in the same command (the old one is asked about
// next, and deleting it must not sign the dashboard out).
func (m *Model) replaceDeleteConfirm(r row) tea.Cmd {
	c, acct, clip, home, save := m.c, m.c.Account, m.c.Clipboard, m.c.Home, m.c.SaveKey
	w := m.word()
	body := []string{
		fmt.Sprintf("A new %s named “%s” is created; its secret is copied to your clipboard and shown once.", w, r.name), "",
		fmt.Sprintf("The old %s %s keeps working until you delete it: you are asked next whether to delete it now.", w, m.ref(r)),
	}
	if r.inUse {
		body = append(body, "", c.Styles.Warning.Render("⚠ This dashboard is signed in with this "+w+": it switches to the new one at once."+keySourceNote(c)))
	}
	d := dialog.NewConfirm(c, fmt.Sprintf("Replace %s “%s”?", m.noun, r.name), body, "Replace", func(ctx context.Context) (tea.Msg, error) {
		s, err := acct.CreateKey(ctx, api.KeySpec{Name: r.name})
		if err == nil {
			err = checkSecret(acct.Provider(), s, "created")
		}
		if err != nil {
			return nil, common.MaybeDone(err, "the new "+w+" may have been created")
		}
		msg := replacedMsg{secret: s, old: r}
		if r.inUse {
			// Switch before anything else asks with the old one, which
			// the next dialog offers to delete.
			msg.note, _ = common.AdoptKey(acct, home, save, s.Value)
			msg.adopted = acct.Provider().CheckSecret(s.Value) == nil
		}
		msg.how, msg.copyErr = clip.Copy(s.Value)
		return msg, nil
	})
	m.Open(d)
	return nil
}

// replaced shows the new key of a replace first in the list with its
// secret, then asks about the old one. When the dashboard adopted the new
// key, it is the one marked in use from now on.
func (m *Model) replaced(msg replacedMsg) tea.Cmd {
	m.Table.MarkRepeated(&msg.secret.Key.ID, &msg.secret.Key.IDProblem)
	m.c.Minted.Add(msg.secret.Value, msg.secret.Key.ID)
	old := msg.old
	var extra []string
	var cmds []tea.Cmd
	if msg.adopted {
		m.c.Minted.Use(msg.secret.Key.ID)
		msg.secret.Key.InUse = true
		old.inUse = false
		cmds = append(cmds, m.Table.Replace(old))
		extra = append(extra, "", m.c.Styles.Warning.Render(msg.note))
	}
	r := m.row(msg.secret.Key)
	cmds = append(cmds, m.Table.Prepend(r))
	m.Table.SetTally(m.tally())
	was := old.masked
	if was == "" {
		was = old.ID()
	}
	secret := dialog.NewSecret(m.c, fmt.Sprintf("New %s “%s” (replaces %s)", m.noun, r.name, was), msg.secret.Value, msg.how, msg.copyErr, extra...)
	m.Open(secret.Then(m.retireOldConfirm(old)))
	return tea.Batch(cmds...)
}

// retireOldConfirm asks, after a replace, whether to retire the old key
// as the provider does (Retire): disable it (OpenRouter) or delete it.
func (m *Model) retireOldConfirm(old row) common.Modal {
	if m.provider.Retire != retireDelete {
		return m.disableOldConfirm(old)
	}
	acct, w := m.c.Account, m.word()
	body := []string{fmt.Sprintf("The old %s “%s” (%s) still works. Delete it now, once whatever used it has the new one? You can also do it later (%s).", w, old.name, old.ID(), m.c.Keys.Delete.Help().Key)}
	switch {
	case old.inUse:
		body = append(body, "", m.c.Styles.Warning.Render("⚠ This is the "+w+" this dashboard is signed in with: deleting it signs you out."))
	case m.c.Minted.InUse() == "":
		body = append(body, "", m.c.Styles.Warning.Render(m.maybeInUse("deleting it")+" The new one is on your clipboard to sign in with."))
	}
	return dialog.NewDeleteConfirm(m.c, "Delete the old "+w+" now?", body, func(ctx context.Context) error {
		return acct.DeleteKey(ctx, old.ID())
	}, deletedMsg{uid: old.ID(), name: old.name, inUse: old.inUse})
}
