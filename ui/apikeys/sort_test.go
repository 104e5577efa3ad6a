package apikeys

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/clipboard"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/list"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// sortKeys are keys in the server's order: "beta" and "delta" were created
// at the same time, "alpha" and "gamma" updated at the same time.
func sortKeys() []targon.APIKey {
	at := func(days int) targon.Timestamp {
		return targon.Timestamp{Time: uitest.Clock.Add(-time.Duration(days) * 24 * time.Hour)}
	}
	k := func(uid, name string, created, updated int) targon.APIKey {
		return targon.APIKey{UID: uid, Name: name, KeyRaw: "tgn_00000000000000000000000000" + uid[len(uid)-2:], CreatedAt: at(created), UpdatedAt: at(updated)}
	}
	return []targon.APIKey{
		k("key-b1", "beta", 5, 4),
		k("key-g1", "Gamma", 9, 1),
		k("key-d1", "delta", 5, 3),
		k("key-a1", "alpha", 2, 1),
	}
}

// names are the names of the rows shown, in order.
func names(m *Model) []string {
	var out []string
	for _, it := range m.Table.List.VisibleItems() {
		out = append(out, it.(row).name)
	}
	return out
}

// header is the list's column header, without styles.
func header(m *Model) string { return ansi.Strip(strings.Split(m.View(), "\n")[1]) }

// s steps through name, created and updated, S reverses; ties keep the
// server's order both ways; the cursor stays on its key; the header marks
// the column and direction.
func TestSortCyclesAndReverses(t *testing.T) {
	m := loaded(t, sortKeys()...)
	m.Table.SelectUID("key-d1")
	steps := []struct {
		key, mark string
		want      []string
	}{
		{"", "CREATED ▼", []string{"alpha", "beta", "delta", "Gamma"}}, // the default: newest first
		{"S", "CREATED ▲", []string{"Gamma", "beta", "delta", "alpha"}},
		{"s", "UPDATED ▼", []string{"Gamma", "alpha", "delta", "beta"}},
		{"S", "UPDATED ▲", []string{"beta", "delta", "Gamma", "alpha"}},
		{"s", "NAME ▲", []string{"alpha", "beta", "delta", "Gamma"}}, // case ignored
		{"S", "NAME ▼", []string{"Gamma", "delta", "beta", "alpha"}},
		{"s", "CREATED ▼", []string{"alpha", "beta", "delta", "Gamma"}},
	}
	for _, st := range steps {
		if st.key != "" {
			press(t, m, st.key)
		}
		if got := names(m); !slices.Equal(got, st.want) {
			t.Errorf("after %q: %v, want %v", st.key, got, st.want)
		}
		if h := header(m); !strings.Contains(h, st.mark) || strings.Count(h, "▲")+strings.Count(h, "▼") != 1 {
			t.Errorf("after %q: header %q, want one mark, %q", st.key, h, st.mark)
		}
		if m.Table.SelectedUID() != "key-d1" {
			t.Errorf("after %q: cursor on %q, want it kept on delta", st.key, m.Table.SelectedUID())
		}
	}
}

