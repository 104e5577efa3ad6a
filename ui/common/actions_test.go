package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// press is the key message of a key that types letters.
func press(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// toastOf is the text of the toast cmd shows, or "" when it shows none.
func toastOf(t *testing.T, cmd tea.Cmd) string {
	t.Helper()
	if cmd == nil {
		return ""
	}
	msg, ok := cmd().(ToastMsg)
	if !ok {
		return ""
	}
	return msg.Text
}

// shown lists the enabled bindings as "key desc".
func shown(bs []key.Binding) string {
	var out []string
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(out, ", ")
}

// table is a view's table for the tests: new (changes something), rename
// (needs a selection), roll (not supported while unsupported is set),
// details (footer only in its own place), filter (the list's key), copy
// (unlisted) and the list's actions.
type table struct {
	c           *Common
	selected    bool
	unsupported bool
	ran         []string
	actions     *Actions
}

func newTable(c *Common) *table {
	tb := &table{c: c}
	k := c.Keys
	run := func(name string) func() tea.Cmd {
		return func() tea.Cmd { tb.ran = append(tb.ran, name); return nil }
	}
	selection := func() *Refusal {
		if !tb.selected {
			return Answer("Nothing selected")
		}
		return nil
	}
	acts := []Action{
		{Key: &k.Details, Footer: 3, Check: selection, Run: run("details")},
		{Key: &k.New, Footer: 1, Run: run("new")},
		{Key: &k.Rename, Footer: 2, Check: selection, Run: run("rename")},
		{Key: &k.Roll, Footer: 4, Help: "roll secret", Short: "roll", Check: func() *Refusal {
			if tb.unsupported {
				return NotOffered("not supported by this account")
			}
			return nil
		}, Run: run("roll")},
		{Key: &k.Filter, Footer: 5},
		{Key: &k.Copy, Unlisted: true, Run: run("copy")},
	}
	acts = append(acts, ListActions(k, func() bool { return tb.selected }, run("copy id"))...)
	tb.actions = NewActions(c, acts...)
	return tb
}

func TestActionsHandle(t *testing.T) {
	tb := newTable(&Common{Keys: DefaultKeyMap()})
	cases := []struct {
		key, toast, ran string
		handled         bool
	}{
		{key: "n", handled: true, ran: "new"},
		{key: "e", handled: true, toast: "Nothing selected"},
		{key: "R", handled: true, ran: "roll"},
		{key: "y", handled: true, ran: "copy"},
		{key: "/"}, // the list takes it
		{key: "s"}, // the list sorts
		{key: "c"}, // nothing selected: not offered, passes on
		{key: "z"}, // bound to nothing
	}
	for _, tc := range cases {
		tb.ran = nil
		cmd, handled := tb.actions.Handle(press(tc.key))
		got := toastOf(t, cmd)
		if handled != tc.handled || got != tc.toast || strings.Join(tb.ran, "") != tc.ran {
			t.Errorf("%s: handled %v, toast %q, ran %q; want %v, %q, %q", tc.key, handled, got, tb.ran, tc.handled, tc.toast, tc.ran)
		}
	}
	tb.selected, tb.unsupported = true, true
	tb.ran = nil
	if _, handled := tb.actions.Handle(press("R")); handled || len(tb.ran) != 0 {
		t.Errorf("an action not offered took its key (ran %q)", tb.ran)
	}
	if _, handled := tb.actions.Handle(press("c")); !handled || strings.Join(tb.ran, "") != "copy id" {
		t.Errorf("copy id with a row selected: handled %v, ran %q", handled, tb.ran)
	}
}

func TestActionsHelp(t *testing.T) {
	c := &Common{Keys: DefaultKeyMap()}
	tb := newTable(c)
	// The footer has its own order and short words; an unselected list
	// does not offer copy id; rename and details stay offered (their keys
	// say why they cannot act).
	if got, want := shown(tb.actions.ShortHelp()), "n new, e rename, enter details, R roll, / filter"; got != want {
		t.Errorf("ShortHelp = %q, want %q", got, want)
	}
	if got, want := shown(tb.actions.ListKeys()), "s sort, S reverse sort"; got != want {
		t.Errorf("ListKeys = %q, want %q", got, want)
	}
	full := tb.actions.FullHelp()
	if len(full) != 2 {
		t.Fatalf("FullHelp has %d groups, want 2", len(full))
	}
	if got, want := shown(full[0]), "enter details, n new, e rename, R roll secret, / filter"; got != want {
		t.Errorf("FullHelp[0] = %q, want %q", got, want)
	}
	tb.selected, tb.unsupported = true, true
	if got, want := shown(tb.actions.Footer()), "n new, e rename, enter details, / filter, r refresh, P switch account, s sort, S reverse sort, c copy id, ? help, q quit"; got != want {
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
	c := &Common{Keys: DefaultKeyMap(), ReadOnly: true, ReadOnlyReason: "--read-only"}
	tb := newTable(c)
	tb.unsupported = true
	for k, what := range map[string]string{"n": "creating keys", "e": "renaming keys", "R": "rolling and replacing keys"} {
		cmd, handled := tb.actions.Handle(press(k))
		if want := "read-only: " + what + " is off (--read-only)"; !handled || toastOf(t, cmd) != want {
			t.Errorf("%s: handled %v, toast %q; want %q", k, handled, toastOf(t, cmd), want)
		}
	}
	if len(tb.ran) != 0 {
		t.Errorf("read-only ran %q", tb.ran)
	}
	if got, want := shown(tb.actions.ShortHelp()), "enter details, / filter"; got != want {
		t.Errorf("read-only ShortHelp = %q, want %q", got, want)
	}
	if got, want := shown(tb.actions.FullHelp()[0]), "enter details, / filter"; got != want {
		t.Errorf("read-only FullHelp = %q, want %q", got, want)
	}
}

// A key remapped in the preferences is the action's key everywhere: it
// acts, shows in the footer and "?", and is refused by its new name.
func TestActionsRemapped(t *testing.T) {
	km := DefaultKeyMap()
	if err := km.Override(map[string][]string{"new": {"a"}}); err != nil {
		t.Fatal(err)
	}
	c := &Common{Keys: km}
	tb := newTable(c)
	if _, handled := tb.actions.Handle(press("n")); handled {
		t.Error("the old key still acts")
	}
	if _, handled := tb.actions.Handle(press("a")); !handled || strings.Join(tb.ran, "") != "new" {
		t.Errorf("the new key: handled %v, ran %q", handled, tb.ran)
	}
	if !strings.Contains(shown(tb.actions.ShortHelp()), "a new") || !strings.Contains(shown(tb.actions.FullHelp()[0]), "a new") {
		t.Errorf("help does not show the new key: %q", shown(tb.actions.ShortHelp()))
	}
	c.ReadOnly, c.ReadOnlyReason = true, "--read-only"
	if cmd, _ := tb.actions.Handle(press("a")); toastOf(t, cmd) != "read-only: creating keys is off (--read-only)" {
		t.Errorf("refusal of the new key: %q", toastOf(t, cmd))
	}
}
