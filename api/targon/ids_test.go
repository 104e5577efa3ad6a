package targon_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// idServer is a hostile Targon: it lists the API keys and SSH keys given
// (JSON objects) on one page, answers every other request with answer, and
// records every other request's method and path.
type idServer struct {
	apiKeys, sshKeys []string
	answer           string
	mu               sync.Mutex
	paths            []string
}

func (s *idServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/me/api-keys"):
		w.Write([]byte(`{"items":[` + strings.Join(s.apiKeys, ",") + `],"next_cursor":""}`))
		return
	case r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/ssh-keys"):
		w.Write([]byte(`{"items":[` + strings.Join(s.sshKeys, ",") + `],"next_cursor":""}`))
		return
	}
	s.mu.Lock()
	s.paths = append(s.paths, r.Method+" "+r.URL.EscapedPath())
	s.mu.Unlock()
	w.Write([]byte(s.answer))
}

func (s *idServer) sent() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.paths...)
}

// apiKey and sshKey are wire keys with the uid and name given (JSON string
// content: escapes allowed).
func apiKey(uid, name string) string {
	return `{"uid":"` + uid + `","name":"` + name + `","key_raw":"tgn_abcdefghijklmnopqrstuvwxyz0123456789","created_at":"2025-01-15T10:30:00Z","updated_at":"2025-01-15T10:30:00Z"}`
}

func sshKey(uid, name string) string {
	return `{"uid":"` + uid + `","name":"` + name + `","public_key_raw":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@host","created_at":"2025-01-15T10:30:00Z"}`
}

// A key's secret is accepted only in Targon's shape: "tgn_" and then
// letters, digits and underscores (the seeds show "tgn_…" and
// "tgn_new_…"). Anything else is never returned, by a create or a roll.
func TestSecretShape(t *testing.T) {
	for name, raw := range map[string]string{
		"shell":     "tgn_$(touch${IFS}/tmp/x)`touch${IFS}/tmp/y`",
		"semicolon": "tgn_abcdefghijklmnop;id",
		"quote":     "tgn_abcdefghijklmnop'",
		"dash":      "tgn_abcdefgh-ijklmnop",
		"no prefix": "abcdefghijklmnopqrstuvwxyz",
		"upper":     "TGN_abcdefghijklmnop",
		"bare":      "tgn_",
		"slash":     "tgn_abcdefghijklmnop/x",
	} {
		for _, op := range []string{"create", "roll"} {
			t.Run(name+"/"+op, func(t *testing.T) {
				body := `{"uid":"key-abc123def456","name":"ci","key_raw":"` + raw + `"}`
				a := newTestAccount(t, &idServer{answer: body}, "tgn_0123456789abcdef")
				var s api.Secret
				var err error
				if op == "create" {
					s, err = a.CreateKey(context.Background(), api.KeySpec{Name: "ci"})
				} else {
					s, err = a.RollKey(context.Background(), "key-abc123def456")
				}
				if !errors.Is(err, api.ErrMalformedSecret) || s.Value != "" {
					t.Fatalf("key_raw %q: got %q, %v; want ErrMalformedSecret and nothing", raw, s.Value, err)
				}
				if strings.Contains(err.Error(), "touch") || strings.Contains(err.Error(), "abcdefgh") {
					t.Errorf("the error shows the secret: %v", err)
				}
			})
		}
	}
	for _, raw := range []string{"tgn_abcdefghijklmnopqrstuvwxyz0123456789", "tgn_new_ABCdef0123456789xyz", "tgn_a_b_c_d_e_f_g_h_i"} {
		body := `{"uid":"key-abc123def456","name":"ci","key_raw":"` + raw + `"}`
		a := newTestAccount(t, &idServer{answer: body}, "tgn_0123456789abcdef")
		if s, err := a.CreateKey(context.Background(), api.KeySpec{Name: "ci"}); err != nil || s.Value != raw || s.Key.ID != "key-abc123def456" {
			t.Errorf("good key_raw %q: %+v, %v", raw, s, err)
		}
	}
}

