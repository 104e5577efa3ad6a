package openrouter_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/openrouter"
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

// Issue 18, item 8: a 3,000,000-digit number in GET /key (where the
// document has an integer) is an error of a few words, not a quote of it.
func TestDecodeErrorDoesNotQuoteTheServer(t *testing.T) {
	huge := strings.Repeat("7", 3_000_000)
	bodies := map[string]string{
		"rate limit":  `{"data":{"label":"sk-or-v1-abc...123","is_management_key":true,"rate_limit":{"requests":` + huge + `,"interval":"10s"}}}`,
		"limit_reset": `{"data":{"label":"sk-or-v1-abc...123","is_management_key":true,"limit_reset":` + huge + `}}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			url := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(body))
			}))
			c, err := openrouter.NewClient(url, "sk-or-v1-"+strings.Repeat("0", 64), clientopt.WithRetry(fastRetry))
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.CurrentKey(context.Background())
			boundedChain(t, err, 300)
		})
	}
}
