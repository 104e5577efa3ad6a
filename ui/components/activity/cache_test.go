package activity_test

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/components/activity"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// A read the cache asked for is loading until its answer is taken: the
// account's, and those of many keys at once (an answer that is an error
// counts: it came).
func TestCacheLoadingUntilAnswered(t *testing.T) {
	sim, url := uitest.OpenRouter(t)
	c, _ := uitest.NewOpenRouterCommon(t, url, sim.DemoManagementKey())
	cache := activity.NewCache(c)
	if cache.Loading() {
		t.Fatal("loading before anything was asked")
	}
	asks := []func() tea.Cmd{
		func() tea.Cmd { return cache.Need("", "") },
		func() tea.Cmd { return cache.NeedKeys([]activity.KeyRef{{ID: "not-a-hash", Name: "gone"}}) },
	}
	for i, ask := range asks {
		read := ask()
		if !cache.Loading() {
			t.Fatalf("read %d: not loading once asked", i)
		}
		if !cache.Take(read()) || cache.Loading() {
			t.Fatalf("read %d: still loading once answered", i)
		}
	}
	if (*activity.Cache)(nil).Loading() {
		t.Fatal("a nil cache is loading")
	}
}
