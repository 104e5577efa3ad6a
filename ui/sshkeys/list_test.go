package sshkeys

import (
	"slices"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// "No SSH keys." is said only once the list loaded and is empty: not while
// it loads, not under a load error.
func TestEmptyTextOnlyAfterAnEmptyLoad(t *testing.T) {
	sim := targontest.New(targontest.WithClock(fixedNow)) // no SSH keys
	c, _ := uitest.NewCommon(uitest.Client(t, sim, sim.DemoKey()))
	loading := New(c)
	loading.SetSize(100, 30)
	_ = loading.Init() // the first page is on its way
	if v := loading.View(); strings.Contains(v, "No SSH keys") || !strings.Contains(v, "loading SSH keys…") {
		t.Errorf("while loading:\n%s", v)
	}

	sim.InjectFault(targontest.Fault{Method: "GET", Path: sshKeysPath, Status: 503, Times: 1})
	failed := newHarness(t, sim)
	if v := failed.view.View(); strings.Contains(v, "No SSH keys") || !strings.Contains(v, "could not load SSH keys") {
		t.Errorf("under a load error:\n%s", v)
	}
	failed.Run(failed.view.Refresh())
	if v := failed.view.View(); !strings.Contains(v, "No SSH keys.") {
		t.Errorf("after an empty load:\n%s", v)
	}
}

// A deleted key leaves the list when the server confirms, and the cursor
// lands on its neighbour: the next key, or the previous one for the last.
func TestDeleteLandsOnTheNeighbour(t *testing.T) {
	h := demo(t)
	h.selectName("ci-runner")
	h.Keys("d", "y")
	if got := h.selected().name; got != "work-laptop" {
		t.Errorf("after deleting ci-runner the cursor is on %s, want the next key, work-laptop", got)
	}
	h.selectName("build-server") // the last
	h.Keys("d", "y")
	if len(h.rows()) != 3 {
		t.Fatalf("%d rows left, want 3", len(h.rows()))
	}
	if r, ok := h.view.Table.Selected().(row); !ok || r.name != "work-laptop" {
		t.Errorf("after deleting the last key the cursor is on %q, want the previous key, work-laptop", r.name)
	}
}

// "/" matches what a row shows — name, type, fingerprint, comment — in any
// case, every word, in list order.
func TestFilterByWhatTheRowShows(t *testing.T) {
	h := demo(t)
	ci := h.selectName("ci-runner")
	laptop := h.selectName("work-laptop")
	tests := []struct {
		query string
		want  []string
	}{
		{"ecdsa", []string{"ci-runner"}},
		{"rsa 4096", []string{"build-server"}},
		{strings.ToUpper(ci.fingerprint[7:20]), []string{"ci-runner"}},
		{"alice laptop", []string{"work-laptop"}},
		{"alice", []string{"yubikey-5c", "home-desktop", "work-laptop"}},
		{laptop.ID(), []string{"work-laptop"}},
	}
	for _, tt := range tests {
		h.Keys("/")
		h.Type(tt.query)
		h.Keys("enter")
		var got []string
		for _, it := range h.view.Table.List.VisibleItems() {
			got = append(got, it.(row).name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q shows %v, want %v", tt.query, got, tt.want)
		}
		h.Keys("esc")
	}
}
