package list

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// This file holds what the key views do the same way with their list: the
// selected row, the list's part of their table of actions, the results
// every key list shows alike, and the messages a view's Update leaves.

// Selected is the selected row, or R's zero value when none is; an
// action's Check (NeedsSelection) makes sure there is one before it runs.
func (l *KeyList[T, R]) Selected() R {
	r, _ := l.Table.Selected().(R)
	return r
}

// HasSelection reports whether a row is selected.
func (l *KeyList[T, R]) HasSelection() bool { return l.Table.Selected() != nil }

// NeedsSelection is the Check of an action on the selected row: while no
// row is selected the action stays offered and its key answers "No SSH
// key selected" (common.NeedsSelection).
func (l *KeyList[T, R]) NeedsSelection() func() *common.Refusal {
	return common.NeedsSelection(l.HasSelection, "No "+l.item+" selected")
}

// SelectedUsable says why nothing can be done with the selected row (a
// table.UsableRow whose key has no id), or nil.
func (l *KeyList[T, R]) SelectedUsable() *common.Refusal {
	if u, ok := l.Table.Selected().(table.UsableRow); ok {
		return u.Usable()
	}
	return nil
}

// ActionTable is a view's table of actions: own, in the order "?" lists
// them, then the list's (common.ListActions), whose copy-the-id runs copyID
// on the selected row and comes at copyAt in the footer's order. While the
// filter takes text the footer says what enter and esc do there.
func (l *KeyList[T, R]) ActionTable(own []common.Action, copyAt int, copyID func(R) tea.Cmd) *common.Actions {
	copySelected := func() tea.Cmd { return copyID(l.Selected()) }
	acts := append(own, common.ListActions(l.c.Keys, l.HasSelection, l.SelectedUsable, copyAt, copySelected)...)
	t := common.NewActions(l.c, acts...)
	k := l.c.Keys
	t.SetTyping(l.Table.Capturing, common.WithDesc(k.Submit, "keep filter"), common.WithDesc(k.Back, "clear filter"), k.ForceQuit)
	return t
}

// Created puts the row of an item the server has just created first in
// the list. id and problem are where the new item keeps its id and the
// id's problem: when the id repeats a listed row's, table.MarkRepeated
// marks them before row builds the row from them.
func (l *KeyList[T, R]) Created(id, problem *string, row func() R) (R, tea.Cmd) {
	l.Table.MarkRepeated(id, problem)
	r := row()
	return r, l.Table.Prepend(r)
}

// Renamed shows item, which the server has renamed to name, in place of
// its old row, and says so.
func (l *KeyList[T, R]) Renamed(item T, name string) tea.Cmd {
	cmd := l.Table.Replace(l.toRow(item))
	return tea.Batch(cmd, common.Toast(common.ToastSuccess, "Renamed to “%s”", name))
}

// Deleted takes the row with uid out of the list once the server has
// deleted it, and names what was deleted.
func (l *KeyList[T, R]) Deleted(uid, name string) tea.Cmd {
	removed := l.Table.Remove(uid)
	return tea.Batch(removed, common.Toast(common.ToastSuccess, "%s “%s” deleted", l.item, name))
}

// Default handles what a key view's Update has no case of its own for,
// the same way in every key view: the background refresh (Live), a page
// of the list, a key for the view's actions (unless the filter has focus),
// and then the table (moving, filtering, sorting).
func (l *KeyList[T, R]) Default(msg tea.Msg, acts *common.Actions) tea.Cmd {
	if cmd, ok := l.Live(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case PageMsg[T]:
		return l.Page(msg)
	case tea.KeyMsg:
		if !l.Table.Capturing() {
			if cmd, handled := acts.Handle(msg); handled {
				return cmd
			}
		}
	}
	return l.Table.Update(msg)
}
