package sshkeys

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// hostileSSH is a Targon server that lists the SSH keys given (uid, name
// and public key triples) and records every other request.
type hostileSSH struct {
	body string
	mu   sync.Mutex
	sent []string
}

func newHostileSSH(triples ...string) *hostileSSH {
	var items []string
	for i := 0; i+2 < len(triples); i += 3 {
		items = append(items, `{"uid":"`+triples[i]+`","name":"`+triples[i+1]+`","public_key_raw":"`+triples[i+2]+`","created_at":"2025-01-15T10:30:00Z"}`)
	}
	return &hostileSSH{body: `{"items":[` + strings.Join(items, ",") + `],"next_cursor":""}`}
}

func (s *hostileSSH) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/ssh-keys") {
		w.Write([]byte(s.body))
		return
	}
	s.mu.Lock()
	s.sent = append(s.sent, r.Method+" "+r.URL.EscapedPath())
	s.mu.Unlock()
	w.Write([]byte(`{}`))
}

func (s *hostileSSH) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.sent...)
}

const edKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"

// An SSH key whose uid is not in Targon's shape, or repeats another's, is
// listed and marked, and nothing that names it acts: no details fetch, no
// rename, no delete, no copy of its id.
func TestInvalidIDs(t *testing.T) {
	srv := newHostileSSH(
		"shk-0123456789ab", "good", edKey+" me@host",
		`$(touch${IFS}/tmp/z)`, "shell", edKey+" a@b",
		`\u001b[0m`, "blank", edKey+" c@d",
		"shk-0123456789ab", "twin", edKey+" e@f",
	)
	c, clip := uitest.NewCommon(uitest.Client(t, srv, "tgn_session0000000000000000"))
	m := New(c)
	d := uitest.NewDriver(t, c, m)
	if n := m.Table.Len(); n != 4 {
		t.Fatalf("%d rows, want the 4 the server sent:\n%s", n, uitest.Plain(m.View()))
	}
	screen := uitest.Plain(m.View())
	if strings.Count(screen, "invalid id") != 2 || strings.Count(screen, "ambiguous id") != 1 || strings.Contains(screen, "touch") {
		t.Errorf("ids not marked:\n%s", screen)
	}
	for i, why := range map[int]string{1: "invalid id", 2: "invalid id", 3: "ambiguous id"} {
		m.Table.List.Select(i)
		for _, k := range []string{"enter", "e", "d", "c"} {
			d.Toasts = nil
			d.Keys(k)
			if top := d.Top(); top != nil {
				t.Errorf("row %d: %s opened %q", i, k, uitest.Plain(top.View()))
				d.Keys("esc")
			}
			if !strings.Contains(d.LastToast(), why) {
				t.Errorf("row %d: %s says %q, want %q", i, k, d.LastToast(), why)
			}
		}
	}
	if got := clip.Copied(); len(got) > 0 {
		t.Errorf("copied %q", got)
	}
	if s := srv.requests(); len(s) > 0 {
		t.Errorf("sent %v", s)
	}
}

// y copies a public key only as OpenSSH writes one: a comment with
// anything a shell gives meaning to is left out, and text that is no
// public key is not copied at all.
func TestPublicKeyCopiedOnlyInItsShape(t *testing.T) {
	srv := newHostileSSH(
		"shk-0000000000a1", "plain", edKey+" me@host",
		"shk-0000000000a2", "shell", edKey+" $(touch${IFS}/tmp/x)",
		"shk-0000000000a3", "junk", "$(touch${IFS}/tmp/y)",
	)
	c, clip := uitest.NewCommon(uitest.Client(t, srv, "tgn_session0000000000000000"))
	m := New(c)
	d := uitest.NewDriver(t, c, m)
	for i, want := range []string{edKey + " me@host", edKey, ""} {
		m.Table.List.Select(i)
		before := len(clip.Copied())
		d.Keys("y")
		got := clip.Copied()[before:]
		switch {
		case want == "" && (len(got) > 0 || !strings.Contains(d.LastToast(), "not copied")):
			t.Errorf("row %d: copied %q, said %q", i, got, d.LastToast())
		case want != "" && (len(got) != 1 || got[0] != want):
			t.Errorf("row %d: copied %q, want %q", i, got, want)
		}
	}
}
