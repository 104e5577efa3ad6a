package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/common"
)

// A panic in a command (even one inside a batch) becomes an error toast.
func TestSafeCmdTurnsPanicIntoToast(t *testing.T) {
	boom := func() tea.Msg { panic("tgn_secret_in_panic") }
	msg := safeCmd(tea.Batch(boom, boom), "r")()
	batch, ok := msg.(tea.BatchMsg)
	if !ok {
		t.Fatalf("got %T, want a batch", msg)
	}
	for _, c := range batch {
		toast, ok := c().(common.ToastMsg)
		if !ok || toast.Kind != common.ToastError {
			t.Fatalf("panic gave %#v, want an error toast", toast)
		}
		if strings.Contains(toast.Text, "tgn_") {
			t.Fatalf("toast shows the panic value: %q", toast.Text)
		}
	}
}

// TestHangingCreateCanBeCancelled: a create that hangs shows that it is
// sending; esc cancels it, the form says so and keeps the text; esc again
// closes, and the user can move on.
func TestHangingCreateCanBeCancelled(t *testing.T) {
	h := start(t)
	h.sim.InjectFault(targontest.Fault{Method: "POST", Path: keysPath, Latency: 4 * time.Second})
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("n")
	h.typeText("slow-one")
	h.keys("enter")
	h.waitFor("esc cancels")
	h.keys("esc")
	h.waitFor("cancelled")
	h.keys("esc", "3")
	h.waitFor("work-laptop")
	h.final()
}

// TestHangingListDoesNotFreeze: while a list hangs, the other views work.
func TestHangingListDoesNotFreeze(t *testing.T) {
	h := start(t, withFault(targontest.Fault{Method: "GET", Path: "/tha/v2/me/api-keys", Latency: 3 * time.Second}))
	h.keys("2")
	h.waitFor("loading API keys")
	h.keys("3")
	h.waitFor("work-laptop")
	h.keys("j", "1")
	h.waitFor("USD")
	h.final()
}

// TestTinyWindowAndBack: 1x1 and back draws the full screen again.
func TestTinyWindowAndBack(t *testing.T) {
	h := start(t)
	h.keys("2")
	h.waitFor("production-inference")
	h.tm.Send(tea.WindowSizeMsg{Width: 1, Height: 1})
	h.tm.Send(tea.WindowSizeMsg{Width: 0, Height: 0})
	h.tm.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.idle()
	if v := h.final(); !strings.Contains(v, "production-inference") || len(strings.Split(v, "\n")) != 30 {
		t.Fatalf("screen after 1x1 and back:\n%s", v)
	}
}

// explodingView wraps a view and panics in Update.
type explodingView struct {
	inner common.View
	common.Outbox
}

func (e *explodingView) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("tgn_should_not_show") }
func (e *explodingView) Init() tea.Cmd                       { return nil }
func (e *explodingView) View() string                        { return e.inner.View() }
func (e *explodingView) SetSize(w, h int)                    { e.inner.SetSize(w, h) }
func (e *explodingView) ShortHelp() []key.Binding            { return e.inner.ShortHelp() }
func (e *explodingView) FullHelp() [][]key.Binding           { return e.inner.FullHelp() }
func (e *explodingView) Title() string                       { return e.inner.Title() }
func (e *explodingView) Capturing() bool                     { return false }
func (e *explodingView) Busy() bool                          { return false }
func (e *explodingView) Refresh() tea.Cmd                    { return nil }
func (e *explodingView) Updated() time.Time                  { return time.Time{} }
func (e *explodingView) Stale() bool                         { return false }
func (e *explodingView) Stop()                               {}
func (e *explodingView) Footer() []key.Binding               { return e.inner.Footer() }

// TestPanicInUpdateOrViewKeepsRunning: the root recovers from a panic in a
// view's Update or View.
func TestPanicInUpdateOrViewKeepsRunning(t *testing.T) {
	h := start(t)
	h.waitFor("USD")
	h.tm.Send(probeMsg{func(m *Model) { m.views[0] = &explodingView{inner: m.views[0]} }})
	h.keys("x") // goes to the view, whose Update panics
	h.waitFor("internal error")
	h.final()
}
