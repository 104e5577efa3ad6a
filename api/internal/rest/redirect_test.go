package rest_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// Issue 18, item 11: a redirect whose Location does not parse (an ESC in
// it, a huge one) is still a redirect: reported once, never retried as if
// the server could not be reached, and without the header's text.
func TestRedirectWithABadLocation(t *testing.T) {
	for name, loc := range map[string]string{
		"escape": "https://evil\x1b[31m.example/x",
		"huge":   "https://a.example/%zz" + strings.Repeat("\x1b", 100_000),
		"space":  "http://ex ample.com/",
	} {
		t.Run(name, func(t *testing.T) {
			var n atomic.Int32
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n.Add(1)
				w.Header()["Location"] = []string{loc}
				w.WriteHeader(http.StatusFound)
			}))
			defer ts.Close()
			fast := clientopt.RetryPolicy{MaxAttempts: 4, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}
			c, _ := rest.New(ts.URL, "t", parse, clientopt.WithRetry(fast))
			err := c.Do(context.Background(), rest.Request{Method: http.MethodGet, Path: rest.Path("key")}, nil)
			var re *api.RedirectError
			if !errors.As(err, &re) || (re.Status != http.StatusFound && re.Status != 0) {
				t.Errorf("err = %.200q, want a RedirectError", err)
			}
			if n.Load() != 1 {
				t.Errorf("%d requests, want 1: a redirect is not retried", n.Load())
			}
			if err != nil && (len(err.Error()) > 300 || strings.ContainsRune(err.Error(), 0x1b)) {
				t.Errorf("err = %.200q", err)
			}
		})
	}
}

// A redirect to a lookalike host names it in punycode, with the warning.
func TestRedirectTargetInPunycode(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "https://\u043epenrouter.ai/api/v1/key")
		w.WriteHeader(http.StatusMovedPermanently)
	}))
	defer ts.Close()
	c, _ := rest.New(ts.URL, "t", parse)
	err := c.Do(context.Background(), rest.Request{Method: http.MethodGet, Path: rest.Path("key")}, nil)
	var re *api.RedirectError
	if !errors.As(err, &re) || !strings.HasPrefix(re.Target, "https://xn--penrouter-") || !strings.Contains(re.Target, api.MixedScriptNote) {
		t.Errorf("err = %v, want the target in punycode with a warning", err)
	}
}
