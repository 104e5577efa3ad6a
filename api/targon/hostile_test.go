package targon_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
)

// serve answers every request with status and body (JSON) and counts them.
func serve(t *testing.T, status int, body string) (*targon.Client, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(ts.Close)
	c, err := targon.NewClient(ts.URL, "tgn_0123456789abcdef", clientopt.WithRetry(fastRetry))
	if err != nil {
		t.Fatal(err)
	}
	return c, &n
}

// A create or roll whose key_raw is not a well-formed secret is an error
// that does not carry the secret; the key it made is named in the error.
func TestMalformedSecretIsAnError(t *testing.T) {
	bad := map[string]string{
		"OSC 52":      `tgn_abcdefghijklmnop\u001b]52;c;ZXZpbA==\u0007`,
		"space":       `tgn_abcdefgh ijklmnop`,
		"empty":       ``,
		"non-ASCII":   `tgn_abcdefghijklmnoé`,
		"short":       `tgn_abc`,
		"newline":     `tgn_abcdefghijklmnop\n`,
		"bidi inside": `tgn_abcdefgh\u202eijklmnop`,
	}
	for name, raw := range bad {
		for _, op := range []string{"create", "roll"} {
			t.Run(name+"/"+op, func(t *testing.T) {
				c, n := serve(t, http.StatusOK, `{"uid":"key-1","name":"ci","key_raw":"`+raw+`"}`)
				var k targon.APIKey
				var err error
				if op == "create" {
					k, err = c.CreateAPIKey(context.Background(), "ci")
				} else {
					k, err = c.RollAPIKey(context.Background(), "key-1")
				}
				var se *api.SecretError
				if !errors.As(err, &se) || !errors.Is(err, api.ErrMalformedSecret) {
					t.Fatalf("err = %v, want a *SecretError", err)
				}
				if k != (targon.APIKey{}) {
					t.Errorf("key = %+v, want nothing alongside the error", k)
				}
				if se.ID != "key-1" || se.Name != "ci" {
					t.Errorf("error names %q %q, want the key that was made", se.ID, se.Name)
				}
				if raw != "" && strings.Contains(err.Error(), "abcdefgh") {
					t.Errorf("error %q shows the secret", err)
				}
				if n.Load() != 1 {
					t.Errorf("%d requests, want 1 (never retried)", n.Load())
				}
			})
		}
	}
	// A missing key_raw is as bad as an empty one.
	c, _ := serve(t, http.StatusOK, `{"uid":"key-1","name":"ci"}`)
	if _, err := c.CreateAPIKey(context.Background(), "ci"); !errors.Is(err, api.ErrMalformedSecret) {
		t.Fatalf("missing key_raw: err = %v", err)
	}
}

