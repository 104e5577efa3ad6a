package common

import (
	"math/big"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// One format: two decimals (more only where two would show zero),
// separators, the currency as a code after the amount; an implausible
// amount compactly, with a note.
func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		in   api.Amount
		want string
	}{
		{"", "—"},
		{"0", "0.00"},
		{"-0", "0.00"},
		{"50", "50.00"},
		{"1234.5", "1,234.50"},
		{"0.125", "0.13"},
		{"6.204417383", "6.20"},
		{"147.403271846", "147.40"},
		{"100.073214559", "100.07"},
		{"0.007952316", "0.01"},
		{"-0.5", "-0.50"},
		{"0.001", "0.001"},
		{"0.0049", "0.005"},
		{"0.00001234", "0.00001"},
		{"-0.001", "-0.001"},
		{"1e3", "1,000.00"},
		{"12.5e2", "1,250.00"},
		{"2.5e-3", "0.003"},
		{"1234567.891", "1,234,567.89"},
		{"999999999999999.99", "999,999,999,999,999.99"},
		{"0.000000000000000000000001", "0.000000000000000000000001"},
		{"1000000000000000", "1.0e15 (implausible)"},
		{"-2.5e20", "-2.5e20 (implausible)"},
		{"1e999999", "1.0e999999 (implausible)"},
		{"1.96e15", "2.0e15 (implausible)"},
		{"9.96e15", "1.0e16 (implausible)"},
		{"123456789012345678901234567890123", "1.2e32 (implausible)"},
		{"1e-30", "1.0e-30 (implausible)"},
		{api.Amount("1" + strings.Repeat("0", 400)), "1.0e400 (implausible)"},
		{"1e99999999999999999999", "1e999999999… (implausible)"},
	} {
		if got := Money(tc.in, ""); got != tc.want {
			t.Errorf("Money(%.40q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := Money("147.403271846", "USD"); got != "147.40 USD" {
		t.Errorf("with a currency: %q", got)
	}
	if got := Money("1e15", "USD"); got != "1.0e15 USD (implausible)" {
		t.Errorf("implausible with a currency: %q", got)
	}
	if got := Money("", "USD"); got != "—" {
		t.Errorf("none with a currency: %q", got)
	}
}

// An amount read once keeps its exact value when it is plausible, and
// none when it is not.
func TestReadAmount(t *testing.T) {
	a := ReadAmount("1234.125")
	if want, _ := new(big.Rat).SetString("1234.125"); a.Value == nil || a.Value.Cmp(want) != 0 || a.Text != "1,234.13" || a.Implausible {
		t.Errorf("ReadAmount(1234.125) = %+v", a)
	}
	if a := ReadAmount("1e999999"); a.Value != nil || !a.Implausible || a.Text != "1.0e999999" {
		t.Errorf("ReadAmount(1e999999) = %+v", a)
	}
}

// A difference of two amounts is written as amounts are.
func TestMoneyOfRat(t *testing.T) {
	for in, want := range map[string]string{"999.9": "999.90", "2500.6": "2,500.60", "0.025": "0.03", "0.004": "0.004", "7": "7.00", "-0.375": "-0.38", "0": "0.00"} {
		r, _ := new(big.Rat).SetString(in)
		if got := MoneyOfRat(r); got != want {
			t.Errorf("MoneyOfRat(%s) = %q, want %q", in, got, want)
		}
	}
}
