package credits

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// Issue 18, item 10: a balance the server spoiled is noted for what it
// is — not a number, or totals that are implausible (so no balance was
// worked out) — never drawn as money without a word.
func TestSpoiledBalanceIsNoted(t *testing.T) {
	tests := []struct {
		name string
		in   api.Balance
		want []string
	}{
		{"not a number", api.Balance{Currency: "USD", Remaining: api.AmountUnreadable}, []string{"unreadable (not a number)", "not a number"}},
		{"huge", api.Balance{Currency: "USD", Remaining: "1e308"}, []string{"1.0e308 USD (implausible)", "10^15 or more"}},
		{"negative total", api.Balance{Currency: "USD", Total: api.NotNegative("-1"), Used: "0"}, []string{"—", "bought -1.00 USD (implausible)"}},
		{"unreadable usage", api.Balance{Currency: "USD", Total: "10", Used: api.AmountUnreadable}, []string{"—", "spent unreadable (not a number)"}},
	}
	for _, tt := range tests {
		b := newBalance(tt.in)
		got := b.in(b.currency) + " | " + b.note
		if !b.implausible {
			t.Errorf("%s: not flagged: %q", tt.name, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", tt.name, got, w)
			}
		}
	}
}