// A uid outside Targon's shape (letters, digits, "_" and "-", starting
// with a letter or digit, at most 128) is listed but carries no id; one
// inside it is the id exactly as sent — for API keys and SSH keys alike.
func TestUIDShape(t *testing.T) {
	hostile := []string{`$(touch${IFS}/tmp/z)`, `\u001b[0m`, `h-\u001b]0;title\u0007-01`, "-key", "key abc", "../credits", "key-" + strings.Repeat("a", 125), "ключ-1"}
	s := &idServer{apiKeys: []string{apiKey("key-abc123def456", "good")}, sshKeys: []string{sshKey("shk-0123456789ab", "good")}}
	for i, h := range hostile {
		name := "bad" + string(rune('a'+i))
		s.apiKeys, s.sshKeys = append(s.apiKeys, apiKey(h, name)), append(s.sshKeys, sshKey(h, name))
	}
	a := newTestAccount(t, s, "tgn_0123456789abcdef")
	keys, err := allKeys(t, a)
	if err != nil || len(keys) != len(s.apiKeys) {
		t.Fatalf("%d keys, %v", len(keys), err)
	}
	if keys[0].ID != "key-abc123def456" {
		t.Errorf("good key: id %q", keys[0].ID)
	}
	for _, k := range keys[1:] {
		if k.ID != "" || k.IDProblem != api.IDInvalid || k.IDText != api.CleanText(k.IDText) {
			t.Errorf("API key %s: id %q (%q, %q), want none", k.Name, k.ID, k.IDText, k.IDProblem)
		}
	}
	var ssh []api.SSHKey
	for page, err := range a.SSHKeys(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		ssh = append(ssh, page...)
	}
	if len(ssh) != len(s.sshKeys) || ssh[0].ID != "shk-0123456789ab" {
		t.Fatalf("SSH keys %+v", ssh)
	}
	for _, k := range ssh[1:] {
		if k.ID != "" || k.IDProblem != api.IDInvalid {
			t.Errorf("SSH key %s: id %q (%q), want none", k.Name, k.ID, k.IDProblem)
		}
	}
}

// Requests name a key only by a uid in its documented shape: a malformed
// one is refused before anything is sent.
func TestMalformedUIDNeverSent(t *testing.T) {
	ctx := context.Background()
	for _, id := range []string{"", `$(touch${IFS}/tmp/z)`, "../credits", "-key", "key-1/x", "key-1:roll"} {
		s := &idServer{answer: apiKey("key-abc123def456", "n")}
		a := newTestAccount(t, s, "tgn_0123456789abcdef")
		_, e1 := a.RenameKey(ctx, id, "x")
		e2 := a.DeleteKey(ctx, id)
		_, e3 := a.RollKey(ctx, id)
		_, e4 := a.SSHKey(ctx, id)
		_, e5 := a.RenameSSHKey(ctx, id, "x")
		e6 := a.DeleteSSHKey(ctx, id)
		for i, err := range []error{e1, e2, e3, e4, e5, e6} {
			if err == nil {
				t.Errorf("id %q, call %d: no error", id, i+1)
			}
		}
		if p := s.sent(); len(p) > 0 {
			t.Errorf("id %q: sent %v", id, p)
		}
	}
}

// An answer about another key than the one asked about is an error.
func TestAnswerForAnotherKey(t *testing.T) {
	ctx := context.Background()
	a := newTestAccount(t, &idServer{answer: apiKey("key-other", "n")}, "tgn_0123456789abcdef")
	if k, err := a.RenameKey(ctx, "key-abc123def456", "n"); err == nil {
		t.Errorf("rename answered with another key: %+v", k)
	}
	b := newTestAccount(t, &idServer{answer: sshKey("shk-other", "n")}, "tgn_0123456789abcdef")
	if k, err := b.SSHKey(ctx, "shk-0123456789ab"); err == nil {
		t.Errorf("details answered with another key: %+v", k)
	}
	if k, err := b.RenameSSHKey(ctx, "shk-0123456789ab", "n"); err == nil {
		t.Errorf("SSH rename answered with another key: %+v", k)
	}
}

// Two keys with one uid are both listed; the later one carries no id.
func TestTwoKeysOneUID(t *testing.T) {
	s := &idServer{apiKeys: []string{apiKey("key-a", "one"), apiKey("key-b", "two"), apiKey("key-a", "three")}}
	keys, err := allKeys(t, newTestAccount(t, s, "tgn_0123456789abcdef"))
	if err != nil || len(keys) != 3 {
		t.Fatalf("%d keys, %v", len(keys), err)
	}
	if keys[0].ID != "key-a" || keys[1].ID != "key-b" || keys[2].ID != "" || keys[2].IDProblem != api.IDAmbiguous || keys[2].IDText != "key-a" {
		t.Errorf("ids %q %q %+v; want key-a key-b and none", keys[0].ID, keys[1].ID, keys[2])
	}
}