func TestValidateSecret(t *testing.T) {
	for _, ok := range []string{"tgn_0123456789abcdef", "sk-or-v1-" + strings.Repeat("a", 64), strings.Repeat("~", api.MaxSecretLen)} {
		if err := api.ValidateSecret(ok); err != nil {
			t.Errorf("ValidateSecret(%.20q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "tgn_short", "tgn_0123456789abcdef\x00", "tgn_0123456789abc\tdef", "tgn_0123456789abcdef\x7f", strings.Repeat("a", api.MaxSecretLen+1)} {
		if err := api.ValidateSecret(bad); !errors.Is(err, api.ErrMalformedSecret) {
			t.Errorf("ValidateSecret(%.20q) = %v, want ErrMalformedSecret", bad, err)
		}
	}
}

// Every display string the client returns is cleaned; the secret of a good
// create is returned exactly.
func TestClientCleansDisplayStrings(t *testing.T) {
	ctx := context.Background()
	c, _ := serve(t, http.StatusOK, `{"items":[{"uid":"key-\u202e1","name":"prod\u001b]52;c;ZXZpbA==\u0007\u200b","key_raw":"tgn_\u001b[2J…a1b2"}],"next_cursor":""}`)
	p, err := c.ListAPIKeys(ctx, targon.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The uid stays as sent: requests name the key by it, or not at all
	// (the Account's key then has no ID, and IDText is cleaned).
	if k := p.Items[0]; k.UID != "key-\u202e1" || k.Name != "prod" || k.KeyRaw != "tgn_…a1b2" {
		t.Errorf("key = %q %q %q, want the uid as sent and the rest cleaned", k.UID, k.Name, k.KeyRaw)
	}

	c, _ = serve(t, http.StatusOK, `{"items":[{"uid":"shk-1","name":"lap\u2066top","public_key_raw":"ssh-ed25519 AAAA x\u001b[31m"}],"next_cursor":""}`)
	sp, err := c.ListSSHKeys(ctx, targon.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if k := sp.Items[0]; k.Name != "laptop" || k.PublicKeyRaw != "ssh-ed25519 AAAA x" {
		t.Errorf("SSH key = %q %q, want cleaned", k.Name, k.PublicKeyRaw)
	}

	c, _ = serve(t, http.StatusOK, `{"credits":12,"currency":"US\u001b[8mD\u200f"}`)
	cr, err := c.Credits(ctx)
	if err != nil || cr.Currency != "USD" {
		t.Errorf("credits = %+v, %v; want the currency cleaned", cr, err)
	}

	c, _ = serve(t, http.StatusBadRequest, `{"error":"bad\u001b]52;c;eA==\u0007","reason":"name \u202eevil\u200b"}`)
	_, err = c.RenameAPIKey(ctx, "key-1", "x")
	var apiErr *targon.Error
	if !errors.As(err, &apiErr) || apiErr.Message != "bad" || apiErr.Reason != "name evil" {
		t.Errorf("err = %#v, want the reason cleaned", err)
	}

	const secret = "tgn_0123456789abcdefXYZ"
	c, _ = serve(t, http.StatusOK, `{"uid":"key-1","name":"ci","key_raw":"`+secret+`"}`)
	k, err := c.CreateAPIKey(ctx, "ci")
	if err != nil || k.KeyRaw != secret {
		t.Errorf("create = %q, %v; want the secret as sent", k.KeyRaw, err)
	}
}

// A 2xx that is not the expected JSON shape is an error with a short
// readable message, never empty values.
func TestWrongShapeIsAnError(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name, body string
		call       func(*targon.Client) error
		want       string
	}{
		{"create answered with a list", `[{"uid":"key-1","key_raw":"tgn_0123456789abcdef"}]`,
			func(c *targon.Client) error { _, err := c.CreateAPIKey(ctx, "a"); return err }, "a list where an object was expected"},
		{"create answered with a page", `{"items":[],"next_cursor":""}`,
			func(c *targon.Client) error { _, err := c.CreateAPIKey(ctx, "a"); return err }, "an API key without a uid"},
		{"roll answered with null", `null`,
			func(c *targon.Client) error { _, err := c.RollAPIKey(ctx, "key-1"); return err }, "an API key without a uid"},
		{"rename without uid", `{"name":"a"}`,
			func(c *targon.Client) error { _, err := c.RenameAPIKey(ctx, "key-1", "a"); return err }, "an API key without a uid"},
		{"page without items", `{"next_cursor":""}`,
			func(c *targon.Client) error { _, err := c.ListAPIKeys(ctx, targon.ListOptions{}); return err }, "a page without an items list"},
		{"page with items null", `{"items":null}`,
			func(c *targon.Client) error { _, err := c.ListSSHKeys(ctx, targon.ListOptions{}); return err }, "a page without an items list"},
		{"page item without uid", `{"items":[{"uid":"key-1"},{"name":"x"}]}`,
			func(c *targon.Client) error { _, err := c.ListAPIKeys(ctx, targon.ListOptions{}); return err }, "item 2 of the page is an API key without a uid"},
		{"page as a list", `[]`,
			func(c *targon.Client) error { _, err := c.ListAPIKeys(ctx, targon.ListOptions{}); return err }, "a list where an object was expected"},
		{"credits missing", `{"currency":"USD"}`,
			func(c *targon.Client) error { _, err := c.Credits(ctx); return err }, "a balance without a numeric credits value"},
		{"credits a string body", `"50000"`,
			func(c *targon.Client) error { _, err := c.Credits(ctx); return err }, "a string where an object was expected"},
		{"uid of the wrong type", `{"uid":12,"name":"a"}`,
			func(c *targon.Client) error { _, err := c.RenameAPIKey(ctx, "key-1", "a"); return err }, `"uid" is a number, not the type expected`},
		{"SSH key without uid", `{"name":"a","public_key_raw":"ssh-ed25519 AAAA"}`,
			func(c *targon.Client) error { _, err := c.GetSSHKey(ctx, "shk-1"); return err }, "an SSH key without a uid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, n := serve(t, http.StatusOK, tt.body)
			err := tt.call(c)
			var de *api.DecodeError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want a DecodeError saying %q", err, tt.want)
			}
			if api.Retryable(err) || n.Load() != 1 {
				t.Errorf("a wrong shape was retried (%d requests)", n.Load())
			}
		})
	}
}

// API calls never follow redirects: an https server that redirects to
// plain http on the same host gets an error naming the host, and the http
// server never sees a request (so never the bearer token in clear).
func TestRedirectsAreNotFollowed(t *testing.T) {
	var plain atomic.Int32
	var gotToken atomic.Bool
	insecure := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		plain.Add(1)
		if r.Header.Get("Authorization") != "" {
			gotToken.Store(true)
		}
		fmt.Fprint(w, `{"credits":1,"currency":"USD"}`)
	}))
	defer insecure.Close()
	for _, status := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			tls := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, insecure.URL+r.URL.RequestURI()+"?token=leak", status)
			}))
			defer tls.Close()
			caller := tls.Client()
			c, err := targon.NewClient(tls.URL, "tgn_0123456789abcdef", clientopt.WithHTTPClient(caller), clientopt.WithRetry(fastRetry))
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Credits(context.Background())
			var re *api.RedirectError
			if !errors.As(err, &re) || re.Status != status {
				t.Fatalf("err = %v, want a RedirectError %d", err, status)
			}
			host := strings.TrimPrefix(insecure.URL, "http://")
			if re.Target != "http://"+host || strings.Contains(err.Error(), "token=leak") || strings.Contains(re.Error(), "/tha/") {
				t.Errorf("error %q: want the host %s only", err, host)
			}
			if plain.Load() != 0 || gotToken.Load() {
				t.Fatalf("the http server got %d requests (token: %v)", plain.Load(), gotToken.Load())
			}
			if caller.CheckRedirect != nil {
				t.Error("New changed the caller's http.Client")
			}
		})
	}
}
