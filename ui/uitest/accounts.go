package uitest

import (
	"sync"

	"github.com/targon-dash/targon-dash/api"
)

// Accounts is the dashboard's ui.Accounts for tests: it starts on Session,
// lists with ListChoices and opens with OpenChoice (the switcher is offered
// only when both are set), starts the demo with StartDemo (offered only when
// set), and records every session the dashboard said it uses.
type Accounts struct {
	Session     *api.Session
	ListChoices func() ([]api.Choice, error)
	OpenChoice  func(api.Choice) (*api.Session, error)
	StartDemo   func() (*api.Session, error)

	mu   sync.Mutex
	used []*api.Session
}

// Start returns Session.
func (a *Accounts) Start() *api.Session { return a.Session }

// CanSwitch reports whether ListChoices and OpenChoice are set.
func (a *Accounts) CanSwitch() bool { return a.ListChoices != nil && a.OpenChoice != nil }

// List calls ListChoices.
func (a *Accounts) List() ([]api.Choice, error) { return a.ListChoices() }

// Open calls OpenChoice.
func (a *Accounts) Open(ch api.Choice) (*api.Session, error) { return a.OpenChoice(ch) }

// CanDemo reports whether StartDemo is set.
func (a *Accounts) CanDemo() bool { return a.StartDemo != nil }

// Demo calls StartDemo.
func (a *Accounts) Demo() (*api.Session, error) { return a.StartDemo() }

// Use records s.
func (a *Accounts) Use(s *api.Session) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.used = append(a.used, s)
}

// Used returns the sessions Use was told, oldest first, and forgets them.
func (a *Accounts) Used() []*api.Session {
	a.mu.Lock()
	defer a.mu.Unlock()
	used := a.used
	a.used = nil
	return used
}
