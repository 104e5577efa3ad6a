package common_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// toastOf is the text of the toast cmd shows, or "" when it shows none.
func toastOf(t *testing.T, cmd tea.Cmd) string {
	t.Helper()
	if cmd == nil {
		return ""
	}
	msg, ok := cmd().(common.ToastMsg)
	if !ok {
		return ""
	}
	return msg.Text
}

// table is a view's table for the tests: new (changes something), rename
// (needs a selection), roll (not supported while unsupported is set, then
// needs a selection),
// details (footer only in its own place), filter (the list's key), copy
// (unlisted) and the list's actions.
type table struct {
	c           *common.Common
	selected    bool
	unsupported bool
	ran         []string
	actions     *common.Actions
}

func newTable(c *common.Common) *table {
	tb := &table{c: c}
	k := c.Keys
	run := func(name string) func() tea.Cmd {
		return func() tea.Cmd { tb.ran = append(tb.ran, name); return nil }
	}
	selection := common.NeedsSelection(func() bool { return tb.selected }, "Nothing selected")
	supported := func() *common.Refusal {
		if tb.unsupported {
			return common.NotOffered("not supported by this account")
		}
		return nil
	}
	acts := []common.Action{
		{Key: &k.Details, Footer: 3, Check: selection, Run: run("details")},
		{Key: &k.New, Footer: 1, Run: run("new")},
		{Key: &k.Rename, Footer: 2, Check: selection, Run: run("rename")},
		{Key: &k.Roll, Footer: 4, Help: "roll secret", Short: "roll", Check: common.AllOf(supported, selection), Run: run("roll")},
		{Key: &k.Filter, Footer: 5},
		{Key: &k.Copy, Unlisted: true, Run: run("copy")},
	}
	acts = append(acts, common.ListActions(k, func() bool { return tb.selected }, nil, 0, run("copy id"))...)
	tb.actions = common.NewActions(c, acts...)
	return tb
}

func TestActionsHandle(t *testing.T) {
	tb := newTable(&common.Common{Keys: common.DefaultKeyMap()})
	cases := []struct {
		key, toast, ran string
		handled         bool
	}{
		{key: "n", handled: true, ran: "new"},
		{key: "e", handled: true, toast: "Nothing selected"},
		{key: "R", handled: true, toast: "Nothing selected"},
		{key: "y", handled: true, ran: "copy"},
		{key: "/"}, // the list takes it
		{key: "s"}, // the list sorts
		{key: "c"}, // nothing selected: not offered, passes on
		{key: "z"}, // bound to nothing
	}
	for _, tc := range cases {
		tb.ran = nil
		cmd, handled := tb.actions.Handle(uitest.Key(tc.key))
		got := toastOf(t, cmd)
		if handled != tc.handled || got != tc.toast || strings.Join(tb.ran, "") != tc.ran {
			t.Errorf("%s: handled %v, toast %q, ran %q; want %v, %q, %q", tc.key, handled, got, tb.ran, tc.handled, tc.toast, tc.ran)
		}
	}
	tb.selected = true
	tb.ran = nil
	if _, handled := tb.actions.Handle(uitest.Key("R")); !handled || strings.Join(tb.ran, "") != "roll" {
		t.Errorf("R with a row selected: handled %v, ran %q", handled, tb.ran)
	}
	tb.unsupported = true
	tb.ran = nil
	if _, handled := tb.actions.Handle(uitest.Key("R")); handled || len(tb.ran) != 0 {
		t.Errorf("an action not offered took its key (ran %q)", tb.ran)
	}
	if _, handled := tb.actions.Handle(uitest.Key("c")); !handled || strings.Join(tb.ran, "") != "copy id" {
		t.Errorf("copy id with a row selected: handled %v, ran %q", handled, tb.ran)
	}
}

