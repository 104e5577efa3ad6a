package credits

import (
	"math/big"
	"strings"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// maxCurrency is the most of the currency that is shown.
const maxCurrency = 12

// balance is everything the view draws of one answer, computed once when
// it arrives (never per frame).
type balance struct {
	// value is the amount, exactly; nil when it is not a plausible number.
	value *big.Rat
	// text is the amount for people ("1,234.50"; "1.2e15" when it is
	// implausible), or "—" when there is none.
	text string
	// implausible says the server sent a number beyond the bounds of
	// common.ReadAmount, or not a number.
	implausible bool
	// note says what was wrong when it is implausible.
	note string
	// currency is the unit (the account cleaned it), cut short ("" when
	// none).
	currency string
	// big are the rows of text in block digits, width their width; nil
	// when the font cannot draw it.
	big   []string
	width int
}

// newBalance reads an answer: what remains (Total and Used are drawn
// only in the note when they are implausible).
func newBalance(cr api.Balance) balance {
	amount := common.ReadAmount(cr.Remaining)
	b := balance{
		value:       amount.Value,
		text:        amount.Text,
		implausible: amount.Implausible,
		currency:    common.CutRunes(strings.TrimSpace(cr.Currency), maxCurrency),
	}
	switch {
	case amount.Unreadable():
		b.note = "✗ the server sent a balance that is not a number"
	case amount.Implausible:
		b.note = "✗ implausible balance from the server (10^15 or more, or too small for 24 decimals): shown compactly"
	case cr.Remaining == "":
		b.note, b.implausible = spoiledTotals(cr)
	}
	if b.value == nil {
		return b
	}
	if rows, w, ok := bigText(b.text); ok {
		b.big, b.width = rows[:], w
	}
	return b
}

// spoiledTotals is the note, and true, when no balance was worked out
// because what was bought or spent is implausible.
func spoiledTotals(cr api.Balance) (string, bool) {
	total, used := common.ReadAmount(cr.Total), common.ReadAmount(cr.Used)
	if !total.Implausible && !used.Implausible {
		return "", false
	}
	return "✗ implausible totals from the server (bought " + total.In(cr.Currency) + ", spent " + used.In(cr.Currency) + "): no balance worked out", true
}

// in is the amount with its currency and, when it is implausible, the
// note (common.Amount.In).
func (b balance) in(currency string) string {
	return common.Amount{Value: b.value, Text: b.text, Implausible: b.implausible}.In(currency)
}
