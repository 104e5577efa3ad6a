package common

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// KeyMap is the dashboard's one key map. Every binding has help text, is
// shown by "?", and can be overridden from the preferences file by its
// action name (see Actions).
type KeyMap struct {
	// Everywhere.
	// Tab1…Tab4 switch to the first…fourth tab (as many as there are).
	Tab1, Tab2, Tab3, Tab4 key.Binding
	NextTab, PrevTab       key.Binding
	Up, Down               key.Binding
	Top, Bottom            key.Binding
	PageUp, PageDown       key.Binding
	Filter                 key.Binding
	Refresh                key.Binding
	// SwitchAccount opens the account picker (main views only).
	SwitchAccount key.Binding
	Help          key.Binding
	Back          key.Binding
	Quit          key.Binding
	ForceQuit     key.Binding

	// In the key views.
	Details key.Binding
	New     key.Binding
	Import  key.Binding
	Rename  key.Binding
	Delete  key.Binding
	Roll    key.Binding
	Copy    key.Binding
	// Disable disables or enables a key, Limit sets its spending limit
	// (accounts that are api.KeyUpdaters).
	Disable key.Binding
	Limit   key.Binding
	// Workspace narrows the API keys to one workspace, or back to all
	// (accounts that are api.Workspaces).
	Workspace key.Binding
	// Sort sorts a list by its next column, SortReverse reverses the
	// order; CopyID copies the selected row's id (not a secret).
	Sort, SortReverse, CopyID key.Binding

	// In confirmations (and the login screen's save question).
	Yes key.Binding
	No  key.Binding
	// Choice moves the highlight between a dialog's buttons.
	Choice key.Binding

	// On the login screen: Demo switches to the built-in demo;
	// LoginSwitch opens the account switcher there, where P is text
	// typed into the key box (so it is a control key).
	Demo, LoginSwitch key.Binding
	// SignIn opens the login screen for another key, where the key in use
	// may not do what the view is for (an inference key on the API keys
	// view).
	SignIn key.Binding

	// In forms.
	NextField, PrevField, Submit key.Binding
	// ChoiceNext and ChoicePrev cycle a form's choice field.
	ChoiceNext, ChoicePrev key.Binding
}

// DefaultKeyMap is the key map of DESIGN.md.
func DefaultKeyMap() *KeyMap {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKeys(keys), help))
	}
	km := &KeyMap{
		Tab1:          b("credits", "1"),
		Tab2:          b("API keys", "2"),
		Tab3:          b("SSH keys", "3"),
		Tab4:          b("service tokens", "4"),
		NextTab:       b("next view", "tab"),
		PrevTab:       b("previous view", "shift+tab"),
		Up:            b("up", "k", "up"),
		Down:          b("down", "j", "down"),
		Top:           b("first", "g", "home"),
		Bottom:        b("last", "G", "end"),
		PageUp:        b("page up", "pgup", "ctrl+b"),
		PageDown:      b("page down", "pgdown", "ctrl+f"),
		Filter:        b("filter", "/"),
		Refresh:       b("refresh", "r"),
		SwitchAccount: b("switch account", "P"),
		Help:          b("help", "?"),
		Back:          b("back", "esc"),
		Quit:          b("quit", "q"),
		ForceQuit:     b("quit", "ctrl+c"),
		Details:       b("details", "enter"),
		New:           b("new", "n"),
		Import:        b("import ~/.ssh", "i"),
		Rename:        b("rename", "e"),
		Delete:        b("delete", "d"),
		Roll:          b("roll secret", "R"),
		Copy:          b("copy", "y"),
		Disable:       b("disable/enable", "x"),
		Limit:         b("set limit", "L"),
		Workspace:     b("workspace", "w"),
		Sort:          b("sort", "s"),
		SortReverse:   b("reverse sort", "S"),
		CopyID:        b("copy id", "c"),
		Yes:           b("yes", "y"),
		No:            b("no", "n"),
		Choice:        b("switch button", "left", "right", "h", "l", "tab", "shift+tab"),
		Demo:          b("try the demo", "ctrl+d"),
		LoginSwitch:   b("switch account", "ctrl+p"),
		SignIn:        b("sign in with another key", "K"),
		NextField:     b("next field", "tab"),
		PrevField:     b("previous field", "shift+tab"),
		Submit:        b("submit", "enter"),
		ChoiceNext:    b("next choice", "right", " "),
		ChoicePrev:    b("previous choice", "left"),
	}
	// Show the main key only where a binding has a long alternative.
	for _, kb := range []*key.Binding{&km.Top, &km.Bottom, &km.PageUp, &km.PageDown} {
		kb.SetHelp(helpKeys(kb.Keys()[:1]), kb.Help().Desc)
	}
	km.Choice.SetHelp(helpKeys(km.Choice.Keys()[:2]), km.Choice.Help().Desc)
	return km
}

// helpKeys is how a binding's keys are shown in help: "j/↓".
func helpKeys(keys []string) string {
	pretty := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgup": "pgup", "pgdown": "pgdn", "shift+tab": "shift+tab", " ": "space"}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if p, ok := pretty[k]; ok {
			k = p
		}
		out = append(out, k)
	}
	return strings.Join(out, "/")
}

