package common

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/targon-dash/targon-dash/api"
)

// KeySource says where the key in use came from.
type KeySource int

// Where a key can come from.
const (
	KeyNone     KeySource = iota // no key, or one typed in and not saved
	KeyFromEnv                   // an environment variable: KeyHome.Env
	KeyFromFile                  // the credentials file: KeyHome.File
	KeyFromDemo                  // the built-in demo
)

// KeyHome says where the key in use is kept, in the words messages use.
// main fills it from the settings; the root updates it after a login that
// saved the key. Take it in Update and pass it into a tea.Cmd by value.
type KeyHome struct {
	Source KeySource
	// Env is the variable the key came from with KeyFromEnv
	// ("TARGON_API_KEY").
	Env string
	// File is where Common.SaveKey writes, set even when the key came from
	// elsewhere; "" when keys are not saved.
	File string
}

// AdoptKey switches account to newKey at once (the old one stopped working
// when it was rolled) and, when the key in use came from the credentials
// file, saves the new one there with save. It is safe to call from a
// tea.Cmd: it reads only its arguments, and the switch is complete when it
// returns (the root has nothing left to record). A key that fails
// api.ValidateSecret is neither used nor saved. It returns a line telling the user what happened
// and what they must do.
func AdoptKey(account api.Account, home KeyHome, save func(string) error, newKey string) (note string, err error) {
	if err := api.ValidateSecret(newKey); err != nil {
		return "The dashboard kept its key: the new one is malformed (" + ErrorTextFor(account.Provider().Name, err) + ").", err
	}
	account.SetToken(newKey)
	switch home.Source {
	case KeyFromFile:
		if save == nil {
			break
		}
		if err := save(newKey); err != nil {
			return "The dashboard now uses the new key, but saving it to " + ShortPath(home.File) + " failed: " + ErrorTextFor(account.Provider().Name, err), err
		}
		return "The dashboard now uses the new key and saved it to " + ShortPath(home.File) + ".", nil
	case KeyFromEnv:
		return "The dashboard now uses the new key, but " + home.Env + " still holds the old one: update your environment before the next start.", nil
	case KeyFromDemo:
		return "The demo now uses the new key.", nil
	}
	return "The dashboard now uses the new key (it is not saved anywhere).", nil
}

// ShortPath shows a path under the home directory as "~/…".
func ShortPath(p string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return p
	}
	if rel, err := filepath.Rel(home, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.Join("~", rel)
	}
	return p
}
