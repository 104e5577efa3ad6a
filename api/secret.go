package api

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Secret length bounds: shorter is no secret, longer is no API key.
const (
	MinSecretLen = 16
	MaxSecretLen = 4096
)

// ErrMalformedSecret is what every secret that fails ValidateSecret
// unwraps to.
var ErrMalformedSecret = errors.New("malformed key")

// ValidateSecret checks a full API key from the server (the secret of a
// create or a roll) before anything draws, copies, saves or sends it:
// printable ASCII only (0x21–0x7E: no spaces, no controls, no escape
// sequences), between MinSecretLen and MaxSecretLen characters. A provider
// that documents a key prefix checks it on top of this. The error never
// holds the secret.
func ValidateSecret(s string) error {
	switch {
	case s == "":
		return fmt.Errorf("%w: it is empty", ErrMalformedSecret)
	case len(s) > MaxSecretLen:
		return fmt.Errorf("%w: it is longer than %d characters", ErrMalformedSecret, MaxSecretLen)
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			return fmt.Errorf("%w: it holds a space", ErrMalformedSecret)
		case c < 0x21 || c > 0x7e:
			return fmt.Errorf("%w: it holds a character that is not printable ASCII", ErrMalformedSecret)
		}
	}
	if len(s) < MinSecretLen {
		return fmt.Errorf("%w: it is shorter than %d characters", ErrMalformedSecret, MinSecretLen)
	}
	return nil
}

// SecretError is a create or roll that the server answered with a key
// whose secret failed ValidateSecret. The server did create or roll the
// key; the secret was not returned to the caller, so it is never shown,
// copied, saved or used as a token.
type SecretError struct {
	// Done says what the server did: "created" or "rolled".
	Done string
	// ID and Name identify the key (cleaned display text).
	ID, Name string
	// Err says what was wrong with the secret; it unwraps to
	// ErrMalformedSecret.
	Err error
}

// Error says what was wrong, never the secret itself.
func (e *SecretError) Error() string {
	return fmt.Sprintf("the server %s the key but sent a malformed secret (%v)", e.Done, e.Err)
}

// Unwrap returns the validation error (errors.Is(err, ErrMalformedSecret)).
func (e *SecretError) Unwrap() error { return e.Err }

// CheckKey reports whether key, already trimmed, can be an API key: non-empty
// valid UTF-8 without spaces or control characters. It is the check for a
// key a person typed or a file holds (the login screen, credentials files),
// looser than ValidateSecret for what a server sends. The error never
// contains the key.
func CheckKey(key string) error {
	switch {
	case key == "":
		return errors.New("the API key is empty")
	case !utf8.ValidString(key):
		return errors.New("the API key is not valid UTF-8")
	case strings.IndexFunc(key, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return errors.New("the API key contains spaces or control characters")
	}
	return nil
}
