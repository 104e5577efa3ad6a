package components

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// KeyList is what the API keys and SSH keys views share: a table fed page
// by page by a loader, with the common.View methods that follow from it.
// A view embeds it and adds its title, keys, dialogs and help.
type KeyList[T any] struct {
	Table  *Table
	Loader *Loader[T]
	items  string
	toRow  func(T) Row
}

// NewKeyList returns a key list: item and items name what it holds ("SSH
// key", "SSH keys"), walk walks its pages, toRow turns an item into its row.
func NewKeyList[T any](c *common.Common, cols []Column, item, items string, walk WalkFunc[T], toRow func(T) Row) *KeyList[T] {
	return &KeyList[T]{
		Table:  NewTable(c, cols, item, items),
		Loader: NewLoader(c, walk),
		items:  items,
		toRow:  toRow,
	}
}

// Init loads the first page (and then the rest).
func (l *KeyList[T]) Init() tea.Cmd { return l.Loader.Load() }

// Refresh reloads the list; the old rows stay until the new ones are in.
func (l *KeyList[T]) Refresh() tea.Cmd { return l.Loader.Load() }

// Stop ends a walk in progress: the view is being discarded.
func (l *KeyList[T]) Stop() { l.Loader.Stop() }

// Capturing reports whether the filter has focus.
func (l *KeyList[T]) Capturing() bool { return l.Table.Capturing() }

// Busy reports whether the list is loading.
func (l *KeyList[T]) Busy() bool { return l.Loader.Busy() }

// Updated is when the list last loaded completely.
func (l *KeyList[T]) Updated() time.Time { return l.Loader.Updated() }

// SetSize gives the list its area.
func (l *KeyList[T]) SetSize(w, h int) { l.Table.SetSize(w, h) }

// Page takes one page of the list (see ApplyPage).
func (l *KeyList[T]) Page(msg PageMsg[T]) tea.Cmd {
	return ApplyPage(l.Table, l.Loader, msg, l.toRow)
}

// ViewWith draws the table with the loader's note, or note when it is set
// (a view's own in-flight work, e.g. details being fetched).
func (l *KeyList[T]) ViewWith(st *common.Styles, note string) string {
	if n := l.Loader.Note(st, l.items, l.Table.Len()); n != "" || note == "" {
		note = n
	}
	l.Table.SetNote(note)
	// "No SSH keys." only once the list is known to be empty: not while it
	// loads, not under a load error.
	l.Table.SetLoaded(l.Loader.Loaded() && !l.Loader.Busy() && l.Loader.Err() == nil)
	return l.Table.View()
}

// NewRenameForm asks for a new name, prefilled with the current one;
// rename sends it and returns the view's result message. A 404 closes the
// form and runs gone (e.g. a toast and a reload).
func NewRenameForm(c *common.Common, current string, rename func(ctx context.Context, name string) (tea.Msg, error), gone func() tea.Cmd) *Form {
	return NewForm(c, fmt.Sprintf("Rename “%s”", current), []Field{{
		Label: "Name", Value: current, CharLimit: 256, Validate: ValidateName,
	}}, func(ctx context.Context, v []string) (tea.Msg, error) {
		return rename(ctx, v[0])
	}).OnError(CloseOnNotFound(gone))
}

// CloseOnNotFound is an ErrorPolicy that closes a dialog whose item is gone
// (404) and runs gone; other errors stay in the dialog.
func CloseOnNotFound(gone func() tea.Cmd) ErrorPolicy {
	return func(err error) (bool, tea.Cmd) {
		if errors.Is(err, api.ErrNotFound) {
			return true, gone()
		}
		return false, nil
	}
}
