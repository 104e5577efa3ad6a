package ui

// useSession records s as the session in use, which m.c already points
// at, and tells main (Options.SessionChanged).
func (m *Model) useSession(s Session) {
	m.session = s
	m.reportSession()
}

// reportSession tells main, through Options.SessionChanged, the session
// in use as it is now: main marks it current in the picker only then (an
// open the user cancelled never gets here) and reopens it later as it is,
// with the key's home a sign-in changed (the UI changes it on its own
// Common only; the key itself is the account's, shared with main).
func (m *Model) reportSession() {
	if m.opts.SessionChanged == nil {
		return
	}
	s := m.session
	s.Account, s.NewAccount, s.Profile, s.Home, s.SaveKey = m.c.Account, m.c.NewAccount, m.c.Profile, m.c.Home, m.c.SaveKey
	m.opts.SessionChanged(s)
}
