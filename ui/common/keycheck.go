package common

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// fixedBindings names the bindings that are not remappable (they are not in
// Actions) but can still collide with a remapped key in their scope.
func (k *KeyMap) fixedBindings() map[string]*key.Binding {
	return map[string]*key.Binding{
		"force_quit": &k.ForceQuit,
		"yes":        &k.Yes, "no": &k.No,
		"next_field": &k.NextField, "prev_field": &k.PrevField, "submit": &k.Submit,
		"choice_next": &k.ChoiceNext, "choice_prev": &k.ChoicePrev,
	}
}

// KeyScope is a group of bindings that are live on one screen at the same
// time, so no key may belong to two of them.
type KeyScope struct {
	Name    string   // for messages: "the main views"
	Actions []string // names from Actions or fixedBindings
}

// Scopes lists the key scopes. Every remappable action (every name in
// Actions) acts on the main views: the global keys, the view keys and list
// movement share one screen. A new binding that only acts in a dialog goes
// in the dialog's scope here instead, and in dialogOnly.
func (k *KeyMap) Scopes() []KeyScope {
	var main []string
	for _, n := range k.ActionNames() {
		if !slices.Contains(dialogOnly, n) {
			main = append(main, n)
		}
	}
	return []KeyScope{
		{Name: "the main views", Actions: append(main, "force_quit")},
		{Name: "confirmations", Actions: []string{"yes", "no", "back", "force_quit"}},
		{Name: "forms", Actions: []string{"next_field", "prev_field", "submit", "choice_next", "choice_prev", "back", "force_quit"}},
	}
}

// dialogOnly lists remappable actions that do not act on the main views.
var dialogOnly = []string{}

// sameEffect lists pairs of actions that do the same thing wherever they
// meet, so sharing a key is not a conflict (quit = ["q", "ctrl+c"]).
var sameEffect = [][2]string{{"quit", "force_quit"}, {"no", "back"}}

// KeyConflict is one key bound to two actions of one scope.
type KeyConflict struct {
	Key     string    // the key, as written in the key map
	Scope   string    // KeyScope.Name
	Actions [2]string // the two actions, in scope order
}

// Conflicts lists every key that two actions of one scope share, in scope
// order, then action order.
func (k *KeyMap) Conflicts() []KeyConflict {
	all := k.Actions()
	for n, b := range k.fixedBindings() {
		all[n] = b
	}
	var out []KeyConflict
	for _, sc := range k.Scopes() {
		owner := map[string]string{} // key → first action of the scope using it
		for _, a := range sc.Actions {
			b := all[a]
			if b == nil {
				panic("common: key scope " + sc.Name + " names an unknown action " + a)
			}
			for _, kn := range b.Keys() {
				first, taken := owner[kn]
				switch {
				case !taken:
					owner[kn] = a
				case first != a && !slices.Contains(sameEffect, [2]string{first, a}) && !slices.Contains(sameEffect, [2]string{a, first}):
					out = append(out, KeyConflict{Key: kn, Scope: sc.Name, Actions: [2]string{first, a}})
				}
			}
		}
	}
	return out
}

// keyNames holds every key name Bubble Tea v1 reports (tea.Key.String)
// other than runes: "enter", "esc", "ctrl+x", "f1" … "f20", "pgdown", " "
// (the space bar) and so on, read from Bubble Tea's own table.
var keyNames = func() map[string]bool {
	names := map[string]bool{}
	for t := -512; t <= 512; t++ { // key types are small integers around 0
		if n := tea.KeyType(t).String(); n != "" && tea.KeyType(t) != tea.KeyRunes {
			names[n] = true
		}
	}
	return names
}()

// ValidKeyName reports whether name is a key Bubble Tea can report, so a
// binding to it can ever match: a name from Bubble Tea's table, a single
// printable character ("j", "G", "?"), either with "alt+" in front.
func ValidKeyName(name string) bool {
	name = strings.TrimPrefix(name, "alt+")
	if keyNames[name] {
		return true
	}
	r, size := utf8.DecodeRuneInString(name)
	return size == len(name) && r != utf8.RuneError && unicode.IsGraphic(r) && !unicode.IsSpace(r)
}

// keyNameProblem explains why name is not a key name, suggesting the
// likely intended one.
func keyNameProblem(name string) string {
	msg := fmt.Sprintf("%q is not a key name", name)
	for _, try := range []string{strings.ToLower(name), strings.ReplaceAll(strings.ToLower(name), "-", "+")} {
		if try != name && ValidKeyName(try) {
			return msg + fmt.Sprintf(": did you mean %q?", try)
		}
	}
	return msg + ` (examples: "r", "R", "ctrl+r", "alt+r", "f5", "enter", "esc", "space", "pgdown", "shift+tab")`
}

// KeyPreferences is the [keys] table of the preferences file as
// CheckKeyPreferences needs it (config.Preferences has these methods).
type KeyPreferences interface {
	// KeyOverrides maps action names to keys.
	KeyOverrides() map[string][]string
	// ValidateKeys reports the first action that is not one of known.
	ValidateKeys(known []string) error
	// KeyActions lists the actions in the order the file names them.
	KeyActions() []string
	// KeyError is a problem with the entry of action, naming file and line.
	KeyError(action, msg string) error
}

// CheckKeyPreferences checks the [keys] overrides of p against the default
// key map: every action must exist, every key must be a key name Bubble Tea
// reports (a key that can never be pressed silently disables the action),
// and after the overrides no two actions of one scope may share a key (the
// first one would shadow the other). The first problem, in file order, is a
// *config.FileError naming the file, the line and the field.
func CheckKeyPreferences(p KeyPreferences) error {
	km := DefaultKeyMap()
	if err := p.ValidateKeys(km.ActionNames()); err != nil {
		return err
	}
	order := p.KeyActions()
	for _, a := range order {
		for _, kn := range p.KeyOverrides()[a] {
			if !ValidKeyName(kn) {
				return p.KeyError(a, keyNameProblem(kn))
			}
		}
	}
	if err := km.Override(p.KeyOverrides()); err != nil {
		return err
	}
	// Blame the action the file moved onto the key: of the two, the one the
	// file sets (the later one in the file when it sets both). Report the
	// conflict whose blamed action comes first in the file.
	pos := func(a string) int { return slices.Index(order, a) }
	var (
		blamed, other string
		found         *KeyConflict
	)
	for _, c := range km.Conflicts() {
		b, o := c.Actions[1], c.Actions[0]
		if pos(o) > pos(b) {
			b, o = o, b
		}
		if pos(b) < 0 {
			continue // a conflict in the defaults: not the file's doing
		}
		if found == nil || pos(b) < pos(blamed) {
			c := c
			found, blamed, other = &c, b, o
		}
	}
	if found == nil {
		return nil
	}
	key := found.Key
	if key == " " {
		key = "space"
	}
	return p.KeyError(blamed, fmt.Sprintf("%q is also the key of %s in %s: choose another key, or rebind %s too",
		key, other, found.Scope, other))
}