// Actions maps the names used in the preferences file to bindings.
func (k *KeyMap) Actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"tab_credits": &k.Tab1, "tab_api_keys": &k.Tab2, "tab_ssh_keys": &k.Tab3, "tab_service_tokens": &k.Tab4,
		"next_tab": &k.NextTab, "prev_tab": &k.PrevTab,
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom,
		"page_up": &k.PageUp, "page_down": &k.PageDown,
		"filter": &k.Filter, "refresh": &k.Refresh, "help": &k.Help, "back": &k.Back, "quit": &k.Quit,
		"details": &k.Details, "new": &k.New, "import": &k.Import, "rename": &k.Rename,
		"delete": &k.Delete, "roll": &k.Roll, "copy": &k.Copy,
		"disable": &k.Disable, "limit": &k.Limit, "workspace": &k.Workspace, "switch_account": &k.SwitchAccount,
		"demo": &k.Demo, "login_switch_account": &k.LoginSwitch, "sign_in": &k.SignIn,
		"sort": &k.Sort, "sort_reverse": &k.SortReverse, "copy_id": &k.CopyID,
		// Confirmation and form keys are not remappable: letters in forms
		// must stay text.
	}
}

// ActionNames lists the names Actions accepts, sorted.
func (k *KeyMap) ActionNames() []string {
	var names []string
	for n := range k.Actions() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Override replaces the keys of the named actions. An unknown action name
// or an empty key list is an error naming it.
func (k *KeyMap) Override(overrides map[string][]string) error {
	actions := k.Actions()
	names := make([]string, 0, len(overrides))
	for n := range overrides {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		keys := overrides[name]
		b, ok := actions[name]
		if !ok {
			return fmt.Errorf("keys.%s: unknown action (known: %s)", name, strings.Join(k.ActionNames(), ", "))
		}
		if len(keys) == 0 {
			return fmt.Errorf("keys.%s: needs at least one key", name)
		}
		b.SetKeys(keys...)
		b.SetHelp(helpKeys(keys), b.Help().Desc)
	}
	return nil
}

// ListKeyMap is the bubbles list key map built from ours, with the list's
// own quit bindings disabled: quitting goes through the root model.
func (k *KeyMap) ListKeyMap() list.KeyMap {
	km := list.DefaultKeyMap()
	km.CursorUp = k.Up
	km.CursorDown = k.Down
	km.GoToStart = k.Top
	km.GoToEnd = k.Bottom
	km.PrevPage = k.PageUp
	km.NextPage = k.PageDown
	km.Filter = k.Filter
	km.ClearFilter = k.Back
	km.CancelWhileFiltering = k.Back
	km.Quit = key.NewBinding(key.WithDisabled())
	km.ForceQuit = key.NewBinding(key.WithDisabled())
	km.ShowFullHelp = key.NewBinding(key.WithDisabled())
	km.CloseFullHelp = key.NewBinding(key.WithDisabled())
	return km
}

// ChangingAction is a binding of an action that changes something, and
// what it does, for the line that refuses it in read-only mode.
type ChangingAction struct {
	Binding *key.Binding
	What    string // "creating keys"
}

// Changing lists the bindings of every action that changes something on
// the server. Read-only mode disables them all in one place (the root),
// so a new action that changes something belongs here.
func (k *KeyMap) Changing() []ChangingAction {
	return []ChangingAction{
		{&k.New, "creating keys"},
		{&k.Import, "importing keys"},
		{&k.Rename, "renaming keys"},
		{&k.Delete, "deleting keys"},
		{&k.Roll, "rolling and replacing keys"},
		{&k.Disable, "disabling and enabling keys"},
		{&k.Limit, "changing spending limits"},
	}
}

// SetReadOnly disables every Changing binding (the views' action tables
// answer their keys with ChangeOf).
func (k *KeyMap) SetReadOnly() {
	for _, a := range k.Changing() {
		a.Binding.SetEnabled(false)
	}
}

// ChangeOf is what the Changing action bound to b changes ("creating
// keys"), for the line that refuses it in read-only mode; "" when b (a
// binding of this KeyMap) changes nothing.
func (k *KeyMap) ChangeOf(b *key.Binding) string {
	for _, a := range k.Changing() {
		if a.Binding == b {
			return a.What
		}
	}
	return ""
}

// NonText is b without the keys that are text in an input (single
// printable characters such as "j"): where a text input has the keys,
// only these may act, and hints name only these ("↑" of "k/↑").
func NonText(b key.Binding) key.Binding {
	var keys []string
	for _, k := range b.Keys() {
		if len([]rune(k)) != 1 {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return key.NewBinding(key.WithDisabled())
	}
	out := key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKeys(keys), b.Help().Desc))
	out.SetEnabled(b.Enabled())
	return out
}

// WithDesc is b with another help description (the same keys): "add" for
// New on the SSH view, "roll" in a short footer.
func WithDesc(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// Cycle steps i through 0 … n-1 by one on next (forward) or prev (back),
// wrapping round at either end: a form's choice field and the tab bar.
// ok is false, and i as it was, when msg is neither.
func Cycle(msg tea.KeyMsg, next, prev key.Binding, i, n int) (int, bool) {
	switch {
	case key.Matches(msg, next):
		return (i + 1) % n, true
	case key.Matches(msg, prev):
		return (i + n - 1) % n, true
	}
	return i, false
}
