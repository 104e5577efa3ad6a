package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// onWorkspaces starts the dashboard on the OpenRouter demo simulator,
// whose account has two workspaces (Default and Research), keys with an
// expiry and 30 days of activity; host is set to the host the status bar
// names.
func onWorkspaces(t *testing.T, host *string) harnessOption {
	return func(o *Options, _ *targontest.Server) {
		sim, url := uitest.OpenRouter(t)
		*host = common.HostOf(url)
		testAccounts(o).Session = orSession(t, "work", url, sim.DemoManagementKey())
	}
}

// workspaceScreens are the screens of an account with workspaces, expiry
// and activity.
var workspaceScreens = []goldenScreen{
	{name: "ws-api-keys", drive: openORKeys},
	{name: "ws-picker", drive: func(h *harness) { openORKeys(h); h.keys("w"); h.waitFor("Show one workspace") }},
	{name: "ws-narrowed", drive: func(h *harness) { openORKeys(h); h.keys("w", "right", "enter"); h.waitFor("Research ·") }},
	{name: "ws-new-key-form", drive: func(h *harness) {
		openORKeys(h)
		h.keys("n")
		h.typeText("eval-bot")
		h.keys("tab", "right", "tab", "tab", "tab", "right", "right")
		h.waitFor("● 7 days")
	}},
	{name: "ws-replace", drive: func(h *harness) { openORKeys(h); h.keys("j", "R"); h.waitFor("as old key") }},
	{name: "ws-key-details", drive: func(h *harness) { openORKeys(h); h.keys("j", "j", "enter", "G"); h.waitFor("Top models") }},
	{name: "ws-credits", drive: func(h *harness) {
		openORKeys(h)
		h.keys("1")
		h.waitFor("Remaining", "Last 30 days")
	}},
}

// TestGoldenWorkspaces draws the screens of an account with workspaces
// at 80x24 and 60x15, as TestGoldenScreens does.
func TestGoldenWorkspaces(t *testing.T) {
	for _, size := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			for _, sc := range workspaceScreens {
				t.Run(sc.name, func(t *testing.T) {
					var host string
					h := start(t, onWorkspaces(t, &host))
					h.host = host
					h.tm.Send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
					sc.drive(h)
					h.idle()
					h.requireGolden(h.final())
				})
			}
		})
	}
}
