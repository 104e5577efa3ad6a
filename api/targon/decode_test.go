package targon

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

func TestAmountDecoding(t *testing.T) {
	cases := []struct {
		in   string
		want api.Amount
		ok   bool
	}{
		{`50000`, "50000", true},
		{`1234.5`, "1234.5", true},
		{`12345678901234567890123`, "12345678901234567890123", true},
		{`"777"`, "777", true},
		{`-3`, "-3", true},
		{`null`, "", true},
		{`"abc"`, api.AmountUnreadable, true},
		{`true`, api.AmountUnreadable, true},
		{`{}`, api.AmountUnreadable, true},
	}
	for _, tc := range cases {
		var c Credits
		err := json.Unmarshal([]byte(`{"credits":`+tc.in+`,"currency":"USD"}`), &c)
		if (err == nil) != tc.ok || (tc.ok && c.Amount != tc.want) {
			t.Errorf("%s: amount %q err %v; want %q ok=%v", tc.in, c.Amount, err, tc.want, tc.ok)
		}
	}
}

func TestTimestampDecodingIsLiberal(t *testing.T) {
	var k APIKey
	in := `{"uid":"key-1","created_at":"2025-01-15T10:30:00Z","updated_at":"yesterday","extra":{"a":1}}`
	if err := json.Unmarshal([]byte(in), &k); err != nil {
		t.Fatal(err)
	}
	if !k.CreatedAt.Equal(time.Date(2025, 1, 15, 10, 30, 0, 0, time.UTC)) || !k.UpdatedAt.IsZero() {
		t.Fatalf("k = %+v", k)
	}
}

func TestNewErrorReadsAPIBody(t *testing.T) {
	resp := &http.Response{StatusCode: 400, Header: http.Header{"Retry-After": {"7"}, "X-Request-Id": {"req-1"}}}
	e := newError(resp, []byte(`{"error":"invalid request body","reason":"name must not be empty"}`))
	if e.Message != "invalid request body" || e.Reason != "name must not be empty" || e.RetryAfter != 7*time.Second || e.RequestID != "req-1" {
		t.Fatalf("e = %+v", e)
	}
	if e.Error() != "invalid request body: name must not be empty (HTTP 400)" || e.Detail() != "name must not be empty" {
		t.Fatalf("Error() = %q, Detail() = %q", e.Error(), e.Detail())
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"":    0,
		"0":   0,
		"5":   5 * time.Second,
		"-1":  0,
		"1.5": 0,
		"abc": 0,
		now.Add(90 * time.Second).Format(http.TimeFormat): 90 * time.Second,
		now.Add(-time.Minute).Format(http.TimeFormat):     0,
	} {
		if got := rest.ParseRetryAfter(in, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

// FuzzDecodeResponses feeds arbitrary bodies to every decoder the client
// uses: pages, single objects, credits and error bodies. Nothing may panic,
// and an error message must stay one printable line.
func FuzzDecodeResponses(f *testing.F) {
	for _, s := range []string{
		`{"items":[{"uid":"key-abc","name":"a","key_raw":"tgn_x","created_at":"2025-01-15T10:30:00Z","updated_at":"2025-01-15T10:30:00Z"}],"next_cursor":"abc"}`,
		`{"items":[{"uid":"shk-1","name":"b","public_key_raw":"ssh-ed25519 AAAA","created_at":null}],"next_cursor":""}`,
		`{"credits":50000,"currency":"USD"}`,
		`{"credits":1234.5,"currency":"USD"}`,
		`{"credits":"99","currency":"EUR"}`,
		`{"error":"invalid request body","reason":"name must not be empty"}`,
		`{"error":{"message":"nested"}}`,
		`<html><body>502 Bad Gateway</body></html>`,
		`{"items":null}`,
		`{"error":"\u001b[31mred\u001b[0m\nline"}`,
		``,
	} {
		f.Add([]byte(s), 400)
	}
	f.Fuzz(func(t *testing.T, body []byte, status int) {
		var keys Page[APIKey]
		_ = json.Unmarshal(body, &keys)
		var sshKeys Page[SSHKey]
		_ = json.Unmarshal(body, &sshKeys)
		var cr Credits
		if json.Unmarshal(body, &cr) == nil && cr.Amount != "" && !api.IsJSONNumber([]byte(cr.Amount)) {
			t.Fatalf("accepted non-number amount %q", cr.Amount)
		}
		if status < 100 || status > 999 {
			status = 500
		}
		e := newError(&http.Response{StatusCode: status, Header: http.Header{}}, body)
		msg := e.Error()
		if strings.ContainsFunc(msg, unicode.IsControl) {
			t.Fatalf("error message has control characters: %q", msg)
		}
		if len([]rune(e.Message)) > rest.MaxMessageLen || len([]rune(e.Reason)) > rest.MaxMessageLen {
			t.Fatalf("error text too long: %d/%d runes", len([]rune(e.Message)), len([]rune(e.Reason)))
		}
	})
}

func TestUsesKeyMasked(t *testing.T) {
	c, _ := NewClient("https://api.targon.com", "tgn_HmXVjWWSkmfyw5oUQbXTTHtUho7mD2oxykLsmp5X")
	for raw, want := range map[string]bool{
		"tgn_HmXVjWWSkmfyw5oUQbXTTHtUho7mD2oxykLsmp5X": true,
		"tgn_…mp5X":         true,
		"tgn_****mp5X":      true,
		"tgn_...Lsmp5X":     true,
		"tgn_...":           false, // nothing visible to compare
		"tgn_…mp5Y":         false,
		"sk_…mp5X":          false,
		"tgn_…p5X":          false, // too short a tail to tell keys apart
		"tgn_OtherFullKey1": false,
		"":                  false,
	} {
		if got := c.UsesKey(raw); got != want {
			t.Errorf("UsesKey(%q) = %v, want %v", raw, got, want)
		}
	}
}
