package openrouter_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
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

// Issue 18, item 10: an amount that is not a number ("NaN", "Infinity",
// "0x10", true) spoils that field of that key, or of the balance: the list
// and the balance still load, with the field AmountUnreadable.
func TestUnreadableAmountSpoilsOneField(t *testing.T) {
	key := func(hash, field, value string) string {
		return `{"hash":"` + hash + `","name":"k","label":"sk-or-v1-abc...123","disabled":false,"limit":10,` +
			`"usage":1,"usage_daily":0,"usage_weekly":0,"usage_monthly":1,` + `"` + field + `":` + value + `}`
	}
	h := func(s string) string { return strings.Repeat(s, 64) }
	url := serve(t, noWorkspaces(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasSuffix(r.URL.Path, "/credits"):
			w.Write([]byte(`{"data":{"total_credits":"Infinity","total_usage":12.5}}`))
		case r.URL.Query().Get("offset") == "" || r.URL.Query().Get("offset") == "0":
			w.Write([]byte(`{"data":[` + key(h("a"), "usage", `"NaN"`) + `,` + key(h("b"), "limit", `"0x10"`) + `,` +
				key(h("c"), "limit_remaining", `true`) + `,` + key(h("d"), "usage_daily", `"5"`) + `]}`))
		default:
			w.Write([]byte(`{"data":[]}`))
		}
	})))
	a, err := openrouter.New(url, "sk-or-v1-"+strings.Repeat("0", 64), clientopt.WithRetry(fastRetry))
	if err != nil {
		t.Fatal(err)
	}
	b, err := a.Balance(context.Background())
	if err != nil || b.Total != api.AmountUnreadable || b.Used != "12.5" || b.Remaining != "" {
		t.Errorf("balance = %+v, %v; want total unreadable, used 12.5, nothing remaining", b, err)
	}
	var keys []api.Key
	for page, err := range a.Keys(context.Background()) {
		if err != nil {
			t.Fatalf("list: %v", err)
		}
		keys = append(keys, page...)
	}
	if len(keys) != 4 {
		t.Fatalf("%d keys, want 4", len(keys))
	}
	got := func(i int) api.Key { return keys[i] }
	if got(0).Usage != api.AmountUnreadable || got(0).Limit != "10" {
		t.Errorf("key 1: %+v", got(0))
	}
	if got(1).Limit != api.AmountUnreadable || got(1).Usage != "1" {
		t.Errorf("key 2: %+v", got(1))
	}
	if got(2).LimitRemaining != api.AmountUnreadable {
		t.Errorf("key 3: %+v", got(2))
	}
	if got(3).UsageDaily != "5" {
		t.Errorf("key 4: %+v", got(3))
	}
}

// Issue 18, item 10: a negative usage, limit or credit total (none is
// below zero in the document) is marked implausible for the UI to note,
// and no remaining balance is worked out from it.
func TestNegativeAmountsAreMarked(t *testing.T) {
	url := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasSuffix(r.URL.Path, "/credits"):
			w.Write([]byte(`{"data":{"total_credits":-1,"total_usage":0}}`))
		default:
			w.Write([]byte(`{"data":{"label":"sk-or-v1-abc...123","is_management_key":true,"limit":-5,"usage":-1e308,"usage_daily":0}}`))
		}
	}))
	a, err := openrouter.New(url, "sk-or-v1-"+strings.Repeat("0", 64), clientopt.WithRetry(fastRetry))
	if err != nil {
		t.Fatal(err)
	}
	b, err := a.Balance(context.Background())
	if sent, marked := b.Total.Implausible(); err != nil || !marked || sent != "-1" || b.Remaining != "" || b.Used != "0" {
		t.Errorf("balance = %+v, %v; want the total marked, nothing remaining", b, err)
	}
	k, err := a.CurrentKey(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for name, amt := range map[string]api.Amount{"limit": k.Limit, "usage": k.Usage} {
		if _, marked := amt.Implausible(); !marked {
			t.Errorf("%s %q is not marked implausible", name, amt)
		}
	}
	if k.UsageDaily != "0" {
		t.Errorf("usage_daily = %q", k.UsageDaily)
	}
}
