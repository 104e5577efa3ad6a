package apikeys_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// hostile is a server of either provider that lists the keys given (JSON
// objects) on one page, answers every other request with answer (status
// 201 for a POST) and records those requests.
type hostile struct {
	list   func(r *http.Request) (string, bool) // the list's body, when r asks for it
	answer string
	mu     sync.Mutex
	sent   []string
}

func (h *hostile) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if body, ok := h.list(r); ok {
		w.Write([]byte(body))
		return
	}
	h.mu.Lock()
	h.sent = append(h.sent, r.Method+" "+r.URL.EscapedPath())
	h.mu.Unlock()
	if r.Method == http.MethodPost {
		w.WriteHeader(http.StatusCreated)
	}
	w.Write([]byte(h.answer))
}

func (h *hostile) requests() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.sent...)
}

// targonKeys lists keys on a Targon server: uid and name pairs.
func targonKeys(pairs ...string) func(*http.Request) (string, bool) {
	var items []string
	for i := 0; i < len(pairs); i += 2 {
		items = append(items, `{"uid":"`+pairs[i]+`","name":"`+pairs[i+1]+`","key_raw":"tgn_…ab`+string(rune('a'+i/2))+`9","created_at":"2025-01-15T10:30:00Z"}`)
	}
	body := `{"items":[` + strings.Join(items, ",") + `],"next_cursor":""}`
	return func(r *http.Request) (string, bool) {
		return body, r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/me/api-keys")
	}
}

// orKey is an OpenRouter key with the hash and name given; extra replaces
// members ("limit":null → "limit":…).
func orKey(hash, name string, extra ...string) string {
	k := `{"hash":"` + hash + `","name":"` + name + `","label":"sk-or-v1-abc...wxyz","disabled":false,"limit":null,"limit_remaining":null,"limit_reset":null,"include_byok_in_limit":false,"usage":0,"usage_daily":0,"usage_weekly":0,"usage_monthly":0,"created_at":"2025-01-15T10:30:00Z","updated_at":null,"expires_at":null,"creator_user_id":null,"workspace_id":"w"}`
	for i := 0; i+1 < len(extra); i += 2 {
		k = strings.Replace(k, extra[i], extra[i+1], 1)
	}
	return k
}

// orKeys lists keys on an OpenRouter server whose account has the
// default workspace alone.
func orKeys(keys ...string) func(*http.Request) (string, bool) {
	return func(r *http.Request) (string, bool) {
		if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/workspaces") {
			return `{"data":[],"total_count":0}`, true
		}
		if r.Method != http.MethodGet || !strings.HasSuffix(r.URL.Path, "/keys") {
			return "", false
		}
		if r.URL.Query().Get("offset") != "" {
			return `{"data":[]}`, true
		}
		return `{"data":[` + strings.Join(keys, ",") + `]}`, true
	}
}

// idView is the API keys view on a hostile server.
type idView struct {
	t    *testing.T
	d    *uitest.Driver
	m    *apikeys.Model
	clip *uitest.Clipboard
	srv  *hostile
	// copied is how many copies were made before the refusals tried.
	copied int
}

func newTargonIDView(t *testing.T, srv *hostile) *idView {
	c, clip := uitest.NewCommon(uitest.Client(t, srv, "tgn_session0000000000000000"))
	m := apikeys.New(c)
	return &idView{t: t, d: uitest.NewDriver(t, c, m), m: m, clip: clip, srv: srv}
}

func newORIDView(t *testing.T, srv *hostile) *idView {
	c, clip := uitest.NewOpenRouterCommon(t, uitest.Serve(t, srv)+"/api/v1", "sk-or-v1-"+strings.Repeat("5", 64))
	m := apikeys.New(c)
	return &idView{t: t, d: uitest.NewDriver(t, c, m), m: m, clip: clip, srv: srv}
}

// pick puts the cursor on the row whose name starts with name.
func (v *idView) pick(name string) {
	v.t.Helper()
	pick(v.t, v.d, v.m, name)
}

// pick puts the cursor of m, under d, on the row whose name starts with
// name (with the filter).
func pick(t *testing.T, d *uitest.Driver, m *apikeys.Model, name string) {
	t.Helper()
	d.Keys("/")
	d.Type(name)
	d.Keys("enter")
	if !strings.Contains(uitest.Plain(m.View()), "▌ "+name) {
		t.Fatalf("%q not selected:\n%s", name, uitest.Plain(m.View()))
	}
}

