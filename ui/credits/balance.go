package credits

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// Bounds of a plausible balance. Beyond them the amount is shown as the
// server sent it, cut short, and flagged: it takes no part in any
// arithmetic, so a hostile "1e999999" or a 400-digit number costs nothing.
const (
	// maxIntDigits: a balance is under 10^15.
	maxIntDigits = 15
	// maxFracDigits is the finest precision shown.
	maxFracDigits = 24
	// maxAmountText is the longest amount text read at all, exponent
	// included, and the most of an implausible one that is shown.
	maxAmountText = 32
	// maxCurrency is the most of the currency that is shown.
	maxCurrency = 12
)

// balance is everything the view draws of one answer, computed once when
// it arrives (never per frame).
type balance struct {
	// value is the amount, exactly; nil when it is not a plausible number.
	value *big.Rat
	// text is the amount for people ("1,234.50"), or the server's text cut
	// short when it is implausible, or "—" when there is none.
	text string
	// implausible says the server sent a number beyond the bounds above.
	implausible bool
	// currency is the unit, cleaned and cut short ("" when none).
	currency string
	// big are the rows of text in block digits, width their width; nil
	// when the font cannot draw it.
	big   []string
	width int
}

// newBalance reads an answer: what remains (Total and Used are not drawn
// yet).
func newBalance(cr api.Balance) balance {
	b := balance{text: "—", currency: cut(strings.TrimSpace(common.Sanitize(cr.Currency)), maxCurrency)}
	raw := strings.TrimSpace(common.Sanitize(string(cr.Remaining)))
	if raw == "" {
		return b
	}
	plain, ok := plainDecimal(raw)
	if !ok {
		b.text, b.implausible = cut(raw, maxAmountText), true
		return b
	}
	v, ok := new(big.Rat).SetString(plain)
	if !ok {
		b.text, b.implausible = cut(raw, maxAmountText), true
		return b
	}
	b.value, b.text = v, common.Money(plain)
	if rows, w, ok := bigText(b.text); ok {
		b.big, b.width = rows[:], w
	}
	return b
}

// plainDecimal writes a JSON number as a plain decimal ("1.5e3" → "1500",
// "2.50" → "2.50": every digit sent is kept), or reports false when it is
// beyond the plausible bounds or not a number. It never builds a string
// longer than the bounds allow.
func plainDecimal(s string) (string, bool) {
	if len(s) > maxAmountText {
		return "", false
	}
	sign := ""
	if s[0] == '-' || s[0] == '+' {
		if s[0] == '-' {
			sign = "-"
		}
		s = s[1:]
	}
	mant, expText, hasExp := strings.Cut(strings.ToLower(s), "e")
	exp := 0
	if hasExp {
		e, err := strconv.Atoi(expText)
		if err != nil {
			return "", false
		}
		exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := intPart + frac
	if intPart == "" || strings.Trim(digits, "0123456789") != "" {
		return "", false
	}
	if strings.Trim(digits, "0") == "" {
		exp = 0 // zero, whatever the exponent
	}
	if exp > maxIntDigits+1 || exp < -(maxFracDigits+1) {
		return "", false
	}
	// Move the decimal point exp places right.
	point := len(intPart) + exp
	switch {
	case point <= 0:
		intPart, frac = "0", strings.Repeat("0", -point)+digits
	case point >= len(digits):
		intPart, frac = digits+strings.Repeat("0", point-len(digits)), ""
	default:
		intPart, frac = digits[:point], digits[point:]
	}
	if hasExp {
		// An exponent only places the point; zeros it pushed to the ends
		// are not digits the server meant.
		frac = strings.TrimRight(frac, "0")
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if len(intPart) > maxIntDigits || len(frac) > maxFracDigits {
		return "", false
	}
	if frac != "" || (!hasExp && strings.Contains(mant, ".")) {
		return sign + intPart + "." + frac, true
	}
	return sign + intPart, true
}

// cut keeps at most n runes of s, marking a cut with "…".
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
