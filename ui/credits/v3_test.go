package credits

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// v3View is the Credits view of a fake Targon v3 account, loaded.
func v3View(t *testing.T, team bool) (*Model, *uitest.Driver, *uitest.V3Account) {
	c, _, acct := uitest.NewV3Common(team, nil)
	c.Width, c.Height = 80, 20
	m := New(c)
	return m, uitest.NewDriver(t, c, m), acct
}

// An organization's balance shows to the cent, named by its organization,
// with every organization's balance under it (the current one marked).
func TestV3BalanceAndOrganizations(t *testing.T) {
	m, _, _ := v3View(t, true)
	s := uitest.Plain(m.View())
	for _, want := range []string{"Balance · Acme Robotics", "12,480.55 USD", "Organizations", "alice (personal) OWNER 18.40 USD ⚠ low", "● Acme Robotics ADMIN 12,480.55 USD"} {
		if !strings.Contains(s, want) {
			t.Errorf("view lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "low balance") {
		t.Errorf("acme's balance is flagged:\n%s", s)
	}
}

// The CLI's cues: under 25 USD is low (the warning style), 0 or less none
// left (the error style), each said in words too, for NO_COLOR.
func TestV3BalanceCues(t *testing.T) {
	for _, tc := range []struct {
		credits api.Amount
		says    string
		cue     cue
	}{
		{"25", "", cueNone},
		{"24.999", "⚠ low balance: under 25.00 USD", cueLow},
		{"0.01", "⚠ low balance", cueLow},
		{"0", "✗ no credits left", cueEmpty},
		{"-3.5", "✗ no credits left", cueEmpty},
	} {
		t.Run(string(tc.credits), func(t *testing.T) {
			m, d, acct := v3View(t, false)
			acct.SetCredits("alice", tc.credits)
			d.Run(m.Refresh())
			s := uitest.Plain(m.View())
			if tc.says == "" && (strings.Contains(s, "low balance") || strings.Contains(s, "no credits")) {
				t.Errorf("flagged:\n%s", s)
			}
			if tc.says != "" && !strings.Contains(s, tc.says) {
				t.Errorf("lacks %q:\n%s", tc.says, s)
			}
			if got := orgCue(m.bal.value); got != tc.cue {
				t.Errorf("cue %d, want %d", got, tc.cue)
			}
		})
	}
}

// In colour, the balance and the organization's row take the cue's style.
func TestV3CueStyles(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	m, d, acct := v3View(t, false)
	acct.SetCredits("alice", "0")
	d.Run(m.Refresh())
	if want := m.c.Styles.BalanceLow.Render(m.bal.text); !strings.Contains(m.View(), want) {
		t.Errorf("the balance is not in the error style")
	}
	acct.SetCredits("alice", "12")
	d.Run(m.Refresh())
	if want := m.c.Styles.BalanceWarn.Render(m.bal.text); !strings.Contains(m.View(), want) {
		t.Errorf("the balance is not in the warning style")
	}
}

// A failed refresh of the organizations keeps their rows and says why; a
// first load that fails says so in place of them.
func TestV3OrganizationsError(t *testing.T) {
	m, d, acct := v3View(t, true)
	acct.Fail("Orgs", api.ErrServer)
	d.Run(m.Refresh())
	s := uitest.Plain(m.View())
	if !strings.Contains(s, "● Acme Robotics") || !strings.Contains(s, "could not refresh the organizations") {
		t.Errorf("after a failed refresh:\n%s", s)
	}

	c, _, acct := uitest.NewV3Common(true, nil)
	acct.Fail("Orgs", api.ErrServer)
	m = New(c)
	uitest.NewDriver(t, c, m)
	if s := uitest.Plain(m.View()); !strings.Contains(s, "could not load the organizations") || !strings.Contains(s, "12,480.55") {
		t.Errorf("after a failed first load:\n%s", s)
	}
}

// On a narrow screen the organizations' rows keep their balance and its
// cue whole: names are cut first, then the roles go.
func TestV3OrganizationsFitNarrow(t *testing.T) {
	c, _, acct := uitest.NewV3Common(true, nil)
	acct.SetCredits("alice", "-12345.5")
	c.Width, c.Height = 60, 20
	m := New(c)
	uitest.NewDriver(t, c, m)
	for _, w := range []int{80, 60} {
		m.SetSize(w, 20)
		s := m.View()
		if !strings.Contains(s, "-12,345.50 USD ✗ none left") || !strings.Contains(s, "12,480.55 USD") {
			t.Errorf("at %d columns:\n%s", w, s)
		}
		for _, l := range strings.Split(s, "\n") {
			if lipgloss.Width(l) > w {
				t.Errorf("at %d columns, a line of %d: %q", w, lipgloss.Width(l), l)
			}
		}
	}
}
