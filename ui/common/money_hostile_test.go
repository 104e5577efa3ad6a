package common

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// Issue 18, item 10: what a hostile server sends as an amount is shown
// short, with a note, and never used in arithmetic: huge and tiny values,
// a negative where the document has none (marked by the adapter), a million digits, and an
// amount that was not a number at all.
func TestImplausibleAmountsAreNoted(t *testing.T) {
	tests := []struct {
		in   api.Amount
		want string
	}{
		{"1e308", "1.0e308 USD (implausible)"},
		{"1e999999", "1.0e999999 USD (implausible)"},
		{api.NotNegative("-1"), "-1.00 USD (implausible)"},
		{api.NotNegative("-0.5"), "-0.50 USD (implausible)"},
		{api.NotNegative("-1e20"), "-1.0e20 USD (implausible)"},
		{api.NotNegative("-1e999999"), "-1.0e999999 USD (implausible)"},
		{api.Amount("1" + strings.Repeat("0", 1_000_000)), "1.0e1000000 USD (implausible)"},
		{api.AmountUnreadable, "unreadable (not a number)"},
		{api.NotNegative("0"), "0.00 USD"},
		{api.NotNegative("-0"), "0.00 USD"},
	}
	for _, tt := range tests {
		a := ReadAmount(tt.in)
		if got := a.In("USD"); got != tt.want {
			t.Errorf("%.20s: %q, want %q", tt.in, got, tt.want)
		}
		if tt.want != "0.00 USD" && (a.Value != nil || !a.Implausible) {
			t.Errorf("%.20s: value %v implausible %v; want no value, implausible", tt.in, a.Value, a.Implausible)
		}
	}
}
