package credits

import (
	"net/http"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/internal/simfault"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// settle runs cmd and feeds m what it yields, and what that yields, until
// nothing is left (timers are left out).
func settle(t *testing.T, m *Model, cmd tea.Cmd) {
	t.Helper()
	for _, msg := range uitest.Run(t, cmd) {
		_, next := m.Update(msg)
		settle(t, m, next)
	}
}

// The card keeps its frame while an error shows: the error wraps inside
// it. At 100×30 (the view is 100×26) and at 80×24, for Targon's balance
// and OpenRouter's credits.
func TestCardKeepsItsFrameUnderAnError(t *testing.T) {
	for _, size := range []struct{ w, h int }{{100, 26}, {80, 20}} {
		h, sim := newSim(t, 0)
		h.m.SetSize(size.w, size.h)
		h.load()
		sim.InjectFault(targontest.Fault{Method: http.MethodGet, Path: "/tha/v2/me/credits", Status: http.StatusInternalServerError})
		if v := h.load(); !strings.Contains(v, "could not refresh") || !strings.Contains(v, "╭") {
			t.Errorf("Targon at %dx%d: no frame under the error:\n%s", size.w, size.h, v)
		}

		orSim, url := uitest.OpenRouter(t)
		c, _ := uitest.NewOpenRouterCommon(t, url, orSim.DemoManagementKey())
		m := New(c)
		m.SetSize(size.w, size.h)
		settle(t, m, m.Init())
		orSim.InjectFault(simfault.Fault{Method: http.MethodGet, Path: openroutertest.BasePath + "/credits", Status: http.StatusInternalServerError})
		settle(t, m, m.Refresh())
		if v := m.View(); !strings.Contains(v, "could not refresh") || !strings.Contains(v, "╭") {
			t.Errorf("OpenRouter at %dx%d: no frame under the error:\n%s", size.w, size.h, v)
		}
	}
}