// refused presses each key on the selected row and checks that nothing
// opened, nothing was copied or sent, and the toast says why.
func (v *idView) refused(why string, keys ...string) {
	v.t.Helper()
	for _, k := range keys {
		v.d.Toasts = nil
		v.d.Keys(k)
		if top := v.d.Top(); top != nil {
			v.t.Errorf("%s opened %q", k, uitest.Plain(top.View()))
			v.d.Keys("esc")
		}
		if !strings.Contains(v.d.LastToast(), why) {
			v.t.Errorf("%s says %q, want it to say %q", k, v.d.LastToast(), why)
		}
	}
	if c := v.clip.Copied(); len(c) > v.copied {
		v.t.Errorf("copied %q", c[v.copied:])
	}
	if s := v.srv.requests(); len(s) > 0 {
		v.t.Errorf("sent %v", s)
	}
}

// A key whose uid is not in Targon's shape, or repeats another key's, is
// listed and marked, and nothing can be done with it: no copy, no
// request. Every key the server sent is shown.
func TestTargonInvalidIDs(t *testing.T) {
	srv := &hostile{list: targonKeys(
		"key-abc123def456", "good",
		`$(touch${IFS}/tmp/z)`, "shell",
		`\u001b[0m`, "blank",
		`h-\u001b]0;t\u0007-01`, "lookalike",
		"key-abc123def456", "twin",
	)}
	v := newTargonIDView(t, srv)
	if n := v.m.Table.Len(); n != 5 {
		t.Fatalf("%d rows, want the 5 the server sent:\n%s", n, uitest.Plain(v.m.View()))
	}
	screen := uitest.Plain(v.m.View())
	if strings.Contains(screen, "touch") || strings.Count(screen, "invalid id") < 3 || !strings.Contains(screen, "ambiguous id") {
		t.Errorf("invalid ids not marked:\n%s", screen)
	}
	for _, name := range []string{"shell", "blank", "lookalike"} {
		v.pick(name)
		v.refused("invalid id", "c", "e", "d", "R")
		v.d.Keys("esc")
	}
	v.pick("twin")
	v.refused("ambiguous id", "c", "e", "d", "R")
	v.d.Keys("esc")
	v.pick("good")
	v.d.Keys("c")
	if got := v.clip.Last(); got != "key-abc123def456" {
		t.Errorf("c on a good key copied %q", got)
	}
}

// The same on OpenRouter: a hash that is not 64 lowercase hex digits, or
// that repeats another key's (4 served, 4 shown), cannot be acted on.
func TestOpenRouterInvalidIDs(t *testing.T) {
	good := strings.Repeat("ab", 32)
	srv := &hostile{list: orKeys(
		orKey(good, "good"),
		orKey(`$(touch${IFS}/tmp/z)`, "shell"),
		orKey(`\u001b[0m`, "blank"),
		orKey(good, "twin"),
	)}
	v := newORIDView(t, srv)
	if n := v.m.Table.Len(); n != 4 {
		t.Fatalf("%d rows, want the 4 the server sent:\n%s", n, uitest.Plain(v.m.View()))
	}
	for _, name := range []string{"shell", "blank"} {
		v.pick(name)
		v.refused("invalid id", "c", "e", "d", "R", "x", "L")
		v.d.Keys("esc")
	}
	v.pick("twin")
	v.refused("ambiguous id", "c", "e", "d", "R", "x", "L")
	v.d.Keys("esc")
	v.pick("good")
	v.d.Keys("c")
	if got := v.clip.Last(); got != good {
		t.Errorf("c on a good key copied %q", got)
	}
}

// sloppy is an account that hands over whatever secret it is given,
// unchecked, as a create and as a roll.
type sloppy struct {
	api.Account
	secret string
}

func (s sloppy) CreateKey(_ context.Context, spec api.KeySpec) (api.Secret, error) {
	return api.Secret{Key: api.Key{ID: "key-new", IDText: "key-new", Name: spec.Name}, Value: s.secret}, nil
}

func (s sloppy) RollKey(_ context.Context, id string) (api.Secret, error) {
	return api.Secret{Key: api.Key{ID: id, IDText: id, Name: "rolled"}, Value: s.secret}, nil
}

