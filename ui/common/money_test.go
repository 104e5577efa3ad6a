package common

import (
	"math/big"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// groupDecimal writes separators and, with a fraction, two decimals at least; it
// never drops a digit.
func TestGroupDecimal(t *testing.T) {
	for in, want := range map[string]string{
		"1234.5":    "1,234.50",
		"1234":      "1,234",
		"1234.50":   "1,234.50",
		"0.125":     "0.125",
		"-0.5":      "-0.50",
		"1234567.0": "1,234,567.00",
		"1e6":       "1e6",
		"":          "",
	} {
		if got := groupDecimal(in); got != want {
			t.Errorf("groupDecimal(%q) = %q, want %q", in, got, want)
		}
	}
}

// Each format as the screen that uses it draws an amount, including the
// places where today's screens disagree (see MoneyFormat).
func TestMoneyFormats(t *testing.T) {
	for _, tc := range []struct {
		in                         api.Amount
		exact, cents, cell, asSent string
	}{
		{"", "—", "—", "—", "—"},
		{"1234.5", "1,234.50", "1,234.50", "1,234.50", "1,234.50"},
		{"0.125", "0.125", "0.13", "0.13", "0.125"},
		{"50", "50", "50.00", "50", "50"},
		{"6.204417383", "6.204417383", "6.20", "6.20", "6.204417383"},
		{"-0.5", "-0.50", "-0.50", "-0.50", "-0.50"},
		{"1e3", "1,000", "1,000.00", "1e3", "1e3"},
		{"12.5e2", "1,250", "1,250.00", "12.5e2", "12.5e2"},
		{"1e999999", "1e999999", "1e999999", "1e999999", "1e999999"},
		{"1000000000000000", "1000000000000000", "1000000000000000", "1,000,000,000,000,000", "1,000,000,000,000,000"},
		{"123456789012345678901234567890123", "1234567890123456789012345678901…", "1234567890123456789012345678901…", "123456789012", "123,456,789,012,345,678,901,234,567,890,123"},
	} {
		for f, want := range map[MoneyFormat]string{MoneyExact: tc.exact, MoneyCents: tc.cents, MoneyListCell: tc.cell, MoneyAsSent: tc.asSent} {
			if got := Money(tc.in, f); got != want {
				t.Errorf("Money(%q, %d) = %q, want %q", tc.in, f, got, want)
			}
		}
	}
	if got := Dollars("1234.5", MoneyAsSent); got != "$1,234.50" {
		t.Errorf("Dollars = %q", got)
	}
	if got := Dollars("", MoneyAsSent); got != "—" {
		t.Errorf("Dollars of none = %q, want —", got)
	}
}

// A difference of two amounts is written exactly, with the fewest
// decimals that are exact (at least two).
func TestMoneyOfRat(t *testing.T) {
	for in, want := range map[string]string{"999.9": "999.90", "2500.6": "2,500.60", "0.025": "0.025", "7": "7"} {
		r, _ := new(big.Rat).SetString(in)
		if got := MoneyOfRat(r); got != want {
			t.Errorf("MoneyOfRat(%s) = %q, want %q", in, got, want)
		}
	}
}
