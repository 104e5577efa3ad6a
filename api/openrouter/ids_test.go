package openrouter_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// Hashes in their documented shape: 64 lowercase hex digits; workspace
// ids in theirs: UUIDs.
var (
	hashA      = strings.Repeat("a1", 32)
	hashB      = strings.Repeat("b2", 32)
	workspaceA = "0df9e665-d932-5740-b2c7-b52af166bc11"
	workspaceB = "550e8400-e29b-41d4-a716-446655440000"
)

// keyWith is wireKey with the hash and name given (the hash as JSON
// string content, escapes allowed).
func keyWith(hash, name string) string {
	return strings.NewReplacer(`"hash":"h1"`, `"hash":"`+hash+`"`, `"name":"n"`, `"name":"`+name+`"`).Replace(wireKey)
}

// recorder is a hostile server: it answers GET /keys with keys (GET
// /workspaces with none) and every other request with answer, and records
// every other request's path.
type recorder struct {
	keys   []string
	answer string
	mu     sync.Mutex
	paths  []string
}

func (rc *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodGet && (strings.HasSuffix(r.URL.Path, "/keys") || strings.HasSuffix(r.URL.Path, "/workspaces")) {
		list(rc.keys...).ServeHTTP(w, r)
		return
	}
	rc.mu.Lock()
	rc.paths = append(rc.paths, r.Method+" "+r.URL.EscapedPath())
	rc.mu.Unlock()
	w.Write([]byte(rc.answer))
}

func (rc *recorder) sent() []string {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]string(nil), rc.paths...)
}

// A created key's secret is accepted only in OpenRouter's shape:
// "sk-or-v1-" and 64 lowercase hex digits. Anything else (a shell command
// that passes as printable ASCII above all) is never returned.
func TestSecretShape(t *testing.T) {
	hex64 := strings.Repeat("0123456789abcdef", 4)
	for name, secret := range map[string]string{
		"shell":       "sk-or-v1-$(touch${IFS}/tmp/x)`touch${IFS}/tmp/y`;812d" + hex64[:40],
		"upper hex":   "sk-or-v1-" + strings.ToUpper(hex64),
		"short hex":   "sk-or-v1-" + hex64[:63],
		"long hex":    "sk-or-v1-" + hex64 + "0",
		"other v":     "sk-or-v2-" + hex64,
		"no prefix":   hex64,
		"tail quote":  "sk-or-v1-" + hex64[:63] + "'",
		"semicolon":   "sk-or-v1-" + hex64 + ";id",
		"printable":   "sk-or-v1-0123456789abcdef0123",
		"letters g-z": "sk-or-v1-" + strings.Repeat("g", 64),
	} {
		t.Run(name, func(t *testing.T) {
			a := newAccount(t, fixed(201, `{"data":`+keyWith(hashA, "n")+`,"key":"`+secret+`"}`), "tok")
			s, err := a.CreateKey(context.Background(), api.KeySpec{Name: "n"})
			if !errors.Is(err, api.ErrMalformedSecret) || s.Value != "" {
				t.Fatalf("secret %q: got %q, %v; want ErrMalformedSecret and nothing", secret, s.Value, err)
			}
			if strings.Contains(err.Error(), "touch") || strings.Contains(err.Error(), hex64[:16]) {
				t.Errorf("the error shows the secret: %v", err)
			}
		})
	}
	good := "sk-or-v1-" + hex64
	a := newAccount(t, fixed(201, `{"data":`+keyWith(hashA, "n")+`,"key":"`+good+`"}`), "tok")
	if s, err := a.CreateKey(context.Background(), api.KeySpec{Name: "n"}); err != nil || s.Value != good || s.Key.ID != hashA {
		t.Errorf("a good secret: %+v, %v", s, err)
	}
}

