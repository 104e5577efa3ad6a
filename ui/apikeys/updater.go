package apikeys

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// This file holds the dialogs of accounts whose keys have spending
// settings (api.KeyUpdater): create with a limit, disable/enable, set the
// limit, and replace (such accounts cannot roll a secret).

// limitFields are the form fields of a spending limit and its reset;
// chosenReset reads the form's reset choice when the limit is checked, so
// that a reset without a limit is refused under the limit, what was typed
// kept.
func limitFields(limit api.Amount, reset string, chosenReset func() string) []dialog.Field {
	return []dialog.Field{
		{Label: "Spending limit (" + common.SpendCurrency + ")", Value: string(limit), Placeholder: "empty: " + common.NoLimit, CharLimit: 26,
			Hint: "Empty: " + common.NoLimit + ".", Validate: func(s string) error {
				return checkLimit(s, resetValue(chosenReset()))
			}},
		{Label: "Reset", Value: resetChoice(reset), Choices: resetChoices,
			Hint: "How often the limit starts again (UTC)."},
	}
}

// errResetNeedsLimit refuses a reset without a limit: it would reset
// nothing, and the key would read "no limit" yet reset daily.
var errResetNeedsLimit = errors.New("a reset needs a limit: enter one, or set Reset to none")

// checkLimit checks a limit as typed and the reset chosen with it ("" for
// none), as every form with a limit does.
func checkLimit(limit, reset string) error {
	if err := validateLimit(limit); err != nil {
		return err
	}
	if limitValue(limit) == "" && reset != "" {
		return errResetNeedsLimit
	}
	return nil
}

// replaceable refuses to replace a key whose settings the new-key form
// would refuse from a person (a replace sends them as that form sends
// what is typed), saying which and what fixes it, in a line that fits 80
// columns. Rolling sends none.
func (m *Model) replaceable() *common.Refusal {
	r := m.Selected()
	if m.roller == nil && r.spend == nil && dialog.ValidateName(r.name) != nil {
		// A replace that copies only the name (secretless).
		return common.Answer("Cannot replace: the new-" + m.word() + " form would refuse its name (" + m.c.Keys.Rename.Help().Key + " renames it)")
	}
	if m.roller != nil || r.spend == nil {
		return nil
	}
	k := m.c.Keys
	var what string
	fix := k.Limit.Help().Key + " sets it"
	switch spec := replaceSpec(r); {
	case dialog.ValidateName(spec.Name) != nil:
		what, fix = "name", k.Rename.Help().Key+" renames the key"
	case spec.LimitReset != "" && (spec.LimitReset == "none" || !slices.Contains(resetChoices, spec.LimitReset)):
		what = "limit reset"
	case checkLimit(string(spec.Limit), spec.LimitReset) != nil:
		what = "spending limit"
	default:
		return nil
	}
	return common.Answer(fmt.Sprintf("Cannot replace: the new-key form would refuse its %s (%s)", what, fix))
}

// replaceSpec is what a replace of r creates: a key with its name, limit,
// reset, BYOK setting and workspace (the expiry is asked for).
func replaceSpec(r row) api.KeySpec {
	return api.KeySpec{Name: r.name, Limit: r.spend.limit, LimitReset: r.spend.reset, IncludeBYOKInLimit: r.spend.byok, Workspace: r.workspace}
}

// limitForm changes a key's spending limit and reset, starting from the
// current ones; an empty limit removes it (sent as JSON null).
func (m *Model) limitForm(r row) tea.Cmd {
	upd := m.updater
	var f *dialog.Form
	f = dialog.NewForm(m.c, fmt.Sprintf("Spending limit of “%s”", r.name), limitFields(r.spend.limit, r.spend.reset, func() string { return f.Value(1) }),
		func(ctx context.Context, v []string) (tea.Msg, error) {
			limit, reset := limitValue(v[0]), resetValue(v[1])
			k, err := upd.UpdateKey(ctx, r.ID(), api.KeyUpdate{Limit: &limit, LimitReset: &reset})
			if err != nil {
				return nil, err
			}
			what := common.NoLimit
			if limit != "" {
				what = "limit " + common.Money(limit, common.SpendCurrency) + ", " + resetWords(reset)
			}
			return updatedMsg{key: k, toast: fmt.Sprintf("“%s”: %s", r.name, what)}, nil
		}).OnError(dialog.CloseOnNotFound(m.gone))
	m.Open(f)
	return nil
}

// disableInUseWarning is the line a confirmation to disable the key in
// use adds, as delete and roll say what they do to it.
const disableInUseWarning = "⚠ This is the key this dashboard is signed in with: disabling it signs you out."

