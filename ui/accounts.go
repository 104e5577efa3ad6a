package ui

import "github.com/targon-dash/targon-dash/api"

// Accounts is what the dashboard knows of the accounts it can use; the
// accounts package implements it (main hands it over in Options). The
// methods that may wait (on a config file, a listener, the network) are
// called off the UI goroutine; the others return at once.
type Accounts interface {
	// Start is the session the dashboard opens on (its key may be empty:
	// the login screen then comes first).
	Start() *api.Session
	// CanSwitch reports whether the account switcher (P) is offered.
	CanSwitch() bool
	// List is what the switcher offers, the account in use marked
	// Current. Called off the UI goroutine.
	List() ([]api.Choice, error)
	// Open opens a choice List returned (its key may be missing: the
	// login screen then asks for one). An account opened before comes
	// back as it was left: the same *api.Session. Called off the UI
	// goroutine; opening does not make it current (Use does).
	Open(api.Choice) (*api.Session, error)
	// CanDemo reports whether the login screen offers the built-in demo.
	CanDemo() bool
	// Demo opens the built-in demo's Targon account (the login screen's
	// "try the demo"); the switcher lists the demo accounts from then on.
	// Called off the UI goroutine.
	Demo() (*api.Session, error)
	// Use says the dashboard uses s now, as it is now: after a switch to
	// a session Open or Demo returned, and after a sign-in changed its
	// key. Called on the UI goroutine: it returns at once.
	Use(s *api.Session)
}
