package credits

import (
	"errors"
	"math/big"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// This file is the part of the view for accounts with organizations
// (api.Orgs, Targon v3): the balance is the current organization's, and a
// small table under it lists every organization's balance, each flagged
// as Targon's CLI flags it.

// OrgLowBalance is the balance, in the organization's currency (USD),
// under which the official CLI warns: the view flags it in the warning
// style, and a balance at or below zero in the error style.
const OrgLowBalance = 25

// cue is how a balance is flagged.
type cue int

// The cues of an organization's balance.
const (
	cueNone  cue = iota
	cueLow       // under OrgLowBalance
	cueEmpty     // zero or less
)

// orgCue is the cue of an organization's balance v (none when it is not
// a plausible number).
func orgCue(v *big.Rat) cue {
	switch {
	case v == nil:
		return cueNone
	case v.Sign() <= 0:
		return cueEmpty
	case v.Cmp(big.NewRat(OrgLowBalance, 1)) < 0:
		return cueLow
	}
	return cueNone
}

// cueStyle is the style of a balance with cue c.
func cueStyle(st *common.Styles, c cue) lipgloss.Style {
	switch c {
	case cueEmpty:
		return st.BalanceLow
	case cueLow:
		return st.BalanceWarn
	}
	return st.Balance
}

// cueWord says a row's cue in words, for terminals without colour.
func cueWord(c cue) string {
	switch c {
	case cueEmpty:
		return "✗ none left"
	case cueLow:
		return "⚠ low"
	}
	return ""
}

// orgList is every organization's balance, as the view last loaded it.
type orgList struct {
	rows []orgRow
	err  error
	busy bool
}

// orgRow is one organization as the table draws it, worked out when it
// arrives.
type orgRow struct {
	id, name string
	role     string
	amount   string
	cue      cue
}

// orgsMsg is the answer to one organizations request of generation gen.
type orgsMsg struct {
	gen  int64
	orgs []api.Org
	err  error
}

// inOrg reports whether the balance shown is an organization's (orgID,
// orgName: which, as the account said when the balance came).
func (m *Model) inOrg() bool { return m.orgName != "" }

// loadOrgs asks for every organization with its balance, when the account
// has organizations (and, once a balance came, it came from one).
func (m *Model) loadOrgs() tea.Cmd {
	if m.orgs == nil || (m.loaded && !m.inOrg()) {
		return nil
	}
	m.orgList.busy = true
	gen, c, orgs := m.gen, m.c, m.orgs
	return func() tea.Msg {
		ctx, cancel := c.RequestContext()
		defer cancel()
		list, err := orgs.Orgs(ctx)
		return orgsMsg{gen: gen, orgs: list, err: err}
	}
}

// onOrgs stores an answer of the latest organizations request; a failed
// one keeps the rows it had, with the error beside them.
func (m *Model) onOrgs(msg orgsMsg) tea.Cmd {
	if msg.gen != m.gen {
		return nil
	}
	m.orgList.busy = false
	m.orgList.err = msg.err
	if msg.err != nil {
		if errors.Is(msg.err, api.ErrUnauthorized) {
			m.stopTicking()
			return m.c.Unauthorized()
		}
		return nil
	}
	rows := make([]orgRow, 0, len(msg.orgs))
	for _, o := range msg.orgs {
		a := common.ReadAmount(o.Credits)
		name := o.Name
		if o.Personal {
			name += " (personal)"
		}
		rows = append(rows, orgRow{
			id: o.ID, name: name, role: o.Role,
			amount: a.In(common.CutRunes(strings.TrimSpace(o.Currency), maxCurrency)), cue: orgCue(a.Value),
		})
	}
	m.orgList.rows = rows
	return nil
}

// maxOrgName is the most of an organization's name the table shows.
const maxOrgName = 28

// orgLines are the organizations section: a title, then one line per
// organization (the current one marked ●) with its role and balance,
// aligned, and cut to width; or why they could not be loaded.
func (m *Model) orgLines(width int) []string {
	st := m.c.Styles
	lines := []string{st.Label.Render("Organizations")}
	l := m.orgList
	if len(l.rows) == 0 {
		switch {
		case l.err != nil:
			return append(lines, m.wrapped(st.Error, width, "✗ could not load the organizations: "+m.c.ErrorText(l.err))...)
		default:
			return append(lines, st.Muted.Render("loading…"))
		}
	}
	nameW, roleW, amountW, cueW := 0, 0, 0, 0
	for _, r := range l.rows {
		nameW = max(nameW, min(maxOrgName, ansi.StringWidth(r.name)))
		roleW = max(roleW, ansi.StringWidth(r.role)+2)
		amountW = max(amountW, ansi.StringWidth(r.amount))
		if w := cueWord(r.cue); w != "" {
			cueW = max(cueW, 1+ansi.StringWidth(w))
		}
	}
	// A narrow view cuts names to 12 columns, then leaves the roles out.
	if 2+nameW+2+roleW+amountW+cueW > width {
		nameW = max(12, width-(2+2+roleW+amountW+cueW))
		if 2+nameW+2+roleW+amountW+cueW > width {
			roleW = 0
		}
	}
	for _, r := range l.rows {
		mark := "  "
		if r.id != "" && r.id == m.orgID {
			mark = "● "
		}
		line := mark + pad(ansi.Truncate(r.name, nameW, "…"), nameW+2)
		if roleW > 0 {
			line += st.Muted.Render(pad(r.role, roleW))
		}
		line += cueStyle(st, r.cue).Render(strings.Repeat(" ", amountW-ansi.StringWidth(r.amount)) + r.amount)
		if w := cueWord(r.cue); w != "" {
			line += " " + cueStyle(st, r.cue).Render(w)
		}
		lines = append(lines, ansi.Truncate(line, width, "…"))
	}
	if l.err != nil {
		lines = append(lines, m.wrapped(st.Error, width, "✗ could not refresh the organizations: "+m.c.ErrorText(l.err))...)
	}
	return lines
}
