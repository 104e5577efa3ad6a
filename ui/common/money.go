package common

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/targon-dash/targon-dash/api"
)

// This file is the one formatter of amounts. Every screen writes an
// amount the same way:
//   - two decimals, rounded half away from zero ("147.403271846" →
//     "147.40", "50" → "50.00"); more only where two would show an amount
//     that is not zero as zero ("0.001", "0.0049" → "0.005");
//   - thousands separators ("1,234.50");
//   - the currency as its code after the amount ("1,234.50 USD"), never
//     as a symbol; a list column names it once, in its title;
//   - an implausible amount (10^15 or more, or so small that 24 decimals
//     show zero) compactly ("1.2e15") with a note, "(implausible)", and so
//     is one the adapter marked implausible (api.Amount.Implausible: a
//     negative usage); it takes no part in any arithmetic;
//   - an amount that was not a number (api.AmountUnreadable) as
//     "unreadable (not a number)".
// Amounts are read once, when they arrive (ReadAmount, or Money when they
// are drawn as they are): a frame only lays out text.

// Bounds of a plausible amount.
const (
	// maxIntDigits: an amount is under 10^15.
	maxIntDigits = 15
	// maxFracDigits is the finest precision shown: an amount that is not
	// zero but shows zero at this many decimals is implausible.
	maxFracDigits = 24
	// maxAmountText is the longest amount text that is read as a number
	// at all, exponent included; a longer one is only shown compactly.
	maxAmountText = 64
	// maxExponent bounds the exponent of an amount read as a number: no
	// plausible amount of maxAmountText characters needs more.
	maxExponent = 2 * maxAmountText
	// maxOddText is the most of a text that is not a number that is shown.
	maxOddText = 12
)

// NoAmount is the text of an amount the server did not give.
const NoAmount = "—"

// NoLimit is how every screen says a key has no spending limit.
const NoLimit = "no limit"

// SpendCurrency is the currency of keys' spending limits and usage
// (api.Provider.KeySpending): OpenRouter, the one provider with them,
// states them in USD.
const SpendCurrency = "USD"

// implausibleNote follows an implausible amount.
const implausibleNote = " (implausible)"

// unreadableText is the text of an amount that was not a number, and
// unreadableNote follows it.
const (
	unreadableText = "unreadable"
	unreadableNote = " (not a number)"
)

// Money writes amount for people with its currency ("1,234.50 USD"; the
// number alone when currency is ""), NoAmount when there is none.
func Money(amount api.Amount, currency string) string {
	return ReadAmount(amount).In(currency)
}

// Amount is an amount read once, when it arrives (never per frame).
type Amount struct {
	// Value is the amount exactly; nil when there is none or it is not a
	// plausible number.
	Value *big.Rat
	// Text is the amount written for people without its currency:
	// "1,234.50", "1.2e15" when it is implausible, NoAmount when there is
	// none.
	Text string
	// Implausible says the server sent an amount beyond the bounds above,
	// one its document does not allow, or not a number.
	Implausible bool
}

// Unreadable reports whether the server sent no number at all
// (api.AmountUnreadable).
func (a Amount) Unreadable() bool { return a.Text == unreadableText }

// In is the amount with its currency, and the note when it is
// implausible: "1,234.50 USD", "1.2e15 USD (implausible)".
func (a Amount) In(currency string) string {
	if a.Unreadable() {
		return a.Text + unreadableNote
	}
	s := a.Text
	if currency != "" && a.Text != NoAmount {
		s += " " + currency
	}
	if a.Implausible {
		s += implausibleNote
	}
	return s
}

// ReadAmount reads amount, keeping its exact value for arithmetic (a
// balance's change, a low-balance warning) when it is plausible.
func ReadAmount(amount api.Amount) Amount {
	raw := strings.TrimSpace(string(amount))
	if raw == "" {
		return Amount{Text: NoAmount}
	}
	if amount == api.AmountUnreadable {
		return Amount{Text: unreadableText, Implausible: true}
	}
	if sent, marked := amount.Implausible(); marked {
		// The adapter found it against its document (a negative usage).
		if a := ReadAmount(sent); a.Value != nil {
			return Amount{Text: a.Text, Implausible: true}
		}
		return ReadAmount(sent)
	}
	v, ok := plausible(raw)
	if !ok {
		return Amount{Text: compact(raw), Implausible: true}
	}
	return Amount{Value: v, Text: MoneyOfRat(v)}
}

// MoneyOfRat writes r as every amount is written, without a currency
// ("2,500.60", "0.003"): two decimals, more where two would show zero.
func MoneyOfRat(r *big.Rat) string {
	for digits := 2; ; digits++ {
		s := r.FloatString(digits)
		if r.Sign() == 0 || digits >= maxFracDigits || strings.Trim(s, "-0.") != "" {
			return GroupThousands(s)
		}
	}
}

// plausible reads s as an exact number when it is a plausible amount: a
// JSON number of at most maxAmountText characters, under 10^15 and either
// zero or at least 10^-24. It never builds a number beyond those bounds.
func plausible(s string) (*big.Rat, bool) {
	if len(s) > maxAmountText || !api.IsJSONNumber([]byte(s)) {
		return nil, false
	}
	if _, exp, ok := strings.Cut(strings.ToLower(s), "e"); ok {
		if e, err := strconv.Atoi(exp); err != nil || e > maxExponent || e < -maxExponent {
			return nil, false
		}
	}
	v, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, false
	}
	abs := new(big.Rat).Abs(v)
	tooBig := abs.Cmp(new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(maxIntDigits), nil))) >= 0
	tooSmall := v.Sign() != 0 && abs.Cmp(new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(maxFracDigits), nil))) < 0
	return v, !tooBig && !tooSmall
}

// compact writes an implausible amount short, in scientific notation with
// two significant digits ("1.2e15", "-1.0e999999", "1.0e-30"), worked out
// from its digits alone: never a number of that size. Text that is not a
// number is cut short.
func compact(s string) string {
	sign, rest := "", s
	if strings.HasPrefix(rest, "-") {
		sign, rest = "-", rest[1:]
	}
	mant, expText, _ := strings.Cut(strings.ToLower(rest), "e")
	exp := 0
	if expText != "" {
		e, err := strconv.Atoi(expText)
		if err != nil || e > 1<<40 || e < -(1<<40) {
			return CutRunes(s, maxOddText)
		}
		exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := intPart + frac
	if intPart == "" || strings.Trim(digits, "0123456789") != "" {
		return CutRunes(s, maxOddText)
	}
	first := strings.IndexFunc(digits, func(r rune) bool { return r != '0' })
	if first < 0 {
		return "0.00"
	}
	exp += len(intPart) - 1 - first
	sig := digits[first:] + "00"
	d0, d1 := int(sig[0]-'0'), int(sig[1]-'0')
	if sig[2] >= '5' { // round to two significant digits
		d1++
		if d1 == 10 {
			d0, d1 = d0+1, 0
		}
		if d0 == 10 {
			d0, exp = 1, exp+1
		}
	}
	return fmt.Sprintf("%s%d.%de%d", sign, d0, d1, exp)
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
