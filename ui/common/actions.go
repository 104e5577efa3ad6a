package common

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// This file holds the table in which a view declares its actions once,
// after lazygit's Binding{Key, Handler, Description, GetDisabledReason} and
// k9s's KeyActions: key handling, the footer, "?" and the read-only
// refusals all read it.

// Action is one thing a view does on a key.
type Action struct {
	// Key is the action's binding in the one KeyMap. It is a pointer so
	// that the table always sees the binding as it is now: remapped by the
	// preferences, or turned off by read-only mode.
	Key *key.Binding
	// Help describes the action in "?" ("" keeps the binding's own
	// description); Short describes it in the footer ("" keeps Help).
	Help, Short string
	// Footer is the action's place in the footer, from 1; 0 keeps it out
	// (a list action then follows the global keys). The footer has its
	// own order (the most used first), "?" lists the actions in the
	// table's order. The footer drops hints from its end on a narrow
	// screen, so the order says what goes first.
	Footer int
	// Unlisted keeps the action out of "?" too: a key that only answers
	// (y on the API keys view, where no secret is kept).
	Unlisted bool
	// List marks the list's own actions (sort, reverse, copy the id): "?"
	// shows them in a group of their own, the footer after the global keys,
	// both in the table's order.
	List bool
	// Check says why the action cannot act now, or nil when it can. Nil
	// means it always can (read-only mode aside).
	Check func() *Refusal
	// Run does the action. Nil when the view's list takes the key itself
	// (filter, sort): the action is then in the table for the footer and
	// "?" only, and its key passes on to the list.
	Run func() tea.Cmd
}

// Refusal says why an action cannot act now.
type Refusal struct {
	// Why is the reason in words: "not supported by this account", "No
	// API key selected".
	Why string
	// Tell keeps the action offered (in the footer and "?") and answers its
	// key with Why, as an info toast: for a state that passes, such as an
	// empty list. Without it the action is not offered and its key passes
	// on, as a key bound to nothing does.
	Tell bool
}

// NotOffered is a Refusal that takes the action out of the footer and "?"
// and lets its key pass on: the account cannot do it, or the key in use
// may not.
func NotOffered(why string) *Refusal { return &Refusal{Why: why} }

// Answer is a Refusal that keeps the action offered and answers its key
// with why: "No API key selected".
func Answer(why string) *Refusal { return &Refusal{Why: why, Tell: true} }

// NeedsSelection is the Check of an action on the selected row: while
// selected reports that no row is, the action stays offered and its key
// answers none ("No API key selected").
func NeedsSelection(selected func() bool, none string) func() *Refusal {
	return func() *Refusal {
		if !selected() {
			return Answer(none)
		}
		return nil
	}
}

// AllOf is a Check made of checks: the first refusal of them, in order,
// or nil when none refuses.
func AllOf(checks ...func() *Refusal) func() *Refusal {
	return func() *Refusal {
		for _, check := range checks {
			if r := check(); r != nil {
				return r
			}
		}
		return nil
	}
}

// Actions is a view's table of actions, in the order "?" lists them.
type Actions struct {
	c       *Common
	actions []Action
	// typing reports whether the view's text input has the keys (its
	// filter); typingKeys are the footer then.
	typing     func() bool
	typingKeys []key.Binding
}

// SetTyping says when the view takes text (typing reports it) and what
// the footer offers then, in place of the actions, whose letters are text
// while it types: keys.
func (t *Actions) SetTyping(typing func() bool, keys ...key.Binding) {
	t.typing, t.typingKeys = typing, keys
}

// HasList reports whether the view is a list (the table holds the list's
// actions): "?" then lists the moves and the filter.
func (t *Actions) HasList() bool {
	return slices.ContainsFunc(t.actions, func(a Action) bool { return a.List })
}

// NewActions returns the table of actions, in the order "?" lists them.
func NewActions(c *Common, actions ...Action) *Actions {
	return &Actions{c: c, actions: actions}
}

// refusal is why a can not act now: read-only mode first (for an action
// that changes something, the KeyMap's Changing), then its own Check.
func (t *Actions) refusal(a *Action) *Refusal {
	if t.c.ReadOnly {
		if what := t.c.Keys.ChangeOf(a.Key); what != "" {
			// Not offered, yet answered: the user learns why nothing happens.
			return &Refusal{Why: fmt.Sprintf("read-only: %s is off (%s)", what, t.c.ReadOnlyReason), Tell: true}
		}
	}
	if a.Check == nil {
		return nil
	}
	return a.Check()
}

// offered reports whether a is in the footer and "?" now.
func (t *Actions) offered(a *Action) bool {
	if t.c.ReadOnly && t.c.Keys.ChangeOf(a.Key) != "" {
		return false
	}
	r := t.refusal(a)
	return r == nil || r.Tell
}

