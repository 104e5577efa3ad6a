package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
)

// Amount is a JSON number kept as its decimal text, so that a balance such as
// 1234.5 or 12345678901234567890 is shown exactly, with no float rounding.
// Both providers send amounts as JSON numbers; "" means none, and
// AmountUnreadable one that was not a number.
type Amount string

// AmountUnreadable is an amount the server sent that is not a number: a
// string such as "NaN", "Infinity" or "0x10", true, a list, an object.
// Decoding never fails on an amount: one unreadable amount spoils that
// field of that item, not the list or the balance around it. It is never
// sent back (it is not a JSON number) and the UI says it is unreadable.
const AmountUnreadable Amount = "unreadable"

// UnmarshalJSON accepts a JSON number, or a string holding one (liberal in what
// we accept); null leaves the amount empty. Anything else is
// AmountUnreadable.
func (a *Amount) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*a = ""
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			*a = AmountUnreadable
			return nil
		}
		b = []byte(strings.TrimSpace(s))
	}
	if !IsJSONNumber(b) {
		*a = AmountUnreadable
		return nil
	}
	*a = Amount(b)
	return nil
}

// ErrNotANumber is what sending an amount that is not a number fails
// with (see AmountUnreadable).
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

// implausiblePrefix marks an amount an adapter found against its document.
const implausiblePrefix = "implausible:"

// NotNegative is a, or when a is a negative number, a marked implausible:
// for the members a document never has below zero (OpenRouter's usage,
// limits and credits). The UI shows a marked amount with a note and never
// computes with it; it is not a JSON number, so it is never sent back.
func NotNegative(a Amount) Amount {
	mant, _, _ := strings.Cut(strings.ToLower(string(a)), "e")
	if strings.HasPrefix(mant, "-") && strings.ContainsAny(mant, "123456789") && IsJSONNumber([]byte(a)) {
		return Amount(implausiblePrefix) + a
	}
	return a
}

// Implausible reports whether an adapter marked a implausible (see
// NotNegative), and the amount as the server sent it.
func (a Amount) Implausible() (Amount, bool) {
	sent, ok := strings.CutPrefix(string(a), implausiblePrefix)
	return Amount(sent), ok
}
