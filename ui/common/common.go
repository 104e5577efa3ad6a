// Package common holds what every part of the UI shares: the Common
// context (size, styles, keys, the account, clipboard, profile), the key map,
// the styles, messages that cross views, and formatting helpers. It imports
// no other ui package, so every ui package can import it; of the rest of
// the module it imports api only.
package common

import (
	"context"
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
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
// Nothing in it names a concrete provider or the config package: the
// account and what the views need from its settings come as the embedded
// *api.Session, which the accounts package made.
type Common struct {
	// Session is the account in use (c.Account, c.Profile, c.Home,
	// c.SaveKey, c.NewAccount): views find the account's capabilities
	// (api.Roller, api.SSHKeys, …) by type assertion on c.Account. It is
	// the one copy: an account switch builds a new Common pointing at
	// the new Session, so commands of the old account keep theirs.
	*api.Session
	Width, Height int
	Styles        *Styles
	Keys          *KeyMap
	Clipboard     Copier
	// RefreshInterval is how often the credits reload by themselves (0:
	// never).
	RefreshInterval time.Duration
	// ListRefreshInterval is how often the key lists reload by themselves
	// (0: never).
	ListRefreshInterval time.Duration
	// ReadOnly turns off every action that changes something (the key
	// map's Changing bindings); ReadOnlyReason says why, for the line
	// that refuses one ("--read-only").
	ReadOnly       bool
	ReadOnlyReason string
	// DialogOpen reports whether a dialog (a modal or the login screen)
	// covers the views: background refreshes wait while it does. Nil
	// means never.
	DialogOpen func() bool
	// Tick schedules fn after d, as tea.Tick (which nil means); tests
	// replace it so that nothing sleeps.
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// Sort is the order the key lists start in (the sort preference).
	Sort SortOrder
	// Now is the clock; tests fix it so golden screens are stable.
	Now func() time.Time
	// IDs numbers requests and views (see IDs); a copy of the Common
	// shares it.
	IDs *IDs
	// Minted is what the dashboard knows of the keys it created for this
	// account (see Minted): each account's board has its own; nil knows
	// nothing.
	Minted *Minted
}

// CanChange reports whether actions that change something may run: false
// in read-only mode. Views consult it (with the key map's Changing
// bindings, which the root disables) when they enable their bindings.
func (c *Common) CanChange() bool { return !c.ReadOnly }

// Dialog reports whether a dialog covers the views (see DialogOpen).
func (c *Common) Dialog() bool { return c.DialogOpen != nil && c.DialogOpen() }

// After schedules fn after d with Tick, or tea.Tick when Tick is nil.
func (c *Common) After(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	if c.Tick != nil {
		return c.Tick(d, fn)
	}
	return tea.Tick(d, fn)
}

// ProviderName is the account's provider as the UI names it ("Targon").
func (c *Common) ProviderName() string {
	if c.Account == nil {
		return "the provider"
	}
	return c.Account.Provider().Name
}

// ErrorText is the package ErrorText, naming the account's provider. A
// 403 from an account that tells key kinds apart (an api.CurrentKeyer:
// management and inference keys) says a management key is needed.
func (c *Common) ErrorText(err error) string {
	if errors.Is(err, api.ErrForbidden) && c.ManagementKeys() {
		return "needs a management key"
	}
	return ErrorTextFor(c.ProviderName(), err)
}

// ManagementKeys reports whether the account tells management keys (which
// manage keys) from inference keys (which cannot): it can describe its own
// key (api.CurrentKeyer).
func (c *Common) ManagementKeys() bool {
	return c.Account != nil && c.Account.Provider().ManagementKeys
}

// Outbox is how a view or a dialog opens a dialog, the one way there is:
// during its Update it queues the dialog with Open, and the owner of the
// modal stack (the root, or the tests' driver) takes it with TakeOpened
// right after that Update returns, so the dialog is on top before the next
// key is handled (a key typed right after "n" belongs to the new form).
// Nothing shared is mutated: the dialog belongs to the part that queued it
// until the stack takes it. Every View and Modal embeds one.
type Outbox struct{ queued []Modal }

// Open queues md to be put on top when the current Update returns. Call
// it from Update only.
func (o *Outbox) Open(md Modal) { o.queued = append(o.queued, md) }

// TakeOpened returns and forgets the queued dialogs (Opener).
func (o *Outbox) TakeOpened() []Modal {
	queued := o.queued
	o.queued = nil
	return queued
}

// Opener is a part that opens dialogs through an Outbox: every View and
// Modal.
type Opener interface {
	TakeOpened() []Modal
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

// View is one tab of the dashboard. The root needs nothing else of a view:
// it never looks for optional methods.
type View interface {
	Component
	Opener
	Staler
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
	// Stop ends the view's background work (list walks, refresh timers)
	// and drops the answers still in flight: the root calls it when
	// another account is shown, and Refresh starts the work again when
	// this one is back.
	Stop()
	// Footer is the footer's hints while the view has the keys, in their
	// final order: the view's own actions, refresh and switch account (as
	// the KeyMap has them), the list's own keys, help and quit. The root
	// fits it to the width.
	Footer() []key.Binding
}

// Staler is a view whose data can be stale: Stale reports that its last
// refresh failed, and what it shows is from Updated. The status bar says
// how old it is.
type Staler interface {
	Stale() bool
}

// DialogsClosedMsg says the last dialog over the views closed; a view
// that skipped a background refresh while it was open catches up.
type DialogsClosedMsg struct{}

// Modal is a dialog on top of the views: a form, a confirmation, a secret,
// details or help. It gets every key while it is on top. It closes itself by
// reporting Closed (the root drops it at once, before the next key).
type Modal interface {
	Opener
	Update(msg tea.Msg) (Modal, tea.Cmd)
	View() string
	SetSize(width, height int)
	ShortHelp() []key.Binding
	// Busy reports whether the modal waits for a request.
	Busy() bool
	// Closed reports whether the modal is done and should be removed.
	Closed() bool
}
