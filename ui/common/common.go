// Package common holds what every part of the UI shares: the Common
// context (size, styles, keys, API client, clipboard, profile), the key map,
// the styles, messages that cross views, and formatting helpers. It imports
// no other ui package, so every ui package can import it.
package common

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/config"
)

// RequestTimeout bounds one API call made from the UI, retries included, so
// a request that hangs never leaves an action pending forever.
const RequestTimeout = 45 * time.Second

// Copier puts text on the clipboard and says how ("system clipboard",
// "terminal (OSC 52)").
type Copier interface {
	Copy(text string) (how string, err error)
}

// Common is the context every view and component is built with. The root
// model owns it; views hold a pointer and read the current size from it.
type Common struct {
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
	Client        *targon.Client
	Clipboard     Copier
	Settings      *config.Settings
	Prefs         config.Preferences
	// Now is the clock; tests fix it so golden screens are stable.
	Now func() time.Time

	// opened holds modals opened during the current Update; the root puts
	// them on its stack before the next message, so a key typed right after
	// "n" already reaches the new form.
	opened []Modal
}

// Open puts a modal on top of the screen. Call it from Update only.
func (c *Common) Open(m Modal) { c.opened = append(c.opened, m) }

// TakeOpened returns and forgets the modals opened since the last call
// (the root calls it after every Update).
func (c *Common) TakeOpened() []Modal {
	o := c.opened
	c.opened = nil
	return o
}

// RequestContext is the context for one API call from a tea.Cmd.
func (c *Common) RequestContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), RequestTimeout)
}

// Component is a part of the screen with a size and help, after soft-serve's
// pkg/ui/common/component.go.
type Component interface {
	tea.Model
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// View is one tab of the dashboard.
type View interface {
	Component
	// Title is the tab label.
	Title() string
	// Capturing reports whether the view is taking text input (its filter),
	// so the root must not treat letters as commands.
	Capturing() bool
	// Busy reports whether a request of the view is in flight.
	Busy() bool
	// Refresh reloads the view's data.
	Refresh() tea.Cmd
	// Updated is when the view's data last arrived (zero before).
	Updated() time.Time
}

// Modal is a dialog on top of the views: a form, a confirmation, a secret,
// details or help. It gets every key while it is on top. It closes itself by
// reporting Closed (the root drops it at once, before the next key).
type Modal interface {
	Update(msg tea.Msg) (Modal, tea.Cmd)
	View() string
	SetSize(width, height int)
	ShortHelp() []key.Binding
	// Busy reports whether the modal waits for a request.
	Busy() bool
	// Closed reports whether the modal is done and should be removed.
	Closed() bool
}
