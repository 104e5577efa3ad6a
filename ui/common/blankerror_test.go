package common_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/common"
)

// Issue 18, item 11: an error answer whose message is blank (or nothing
// but escapes) still says what happened: its status code, in the
// client's words.
func TestBlankErrorMessageKeepsItsStatus(t *testing.T) {
	bodies := map[string]string{
		"targon":     `{"error":"  ","reason":"\u001b[0m"}`,
		"openrouter": `{"error":{"code":409,"message":" \u001b[0m\u200b "}}`,
	}
	for provider, body := range bodies {
		for _, status := range []int{http.StatusConflict, http.StatusUnprocessableEntity, http.StatusTeapot, http.StatusBadRequest} {
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(status)
				w.Write([]byte(body))
			}))
			var acct api.Account
			var err error
			if provider == "targon" {
				acct, err = targon.New(ts.URL, "tgn_0123456789abcdef")
			} else {
				acct, err = openrouter.New(ts.URL+"/api/v1", "sk-or-v1-"+strings.Repeat("0", 64))
			}
			if err != nil {
				t.Fatal(err)
			}
			_, err = acct.CreateKey(context.Background(), api.KeySpec{Name: "ci"})
			ts.Close()
			got := common.ErrorText(err)
			if !strings.Contains(got, strings.ToLower(http.StatusText(status))) || !strings.Contains(got, "HTTP "+strconv.Itoa(status)) {
				t.Errorf("%s %d: %q, want the status named", provider, status, got)
			}
		}
	}
}

// A network error quoting what the server sent (Go's HTTP reader quotes a
// malformed header line whole) is cut short.
func TestNetworkErrorTextIsBounded(t *testing.T) {
	err := &api.NetworkError{Err: errors.New(`malformed MIME header line: "X-Evil: ` + strings.Repeat("a", 100_000) + `"`)}
	if got := common.ErrorText(err); len(got) > 200 {
		t.Errorf("ErrorText is %d bytes: %.100q…", len(got), got)
	}
}
