package credits

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The OpenRouter cards write every amount one way: two decimals (more
// only where two would show zero), separators, the currency as a code
// after the amount, never "$".
func TestOpenRouterCardsMoneyOneFormat(t *testing.T) {
	sim, url := uitest.OpenRouter(t)
	for _, tc := range []struct {
		key   string
		wants []string
	}{
		{sim.DemoManagementKey(), []string{"147.40 USD", "1,250.00 USD", "1,102.60 USD", "Today 0.00 USD"}},
		{sim.DemoInferenceKey(), []string{"Today 0.01 USD", "This week 0.01 USD", "This month 0.43 USD", "Limit no limit"}},
	} {
		c, _ := uitest.NewOpenRouterCommon(t, url, tc.key)
		m := New(c)
		uitest.NewDriver(t, c, m)
		v := uitest.Plain(m.View())
		for _, want := range tc.wants {
			if !strings.Contains(v, want) {
				t.Errorf("lacks %q:\n%s", want, v)
			}
		}
		if strings.Contains(v, "$") {
			t.Errorf("a dollar sign:\n%s", v)
		}
	}
}

// An implausible total is shown compactly with its note on the credits
// card, as everywhere.
func TestOpenRouterImplausibleTotalHasNote(t *testing.T) {
	sim, url := uitest.OpenRouter(t)
	sim.SetCredits(1e15, 3)
	c, _ := uitest.NewOpenRouterCommon(t, url, sim.DemoManagementKey())
	m := New(c)
	uitest.NewDriver(t, c, m)
	if v := uitest.Plain(m.View()); !strings.Contains(v, "Total 1.0e15 USD (implausible)") || !strings.Contains(v, "Used 3.00 USD") ||
		!strings.Contains(v, "Remaining — Label") {
		t.Fatalf("view:\n%s", v)
	}
}