// A reload (new pages) is sorted the same, keeping the cursor on its key;
// a filter keeps the order, and sorting under a filter sorts what it shows.
func TestSortSurvivesRefreshAndFilter(t *testing.T) {
	m := loaded(t, sortKeys()...)
	press(t, m, "s", "s") // name
	m.Table.SelectUID("key-g1")
	_ = m.Refresh() // a new walk; its pages are delivered below
	keys := sortKeys()
	items := []api.Key{{ID: "key-c1", Name: "charlie", CreatedAt: uitest.Clock, UpdatedAt: uitest.Clock}}
	for _, k := range keys {
		items = append(items, api.Key{ID: k.UID, Name: k.Name, CreatedAt: k.CreatedAt.Time, UpdatedAt: k.UpdatedAt.Time})
	}
	m.Update(list.PageMsg[api.Key]{Gen: m.Loader.Gen(), Items: items[:2]})
	m.Update(list.PageMsg[api.Key]{Gen: m.Loader.Gen(), Items: items[2:]})
	m.Update(list.PageMsg[api.Key]{Gen: m.Loader.Gen(), Done: true})
	if got, want := names(m), []string{"alpha", "beta", "charlie", "delta", "Gamma"}; !slices.Equal(got, want) {
		t.Errorf("after a reload: %v, want %v", got, want)
	}
	if m.Table.SelectedUID() != "key-g1" {
		t.Errorf("after a reload the cursor is on %q, want Gamma", m.Table.SelectedUID())
	}

	press(t, m, "/", "t", "a", "enter") // beta, delta
	if got, want := names(m), []string{"beta", "delta"}; !slices.Equal(got, want) {
		t.Errorf("filtered: %v, want %v", got, want)
	}
	press(t, m, "S")
	if got, want := names(m), []string{"delta", "beta"}; !slices.Equal(got, want) || m.Table.List.FilterValue() != "ta" {
		t.Errorf("S under the filter %q: %v, want %v", m.Table.List.FilterValue(), got, want)
	}
	press(t, m, "esc")
	if got, want := names(m), []string{"Gamma", "delta", "charlie", "beta", "alpha"}; !slices.Equal(got, want) {
		t.Errorf("filter cleared: %v, want %v", got, want)
	}
}

// The sort preference sets the order a list starts in.
func TestSortPreference(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	c.Sort = common.SortOrder{Column: "name", Reverse: true}
	m := New(c)
	m.SetSize(120, 30)
	_ = m.Init()
	var items []api.Key
	for _, k := range sortKeys() {
		items = append(items, api.Key{ID: k.UID, Name: k.Name, CreatedAt: k.CreatedAt.Time, UpdatedAt: k.UpdatedAt.Time})
	}
	m.Update(list.PageMsg[api.Key]{Gen: m.Loader.Gen(), Items: items})
	if got, want := names(m), []string{"Gamma", "delta", "beta", "alpha"}; !slices.Equal(got, want) {
		t.Errorf("sort = name, reversed: %v, want %v", got, want)
	}
	if h := header(m); !strings.Contains(h, "NAME ▼") {
		t.Errorf("header %q", h)
	}
}

// c copies the selected key's uid through the clipboard and says how, as
// a secret's copy does; an automatic clear leaves it alone. With no key,
// c is off: no hint, nothing copied.
func TestCopyID(t *testing.T) {
	m := loaded(t, sortKeys()...)
	m.Table.SelectUID("key-g1")
	sys := &uitest.SystemClipboard{}
	clip := clipboard.AutoClear(clipboard.New(
		clipboard.WithGetenv(func(string) string { return "" }),
		clipboard.WithSystem(clipboard.System{Write: sys.Write, Read: sys.Read}),
		clipboard.WithTerminal(nil)), time.Hour)
	m.c.Clipboard = clip
	_, cmd := m.Update(uitest.Key("c"))
	msgs := uitest.Run(t, cmd)
	if len(msgs) != 1 {
		t.Fatalf("c yields %v", msgs)
	}
	toast, ok := msgs[0].(common.ToastMsg)
	if want := "ID of “Gamma” copied via system clipboard"; !ok || toast.Text != want || toast.Kind != common.ToastSuccess {
		t.Errorf("c says %#v, want %q", msgs[0], want)
	}
	clip.Close() // a clear still pending would run now
	if got := sys.Text(); got != "key-g1" {
		t.Errorf("clipboard holds %q, want the uid kept", got)
	}

	empty := loaded(t)
	fake := empty.c.Clipboard.(*uitest.Clipboard)
	_, cmd = empty.Update(uitest.Key("c"))
	uitest.Run(t, cmd)
	if len(fake.Copied()) != 0 {
		t.Errorf("c on an empty list copied %q", fake.Copied())
	}
	for _, b := range empty.ShortHelp() {
		if b.Help().Key == "c" && b.Enabled() {
			t.Error("the hint for c shows on an empty list")
		}
	}
}
