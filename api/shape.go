package api

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"regexp"
	"strings"
)

// This file holds the documented shapes of secrets and ids: a secret is
// handed on (shown, copied, saved, used as a token) and an id is put in a
// URL or copied only when it has its provider's shape, since either may be
// pasted into a shell.

// ErrInvalidID is what every id that fails Provider.CheckID unwraps to.
var ErrInvalidID = errors.New("invalid id")

// Shape is the documented shape of a provider's secrets or ids.
type Shape struct {
	// Pattern matches a whole value of the shape.
	Pattern *regexp.Regexp
	// Says is the shape in words, for messages: "sk-or-v1- and 64
	// lowercase hex digits".
	Says string
}

// TokenShape is the shape of a secret or an id whose provider documents
// none: a conservative token alphabet, nothing a shell gives meaning to.
var TokenShape = Shape{
	Pattern: regexp.MustCompile(`^[A-Za-z0-9._~+/=-]+$`),
	Says:    "letters, digits and . _ ~ + / = -",
}

// match reports whether s has the shape; the zero Shape is TokenShape.
func (sh Shape) match(s string) bool {
	if sh.Pattern == nil {
		return TokenShape.match(s)
	}
	return sh.Pattern.MatchString(s)
}

// says is the shape in words; the zero Shape's is TokenShape's.
func (sh Shape) says() string {
	if sh.Pattern == nil {
		return TokenShape.Says
	}
	return sh.Says
}

// CheckSecret checks a full API key the server sent (the secret of a
// create or a roll) before anything shows, copies, saves or sends it:
// ValidateSecret, then the provider's documented shape (SecretShape). The
// error unwraps to ErrMalformedSecret and never holds the secret.
func (p Provider) CheckSecret(s string) error {
	if err := ValidateSecret(s); err != nil {
		return err
	}
	if !p.SecretShape.match(s) {
		return fmt.Errorf("%w: it is not in %s's documented form (%s)", ErrMalformedSecret, p.name(), p.SecretShape.says())
	}
	return nil
}

// CheckKey checks a key a person typed, for the login screen: CheckKey,
// then the provider's documented shape, in words for them. The error never
// holds the key.
func (p Provider) CheckKey(key string) error {
	if err := CheckKey(key); err != nil {
		return err
	}
	if ValidateSecret(key) != nil || !p.SecretShape.match(key) {
		return fmt.Errorf("%ss are %s: this is not one", strings.TrimSpace(p.Name+" "+p.keyNoun()), p.SecretShape.says())
	}
	return nil
}

// MaxIDLen bounds every id, whatever its provider's shape.
const MaxIDLen = 128

// CheckID checks an id before a request puts it in a URL or the clipboard
// takes it: at most MaxIDLen characters in the provider's documented shape
// (IDShape). The error unwraps to ErrInvalidID and never holds the id.
func (p Provider) CheckID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("%w: it is empty", ErrInvalidID)
	case len(id) > MaxIDLen || !p.IDShape.match(id):
		return fmt.Errorf("%w: it is not in %s's documented form (%s)", ErrInvalidID, p.name(), p.IDShape.says())
	}
	return nil
}

// name and keyNoun are the provider's words, or plain ones for a provider
// that has none.
func (p Provider) name() string    { return cmp.Or(p.Name, "the provider") }
func (p Provider) keyNoun() string { return cmp.Or(p.KeyNoun, "API key") }

// The problems of an id, as Key.IDProblem and SSHKey.IDProblem say them.
const (
	// IDInvalid: the server sent an id outside the provider's shape.
	IDInvalid = "invalid id"
	// IDAmbiguous: an earlier key of the same list has the id.
	IDAmbiguous = "ambiguous id"
)

// KeyRef is what a neutral key holds of the id raw that the server sent:
// id is raw exactly as sent when it passes CheckID, else ""; text is what
// to show (raw when valid, else CleanText of it); problem is IDInvalid
// when id is "".
func (p Provider) KeyRef(raw string) (id, text, problem string) {
	if p.CheckID(raw) != nil {
		return "", CleanText(raw), IDInvalid
	}
	return raw, raw, ""
}

// CheckAnswer is the error for an answer about another key than want, the
// id a request named: nil when got is want.
func CheckAnswer(want, got string) error {
	if got != want {
		return errors.New("the server answered with another key than the one asked about")
	}
	return nil
}

// UniqueKeyIDs passes on a walk of keys, taking the id of every key whose
// id an earlier key of the walk has (IDAmbiguous): a request could not
// tell the two apart.
func UniqueKeyIDs(seq iter.Seq2[[]Key, error]) iter.Seq2[[]Key, error] {
	return uniqueIDs(seq, func(k *Key) (*string, *string) { return &k.ID, &k.IDProblem })
}

// UniqueSSHKeyIDs is UniqueKeyIDs for SSH keys.
func UniqueSSHKeyIDs(seq iter.Seq2[[]SSHKey, error]) iter.Seq2[[]SSHKey, error] {
	return uniqueIDs(seq, func(k *SSHKey) (*string, *string) { return &k.ID, &k.IDProblem })
}

// uniqueIDs is UniqueKeyIDs for any item whose id and id problem ref
// points to.
func uniqueIDs[T any](seq iter.Seq2[[]T, error], ref func(*T) (id, problem *string)) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		seen := map[string]bool{}
		for page, err := range seq {
			for i := range page {
				id, problem := ref(&page[i])
				switch {
				case *id == "":
				case seen[*id]:
					*id, *problem = "", IDAmbiguous
				default:
					seen[*id] = true
				}
			}
			if !yield(page, err) {
				return
			}
		}
	}
}
