package common

import "crypto/sha256"

// Minted remembers, for one account while the program runs, the API keys
// the dashboard created (or made as a replacement) by a SHA-256 of their
// secret, never the secret itself, and which of them the dashboard is
// signed in with. Where a list carries no secret (Targon v3's API tokens)
// that is the only way the key in use can be known: the dashboard made it
// and then used it (a replace of the key in use, or a sign-in with a key
// it created). Use it from Update only; a nil Minted knows nothing.
type Minted struct {
	ids   map[[sha256.Size]byte]string
	inUse string
}

// Add records that the key with id was created with secret.
func (m *Minted) Add(secret, id string) {
	if m == nil || id == "" {
		return
	}
	if m.ids == nil {
		m.ids = map[[sha256.Size]byte]string{}
	}
	m.ids[sha256.Sum256([]byte(secret))] = id
}

// SignedIn records that the dashboard now signs in with secret: the key
// in use is the one created with it, or unknown ("") when none was.
func (m *Minted) SignedIn(secret string) {
	if m == nil {
		return
	}
	m.inUse = m.ids[sha256.Sum256([]byte(secret))]
}

// Use records that the dashboard now signs in with the key id (it adopted
// the key it made as a replacement).
func (m *Minted) Use(id string) {
	if m != nil {
		m.inUse = id
	}
}

// InUse is the id of the key the dashboard signs in with, when it is
// known this way; "" otherwise.
func (m *Minted) InUse() string {
	if m == nil {
		return ""
	}
	return m.inUse
}
