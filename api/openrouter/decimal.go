package openrouter

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/targon-dash/targon-dash/api"
)

// Bounds of an amount Subtract computes with. Beyond them it refuses, so a
// hostile "1e999999" or a 400-digit number costs nothing.
const (
	// maxAmountText is the longest amount text read at all.
	maxAmountText = 40
	// maxIntDigits: an amount is under 10^15 USD.
	maxIntDigits = 15
	// maxFracDigits is the finest precision computed with.
	maxFracDigits = 24
)

// Subtract returns a − b exactly, as decimal text with as many fractional
// digits as the more precise of the two ("100.5" − "12.345678901" =
// "88.154321099"), or false when either is empty, not a number, or beyond
// plausible bounds (more than 15 integer digits, more than 24 fractional
// digits, or a long text).
func Subtract(a, b api.Amount) (api.Amount, bool) {
	x, xs, ok := parseAmount(string(a))
	if !ok {
		return "", false
	}
	y, ys, ok := parseAmount(string(b))
	if !ok {
		return "", false
	}
	return api.Amount(new(big.Rat).Sub(x, y).FloatString(max(xs, ys))), true
}

// parseAmount reads a JSON number within the bounds, and returns its value
// and its scale (how many fractional digits it has once the exponent is
// applied). It checks the bounds on the text before building any number.
func parseAmount(s string) (*big.Rat, int, bool) {
	if s == "" || len(s) > maxAmountText || !api.IsJSONNumber([]byte(s)) {
		return nil, 0, false
	}
	mant, expText, hasExp := strings.Cut(strings.ToLower(strings.TrimPrefix(s, "-")), "e")
	exp := 0
	if hasExp {
		e, err := strconv.Atoi(expText)
		if err != nil || e > maxIntDigits+maxFracDigits || e < -(maxIntDigits+maxFracDigits) {
			return nil, 0, false
		}
		exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	intPart = strings.TrimLeft(intPart, "0")
	digits := intPart + frac
	if strings.Trim(digits, "0") == "" {
		return new(big.Rat), 0, true // zero, whatever the exponent
	}
	if len(intPart)+exp > maxIntDigits {
		return nil, 0, false
	}
	scale := max(len(frac)-exp, 0)
	if scale > maxFracDigits {
		return nil, 0, false
	}
	r, ok := new(big.Rat).SetString(s)
	return r, scale, ok
}
