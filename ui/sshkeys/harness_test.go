package sshkeys

import (
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// clock is the fixed time of every test: golden screens stay stable.
var clock = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return clock }

// harness is the view under a uitest.Driver, which plays the root model:
// it runs commands synchronously, keeps the modal stack, and records
// toasts.
type harness struct {
	*uitest.Driver
	t    *testing.T
	sim  *targontest.Server
	c    *common.Common
	clip *uitest.Clipboard
	view *Model
}

// newHarness serves sim, builds the view at 100x30 and loads the list.
func newHarness(t *testing.T, sim *targontest.Server) *harness {
	t.Helper()
	c, clip := uitest.NewCommon(uitest.Client(t, sim, sim.DemoKey()))
	c.Now = fixedNow
	h := &harness{t: t, sim: sim, c: c, clip: clip, view: New(c)}
	h.Driver = uitest.NewDriver(t, c, h.view)
	return h
}

// form is the top modal as a form; the test fails when it is not one.
func (h *harness) form() *dialog.Form {
	h.t.Helper()
	f, ok := h.Top().(*dialog.Form)
	if !ok {
		h.t.Fatalf("top modal is %T, want a form", h.Top())
	}
	return f
}

// rows are the view's rows, in order.
func (h *harness) rows() []row {
	var out []row
	for _, it := range h.view.Table.List.Items() {
		out = append(out, it.(row))
	}
	return out
}

// selected is the row under the cursor.
func (h *harness) selected() row {
	h.t.Helper()
	r, ok := h.view.Table.Selected().(row)
	if !ok {
		h.t.Fatal("no row selected")
	}
	return r
}

// selectName moves the cursor to the row named name.
func (h *harness) selectName(name string) row {
	h.t.Helper()
	for i, r := range h.rows() {
		if r.name == name {
			h.view.Table.List.Select(i)
			return r
		}
	}
	h.t.Fatalf("no row named %q", name)
	return row{}
}

// count is how many requests with method went to a path starting with
// prefix.
func (h *harness) count(method, prefix string) int {
	n := 0
	for _, r := range h.sim.Requests() {
		if r.Method == method && strings.HasPrefix(r.Path, prefix) {
			n++
		}
	}
	return n
}

// A details reply meant for a view that an account switch discarded never
// opens in the view that replaced it, even when both asked once.
func TestDetailsOfADiscardedViewAreIgnored(t *testing.T) {
	sim := targontest.NewDemo(targontest.WithClock(fixedNow))
	old := newHarness(t, sim)
	r := old.selectName("work-laptop")
	msg := old.view.fetchDetails(r)()
	fresh := newHarness(t, sim)
	fresh.c.IDs = old.c.IDs // one program: an account switch keeps the ids
	fresh.view.fetchDetails(fresh.selectName("ci-runner"))
	if cmd := fresh.view.onDetails(msg.(detailsMsg)); cmd != nil || fresh.view.fetching != "ci-runner" {
		t.Fatalf("the new view took the old view's reply (fetching %q)", fresh.view.fetching)
	}
}
