package rest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// testError is a provider's error type, as an ErrorFunc builds it.
type testError struct{ status int }

func (e *testError) Error() string                 { return "test error" }
func (e *testError) Unwrap() error                 { return api.SentinelFor(e.status) }
func (e *testError) HTTPStatus() int               { return e.status }
func (e *testError) RetryAfterHint() time.Duration { return 0 }
func (e *testError) ServerMessage() string         { return "" }

func parse(resp *http.Response, _ []byte) error { return &testError{resp.StatusCode} }

// A base URL with a path (OpenRouter's /api/v1), escaped segments, a query
// and a JSON null in a PATCH body all arrive as sent.
func TestRequestShape(t *testing.T) {
	var gotPath, gotQuery, gotBody, gotAuth string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotQuery, gotAuth = r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Get("Authorization")
		b, _ := io.ReadAll(r.Body)
		gotBody = string(b)
		w.Write([]byte(`{"ok":true}`))
	}))
	defer ts.Close()
	c, err := rest.New(ts.URL+"/api/v1/", "sk-or-v1-token", parse)
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ OK bool }
	err = c.Do(context.Background(), rest.Request{
		Method: http.MethodPatch,
		Path:   rest.Path("keys", "a/b c", ".."),
		Query:  url.Values{"include_disabled": {"true"}, "offset": {"100"}},
		Body:   map[string]any{"limit": nil},
	}, &out)
	if err != nil || !out.OK {
		t.Fatalf("Do = %v, out %+v", err, out)
	}
	if gotPath != "/api/v1/keys/a%2Fb%20c/%2E%2E" || gotQuery != "include_disabled=true&offset=100" ||
		gotBody != `{"limit":null}` || gotAuth != "Bearer sk-or-v1-token" {
		t.Errorf("path %q query %q body %q auth %q", gotPath, gotQuery, gotBody, gotAuth)
	}
}

// Error answers go through the ErrorFunc; redirects are refused; POST is
// never retried while GET is.
func TestErrorsRedirectsAndRetries(t *testing.T) {
	calls := map[string]int{}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls[r.Method+" "+r.URL.Path]++
		switch r.URL.Path {
		case "/moved":
			http.Redirect(w, r, "https://elsewhere.example/x?token=1", http.StatusFound)
		case "/busy":
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer ts.Close()
	fast := clientopt.RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}
	c, _ := rest.New(ts.URL, "t", parse, clientopt.WithRetry(fast))
	ctx := context.Background()

	var te *testError
	if err := c.Do(ctx, rest.Request{Method: http.MethodGet, Path: rest.Path("nope")}, nil); !errors.As(err, &te) || !errors.Is(err, api.ErrNotFound) {
		t.Errorf("404: %v", err)
	}
	var re *api.RedirectError
	if err := c.Do(ctx, rest.Request{Method: http.MethodGet, Path: rest.Path("moved")}, nil); !errors.As(err, &re) || re.Target != "https://elsewhere.example" {
		t.Errorf("redirect: %v", err)
	}
	c.Do(ctx, rest.Request{Method: http.MethodGet, Path: rest.Path("busy")}, nil)
	c.Do(ctx, rest.Request{Method: http.MethodPost, Path: rest.Path("busy")}, nil)
	if calls["GET /busy"] != 3 || calls["POST /busy"] != 1 {
		t.Errorf("calls = %v, want GET retried 3 times, POST once", calls)
	}
}