func TestActionsHelp(t *testing.T) {
	c := &common.Common{Keys: common.DefaultKeyMap()}
	tb := newTable(c)
	// The footer has its own order and short words; an unselected list
	// does not offer copy id; rename and details stay offered (their keys
	// say why they cannot act).
	if got, want := uitest.Hints(tb.actions.ShortHelp()), "n new, e rename, enter details, R roll, / filter"; got != want {
		t.Errorf("ShortHelp = %q, want %q", got, want)
	}
	if got, want := uitest.Hints(tb.actions.ListKeys()), "s sort, S reverse sort"; got != want {
		t.Errorf("ListKeys = %q, want %q", got, want)
	}
	full := tb.actions.FullHelp()
	if len(full) != 2 {
		t.Fatalf("FullHelp has %d groups, want 2", len(full))
	}
	if got, want := uitest.Hints(full[0]), "enter details, n new, e rename, R roll secret, / filter"; got != want {
		t.Errorf("FullHelp[0] = %q, want %q", got, want)
	}
	tb.selected, tb.unsupported = true, true
	if got, want := uitest.Hints(tb.actions.Footer()), "n new, e rename, enter details, / filter, r refresh, P switch account, s sort, S reverse sort, c copy id, ? help, q quit"; got != want {
		t.Errorf("Footer = %q, want %q", got, want)
	}
	if c.Keys.Roll.Help().Desc != "roll secret" || !c.Keys.Roll.Enabled() {
		t.Error("the table changed the key map's binding")
	}
}

// Read-only: an action that changes something is neither in the footer
// nor in "?", and its key answers with the KeyMap's words, before any
// other reason (here: nothing selected, not supported).
func TestActionsReadOnly(t *testing.T) {
	c := &common.Common{Keys: common.DefaultKeyMap(), ReadOnly: true, ReadOnlyReason: "--read-only"}
	tb := newTable(c)
	tb.unsupported = true
	for k, what := range map[string]string{"n": "creating keys", "e": "renaming keys", "R": "rolling and replacing keys"} {
		cmd, handled := tb.actions.Handle(uitest.Key(k))
		if want := "read-only: " + what + " is off (--read-only)"; !handled || toastOf(t, cmd) != want {
			t.Errorf("%s: handled %v, toast %q; want %q", k, handled, toastOf(t, cmd), want)
		}
	}
	if len(tb.ran) != 0 {
		t.Errorf("read-only ran %q", tb.ran)
	}
	if got, want := uitest.Hints(tb.actions.ShortHelp()), "enter details, / filter"; got != want {
		t.Errorf("read-only ShortHelp = %q, want %q", got, want)
	}
	if got, want := uitest.Hints(tb.actions.FullHelp()[0]), "enter details, / filter"; got != want {
		t.Errorf("read-only FullHelp = %q, want %q", got, want)
	}
}

// A key remapped in the preferences is the action's key everywhere: it
// acts, shows in the footer and "?", and is refused by its new name.
func TestActionsRemapped(t *testing.T) {
	km := common.DefaultKeyMap()
	if err := km.Override(map[string][]string{"new": {"a"}}); err != nil {
		t.Fatal(err)
	}
	c := &common.Common{Keys: km}
	tb := newTable(c)
	if _, handled := tb.actions.Handle(uitest.Key("n")); handled {
		t.Error("the old key still acts")
	}
	if _, handled := tb.actions.Handle(uitest.Key("a")); !handled || strings.Join(tb.ran, "") != "new" {
		t.Errorf("the new key: handled %v, ran %q", handled, tb.ran)
	}
	if !strings.Contains(uitest.Hints(tb.actions.ShortHelp()), "a new") || !strings.Contains(uitest.Hints(tb.actions.FullHelp()[0]), "a new") {
		t.Errorf("help does not show the new key: %q", uitest.Hints(tb.actions.ShortHelp()))
	}
	c.ReadOnly, c.ReadOnlyReason = true, "--read-only"
	if cmd, _ := tb.actions.Handle(uitest.Key("a")); toastOf(t, cmd) != "read-only: creating keys is off (--read-only)" {
		t.Errorf("refusal of the new key: %q", toastOf(t, cmd))
	}
}