// find is the action whose key msg presses, whether or not it is offered
// (a refused key still gets its answer); nil when none is.
func (t *Actions) find(msg tea.KeyMsg) *Action {
	for i := range t.actions {
		if slices.Contains(t.actions[i].Key.Keys(), msg.String()) {
			return &t.actions[i]
		}
	}
	return nil
}

// Handle runs the action whose key msg presses, or answers with why it
// cannot act. handled is false when the key is the table's business no
// further: no action has it, the action is not offered, or the list takes
// it (Run is nil). The view then passes the key on to its list.
func (t *Actions) Handle(msg tea.KeyMsg) (cmd tea.Cmd, handled bool) {
	a := t.find(msg)
	if a == nil {
		return nil, false
	}
	if r := t.refusal(a); r != nil {
		if !r.Tell {
			return nil, false
		}
		return Toast(ToastInfo, "%s", r.Why), true
	}
	if a.Run == nil {
		return nil, false
	}
	return a.Run(), true
}

// binding is a's binding as help shows it: with the action's description,
// and disabled (so neither the footer nor "?" shows it) when it is not
// offered. The KeyMap's binding is left as it is.
func (t *Actions) binding(a *Action, desc string) key.Binding {
	b := *a.Key
	if desc != "" {
		b.SetHelp(b.Help().Key, desc)
	}
	b.SetEnabled(b.Enabled() && t.offered(a))
	return b
}

// ShortHelp is the view's part of the footer, in footer order: its own
// actions and the list's that have a place (the others: see ListKeys).
func (t *Actions) ShortHelp() []key.Binding {
	var own []*Action
	for i := range t.actions {
		if a := &t.actions[i]; a.Footer > 0 {
			own = append(own, a)
		}
	}
	slices.SortStableFunc(own, func(a, b *Action) int { return cmp.Compare(a.Footer, b.Footer) })
	out := make([]key.Binding, 0, len(own))
	for _, a := range own {
		out = append(out, t.binding(a, cmp.Or(a.Short, a.Help)))
	}
	return out
}

// ListKeys are the list's own actions without a place in the footer
// (sort, reverse), in the table's order.
func (t *Actions) ListKeys() []key.Binding {
	var out []key.Binding
	for i := range t.actions {
		if a := &t.actions[i]; a.List && a.Footer == 0 {
			out = append(out, t.binding(a, cmp.Or(a.Short, a.Help)))
		}
	}
	return out
}

// FullHelp is the view's part of "?": its own actions, then the list's, in
// the table's order.
func (t *Actions) FullHelp() [][]key.Binding {
	var own, list []key.Binding
	for i := range t.actions {
		a := &t.actions[i]
		switch {
		case a.Unlisted:
		case a.List:
			list = append(list, t.binding(a, a.Help))
		default:
			own = append(own, t.binding(a, a.Help))
		}
	}
	groups := [][]key.Binding{own}
	if len(list) > 0 {
		groups = append(groups, list)
	}
	return groups
}

// Footer is the whole footer while the view has the keys, in order: the
// view's actions with a place (ShortHelp), refresh and switch account, the
// list's other actions, help and quit; a key already listed is not listed
// again. While the view takes text, only what keys do then (SetTyping).
// The root fits it to the width. Switch account shows as the KeyMap has
// it: the root disables it there when there is no other account.
func (t *Actions) Footer() []key.Binding {
	if t.typing != nil && t.typing() {
		return t.typingKeys
	}
	k := t.c.Keys
	all := append(t.ShortHelp(), k.Refresh, k.SwitchAccount)
	all = append(all, t.ListKeys()...)
	all = append(all, k.Help, k.Quit)
	seen := map[string]bool{}
	out := all[:0:0]
	for _, b := range all {
		if shown := b.Help().Key; !seen[shown] {
			seen[shown] = true
			out = append(out, b)
		}
	}
	return out
}

// ListActions are the actions every list view has, for the end of its
// table: sort by the next column and reverse the order (the list takes
// those keys itself), and copy the selected row's id. selected reports
// whether a row is selected (copy id is offered only then); usable, when
// not nil, says why the selected row's id cannot be copied (it has none);
// copyID copies its id; copyAt is its place in the view's footer order
// (Action.Footer).
func ListActions(k *KeyMap, selected func() bool, usable func() *Refusal, copyAt int, copyID func() tea.Cmd) []Action {
	return []Action{
		{Key: &k.Sort, List: true},
		{Key: &k.SortReverse, List: true},
		{Key: &k.CopyID, List: true, Footer: copyAt, Run: copyID, Check: func() *Refusal {
			if !selected() {
				// Not offered, unlike the view's actions on a row: the
				// list's own keys say nothing on an empty list.
				return NotOffered("nothing selected")
			}
			if usable != nil {
				return usable()
			}
			return nil
		}},
	}
}
