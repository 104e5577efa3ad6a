package uitest

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/modal"
)

// Driver plays the root model (ui/app.go) around one view, synchronously:
// it runs every command at once (see Run) and routes each message as the
// root does, with the root's own modal stack (modal.Stack): keys go to the
// top modal, or to the view when no modal is open; toasts and 401s are
// recorded; other messages go to every modal and the view. After each
// message the stack syncs, as the root's does. The root's own keys (tabs,
// help, quit) and its login screen are not played.
type Driver struct {
	// Modals is the modal stack.
	Modals modal.Stack
	// Toasts are the toasts shown so far, oldest first.
	Toasts []common.ToastMsg
	// Unauthorized counts the UnauthorizedMsg received.
	Unauthorized int

	t    testing.TB
	c    *common.Common
	view common.View
}

// NewDriver sizes view to c, runs its Init and all that follows.
func NewDriver(t testing.TB, c *common.Common, view common.View) *Driver {
	t.Helper()
	d := &Driver{t: t, c: c, view: view}
	view.SetSize(c.Width, c.Height)
	d.Modals.SetSize(c.Width, c.Height)
	d.Run(view.Init())
	d.Modals.Sync(view)
	return d
}

// Send delivers msg and runs all that follows.
func (d *Driver) Send(msg tea.Msg) {
	d.t.Helper()
	d.Run(d.Deliver(msg))
}

// Run runs cmd and sends each message it yields (see Send).
func (d *Driver) Run(cmd tea.Cmd) {
	d.t.Helper()
	for _, msg := range Run(d.t, cmd) {
		d.Send(msg)
	}
}

// Deliver routes msg as the root does and returns the command that comes
// back, without running it.
func (d *Driver) Deliver(msg tea.Msg) tea.Cmd {
	defer d.Modals.Sync(d.view)
	switch msg := msg.(type) {
	case common.ToastMsg:
		d.Toasts = append(d.Toasts, msg)
		return nil
	case common.UnauthorizedMsg:
		d.Unauthorized++
		return nil
	case tea.KeyMsg:
		if d.Modals.Len() > 0 {
			return d.Modals.Update(msg)
		}
		_, cmd := d.view.Update(msg)
		return cmd
	}
	_, cmd := d.view.Update(msg)
	return tea.Batch(d.Modals.Broadcast(msg), cmd)
}

// Keys presses keys (see Key) one after another, running what follows each.
func (d *Driver) Keys(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.Send(Key(k))
	}
}

// Type types text one rune at a time, running what follows each.
func (d *Driver) Type(text string) {
	d.t.Helper()
	for _, r := range text {
		d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// Paste pastes text: one bracketed paste, newlines included.
func (d *Driver) Paste(text string) {
	d.t.Helper()
	d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true})
}

// Top is the modal on top, or nil.
func (d *Driver) Top() common.Modal { return d.Modals.Top() }

// LastToast is the text of the latest toast, "" when there was none.
func (d *Driver) LastToast() string {
	if len(d.Toasts) == 0 {
		return ""
	}
	return d.Toasts[len(d.Toasts)-1].Text
}
