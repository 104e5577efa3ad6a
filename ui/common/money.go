package common

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"github.com/targon-dash/targon-dash/api"
)

// MoneyFormat is one of the ways the screens draw an amount. Today's
// screens disagree in four places (a later issue settles one format):
// MoneyExact expands an exponent ("1e3" → "1,000") where MoneyListCell and
// MoneyAsSent keep it as sent; MoneyCents writes a whole amount with two
// decimals ("50.00") where MoneyListCell writes none ("50"); beyond the
// plausible bounds (10^15, 24 decimals, 32 characters) MoneyExact shows
// the text as sent, cut to 32 runes, where the other two group every
// digit; and text that is not a number is cut to 32 runes with "…" by
// MoneyExact, to its first 12 bytes by MoneyListCell.
type MoneyFormat int

const (
	// MoneyExact keeps every digit the server sent, with thousands
	// separators and at least two decimals when there is a fraction
	// ("1,234.50", "0.125"); the Credits view.
	MoneyExact MoneyFormat = iota
	// MoneyCents is MoneyExact rounded to the cent, always two decimals;
	// the Credits view's compact layout.
	MoneyCents
	// MoneyListCell rounds to the cent and writes a whole amount without
	// decimals ("6.20", "50"); the API keys list.
	MoneyListCell
	// MoneyAsSent is the text as sent, with separators and at least two
	// decimals; API key details and typed spending limits.
	MoneyAsSent
)

// Bounds of a plausible amount. Beyond them MoneyExact shows the amount as
// the server sent it, cut short, and ReadAmount flags it: it takes no part
// in any arithmetic, so a hostile "1e999999" or a 400-digit number costs
// nothing.
const (
	// maxIntDigits: an amount is under 10^15.
	maxIntDigits = 15
	// maxFracDigits is the finest precision shown.
	maxFracDigits = 24
	// maxAmountText is the longest amount text read at all, exponent
	// included, and the most of an implausible one that is shown.
	maxAmountText = 32
	// maxListCellText is the most of an amount that is not a plain decimal
	// that a list cell shows.
	maxListCellText = 12
)

// Money writes amount for people in format f; "—" when there is none.
func Money(amount api.Amount, f MoneyFormat) string {
	switch f {
	case MoneyCents:
		return ReadAmount(amount).cents()
	case MoneyListCell:
		return listCell(amount)
	case MoneyAsSent:
		if amount == "" {
			return "—"
		}
		return groupDecimal(string(amount))
	}
	return ReadAmount(amount).Text
}

// Dollars is Money in US dollars, "$1,234.50"; "—" when there is none.
func Dollars(amount api.Amount, f MoneyFormat) string {
	if amount == "" {
		return "—"
	}
	return "$" + Money(amount, f)
}

// Amount is an amount read once, when it arrives (never per frame).
type Amount struct {
	// Value is the amount exactly; nil when there is none or it is not a
	// plausible number.
	Value *big.Rat
	// Text is the amount in MoneyExact: "1,234.50", the server's text cut
	// short when it is implausible, or "—" when there is none.
	Text string
	// Implausible says the server sent something beyond the bounds above,
	// or not a number.
	Implausible bool
}

// ReadAmount reads amount for MoneyExact, keeping its exact value for
// arithmetic (a balance's change, a low-balance warning).
func ReadAmount(amount api.Amount) Amount {
	raw := strings.TrimSpace(string(amount))
	if raw == "" {
		return Amount{Text: "—"}
	}
	plain, ok := plainDecimal(raw)
	if !ok {
		return Amount{Text: CutRunes(raw, maxAmountText), Implausible: true}
	}
	v, ok := new(big.Rat).SetString(plain)
	if !ok {
		return Amount{Text: CutRunes(raw, maxAmountText), Implausible: true}
	}
	return Amount{Value: v, Text: groupDecimal(plain)}
}

// cents is the amount rounded to the cent (MoneyCents).
func (a Amount) cents() string {
	if a.Value == nil {
		return a.Text
	}
	return groupDecimal(a.Value.FloatString(2))
}

// MoneyOfRat writes r exactly, as MoneyExact writes an amount. Every r
// given is a difference of two plausible amounts, so its expansion ends
// within maxFracDigits digits; the number of fraction digits is the
// smallest that is exact.
func MoneyOfRat(r *big.Rat) string {
	if r.IsInt() {
		return groupDecimal(r.Num().String())
	}
	den := r.Denom()
	pow := big.NewInt(10)
	ten := big.NewInt(10)
	digits := 1
	var rem big.Int
	for ; digits < 1000; digits++ {
		if rem.Rem(pow, den).Sign() == 0 {
			break
		}
		pow.Mul(pow, ten)
	}
	return groupDecimal(r.FloatString(digits))
}

// plainAmount is a decimal without exponent, as a person types it and as
// servers mostly send amounts.
var plainAmount = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// listCell is amount in MoneyListCell. Text that is not a plain decimal
// (an exponent included) is shown cut short as it came: an api.Amount
// from an account is a JSON number (api.Amount.UnmarshalJSON), plain
// ASCII, so a cut in bytes is a cut in characters.
func listCell(amount api.Amount) string {
	s := strings.TrimSpace(string(amount))
	if s == "" {
		return "—"
	}
	if len(s) > maxAmountText || !plainAmount.MatchString(s) {
		return s[:min(len(s), maxListCellText)]
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return s
	}
	if r.IsInt() {
		return groupDecimal(r.Num().String())
	}
	return groupDecimal(r.FloatString(2))
}

// groupDecimal writes decimal text with thousands separators and, when it
// has a fraction, at least two decimals ("1234.5" → "1,234.50"). No digit
// that was sent is ever dropped ("0.125" stays "0.125"). Anything that is
// not a plain decimal is returned as GroupThousands returns it.
func groupDecimal(s string) string {
	digits := strings.TrimLeft(s, "+-")
	intPart, frac, hasFrac := strings.Cut(digits, ".")
	plain := intPart != "" && strings.Trim(intPart+frac, "0123456789") == ""
	if plain && hasFrac && len(frac) < 2 {
		s += strings.Repeat("0", 2-len(frac))
	}
	return GroupThousands(s)
}

// GroupThousands inserts commas into the integer part of a decimal number
// string, keeping any sign and fraction exactly: "1234.5" → "1,234.5".
// Anything that is not a plain decimal is returned unchanged.
func GroupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if intPart == "" || strings.IndexFunc(intPart, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return sign + s
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return sign + b.String()
}

// CutRunes keeps at most n runes of s, marking a cut with "…".
func CutRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
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
