package common_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// timeoutErr is a net.Error-like timeout (what a dial or read deadline gives).
type timeoutErr struct{}

func (timeoutErr) Error() string { return "i/o timeout" }
func (timeoutErr) Timeout() bool { return true }

// ErrorText words every error a person can meet in one short line, from
// errors built by hand (one per sentinel and error type).
func TestErrorTextSentinels(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"nil", nil, ""},
		{"401", &targon.Error{Status: 401, Message: "unauthorized"}, "the API key was not accepted (401)"},
		{"403", &targon.Error{Status: 403, Message: "forbidden"}, "not allowed for this key"},
		{"404", &targon.Error{Status: 404, Message: "not found"}, "it no longer exists on the server"},
		{"429 with Retry-After", &targon.Error{Status: 429, Message: "slow down", RetryAfter: 30 * time.Second}, "rate limited by the server; try again in 30s"},
		{"429 without Retry-After", &targon.Error{Status: 429, Message: "slow down"}, "rate limited by the server; try again shortly"},
		{"500", &targon.Error{Status: 500, Message: "internal server error"}, "the Targon API had a problem (HTTP 500)"},
		{"503", &targon.Error{Status: 503, Message: "service unavailable"}, "the Targon API had a problem (HTTP 503)"},
		{"400 reason wins", &targon.Error{Status: 400, Message: "invalid request", Reason: "name is too long"}, "name is too long"},
		{"400 message only", &targon.Error{Status: 400, Message: "invalid request"}, "invalid request"},
		{"400 sanitized", &targon.Error{Status: 400, Message: "x", Reason: "bad\x1b[2Jname\n"}, "badname "},
		{"wrapped API error", fmt.Errorf("DELETE /x: %w", &targon.Error{Status: 404}), "it no longer exists on the server"},
		{"network timeout", &api.NetworkError{Err: timeoutErr{}}, "the Targon API did not answer in time"},
		{"network deadline", fmt.Errorf("GET /x: %w", &api.NetworkError{Err: context.DeadlineExceeded}), "the Targon API did not answer in time"},
		{"bare deadline", context.DeadlineExceeded, "the Targon API did not answer in time"},
		{"network refused", &api.NetworkError{Err: errors.New("dial tcp 127.0.0.1:1: connect: connection refused")}, "cannot reach the Targon API: connection refused"},
		{"network partial", &api.NetworkError{Err: errors.New("unexpected EOF"), Partial: true}, "the connection dropped while reading the answer"},
		{"decode", &api.DecodeError{Status: 200, Err: errors.New("invalid character '<'")}, "the server's answer could not be read (HTTP 200)"},
		{"wrong shape", fmt.Errorf("POST /x: %w", &api.DecodeError{Status: 200, What: "a list where an object was expected"}), "the server's answer was not what the API sends: a list where an object was expected (HTTP 200)"},
		{"redirect", fmt.Errorf("GET /x: %w", &api.RedirectError{Status: 301, Target: "http://example.com"}), "the server redirected to http://example.com (HTTP 301); API requests do not follow redirects"},
		{"cursor loop", fmt.Errorf("walk: %w", api.ErrCursorLoop), "the server sent the same page twice; loading stopped to avoid a loop"},
		{"malformed secret", &api.SecretError{Done: "created", Err: api.ErrMalformedSecret}, "the server sent a malformed key; it was not shown, copied or saved. The key was created anyway: refresh the list, then roll or delete it"},
		{"cancelled", fmt.Errorf("GET /x: %w", context.Canceled), "cancelled"},
		{"other", errors.New("disk\nfull"), "disk full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := common.ErrorTextFor("Targon", tt.err); got != tt.want {
				t.Errorf("ErrorText = %q, want %q", got, tt.want)
			}
		})
	}
}

// secretToken is a key that must never show up in what the user reads.
const secretToken = "tgn_SECRET0123456789abcdefDONOTLEAK"