// A secret the account hands over is copied only in its provider's shape,
// whatever path: the UI checks again before the clipboard has it (and
// never shows it either).
func TestSecretNotInShapeIsNotCopied(t *testing.T) {
	for _, secret := range []string{"tgn_$(touch${IFS}/tmp/x)", "sk-or-v1-" + strings.Repeat("a", 64)} {
		for _, keys := range [][]string{{"n", "c", "i", "enter"}, {"R", "y"}} {
			srv := &hostile{list: targonKeys("key-abc123def456", "good")}
			c, clip := uitest.NewCommon(uitest.Client(t, srv, "tgn_session0000000000000000"))
			c.Account = sloppy{c.Account, secret}
			m := apikeys.New(c)
			d := uitest.NewDriver(t, c, m)
			d.Keys(keys...)
			if got := clip.Copied(); len(got) > 0 {
				t.Errorf("%v with secret %q copied %q", keys, secret, got)
			}
			if top := d.Top(); top == nil || !strings.Contains(uitest.Plain(top.View()), "malformed") || strings.Contains(uitest.Plain(top.View()), secret[4:]) {
				t.Errorf("%v with secret %q shows:\n%v", keys, secret, top)
			}
		}
	}
}

// Replace sends only what the create form would accept from a person: an
// old key whose limit, reset or name the form would refuse is not
// replaced, and R says why.
func TestReplaceRefusesWhatTheFormWould(t *testing.T) {
	ok := strings.Repeat("cd", 32)
	srv := &hostile{list: orKeys(
		orKey(strings.Repeat("a1", 32), "huge", `"limit":null`, `"limit":1e999999`),
		orKey(strings.Repeat("b2", 32), "reset", `"limit":null`, `"limit":5`, `"limit_reset":null`, `"limit_reset":"`+strings.Repeat("x", 2048)+`"`),
		orKey(strings.Repeat("c3", 32), "negative", `"limit":null`, `"limit":-1`),
		orKey(strings.Repeat("d4", 32), "long"+strings.Repeat("n", 300)),
		orKey(ok, "fine", `"limit":null`, `"limit":12.5`, `"limit_reset":null`, `"limit_reset":"weekly"`),
	), answer: `{"data":` + orKey(strings.Repeat("e5", 32), "fine") + `,"key":"sk-or-v1-` + strings.Repeat("0", 64) + `"}`}
	v := newORIDView(t, srv)
	for name, why := range map[string]string{"huge": "limit", "reset": "reset", "negative": "limit", "long": "name"} {
		v.pick(name)
		v.refused("Cannot replace", "R")
		if !strings.Contains(v.d.LastToast(), why) {
			t.Errorf("%s: R says %q, want it to name the %s", name, v.d.LastToast(), why)
		}
		v.d.Keys("esc")
	}
	v.pick("fine")
	v.d.Keys("R", "enter", "enter")
	if s := srv.requests(); len(s) != 1 || s[0] != "POST /api/v1/keys" {
		t.Errorf("replace of a good key sent %v", s)
	}
	if !strings.Contains(v.clip.Last(), "sk-or-v1-") {
		t.Errorf("the new secret was not copied: %q", v.clip.Copied())
	}
}

var _ = common.NoLimit

// A key the server creates with an id the list has already is shown, and
// marked like a repeated id in the list: nothing can be done with it.
func TestCreatedKeyWithARepeatedID(t *testing.T) {
	srv := &hostile{list: targonKeys("key-abc123def456", "old"),
		answer: `{"uid":"key-abc123def456","name":"new","key_raw":"tgn_abcdefghijklmnopqrstuvwxyz0123456789"}`}
	v := newTargonIDView(t, srv)
	v.d.Keys("n")
	v.d.Type("new")
	v.d.Keys("enter", "esc")
	if n := v.m.Table.Len(); n != 2 {
		t.Fatalf("%d rows, want the old key and the new one:\n%s", n, uitest.Plain(v.m.View()))
	}
	srv.mu.Lock()
	srv.sent = nil
	srv.mu.Unlock()
	v.copied = len(v.clip.Copied()) // the new secret
	v.pick("new")
	v.refused("ambiguous id", "c", "e", "d", "R")
	v.d.Keys("esc")
	v.pick("old")
	if strings.Contains(uitest.Plain(v.m.View()), "old · ") {
		t.Errorf("the old key is marked:\n%s", uitest.Plain(v.m.View()))
	}
}