// toggleDisabled enables a disabled key at once (nothing is lost by it),
// or asks before disabling one.
func (m *Model) toggleDisabled(r row) tea.Cmd {
	upd := m.updater
	set := func(ctx context.Context, disabled bool) (tea.Msg, error) {
		k, err := upd.UpdateKey(ctx, r.ID(), api.KeyUpdate{Disabled: &disabled})
		if err != nil {
			return nil, err
		}
		word := "enabled"
		if disabled {
			word = "disabled"
		}
		return updatedMsg{key: k, toast: fmt.Sprintf("API key “%s” %s", r.name, word)}, nil
	}
	if r.spend.disabled {
		c := m.c
		return func() tea.Msg {
			ctx, cancel := c.RequestContext()
			defer cancel()
			msg, err := set(ctx, false)
			switch {
			case errors.Is(err, api.ErrUnauthorized):
				return common.UnauthorizedMsg{Account: c.Account}
			case errors.Is(err, api.ErrNotFound):
				return goneMsg{}
			case err != nil:
				return common.ToastMsg{Kind: common.ToastError, Text: "could not enable “" + r.name + "”: " + c.ErrorText(err)}
			}
			return msg
		}
	}
	body := []string{fmt.Sprintf("The key %s stops working until you enable it again (%s). It stays in the list, marked disabled.", r.masked, m.c.Keys.Disable.Help().Key)}
	if r.inUse {
		body = append(body, "", m.c.Styles.Warning.Render(disableInUseWarning))
	}
	d := dialog.NewConfirm(m.c, fmt.Sprintf("Disable API key “%s”?", r.name), body, "Disable", func(ctx context.Context) (tea.Msg, error) {
		return set(ctx, true)
	}).OnError(dialog.CloseOnNotFound(m.gone))
	m.Open(d)
	return nil
}

// disableOldConfirm asks, after a replace, whether to disable the old key
// (default No); nil when the old key is disabled already (nothing to ask).
func (m *Model) disableOldConfirm(old row) common.Modal {
	if old.spend.disabled {
		return nil
	}
	upd := m.updater
	body := []string{fmt.Sprintf("The old key %s (“%s”) still works. Disable it now, once whatever used it has the new key? You can also do it later (%s).", old.masked, old.name, m.c.Keys.Disable.Help().Key)}
	if old.inUse {
		body = append(body, "", m.c.Styles.Warning.Render(disableInUseWarning))
	}
	return dialog.NewConfirm(m.c, "Disable the old key now?", body, "Disable", func(ctx context.Context) (tea.Msg, error) {
		disabled := true
		k, err := upd.UpdateKey(ctx, old.ID(), api.KeyUpdate{Disabled: &disabled})
		if err != nil {
			return nil, err
		}
		return updatedMsg{key: k, toast: fmt.Sprintf("Old key %s disabled", old.masked)}, nil
	}).OnError(dialog.CloseOnNotFound(m.gone))
}

// goneMsg says a key acted on without a dialog was gone (404).
type goneMsg struct{}

// forbiddenView says the key in use may not list keys, instead of an
// error to retry, and how to sign in with one that may.
func (m *Model) forbiddenView() string {
	st := m.c.Styles
	width := max(20, m.c.Width-4)
	text := "This is an inference key: listing and managing API keys needs a management key."
	hint := textfit.KeyNames(m.c.Keys.SignIn) + " signs in with another key: a management key sees and manages this account's keys. The Credits view shows what this key has used."
	out := []string{"", st.Warning.Render(textfit.WrapWords(text, width)), "", st.Muted.Render(textfit.WrapWords(hint, width))}
	return lipgloss.NewStyle().PaddingLeft(2).Render(strings.Join(out, "\n"))
}

// inferenceKey offers signing in with another key where the key in use
// may not list keys (forbiddenView).
func (m *Model) inferenceKey() *common.Refusal {
	if !m.forbidden {
		return common.NotOffered("the key in use may list keys")
	}
	return nil
}

// signIn asks the root for the login screen, saying why; esc there comes
// back with the key in use.
func (m *Model) signIn() tea.Cmd {
	acct := m.c.Account
	return func() tea.Msg {
		return common.SignInMsg{Account: acct, Reason: "The key in use is an inference key: it cannot list or manage API keys. Sign in with a management key."}
	}
}

// spendDetails are the detail rows of a key's spending settings.
func spendDetails(r row) []dialog.DetailRow {
	s := r.spend
	now := r.now()
	state, _ := s.state(now, r.unused)
	money := func(a api.Amount) string { return common.Money(a, common.SpendCurrency) }
	byok := "not counted against the limit"
	if s.byok {
		byok = "counted against the limit"
	}
	expires := "never"
	if !s.expires.IsZero() {
		expires = expiryDetail(s.expires, now)
	}
	rows := []dialog.DetailRow{
		{Label: "State", Value: state},
		{Label: "Limit", Value: limitWords(s.limit, s.remaining, s.reset)},
	}
	if w := windowWords(s.limit, s.remaining, s.reset, now); w != "" {
		rows = append(rows, dialog.DetailRow{Label: "This window", Value: w})
	}
	return append(rows,
		dialog.DetailRow{Label: "Used", Value: fmt.Sprintf("today %s · this week %s · this month %s · in all %s", money(s.usage[1]), money(s.usage[2]), money(s.usage[3]), money(s.usage[0]))},
		dialog.DetailRow{Label: "BYOK usage", Value: byok},
		dialog.DetailRow{Label: "Expires", Value: expires},
	)
}
