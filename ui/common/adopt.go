package common

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/targon-dash/targon-dash/config"
)

// AdoptKey switches the API client to newKey at once (the old one stopped
// working when it was rolled) and, when the key in use came from the
// profile's credentials file, saves the new one there atomically (0600).
// It is safe to call from a tea.Cmd: it reads Settings but does not change
// them (the root records the new key when KeyInUseChangedMsg arrives). It
// returns a line telling the user what happened and what they must do.
func (c *Common) AdoptKey(newKey string) (note string, err error) {
	c.Client.SetToken(newKey)
	s := c.Settings
	switch s.KeySource {
	case config.KeyFromFile:
		if err := config.SaveCredentials(s.CredentialsPath, newKey); err != nil {
			return "The dashboard now uses the new key, but saving it to " + ShortPath(s.CredentialsPath) + " failed: " + ErrorText(err), err
		}
		return "The dashboard now uses the new key and saved it to " + ShortPath(s.CredentialsPath) + ".", nil
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
