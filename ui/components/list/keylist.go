// Package list joins a loader and a table into the list every key view
// shows: Loader walks a list's pages off the UI goroutine, ApplyPage feeds
// each page to a table.Table, and KeyList is the two together, kept live
// by a background refresh. It may import api (neutral), ui/common and the
// table and textfit packages, never a view or a dialog.
package list

import (
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
)

// KeyList is what the API keys and SSH keys views share: a table fed page
// by page by a loader, with the common.View methods that follow from it.
// A view embeds it and adds its title, keys, dialogs and help. T is what
// the account lists (api.Key, api.SSHKey), R the view's row for one.
//
// It also keeps the list live: every Common.ListRefreshInterval it reloads
// in the background (the table keeps selection, filter and window), never
// after a walk that gave up (Loader.GaveUp), never while a dialog is open — a tick that comes then is made up for once the
// dialogs close — and at most one tick of a list is ever pending.
type KeyList[T any, R table.Row] struct {
	Table  *table.Table
	Loader *Loader[T]
	item   string
	items  string
	toRow  func(T) R
	c      *common.Common
	// id tells this list's ticks from those of lists made before it (an
	// account switch rebuilds the views; the Common's IDs number them all);
	// tickGen is its live tick chain.
	id, tickGen int
	// missed says a tick came while a dialog was open.
	missed bool
	// background says the load in progress is a background refresh: it
	// shows no loading note over rows that are already there.
	background bool
}

// listTickMsg asks list id for a background refresh; gen is its tick
// chain, so ticks of a list that was discarded or of an older chain (a
// manual refresh starts a new one) do nothing.
type listTickMsg struct{ id, gen int }

// NewKeyList returns a key list: item and items name what it holds ("SSH
// key", "SSH keys"), walk walks its pages, toRow turns an item into its row.
func NewKeyList[T any, R table.Row](c *common.Common, cols []table.Column, item, items string, walk WalkFunc[T], toRow func(T) R) *KeyList[T, R] {
	return &KeyList[T, R]{
		Table:  table.NewTable(c, cols, item, items),
		Loader: NewLoader(c, walk),
		item:   item,
		items:  items,
		toRow:  toRow,
		c:      c,
		id:     int(c.IDs.Next()),
	}
}

// Sorted gives the list the orders "s" steps through, starting at the one
// the settings name (Common.Sort), and returns it.
func (l *KeyList[T, R]) Sorted(cols []table.SortColumn) *KeyList[T, R] {
	l.Table.SetSort(cols, l.c.Sort)
	return l
}

// Init loads the first page (and then the rest) and starts the background
// refresh.
func (l *KeyList[T, R]) Init() tea.Cmd { return l.Refresh() }

// Refresh reloads the list; the old rows stay until the new ones are in.
// The background refresh starts again from now.
func (l *KeyList[T, R]) Refresh() tea.Cmd {
	l.background, l.missed = false, false
	l.tickGen++
	return tea.Batch(l.Loader.Load(), l.tick())
}

// Stop ends a walk in progress and the background refresh: the view is
// being discarded.
func (l *KeyList[T, R]) Stop() {
	l.Loader.Stop()
	l.tickGen++
}

// tick schedules the next tick of the live chain, if lists refresh by
// themselves.
func (l *KeyList[T, R]) tick() tea.Cmd {
	d := l.c.ListRefreshInterval
	if d <= 0 {
		return nil
	}
	msg := listTickMsg{id: l.id, gen: l.tickGen}
	return l.c.After(d, func(time.Time) tea.Msg { return msg })
}

// Live handles the background refresh's messages: its ticks and the
// dialogs closing (common.DialogsClosedMsg). ok says msg was one of them;
// views call it first in Update.
func (l *KeyList[T, R]) Live(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case listTickMsg:
		if msg.id != l.id || msg.gen != l.tickGen {
			return nil, true // another list's, or an old chain's
		}
		next := l.tick()
		switch {
		case l.c.Dialog():
			// Never under a dialog: its rows may be what it acts on.
			l.missed = true
		case l.idle():
			return tea.Batch(l.backgroundLoad(), next), true
		}
		return next, true
	case common.DialogsClosedMsg:
		if l.missed && !l.c.Dialog() && l.idle() {
			return l.backgroundLoad(), true
		}
		return nil, true
	}
	return nil, false
}

// idle reports whether a background refresh may start: no walk is under
// way, and the last one did not give up (a cap or a loop: a server that
// overran the list once would only do it again; Refresh, the user's
// refresh, starts it).
func (l *KeyList[T, R]) idle() bool { return !l.Loader.Busy() && !l.Loader.GaveUp() }

// backgroundLoad reloads the list quietly.
func (l *KeyList[T, R]) backgroundLoad() tea.Cmd {
	l.missed, l.background = false, true
	return l.Loader.Load()
}

// Stale reports whether the rows shown are older than the last attempt to
// load them: a refresh failed after an earlier load had succeeded
// (common.Staler), and no load has succeeded since — a retry in flight
// leaves them stale. The rows are from Updated.
func (l *KeyList[T, R]) Stale() bool { return l.Loader.Loaded() && l.Loader.Err() != nil }

// Capturing reports whether the filter has focus.
func (l *KeyList[T, R]) Capturing() bool { return l.Table.Capturing() }

// Busy reports whether the list is loading.
func (l *KeyList[T, R]) Busy() bool { return l.Loader.Busy() }

// Updated is when the list last loaded completely.
func (l *KeyList[T, R]) Updated() time.Time { return l.Loader.Updated() }

// SetSize gives the list its area.
func (l *KeyList[T, R]) SetSize(w, h int) { l.Table.SetSize(w, h) }

// Page takes one page of the list (see ApplyPage).
func (l *KeyList[T, R]) Page(msg PageMsg[T]) tea.Cmd {
	cmd := ApplyPage(l.Table, l.Loader, msg, l.toRow)
	if !l.Loader.Busy() {
		l.background = false
	}
	if errors.Is(msg.Err, api.ErrUnauthorized) && msg.Err == l.Loader.Err() {
		l.tickGen++ // no refreshing with a refused key; signing in refreshes
	}
	return cmd
}

// ViewWith draws the table with the loader's note, or note when it is set
// (a view's own in-flight work, e.g. details being fetched).
func (l *KeyList[T, R]) ViewWith(st *common.Styles, note string) string {
	n := l.Loader.Note(st, l.items, l.Table.Len())
	if l.background && l.Loader.Busy() && l.Loader.Err() == nil {
		// A background refresh does not disturb the rows it keeps; the
		// error of the last one stays until a load succeeds.
		n = ""
	}
	if n != "" || note == "" {
		note = n
	}
	l.Table.SetNote(note)
	// "No SSH keys." only once the list is known to be empty: not before a
	// load has succeeded, not under a load error.
	l.Table.SetLoaded(l.Loader.Loaded() && l.Loader.Err() == nil)
	return l.Table.View()
}
