package list

import (
	"slices"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// ApplyPage keeps the cursor on the same item across a reload, even when
// new items arrive above it.
func TestApplyPageKeepsCursorOnItem(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	tb := table.NewTable(c, testColumns, "API key", "API keys")
	tb.SetSize(100, 20)
	rows := func(names ...string) []testRow {
		out := make([]testRow, len(names))
		for i, n := range names {
			out[i] = testRow{uid: "u-" + n, name: n}
		}
		return out
	}
	p := newPager(rows("a", "b"), rows("c", "d"), rows("e"))
	l := NewLoader(c, p.walk)
	toRow := func(r testRow) table.Row { return r }
	load := func() {
		for cmd := l.Load(); cmd != nil; {
			cmd = ApplyPage(tb, l, pageOf[testRow](t, cmd), toRow)
		}
	}
	load()
	if tb.Len() != 5 {
		t.Fatalf("%d rows after the first load", tb.Len())
	}
	tb.SelectUID("u-d")
	if tb.List.Index() != 3 || tb.SelectedUID() != "u-d" {
		t.Fatalf("SelectUID: index %d, uid %q", tb.List.Index(), tb.SelectedUID())
	}

	p.set(rows("new1", "new2"), rows("a", "b", "c"), rows("d", "e"))
	load()
	if tb.Len() != 7 || tb.SelectedUID() != "u-d" || tb.List.Index() != 5 {
		t.Errorf("after reload: %d rows, cursor on %q at %d; want 7, u-d at 5", tb.Len(), tb.SelectedUID(), tb.List.Index())
	}
}

// A reload that comes back shorter, without the selected item, still
// leaves a row selected (enter, e and d need one).
func TestApplyPageShorterReloadKeepsASelection(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	tb := table.NewTable(c, testColumns, "API key", "API keys")
	tb.SetSize(100, 20)
	toRow := func(r testRow) table.Row { return r }
	p := newPager([]testRow{{"u-a", "a"}, {"u-b", "b"}, {"u-c", "c"}})
	l := NewLoader(c, p.walk)
	load := func() {
		for cmd := l.Load(); cmd != nil; {
			cmd = ApplyPage(tb, l, pageOf[testRow](t, cmd), toRow)
		}
	}
	load()
	tb.SelectUID("u-c")
	p.set([]testRow{{"u-a", "a"}, {"u-b", "b"}}) // c was deleted elsewhere
	load()
	if tb.Len() != 2 {
		t.Fatalf("%d rows", tb.Len())
	}
	if tb.Selected() == nil {
		t.Fatalf("cursor left at index %d of 2 rows, nothing selected", tb.List.Index())
	}
}

// A 401 while loading asks the root for the login screen.
func TestApplyPageUnauthorized(t *testing.T) {
	_, client := newSim(t)
	client.SetToken("tgn_revoked0000000000000000")
	c, _ := uitest.NewCommon(nil)
	kl := NewKeyList(c, []table.Column{{Title: "NAME", Width: 20}}, "API key", "API keys", targon.NewAccount(client).Keys,
		func(k api.Key) table.Row { return testRow{uid: k.ID, name: k.Name} })
	cmd := kl.Page(pageOf[api.Key](t, kl.Init()))
	unauthorized := func(msg tea.Msg) bool { _, ok := msg.(common.UnauthorizedMsg); return ok }
	if out := uitest.Run(t, cmd); !slices.ContainsFunc(out, unauthorized) {
		t.Errorf("out = %v, want UnauthorizedMsg", out)
	}
	if kl.Busy() || kl.Loader.Err() == nil {
		t.Errorf("busy=%v err=%v", kl.Busy(), kl.Loader.Err())
	}
}
