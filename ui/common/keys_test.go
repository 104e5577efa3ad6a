package common_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Key overrides from the preferences file replace the keys of an action and
// the help text that "?" shows for it.
func TestKeyMapOverrideReplacesKeysAndHelp(t *testing.T) {
	km := common.DefaultKeyMap()
	if err := km.Override(map[string][]string{
		"refresh": {"ctrl+r", "f5"},
		"delete":  {"x"},
		"up":      {"up"},
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		binding key.Binding
		press   string
		want    bool
	}{
		{km.Refresh, "ctrl+r", true},
		{km.Refresh, "r", false}, // the old key no longer refreshes
		{km.Delete, "x", true},
		{km.Delete, "d", false},
		{km.Up, "up", true},
		{km.Up, "k", false},
		{km.Down, "j", true}, // untouched actions keep their keys
	}
	for _, tt := range tests {
		if got := key.Matches(uitest.Key(tt.press), tt.binding); got != tt.want {
			t.Errorf("%q matches %v: %v, want %v", tt.press, tt.binding.Keys(), got, tt.want)
		}
	}
	for _, h := range []struct {
		b         key.Binding
		key, desc string
	}{
		{km.Refresh, "ctrl+r/f5", "refresh"},
		{km.Delete, "x", "delete"},
		{km.Up, "↑", "up"},
	} {
		if got := h.b.Help(); got.Key != h.key || got.Desc != h.desc {
			t.Errorf("help = %+v, want {%s %s}", got, h.key, h.desc)
		}
	}
}

// A typo in the preferences file is an error that names the action and
// lists the known ones; an empty key list is refused too.
func TestKeyMapOverrideErrors(t *testing.T) {
	tests := []struct {
		name      string
		overrides map[string][]string
		want      []string
	}{
		{"unknown action", map[string][]string{"frobnicate": {"f"}}, []string{"keys.frobnicate", "unknown action", "refresh", "delete"}},
		{"no keys", map[string][]string{"refresh": {}}, []string{"keys.refresh", "at least one key"}},
		// Confirmation and form keys are not remappable: letters in forms must stay text.
		{"not an action", map[string][]string{"yes": {"enter"}}, []string{"keys.yes", "unknown action"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := common.DefaultKeyMap().Override(tt.overrides)
			if err == nil {
				t.Fatal("Override succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// ActionNames is the sorted list of what the preferences file accepts,
// one name per binding of Actions.
func TestKeyMapActionNames(t *testing.T) {
	km := common.DefaultKeyMap()
	names := km.ActionNames()
	if !slices.IsSorted(names) {
		t.Errorf("ActionNames not sorted: %v", names)
	}
	actions := km.Actions()
	if len(names) != len(actions) {
		t.Errorf("%d names for %d actions", len(names), len(actions))
	}
	for _, want := range []string{"tab_credits", "tab_api_keys", "tab_ssh_keys", "tab_service_tokens", "refresh", "filter", "new", "rename", "delete", "roll", "copy", "quit", "help", "back"} {
		if _, ok := actions[want]; !ok {
			t.Errorf("no action %q", want)
		}
	}
	for name, b := range actions {
		if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
			t.Errorf("action %q has no keys or no help: %v %+v", name, b.Keys(), b.Help())
		}
	}
}

// The list a Table wraps never quits on its own ("q" and esc are the
// root's), and moves with the dashboard's keys.
func TestListKeyMapQuitDisabled(t *testing.T) {
	lk := common.DefaultKeyMap().ListKeyMap()
	for _, k := range []string{"q", "esc", "ctrl+c"} {
		if key.Matches(uitest.Key(k), lk.Quit, lk.ForceQuit) {
			t.Errorf("%q quits the list", k)
		}
	}
	if !key.Matches(uitest.Key("j"), lk.CursorDown) || !key.Matches(uitest.Key("/"), lk.Filter) {
		t.Error("list does not use the dashboard's movement and filter keys")
	}
}
