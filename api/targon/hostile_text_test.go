package targon_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
)

// boundedChain fails t when err, or any error it wraps, has a message
// longer than limit bytes: a server's text must never reach one whole.
func boundedChain(t *testing.T, err error, limit int) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if n := len(e.Error()); n > limit {
			t.Errorf("%T says %d bytes: %.120q…", e, n, e.Error())
		}
	}
}

// Issue 18, item 8: a huge number where the document has a string or a
// list is an error of a few words, not a quote of it. (Targon's documents
// have no integer members, where Go's JSON error quotes the digits; this
// keeps it so.)
func TestDecodeErrorDoesNotQuoteTheServer(t *testing.T) {
	huge := strings.Repeat("7", 3_000_000)
	bodies := map[string]string{
		"name":  `{"items":[{"uid":"key-1","name":` + huge + `}],"next_cursor":null}`,
		"items": `{"items":` + huge + `,"next_cursor":null}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			c, _ := serve(t, http.StatusOK, body)
			_, err := c.ListAPIKeys(context.Background(), targon.ListOptions{})
			boundedChain(t, err, 300)
		})
	}
}

// Issue 18, item 10, on Targon: a balance that is not a number is the
// balance unreadable, not a failed answer, as on OpenRouter.
func TestUnreadableBalance(t *testing.T) {
	for _, v := range []string{`"NaN"`, `"Infinity"`, `"0x10"`, `true`} {
		c, _ := serve(t, http.StatusOK, `{"credits":`+v+`,"currency":"USD"}`)
		cr, err := c.Credits(context.Background())
		if err != nil || cr.Amount != api.AmountUnreadable || cr.Currency != "USD" {
			t.Errorf("%s: credits %+v, %v; want the amount unreadable", v, cr, err)
		}
	}
}
