package apikeys_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/internal/simfault"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The OpenRouter key list refreshes by itself and keeps the selection
// and the filter; a failed refresh keeps the rows and is stale.
func TestORListTick(t *testing.T) {
	sim, url := uitest.OpenRouter(t)
	c, _ := uitest.NewOpenRouterCommon(t, url, sim.DemoManagementKey())
	c.ListRefreshInterval = 5 * time.Minute
	var ticks []tea.Msg
	c.Tick = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		ticks = append(ticks, fn(uitest.Clock))
		return nil
	}
	m := apikeys.New(c)
	d := uitest.NewDriver(t, c, m)
	d.Keys("/")
	d.Type("a")
	d.Keys("enter", "j", "j")
	before := m.View()
	if len(ticks) != 1 {
		t.Fatalf("%d ticks scheduled, want 1", len(ticks))
	}
	lists := func() int {
		n := 0
		for _, r := range sim.Requests() {
			if r.Method == "GET" && strings.HasSuffix(r.Path, "/keys") {
				n++
			}
		}
		return n
	}
	n := lists()
	tick := ticks[0]
	ticks = nil
	d.Send(tick)
	if lists() == n || len(ticks) != 1 {
		t.Fatalf("the tick made no list request (%d) or scheduled %d ticks", lists()-n, len(ticks))
	}
	if after := m.View(); after != before {
		t.Errorf("the same rows moved:\n%s\n---\n%s", before, after)
	}
	remove := sim.InjectFault(simfault.Fault{Method: "GET", Status: 502})
	defer remove()
	d.Send(ticks[0])
	if !m.Stale() || !strings.Contains(uitest.Plain(m.View()), "could not load API keys") || m.Table.Len() == 0 {
		t.Errorf("failed refresh: stale %v, %d rows:\n%s", m.Stale(), m.Table.Len(), m.View())
	}
}
