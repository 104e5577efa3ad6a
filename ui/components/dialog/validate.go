package dialog

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNameLength is the longest name (of an API key or an SSH key) accepted
// before sending.
const MaxNameLength = 64

// ValidateName checks a key name before it is sent: not empty, not too
// long, no control characters. The server checks again; its message is
// shown the same way.
func ValidateName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return errors.New("a name is required")
	case utf8.RuneCountInString(name) > MaxNameLength:
		return fmt.Errorf("at most %d characters (this one has %d)", MaxNameLength, utf8.RuneCountInString(name))
	case strings.ContainsFunc(name, unicode.IsControl):
		return errors.New("no control characters (tabs, newlines, escapes)")
	}
	return nil
}