// ErrorText of real failures from the simulator over HTTP: the right
// wording, no body dumps, and never the token that was sent.
func TestErrorTextFromServer(t *testing.T) {
	tests := []struct {
		name    string
		fault   *targontest.Fault
		timeout time.Duration
		want    string
	}{
		{name: "wrong key", want: "the API key was not accepted (401)"},
		{name: "403", fault: &targontest.Fault{Status: 403}, want: "not allowed for this key"},
		{name: "404", fault: &targontest.Fault{Status: 404}, want: "it no longer exists on the server"},
		{name: "429", fault: &targontest.Fault{Status: 429, RetryAfter: "7"}, want: "rate limited by the server; try again in 7s"},
		{name: "500", fault: &targontest.Fault{Status: 500}, want: "the Targon API had a problem (HTTP 500)"},
		{name: "502 HTML from a proxy", fault: &targontest.Fault{Status: 502, Body: "<html><body><h1>502 Bad Gateway</h1>" + secretToken + "</body></html>"}, want: "the Targon API had a problem (HTTP 502)"},
		{name: "400 with reason", fault: &targontest.Fault{Status: 400, Body: `{"error":"invalid request","reason":"name must not be empty"}`}, want: "name must not be empty"},
		{name: "200 HTML", fault: &targontest.Fault{Status: 200, Body: "<html>maintenance</html>"}, want: "the server's answer could not be read (HTTP 200)"},
		{name: "truncated", fault: &targontest.Fault{Truncate: true}, want: "the connection dropped while reading the answer"},
		{name: "dropped", fault: &targontest.Fault{Drop: true}, want: "the connection dropped before the answer came"},
		{name: "slow", fault: &targontest.Fault{Latency: 5 * time.Second}, timeout: 50 * time.Millisecond, want: "the Targon API did not answer in time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sim := targontest.New()
			ts := httptest.NewServer(sim)
			defer ts.Close()
			if tt.fault != nil {
				sim.InjectFault(*tt.fault)
			}
			client, err := targon.NewClient(ts.URL, secretToken, clientopt.WithRetry(clientopt.NoRetry()))
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			_, err = client.Credits(ctx)
			if err == nil {
				t.Fatal("Credits succeeded, want an error")
			}
			got := common.ErrorTextFor("Targon", err)
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("ErrorText = %q, want it to start with %q (error: %v)", got, tt.want, err)
			}
			if strings.Contains(got, secretToken) || strings.Contains(got, "SECRET") {
				t.Errorf("ErrorText leaks the token: %q", got)
			}
			if strings.Contains(got, "<") || strings.Contains(got, "\n") {
				t.Errorf("ErrorText dumps a body or spans lines: %q", got)
			}
		})
	}
}

// A server that is not there: "connection refused", not a dial dump.
func TestErrorTextConnectionRefused(t *testing.T) {
	ts := httptest.NewServer(targontest.New())
	url := ts.URL
	ts.Close() // nothing listens there any more
	client, err := targon.NewClient(url, secretToken, clientopt.WithRetry(clientopt.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.Credits(context.Background())
	got := common.ErrorTextFor("Targon", err)
	if got != "cannot reach the Targon API: connection refused" {
		t.Errorf("ErrorText = %q (error: %v)", got, err)
	}
	if !common.Retryable(err) {
		t.Error("a refused connection should offer a retry")
	}
}

// Retryable decides whether a dialog says "— y to retry".
func TestRetryable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{&targon.Error{Status: 400}, false},
		{&targon.Error{Status: 401}, false},
		{&targon.Error{Status: 403}, false},
		{&targon.Error{Status: 404}, false},
		{&targon.Error{Status: 429}, true},
		{&targon.Error{Status: 500}, true},
		{&targon.Error{Status: 503}, true},
		{&api.NetworkError{Err: errors.New("connection reset")}, true},
		{context.DeadlineExceeded, true},
		{errors.New("boom"), false},
	}
	for _, tt := range tests {
		if got := common.Retryable(tt.err); got != tt.want {
			t.Errorf("Retryable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// The provider named in an error line is the account's, never a fixed
// "Targon".
func TestErrorTextNamesTheProvider(t *testing.T) {
	if got := common.ErrorTextFor("OpenRouter", context.DeadlineExceeded); got != "the OpenRouter API did not answer in time" {
		t.Errorf("ErrorTextFor = %q", got)
	}
	c, _ := uitest.NewCommon(nil)
	if got := c.ErrorText(context.DeadlineExceeded); got != "the Targon API did not answer in time" {
		t.Errorf("Common.ErrorText = %q", got)
	}
}