// A hash that is not 64 lowercase hex digits is listed but carries no id:
// nothing can be asked about it, nothing copies it. One that is, is the
// id exactly as sent.
func TestHashShape(t *testing.T) {
	hostile := []string{`$(touch${IFS}/tmp/z)`, `\u001b[0m`, `h-\u001b]0;title\u0007-01`, strings.ToUpper(hashA), hashA[:63], hashA + "0", "../" + hashA[3:]}
	keys := []string{keyWith(hashB, "good")}
	for i, h := range hostile {
		keys = append(keys, keyWith(h, "bad"+string(rune('a'+i))))
	}
	rc := &recorder{keys: keys}
	got, err := allKeys(newAccount(t, rc, "tok"))
	if err != nil || len(got) != len(keys) {
		t.Fatalf("%d keys, %v; want %d", len(got), err, len(keys))
	}
	if got[0].ID != hashB {
		t.Errorf("good key: id %q, want %q", got[0].ID, hashB)
	}
	for _, k := range got[1:] {
		if k.ID != "" || k.IDProblem != api.IDInvalid || k.IDText != api.CleanText(k.IDText) {
			t.Errorf("key %s: id %q (%q, %q), want none (its hash is not in the documented shape)", k.Name, k.ID, k.IDText, k.IDProblem)
		}
	}
}

// Requests name a key only by an id in its documented shape: a malformed
// one is refused before anything is sent (item 6: never the collection,
// never a cleaned look-alike).
func TestMalformedIDNeverSent(t *testing.T) {
	ctx := context.Background()
	for _, id := range []string{"", `$(touch${IFS}/tmp/z)`, "h--01", "../credits", strings.ToUpper(hashA), hashA + "/x"} {
		rc := &recorder{answer: `{"data":` + keyWith(hashA, "n") + `,"deleted":true}`}
		a := newAccount(t, rc, "tok")
		off := true
		_, errR := a.RenameKey(ctx, id, "x")
		_, errU := a.UpdateKey(ctx, id, api.KeyUpdate{Disabled: &off})
		errD := a.DeleteKey(ctx, id)
		for _, err := range []error{errR, errU, errD} {
			if err == nil {
				t.Errorf("id %q: no error", id)
			}
		}
		if s := rc.sent(); len(s) > 0 {
			t.Errorf("id %q: sent %v", id, s)
		}
	}
}

// An answer about another key than the one asked about is an error: the
// list would otherwise show it in the place of another row.
func TestAnswerForAnotherKey(t *testing.T) {
	ctx := context.Background()
	a := newAccount(t, &recorder{answer: `{"data":` + keyWith(hashB, "n") + `}`}, "tok")
	if k, err := a.RenameKey(ctx, hashA, "n"); err == nil {
		t.Errorf("rename of %s answered with %s: %+v, no error", hashA[:8], hashB[:8], k)
	}
	off := true
	if k, err := a.UpdateKey(ctx, hashA, api.KeyUpdate{Disabled: &off}); err == nil {
		t.Errorf("update answered with another key: %+v, no error", k)
	}
}

// Two keys with one hash are both listed (4 served, 4 shown); the later
// one is marked and carries no id, since a request could not tell them
// apart.
func TestTwoKeysOneHash(t *testing.T) {
	rc := &recorder{keys: []string{keyWith(hashA, "one"), keyWith(hashB, "two"), keyWith(hashA, "three"), keyWith(strings.Repeat("c3", 32), "four")}}
	got, err := allKeys(newAccount(t, rc, "tok"))
	if err != nil || len(got) != 4 {
		t.Fatalf("%d keys, %v; want all 4", len(got), err)
	}
	if got[0].ID != hashA || got[2].Name != "three" || got[2].ID != "" || got[2].IDProblem != api.IDAmbiguous || got[2].IDText != hashA {
		t.Errorf("keys %+v", got)
	}
	// A key that an earlier page listed is the same key, met again after
	// a key was created during the walk: it is not listed twice.
	page := make([]string, 100)
	for i := range page {
		page[i] = keyWith(strings.Repeat("0", 60)+fmt.Sprintf("%04x", i), fmt.Sprint(i))
	}
	shifted := noWorkspaces(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := `{"data":[` + strings.Join(page, ",") + `]}`
		if r.URL.Query().Get("offset") != "" {
			body = `{"data":[` + page[99] + `,` + keyWith(hashB, "last") + `]}`
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(body))
	}))
	got, err = allKeys(newAccount(t, shifted, "tok"))
	if err != nil || len(got) != 101 || got[100].ID != hashB {
		t.Errorf("%d keys, %v; want 101, the repeated one once", len(got), err)
	}
}
