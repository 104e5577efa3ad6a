package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
)

// Amount is a JSON number kept as its decimal text, so that a balance such as
// 1234.5 or 12345678901234567890 is shown exactly, with no float rounding.
// Both providers send amounts as JSON numbers; "" means none.
type Amount string

// UnmarshalJSON accepts a JSON number, or a string holding one (liberal in what
// we accept); null leaves the amount empty. Anything else fails with an
// error that unwraps to ErrNotANumber.
func (a *Amount) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*a = ""
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		b = []byte(strings.TrimSpace(s))
	}
	if !IsJSONNumber(b) {
		return ErrNotANumber
	}
	*a = Amount(b)
	return nil
}

// ErrNotANumber is what decoding an Amount that is not a number fails with.
var ErrNotANumber = errors.New("amount is not a number")

// IsJSONNumber reports whether b is a plain decimal number (an optional minus,
// digits, an optional fraction). Exponents are accepted too, since JSON allows
// them; the UI shows such a value as sent.
func IsJSONNumber(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	var n json.Number
	return json.Unmarshal(b, &n) == nil && n.String() == string(b)
}
