package common

import (
	"github.com/targon-dash/targon-dash/api"
)

// AdoptKey switches account to newKey at once (the old one stopped working
// when it was rolled) and, when the key in use came from the credentials
// file, saves the new one there with save. It is safe to call from a
// tea.Cmd: it reads only its arguments, and the switch is complete when it
// returns (the root has nothing left to record). A key outside the
// provider's documented shape (api.Provider.CheckSecret) is neither used
// nor saved. It returns a line telling the user what happened and what
// they must do.
func AdoptKey(account api.Account, home api.KeyHome, save func(string) error, newKey string) (note string, err error) {
	if err := account.Provider().CheckSecret(newKey); err != nil {
		return "The dashboard kept its key: the new one is malformed (" + ErrorTextFor(account.Provider().Name, err) + ").", err
	}
	account.SetToken(newKey)
	switch home.Source {
	case api.KeyFromFile:
		if save == nil {
			break
		}
		if err := save(newKey); err != nil {
			return "The dashboard now uses the new key, but saving it to " + ShortPath(home.File) + " failed: " + ErrorTextFor(account.Provider().Name, err), err
		}
		return "The dashboard now uses the new key and saved it to " + ShortPath(home.File) + ".", nil
	case api.KeyFromEnv:
		return "The dashboard now uses the new key, but " + home.Env + " still holds the old one: update your environment before the next start.", nil
	case api.KeyFromDemo:
		return "The demo now uses the new key.", nil
	}
	return "The dashboard now uses the new key (it is not saved anywhere).", nil
}
