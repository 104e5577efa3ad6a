package tabs

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/common"
)

// Without colour (the ASCII profile, which NO_COLOR gives) the active tab
// is still marked: the bar reads differently with another tab active, and
// the same width, so clicks still find the tabs.
func TestActiveTabMarkedWithoutColour(t *testing.T) {
	st, k := common.NewStyles(), common.DefaultKeyMap()
	tb := New(k, []string{"Credits", "API keys", "SSH keys"})
	first := strings.Split(tb.View(st, 80, true), "\n")[0]
	tb.SetActive(1)
	second := strings.Split(tb.View(st, 80, true), "\n")[0]
	if first == second {
		t.Fatalf("the active tab is not marked without colour:\n%q\n%q", first, second)
	}
	if !strings.Contains(second, "[2 API keys]") {
		t.Errorf("the active tab is not bracketed: %q", second)
	}
	if x := strings.Index(second, "SSH keys"); tb.At(st, 80, x) != 2 {
		t.Errorf("At(%d) = %d, want 2 in %q", x, tb.At(st, 80, x), second)
	}
	// Under the login screen no tab is active.
	if plain := strings.Split(tb.View(st, 80, false), "\n")[0]; strings.Contains(plain, "[") {
		t.Errorf("a tab is marked under the login screen: %q", plain)
	}
}
