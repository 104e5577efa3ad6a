package list

import (
	"strconv"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// capText is the line for a list whose walk stopped at the cap e: what
// the server overran, then how much of the list is shown (have items of
// what, "API keys").
func capText(e *api.CapError, what string, have int) string {
	shown := "showing the first " + count(int64(have))
	if have == 0 {
		shown = "showing none"
	}
	var why string
	switch e.Kind {
	case api.CapItems:
		why = "the server sent more than " + count(e.Limit) + " " + what
	case api.CapPages:
		why = "the server sent more than " + count(e.Limit) + " pages of " + what
	case api.CapBytes:
		why = "the server sent more than " + mebibytes(e.Limit) + " of " + what
	case api.CapPageBytes:
		why = "the server sent a page of " + what + " over " + mebibytes(e.Limit)
	default:
		why = "listing " + what + " took more than " + common.ShortDuration(time.Duration(e.Limit))
	}
	return why + "; " + shown
}

// count is n with thousands separators.
func count(n int64) string { return common.GroupThousands(strconv.FormatInt(n, 10)) }

// mebibytes is n bytes in MiB ("32 MiB"), or in bytes below one MiB.
func mebibytes(n int64) string {
	if n < 1<<20 {
		return count(n) + " bytes"
	}
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', -1, 64) + " MiB"
}
