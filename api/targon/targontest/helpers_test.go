package targontest_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// Paths of the API.
const (
	pathCredits = "/tha/v2/me/credits"
	pathAPIKeys = "/tha/v2/me/api-keys"
	pathSSHKeys = "/tha/v2/ssh-keys"
)

// apiKey, sshKey, page and apiError are the wire shapes, decoded strictly
// so an unexpected field fails the test.
type apiKey struct {
	UID       string `json:"uid"`
	Name      string `json:"name"`
	KeyRaw    string `json:"key_raw"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

type sshKey struct {
	UID          string `json:"uid"`
	Name         string `json:"name"`
	PublicKeyRaw string `json:"public_key_raw"`
	CreatedAt    string `json:"created_at"`
	UpdatedAt    string `json:"updated_at"`
}

type page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

type apiError struct {
	Error  string `json:"error"`
	Reason string `json:"reason"`
}

type credits struct {
	Credits  json.Number `json:"credits"`
	Currency string      `json:"currency"`
}

// response is what a request got back.
type response struct {
	status int
	header http.Header
	body   []byte
}

// env is a simulator served over real HTTP.
type env struct {
	t   *testing.T
	sim *targontest.Server
	url string
}

// fixedNow is the clock of tests that need stable dates.
var fixedNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func newEnv(t *testing.T, sim *targontest.Server) *env {
	t.Helper()
	ts := httptest.NewServer(sim)
	t.Cleanup(ts.Close)
	return &env{t: t, sim: sim, url: ts.URL}
}

// do sends a request with token as bearer ("" for none). body may be nil,
// a string (sent as is) or a value encoded as JSON.
func (e *env) do(token, method, path string, body any) response {
	e.t.Helper()
	return e.doHeader(method, path, body, bearer(token))
}

func bearer(token string) http.Header {
	h := http.Header{}
	if token != "" {
		h.Set("Authorization", "Bearer "+token)
	}
	return h
}

func (e *env) doHeader(method, path string, body any, h http.Header) response {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, e.url+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	for k, v := range h {
		req.Header[k] = v
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatalf("%s %s: reading body: %v", method, path, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: b}
}

// decode unmarshals the body strictly into v.
func (r response) decode(t *testing.T, v any) {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(r.body))
	d.DisallowUnknownFields()
	d.UseNumber()
	if err := d.Decode(v); err != nil {
		t.Fatalf("decoding %s (status %d) into %T: %v", r.body, r.status, v, err)
	}
}

// wantStatus fails unless r has the status; an error status must come with
// the API's JSON error body.
func (r response) wantStatus(t *testing.T, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	if status >= 400 {
		r.apiError(t)
	}
}

// apiError checks and returns the error body.
func (r response) apiError(t *testing.T) apiError {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Fatalf("error Content-Type = %q, want application/json", ct)
	}
	var e apiError
	r.decode(t, &e)
	if e.Error == "" || e.Reason == "" {
		t.Fatalf("error body %s lacks error or reason", r.body)
	}
	return e
}

// wantError fails unless r is an error with the status and a reason
// containing want.
func (r response) wantError(t *testing.T, status int, want string) apiError {
	t.Helper()
	r.wantStatus(t, status)
	e := r.apiError(t)
	if !strings.Contains(e.Reason, want) {
		t.Fatalf("reason = %q, want it to contain %q", e.Reason, want)
	}
	return e
}

// createAPIKey creates an API key and returns it.
func (e *env) createAPIKey(token, name string) apiKey {
	e.t.Helper()
	r := e.do(token, "POST", pathAPIKeys, map[string]string{"name": name})
	r.wantStatus(e.t, http.StatusOK)
	var k apiKey
	r.decode(e.t, &k)
	return k
}

// createSSHKey creates an SSH key and returns it.
func (e *env) createSSHKey(token, name, pub string) sshKey {
	e.t.Helper()
	r := e.do(token, "POST", pathSSHKeys, map[string]string{"name": name, "ssh_key": pub})
	r.wantStatus(e.t, http.StatusOK)
	var k sshKey
	r.decode(e.t, &k)
	return k
}

// listAll walks every page of a list with the given limit.
func listAll[T any](e *env, token, path string, limit string) (items []T, pages int) {
	e.t.Helper()
	cursor := ""
	for {
		q := "?limit=" + limit
		if cursor != "" {
			q += "&cursor=" + cursor
		}
		r := e.do(token, "GET", path+q, nil)
		r.wantStatus(e.t, http.StatusOK)
		var p page[T]
		r.decode(e.t, &p)
		pages++
		items = append(items, p.Items...)
		if p.NextCursor == "" {
			return items, pages
		}
		if len(p.Items) == 0 {
			e.t.Fatalf("empty page with next_cursor %q", p.NextCursor)
		}
		cursor = p.NextCursor
		if pages > 100000 {
			e.t.Fatal("pagination does not end")
		}
	}
}

// newED25519 returns a fresh ed25519 public key line with comment.
func newED25519(t testing.TB, comment string) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return authorizedLine(t, pub, comment)
}

// newECDSA returns a fresh ECDSA public key line on curve c.
func newECDSA(t testing.TB, c elliptic.Curve, comment string) string {
	t.Helper()
	k, err := ecdsa.GenerateKey(c, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return authorizedLine(t, &k.PublicKey, comment)
}

func authorizedLine(t testing.TB, pub any, comment string) string {
	t.Helper()
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sp)))
	if comment != "" {
		line += " " + comment
	}
	return line
}

// checkTime fails unless s is an RFC 3339 UTC timestamp in whole seconds.
func checkTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil || !strings.HasSuffix(s, "Z") || len(s) != len("2025-01-15T10:30:00Z") {
		t.Fatalf("timestamp %q is not RFC 3339 UTC with whole seconds (%v)", s, err)
	}
	return tm
}

// clock is a settable clock for WithClock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: fixedNow} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// jsonUnmarshal decodes b into v, ignoring unknown fields.
func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
