// Package modal is the one stack of dialogs drawn over the views: the root
// model and the tests' driver (ui/uitest) both use it, so a test routes
// keys and messages to dialogs exactly as the dashboard does.
//
// A dialog opens one way: the view or dialog that wants it queues it in its
// common.Outbox during Update, and the owner of the stack calls Sync right
// after that Update returns, so the next key already reaches the new
// dialog. A dialog closes itself by reporting Closed; Sync drops it.
//
// It imports only ui/common (and Bubble Tea, lipgloss).
package modal

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
)

// Stack is the dialogs on screen, the top one last. The zero value is an
// empty stack of size 0×0.
type Stack struct {
	modals        []common.Modal
	width, height int
}

// Len is how many dialogs are open.
func (s *Stack) Len() int { return len(s.modals) }

// Top is the dialog on top, or nil.
func (s *Stack) Top() common.Modal {
	if len(s.modals) == 0 {
		return nil
	}
	return s.modals[len(s.modals)-1]
}

// Push puts md on top, sized to the screen. A nil md is ignored.
func (s *Stack) Push(md common.Modal) {
	if md == nil {
		return
	}
	md.SetSize(s.width, s.height)
	s.modals = append(s.modals, md)
}

// Clear closes every dialog at once (an account switch).
func (s *Stack) Clear() { s.modals = nil }

// SetSize sizes every dialog, and those pushed later, to a w×h screen.
func (s *Stack) SetSize(w, h int) {
	s.width, s.height = w, h
	for _, md := range s.modals {
		md.SetSize(w, h)
	}
}

// Busy reports whether any dialog waits for a request.
func (s *Stack) Busy() bool {
	for _, md := range s.modals {
		if md.Busy() {
			return true
		}
	}
	return false
}

// Update gives msg to the top dialog: keys and mouse events go to it alone.
func (s *Stack) Update(msg tea.Msg) tea.Cmd {
	n := len(s.modals)
	if n == 0 {
		return nil
	}
	var cmd tea.Cmd
	s.modals[n-1], cmd = s.modals[n-1].Update(msg)
	return cmd
}

// Broadcast gives a message that is not input (a reply, a tick) to every
// dialog; each keeps only what is its own.
func (s *Stack) Broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, len(s.modals))
	for i := range s.modals {
		s.modals[i], cmds[i] = s.modals[i].Update(msg)
	}
	return tea.Batch(cmds...)
}

// Sync drops the dialogs that closed and stacks the ones queued since the
// last call, by the dialogs themselves and by the given views. Call it
// after every Update of the views or the dialogs.
func (s *Stack) Sync(views ...common.Opener) {
	var opened []common.Modal
	for _, v := range views {
		opened = append(opened, v.TakeOpened()...)
	}
	kept := s.modals[:0]
	for _, md := range s.modals {
		opened = append(opened, md.TakeOpened()...)
		if !md.Closed() {
			kept = append(kept, md)
		}
	}
	clear(s.modals[len(kept):]) // no closed dialog stays reachable
	s.modals = kept
	for _, md := range opened {
		s.Push(md)
	}
}
