package login

import (
	"context"
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// keyKind is what kind of key a check found, where the account can tell.
type keyKind int

const (
	kindUnknown    keyKind = iota // the account does not say (Targon)
	kindManagement                // manages keys and reads the credits
	kindInference                 // uses models; cannot list or manage keys
)

// checkedMsg is the outcome of checking a key with one request against
// host.
type checkedMsg struct {
	key, host string
	kind      keyKind
	err       error
}

// savedMsg is the outcome of saving the key.
type savedMsg struct {
	key string
	err error
}

// check tries the typed key with one request (see verify).
func (m *Model) check() tea.Cmd {
	k := strings.TrimSpace(m.input.Value())
	if err := m.c.Account.Provider().CheckKey(k); err != nil {
		m.err = err.Error()
		return nil
	}
	m.step, m.err = checking, ""
	host := common.HostOf(m.c.Account.BaseURL())
	newAccount := m.c.NewAccount
	return tea.Batch(m.spinner.Tick, func() tea.Msg {
		kind, err := verify(newAccount, k)
		return checkedMsg{key: k, host: host, kind: kind, err: err}
	})
}

// verify checks key k with one request: the current-key endpoint where
// the account has one (an inference key may call nothing else; the answer
// says what kind of key it is), else the balance. Call it off the UI
// goroutine.
func verify(newAccount func(string) (api.Account, error), k string) (keyKind, error) {
	if newAccount == nil {
		return kindUnknown, errors.New("signing in is not possible here")
	}
	acct, err := newAccount(k)
	if err != nil {
		return kindUnknown, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), common.RequestTimeout)
	defer cancel()
	keyer, ok := acct.(api.CurrentKeyer)
	if !ok {
		_, err = acct.Balance(ctx)
		return kindUnknown, err
	}
	cur, err := keyer.CurrentKey(ctx)
	switch {
	case err != nil:
		return kindUnknown, err
	case cur.Management:
		return kindManagement, nil
	}
	return kindInference, nil
}

// keyLooksLike says what the provider's keys look like, after a refused
// private key: " (it starts with tgn_)".
func (m *Model) keyLooksLike() string {
	hint := strings.TrimSuffix(m.c.Account.Provider().SecretHint, "…")
	if hint == "" {
		return ""
	}
	return " (it starts with " + hint + ")"
}

// save writes the key to the profile's credentials file.
func (m *Model) save() tea.Cmd {
	m.step, m.err = saving, ""
	save, k := m.c.SaveKey, m.key
	return tea.Batch(m.spinner.Tick, func() tea.Msg {
		return savedMsg{key: k, err: save(k)}
	})
}

func done(k string, saved bool) tea.Cmd {
	return func() tea.Msg { return DoneMsg{Key: k, Saved: saved} }
}

// checkError words a failed check.
func (m *Model) checkError(err error) string {
	if errors.Is(err, api.ErrUnauthorized) {
		return m.c.ProviderName() + " did not accept this key (401). Check it and try again."
	}
	return "could not check the key: " + m.c.ErrorText(err)
}

// savedKey is what the credentials file holds, as far as the screen knows:
// read (off the UI goroutine) and checked like a typed key when the
// screen comes up after a rejection, so that what it says of the file is
// true (another copy of the dashboard may have saved a new key there).
type savedKey struct {
	state savedState
	key   string // the file's key, when it works
	err   error  // why it could not be read or checked
}

// savedState is what was found in the credentials file.
type savedState int

const (
	savedUnknown   savedState = iota // not read (no file, or no reason to)
	savedReading                     // being read and checked
	savedNone                        // empty or missing
	savedRejected                    // a key the provider rejects (401)
	savedWorks                       // a key the provider accepts
	savedUnread                      // could not be read: err
	savedUnchecked                   // a key that could not be checked: err
)

// works reports whether the file holds a key that was just accepted.
func (s savedKey) works() bool { return s.state == savedWorks }

// savedKeyMsg is what readSaved found, for the screen to.
type savedKeyMsg struct {
	to    *Model
	saved savedKey
}

// readSaved reads and checks the key in the credentials file, when the
// screen is shown for a rejection (a reason, and no way back) and the key
// in use came from that file.
func (m *Model) readSaved() tea.Cmd {
	s := m.c.Session
	if m.reason == "" || m.canBack || s.Home.Source != api.KeyFromFile || s.SavedKey == nil {
		return nil
	}
	m.saved = savedKey{state: savedReading}
	read, newAccount, self := s.SavedKey, s.NewAccount, m
	return func() tea.Msg {
		k, err := read()
		switch {
		case err != nil:
			return savedKeyMsg{to: self, saved: savedKey{state: savedUnread, err: err}}
		case k == "":
			return savedKeyMsg{to: self, saved: savedKey{state: savedNone}}
		}
		_, err = verify(newAccount, k)
		switch {
		case err == nil:
			return savedKeyMsg{to: self, saved: savedKey{state: savedWorks, key: k}}
		case errors.Is(err, api.ErrUnauthorized):
			return savedKeyMsg{to: self, saved: savedKey{state: savedRejected}}
		}
		return savedKeyMsg{to: self, saved: savedKey{state: savedUnchecked, err: err}}
	}
}
