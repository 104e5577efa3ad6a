package sshkeys

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/common"
)

// sortedBy is the list's order by less, ties in the order shown now.
func (h *harness) sortedBy(less func(a, b row) int) []string {
	rows := slices.Clone(h.rows())
	slices.SortStableFunc(rows, less)
	var out []string
	for _, r := range rows {
		out = append(out, r.ID())
	}
	return out
}

// shown are the uids of the rows, in order.
func (h *harness) shown() []string {
	var out []string
	for _, r := range h.rows() {
		out = append(out, r.ID())
	}
	return out
}

// s steps through name, created, updated and type (types A→Z, ties in the
// server's order), S reverses, the cursor stays on its key, the header
// marks the column; a refresh comes back in the same order.
func TestSortSSHKeys(t *testing.T) {
	h := demo(t)
	server := h.shown() // sorted by created, newest first, from the server's order
	h.view.Table.SelectUID(h.selectName("ci-runner").ID())
	h.Keys("s", "s") // created → updated → type
	byType := func(a, b row) int { return strings.Compare(strings.ToLower(a.typ), strings.ToLower(b.typ)) }
	if slices.Equal(h.sortedBy(byType), server) {
		t.Fatal("the demo keys are in type order already: the test could not tell")
	}
	if name, desc := h.view.Table.SortedBy(); name != "type" || desc {
		t.Fatalf("sorted by %q (desc %v), want type ascending", name, desc)
	}
	if got := h.shown(); !slices.Equal(got, h.sortedBy(byType)) {
		t.Errorf("by type: %v", got)
	}
	if hd := ansi.Strip(strings.Split(h.view.View(), "\n")[1]); !strings.Contains(hd, "TYPE ▲") {
		t.Errorf("header %q", hd)
	}
	if h.selected().name != "ci-runner" {
		t.Errorf("cursor on %q, want ci-runner", h.selected().name)
	}
	// Ties keep the server's order whichever way the list was sorted before.
	h.Keys("S")
	rev := h.shown()
	h.Run(h.view.Refresh())
	if got := h.shown(); !slices.Equal(got, rev) {
		t.Errorf("after a refresh: %v, want %v", got, rev)
	}
	h.Keys("s") // back to name, then created
	h.Keys("s")
	if got := h.shown(); !slices.Equal(got, server) {
		t.Errorf("back to created: %v, want %v", got, server)
	}
	if h.selected().name != "ci-runner" {
		t.Errorf("cursor on %q, want ci-runner", h.selected().name)
	}
}

// The sort preference starts the list by type; a list without the column
// it names starts by created.
func TestSortSSHKeysPreference(t *testing.T) {
	h := newHarness(t, targontest.NewDemo(targontest.WithClock(fixedNow)))
	for _, tt := range []struct {
		pref common.SortOrder
		want string
		desc bool
	}{
		{common.SortOrder{Column: "type", Reverse: true}, "type", true},
		{common.SortOrder{Column: "usage"}, "created", true},
	} {
		h.c.Sort = tt.pref
		m := New(h.c)
		if name, desc := m.Table.SortedBy(); name != tt.want || desc != tt.desc {
			t.Errorf("%+v: sorted by %q (desc %v), want %q (desc %v)", tt.pref, name, desc, tt.want, tt.desc)
		}
	}
}

// c copies the selected key's uid, not its public key, and says how.
func TestCopySSHKeyID(t *testing.T) {
	h := demo(t)
	r := h.selectName("work-laptop")
	h.view.Table.SelectUID(r.ID())
	h.Keys("c")
	if got := h.clip.Last(); got != r.ID() {
		t.Errorf("c copied %q, want the uid %q", got, r.ID())
	}
	if want := "ID of “work-laptop” copied via system clipboard"; h.LastToast() != want {
		t.Errorf("c says %q, want %q", h.LastToast(), want)
	}
}
