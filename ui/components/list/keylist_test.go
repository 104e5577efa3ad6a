package list

import (
	"context"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/components/table"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// A key list fed by the simulator walks every page (250 keys, 3 requests of
// 100), shows the count, and keeps the rows through a refresh until the new
// list is complete.
func TestKeyListAgainstServer(t *testing.T) {
	sim, client := newSim(t, targontest.WithAPIKeys(249))
	c, _ := uitest.NewCommon(nil)
	kl := NewKeyList(c, []table.Column{{Title: "NAME", Width: 20, Flex: 1}, {Title: "UID", Width: 20}}, "API key", "API keys",
		targon.NewAccount(client).Keys, func(k api.Key) table.Row { return testRow{uid: k.ID, name: k.Name} })
	kl.SetSize(100, 20)

	// feed runs the list's commands until no page is left to fetch; after
	// each page, check is told how many rows are shown.
	feed := func(cmd tea.Cmd, check func(rows int)) {
		t.Helper()
		for cmd != nil {
			cmd = kl.Page(pageOf[api.Key](t, cmd))
			if check != nil {
				check(kl.Table.Len())
			}
		}
	}
	var seen []int
	feed(kl.Init(), func(n int) { seen = append(seen, n) })
	if !slices.Equal(seen, []int{100, 200, 250, 250}) {
		t.Errorf("rows after each page and the end = %v, want streaming 100, 200, 250, 250", seen)
	}
	if kl.Busy() || !kl.Updated().Equal(uitest.Clock) {
		t.Errorf("busy=%v updated=%v", kl.Busy(), kl.Updated())
	}
	gets := 0
	for _, r := range sim.Requests() {
		if r.Method == "GET" && strings.HasSuffix(r.Path, "/api-keys") {
			gets++
		}
	}
	if gets != 3 {
		t.Errorf("%d list requests, want 3", gets)
	}
	if v := kl.ViewWith(c.Styles, ""); !strings.Contains(v, "250 API keys") {
		t.Errorf("view:\n%s", v)
	}

	// Delete one key on the server (not the one in use), then refresh.
	victim := kl.Table.List.Items()[10].(testRow)
	if victim.name == "default" {
		victim = kl.Table.List.Items()[11].(testRow)
	}
	if err := client.DeleteAPIKey(context.Background(), victim.uid); err != nil {
		t.Fatal(err)
	}
	seen = nil
	feed(kl.Refresh(), func(n int) { seen = append(seen, n) })
	if !slices.Equal(seen, []int{250, 250, 250, 249}) {
		t.Errorf("rows after each reload page and the end = %v, want 250, 250, 250, 249", seen)
	}
}

// While the list loads, ViewWith shows the loader's note; a view's own
// note shows only when the loader has nothing to say.
func TestKeyListNote(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	p := newPager([]testRow{{"u1", "one"}}, []testRow{{"u2", "two"}})
	kl := NewKeyList(c, []table.Column{{Title: "NAME", Width: 20}}, "SSH key", "SSH keys", p.walk, func(r testRow) table.Row { return r })
	kl.SetSize(80, 10)
	cmd := kl.Init()
	if v := kl.ViewWith(c.Styles, "fetching details…"); !strings.Contains(v, "loading SSH keys…") || strings.Contains(v, "fetching") {
		t.Errorf("view while loading:\n%s", v)
	}
	cmd = kl.Page(pageOf[testRow](t, cmd))
	if v := kl.ViewWith(c.Styles, ""); !strings.Contains(v, "1 SSH key") || !strings.Contains(v, "loading… 1 so far") {
		t.Errorf("view after the first page:\n%s", v)
	}
	cmd = kl.Page(pageOf[testRow](t, cmd))
	kl.Page(pageOf[testRow](t, cmd))
	if v := kl.ViewWith(c.Styles, "fetching details…"); !strings.Contains(v, "2 SSH keys   fetching details…") {
		t.Errorf("view when idle:\n%s", v)
	}
}
