package rest_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// Issue 18, item 8: a body of the wrong shape is described in the
// client's words, however much the server sent: a 3,000,000-digit number
// where a string belongs, a huge key, a long run of garbage. No server
// byte reaches the message unbounded.
func TestDecodeErrorsAreBounded(t *testing.T) {
	huge := strings.Repeat("9", 3_000_000)
	bodies := map[string]string{
		"number for a string":    `{"label":` + huge + `}`,
		"number for an object":   `{"data":` + huge + `}`,
		"number for an int":      `{"count":` + huge + `}`,
		"huge number nested":     `{"data":{"ID":` + huge + `}}`,
		"number at the top":      huge,
		"garbage":                `{"label":` + strings.Repeat("x", 100_000) + `}`,
		"huge string for an int": `{"count":"` + strings.Repeat("1", 100_000) + `"}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Write([]byte(body))
			}))
			defer ts.Close()
			c, _ := rest.New(ts.URL, "t", parse)
			var out struct {
				Label string `json:"label"`
				Data  struct{ ID string }
				Count int `json:"count"`
			}
			err := c.Do(context.Background(), rest.Request{Method: http.MethodPost, Path: rest.Path("key")}, &out)
			var de *api.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("err = %.200v, want a DecodeError", err)
			}
			if n := len(err.Error()); n > 300 {
				t.Errorf("the error is %d bytes: %.200q…", n, err.Error())
			}
			if len(de.What) > 200 {
				t.Errorf("What is %d bytes: %.200q…", len(de.What), de.What)
			}
		})
	}
}
