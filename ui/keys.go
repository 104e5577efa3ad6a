package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
)

// onKey: ctrl+c always quits; below the minimum size only quitting works;
// otherwise the login screen (drawn over everything, dialogs included),
// then the top modal, then a view that is taking text, then the global
// keys, then the active view. q quits only from the main views: in a
// dialog it is the dialog's (text in a form, nothing elsewhere).
func (m *Model) onKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if key.Matches(msg, k.ForceQuit) {
		return tea.Quit
	}
	if m.tooSmallNow() {
		// Nothing may act on a screen the user cannot see.
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		return nil
	}
	if m.login != nil {
		// A 401 in a dialog brings the login screen up over it: the dialog
		// waits underneath, hidden, for the user to sign in and retry.
		var cmd tea.Cmd
		m.login, cmd = m.login.Update(msg)
		return cmd
	}
	if m.modals.Len() > 0 {
		return m.modals.Update(msg)
	}
	view := m.views[m.tabs.Active()]
	if view.Capturing() {
		_, cmd := view.Update(msg)
		return cmd
	}
	return m.mainKey(msg, view)
}

// mainKey handles a key on a main view: the global keys first, then the
// view's own.
func (m *Model) mainKey(msg tea.KeyMsg, view common.View) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.modals.Push(dialog.NewHelp(m.c, m.fullHelp()))
		return nil
	case m.tabs.Key(msg):
		return nil
	case key.Matches(msg, k.Refresh):
		return view.Refresh()
	case key.Matches(msg, k.SwitchAccount):
		p, load := newSwitcher(m.c, m.opts.Accounts)
		m.modals.Push(p)
		return load
	}
	_, cmd := view.Update(msg)
	return cmd
}
