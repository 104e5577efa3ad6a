package apikeys

import (
	"context"
	"fmt"
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
)

// This file holds the forms that make a key on an account with spending
// settings: create (name, workspace where there are several, limit,
// reset, expiry) and replace (the expiry of the new key; the rest is the
// old key's).

// expiryForm is what a form with an expiry needs to follow its two
// fields: where they are, and that typing a date chooses "date" while
// choosing anything else clears the date.
type expiryForm struct {
	f          *dialog.Form
	at         int // the choice's field; the date's is at+1
	now        func() time.Time
	extraTimes map[string]time.Time
}

// onChange keeps the choice and the date in step (dialog.Form.OnChange).
func (e *expiryForm) onChange(f *dialog.Form, field int) {
	switch {
	case field == e.at+1 && f.Value(field) != "":
		f.SetValue(e.at, expiryDate)
	case field == e.at && f.Value(field) != expiryDate:
		f.SetValue(e.at+1, "")
	}
}

// fields are the two fields, chosen first on choice.
func (e *expiryForm) fields(choice string, extra ...string) []dialog.Field {
	return expiryFields(choice, extra, e.now, func() string { return e.f.Value(e.at) })
}

// expiry is the expiry the values ask for, in UTC (zero for none).
func (e *expiryForm) expiry(v []string) time.Time {
	return expiryOf(v[e.at], v[e.at+1], e.now(), e.extraTimes)
}

// newSpendForm asks for a name, the workspace (where the account has
// several), a spending limit and its reset, and an expiry, and creates
// the key; the secret is copied in the same command.
func (m *Model) newSpendForm() tea.Cmd {
	c, acct, clip := m.c, m.c.Account, m.c.Clipboard
	fields := []dialog.Field{{
		Label: "Name", Placeholder: "e.g. production-chat", CharLimit: 256,
		Hint: "The secret is shown once and copied to your clipboard.", Validate: dialog.ValidateName,
	}}
	wsField, wsIDs, hasWS := m.workspaceField()
	if hasWS {
		fields = append(fields, wsField)
	}
	at := len(fields) // the limit's field; the reset's next
	exp := &expiryForm{at: at + 2, now: c.Now}
	fields = append(fields, limitFields("", "", func() string { return exp.f.Value(at + 1) })...)
	fields = append(fields, exp.fields(expiryNone)...)
	exp.f = dialog.NewForm(c, "New API key", fields, func(ctx context.Context, v []string) (tea.Msg, error) {
		spec := api.KeySpec{Name: v[0], Limit: limitValue(v[at]), LimitReset: resetValue(v[at+1]), ExpiresAt: exp.expiry(v)}
		if hasWS {
			spec.Workspace = wsIDs[max(0, slices.Index(wsField.Choices, v[1]))]
		}
		return createKey(ctx, acct, clip, spec)
	})
	exp.f.OnChange = exp.onChange
	m.Open(exp.f)
	return nil
}

// replaceForm asks for the expiry of a key that replaces r (accounts
// that cannot roll a secret; an expiry cannot be changed on a key),
// first offering the old key's remaining span, saying what else the new
// key copies and what happens to the old one. A new key with r's name,
// limit, reset, BYOK setting and workspace is created, enabled, and its
// secret shown once; then, when the old key still works, the dashboard
// asks whether to disable it.
func (m *Model) replaceForm(r row) tea.Cmd {
	c, acct, clip := m.c, m.c.Account, m.c.Clipboard
	now := c.Now()
	exp := &expiryForm{now: c.Now}
	choice, extra := expiryNone, []string(nil)
	if left := r.spend.expires.Sub(now); !r.spend.expires.IsZero() && left > 0 {
		choice = "as old key (" + shortSpan(left) + ")"
		extra = []string{choice}
		exp.extraTimes = map[string]time.Time{choice: now.Add(left)}
	}
	spec := replaceSpec(r) // as replaceable checked it
	exp.f = dialog.NewForm(c, fmt.Sprintf("Replace API key “%s”?", r.name), exp.fields(choice, extra...),
		func(ctx context.Context, v []string) (tea.Msg, error) {
			spec.ExpiresAt = exp.expiry(v)
			msg, err := createKey(ctx, acct, clip, spec)
			if err != nil {
				return nil, err
			}
			made := msg.(createdMsg)
			return replacedMsg{secret: made.secret, how: made.how, copyErr: made.copyErr, old: r}, nil
		}).WithIntro(m.replaceIntro(r, now)...)
	exp.f.OnChange = exp.onChange
	m.Open(exp.f)
	return nil
}

// replaceIntro says what a replace of r creates and what becomes of the
// old key.
func (m *Model) replaceIntro(r row, now time.Time) []string {
	st := m.c.Styles
	ws := ""
	if m.manyWorkspaces() {
		ws = m.spaceName(r.workspace)
	}
	out := []string{replaceWhat(r, ws, now)}
	if r.spend.disabled {
		return append(out, fmt.Sprintf("The old key %s is disabled and stays disabled; the new key starts enabled.", r.masked))
	}
	out = append(out, fmt.Sprintf("The old key %s keeps working until you disable or delete it; you are asked next whether to disable it now.", r.masked))
	if r.inUse {
		out = append(out, st.Warning.Render("⚠ This dashboard is signed in with the old key and keeps using it: disabling it next signs you out."))
	}
	return out
}

// replaceWhat says what a replace of r creates: the settings it copies
// (its workspace named ws where the list shows one), and the one it
// cannot (the expiry, asked for below).
func replaceWhat(r row, ws string, now time.Time) string {
	s := r.spend
	limit := common.NoLimit
	if s.limit != "" {
		limit = "a " + common.Money(s.limit, common.SpendCurrency) + " limit that " + resetVerb(s.reset)
	}
	byok := "BYOK usage not counted"
	if s.byok {
		byok = "BYOK usage counted"
	}
	where := ""
	if ws != "" {
		where = " in the workspace " + ws
	}
	expiry := "The old key never expires."
	switch {
	case !s.expires.IsZero() && !s.expires.After(now):
		expiry = "The old key has expired."
	case !s.expires.IsZero():
		expiry = "The old key expires in " + shortSpan(s.expires.Sub(now)) + "."
	}
	return fmt.Sprintf("A new key named “%s” is created%s with the same limit and BYOK setting: %s, %s. Its secret is copied to your clipboard and shown once. %s Choose the new key's expiry:", r.name, where, limit, byok, expiry)
}
