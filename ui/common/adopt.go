package common

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/config"
)

// KeyHome is where the key in use came from: what AdoptKey needs to know.
// Take it in Update (Common.KeyHome) and pass it into the tea.Cmd, which
// must not read the shared Settings while Update may be writing them.
type KeyHome struct {
	Source          config.KeySource
	CredentialsPath string
}

// KeyHome captures where the key in use came from. Call it from Update only.
func (c *Common) KeyHome() KeyHome {
	return KeyHome{Source: c.Settings.KeySource, CredentialsPath: c.Settings.CredentialsPath}
}

// AdoptKey switches client to newKey at once (the old one stopped working
// when it was rolled) and, when the key in use came from the profile's
// credentials file, saves the new one there atomically (0600). It is safe
// to call from a tea.Cmd: it reads only its arguments (the root records
// the new key in Settings when KeyInUseChangedMsg arrives). A key that
// fails api.ValidateSecret is neither used nor saved. It returns a line
// telling the user what happened and what they must do.
func AdoptKey(client *targon.Client, home KeyHome, newKey string) (note string, err error) {
	if err := api.ValidateSecret(newKey); err != nil {
		return "The dashboard kept its key: the new one is malformed (" + ErrorText(err) + ").", err
	}
	client.SetToken(newKey)
	switch home.Source {
	case config.KeyFromFile:
		if err := config.SaveCredentials(home.CredentialsPath, newKey); err != nil {
			return "The dashboard now uses the new key, but saving it to " + ShortPath(home.CredentialsPath) + " failed: " + ErrorText(err), err
		}
		return "The dashboard now uses the new key and saved it to " + ShortPath(home.CredentialsPath) + ".", nil
	case config.KeyFromEnv:
		return "The dashboard now uses the new key, but TARGON_API_KEY still holds the old one: update your environment before the next start.", nil
	case config.KeyFromDemo:
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
