package ui

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/crypto/ssh"

	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// The fault matrix: every kind of request the dashboard makes, against every
// way the API or the network fails, end to end (the real client and the
// real UI against api/targon/targontest). Each cell says what the user sees and
// whether the request was sent again without a key press.
//
// A cell of a safe request (list, credits, rename, delete) plays two
// rounds: a fault that hits once (retried by the client, so the user sees
// only the success; a 500 is not retried: the error line, then the retry
// key), then a fault that lasts (the error line after the policy's
// attempts; the retry key once it is gone). A cell of a create or roll
// plays one: the request is sent once, the dialog keeps the error, and the
// retry key sends it again.

const (
	faultKeysPath    = "/tha/v2/me/api-keys"
	faultCreditsPath = "/tha/v2/me/credits"
	faultSSHPath     = "/tha/v2/ssh-keys"

	// faultAttempts is the cells' retry policy, as the harness's: two
	// attempts with a 1 ms backoff.
	faultAttempts = 2
	// faultRetryAfterCap caps the server's Retry-After ("5" s) in the 429
	// cell that sends one.
	faultRetryAfterCap = 200 * time.Millisecond
	// faultClientTimeout is the client's timeout in the timeout cells,
	// faultLatency the fault's delay. (The simulator notices that a client
	// gave up only on a request without a body: a POST or PATCH is carried
	// out when the delay ends, as a slow server would.)
	faultClientTimeout = time.Second
	faultLatency       = 2 * time.Second
	// faultWaitLimit bounds every wait for the screen.
	faultWaitLimit = 10 * time.Second
	// faultParallel is how many cells run at once.
	faultParallel = 12
)

// faultCase is one way a request fails.
type faultCase struct {
	name    string
	fault   targontest.Fault // Method, Path and Times are set by the cell
	gone    bool             // no server: connections are refused
	timeout bool             // the client gives up before fault.Latency ends
	// retried: GET, PATCH and DELETE are sent again by the client.
	retried bool
	// seen is the error the user reads.
	seen string
	// reached: the request may have been carried out, so a create or roll
	// says that it may have happened and to refresh before trying again.
	reached bool
}

var faultCases = []faultCase{
	{name: "server-gone", gone: true, retried: true, seen: "cannot reach the Targon API: connection refused"},
	{name: "timeout", timeout: true, fault: targontest.Fault{Latency: faultLatency}, retried: true, reached: true,
		seen: "the Targon API did not answer in time"},
	{name: "429", fault: targontest.Fault{Status: 429}, retried: true, seen: "rate limited by the server; try again shortly"},
	{name: "429-retry-after", fault: targontest.Fault{Status: 429, RetryAfter: "5"}, retried: true,
		seen: "rate limited by the server; try again in 5s"},
	{name: "500", fault: targontest.Fault{Status: 500}, reached: true, seen: "the Targon API had a problem (HTTP 500)"},
	{name: "502-html", fault: targontest.Fault{Status: 502, ContentType: "text/html",
		Body: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"},
		retried: true, reached: true, seen: "the Targon API had a problem (HTTP 502)"},
	{name: "503", fault: targontest.Fault{Status: 503}, retried: true, reached: true, seen: "the Targon API had a problem (HTTP 503)"},
	{name: "504", fault: targontest.Fault{Status: 504}, retried: true, reached: true, seen: "the Targon API had a problem (HTTP 504)"},
	{name: "truncated", fault: targontest.Fault{Truncate: true}, retried: true, reached: true,
		seen: "the connection dropped while reading the answer"},
	{name: "dropped", fault: targontest.Fault{Drop: true}, retried: true, reached: true,
		seen: "the connection dropped before the answer came"},
}

// faultKind is one kind of request, and how a user makes it.
type faultKind struct {
	name   string
	method string
	path   string // as countRequests takes it
	// atStart: the request is made when the dashboard starts, so its first
	// fault is injected before.
	atStart bool
	// post: never retried by itself; maybe is what the user is told may
	// have happened when the answer was lost.
	post  bool
	maybe string
	// hint is how the error line offers a retry, retry the key that does.
	hint  string
	retry string
	// open shows the kind's view (and waits until it is loaded unless
	// atStart).
	open func(h *harness)
	// send makes the request: round 0, then round 1 (atStart kinds make
	// round 0 by starting).
	send func(h *harness, round int)
	// done is the success the user sees after round.
	done func(round int) func(faultSnap) bool
	// keeps is what stays on screen (or in the dialog) with the error.
	keeps func(round int) []string
}

var faultKinds = []faultKind{
	{
		name: "list", method: "GET", path: faultKeysPath, atStart: true, hint: "— r to retry", retry: "r",
		open: func(h *harness) { h.keys("2") },
		send: func(h *harness, round int) {
			if round > 0 {
				h.keys("r")
			}
		},
		done: func(int) func(faultSnap) bool {
			return func(s faultSnap) bool { return !s.busy && s.has("old-prototype") && !s.has("could not load") }
		},
		keeps: func(round int) []string {
			if round == 0 {
				return nil
			}
			return []string{"grafana-exporter", "old-prototype"} // a failed reload keeps the rows
		},
	},
	{
		name: "credits", method: "GET", path: faultCreditsPath, atStart: true, hint: "— press r to retry", retry: "r",
		open: func(h *harness) {},
		send: func(h *harness, round int) {
			if round > 0 {
				h.keys("r")
			}
		},
		done: func(int) func(faultSnap) bool {
			return func(s faultSnap) bool { return !s.busy && s.has("1,284,750.00 USD") && !s.has("could not") }
		},
		keeps: func(round int) []string {
			if round == 0 {
				return nil
			}
			return []string{"1,284,750.00 USD"} // a failed refresh keeps the balance
		},
	},
	{
		name: "create", method: "POST", path: faultKeysPath, post: true, maybe: "the key may have been created",
		hint: "— enter to retry", retry: "enter",
		open: faultOpenAPIKeys,
		send: func(h *harness, round int) {
			h.keys("n")
			h.faultWaitDialog("New API key")
			h.typeText("fault-cell")
			h.keys("enter")
		},
		done:  faultSecretShown,
		keeps: func(int) []string { return []string{"New API key", "fault-cell"} },
	},
	{
		name: "rename", method: "PATCH", path: faultKeysPath + "/*", hint: "— enter to retry", retry: "enter",
		open: faultOpenAPIKeys,
		send: func(h *harness, round int) {
			if round == 0 {
				h.keys("j")
			}
			h.keys("e")
			h.faultWaitDialog("Rename “" + faultRenamed(round-1) + "”")
			h.typeText(fmt.Sprintf("-%d", round+1))
			h.keys("enter")
		},
		done: func(round int) func(faultSnap) bool {
			return func(s faultSnap) bool { return s.dialog == "" && s.has("Renamed to “"+faultRenamed(round)+"”") }
		},
		keeps: func(round int) []string {
			return []string{"Rename “" + faultRenamed(round-1) + "”", faultRenamed(round)}
		},
	},
	{
		name: "delete", method: "DELETE", path: faultKeysPath + "/*", hint: "— y to retry", retry: "y",
		open: faultOpenAPIKeys,
		send: func(h *harness, round int) {
			h.keys(faultDeleted(round).nav...)
			h.keys("d")
			h.faultWaitDialog("Delete API key “" + faultDeleted(round).name + "”")
			h.keys("y")
		},
		done: func(round int) func(faultSnap) bool {
			return func(s faultSnap) bool {
				// The toast names the key; the list no longer shows it.
				name := faultDeleted(round).name
				return s.dialog == "" && s.has("API key “"+name+"” deleted") && strings.Count(s.screen, name) == 1
			}
		},
		keeps: func(round int) []string { return []string{"Delete API key “" + faultDeleted(round).name + "”"} },
	},
	{
		name: "roll", method: "POST", path: faultKeysPath + "/*", post: true, maybe: "the secret may have been rolled",
		hint: "— y to retry", retry: "y",
		open: faultOpenAPIKeys,
		send: func(h *harness, round int) {
			h.keys("j", "R")
			h.faultWaitDialog("Roll the secret of “grafana-exporter”")
			h.keys("y")
		},
		done:  faultSecretShown,
		keeps: func(int) []string { return []string{"Roll the secret of “grafana-exporter”"} },
	},
	{
		name: "ssh-create", method: "POST", path: faultSSHPath, post: true, maybe: "the key may have been added",
		hint: "— enter to retry", retry: "enter",
		open: func(h *harness) {
			h.keys("3")
			h.faultWaitScreen("work-laptop")
		},
		send: func(h *harness, round int) {
			h.keys("n")
			h.faultWaitDialog("Add SSH key")
			// The form starts on Name; leaving it empty, tab to the key and
			// paste it, as people do: the name follows the key's comment.
			h.keys("tab")
			h.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(faultPublicKey(h.t)), Paste: true})
			h.faultWaitDialog("fault-cell")
			h.keys("enter")
		},
		done: func(int) func(faultSnap) bool {
			return func(s faultSnap) bool { return s.dialog == "" && s.has("SSH key “fault-cell” added") }
		},
		keeps: func(int) []string { return []string{"Add SSH key", "fault-cell"} },
	},
}

func faultOpenAPIKeys(h *harness) {
	h.keys("2")
	h.faultWaitScreen("grafana-exporter", "old-prototype")
}

// faultSecretShown: a create or roll succeeded, its secret is on show.
func faultSecretShown(int) func(faultSnap) bool {
	return func(s faultSnap) bool { return strings.Contains(s.dialog, "copied via") }
}

// faultRenamed is the name of the second API key after rename round (-1: before).
func faultRenamed(round int) string {
	name := "grafana-exporter"
	for i := 0; i <= round; i++ {
		name += fmt.Sprintf("-%d", i+1)
	}
	return name
}

// faultTarget is a row and the keys that select it.
type faultTarget struct {
	name string
	nav  []string
}

// faultDeleted is the API key deleted in round.
func faultDeleted(round int) faultTarget {
	if round == 0 {
		return faultTarget{"grafana-exporter", []string{"j"}}
	}
	return faultTarget{"old-prototype", []string{"G"}}
}

// faultCell is one cell of the matrix and what it expects.
type faultCell struct {
	kind  faultKind
	fault faultCase
}

// recovers: the first failure is retried by the client and the user sees
// only the success.
func (c faultCell) recovers() bool { return !c.kind.post && (c.fault.retried || c.noBody()) }

// noBody: a DELETE's answer (204) has no body to cut off, so a truncated
// answer is a complete one.
func (c faultCell) noBody() bool { return c.kind.method == "DELETE" && c.fault.fault.Truncate }

// attempts is how many times the client sends the request while the fault
// lasts.
func (c faultCell) attempts() int {
	if c.kind.post || !c.fault.retried {
		return 1
	}
	return faultAttempts
}

func TestFaultMatrix(t *testing.T) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, faultParallel)
	// The cells mostly wait for the network, so they run side by side
	// whatever -parallel says (t.Run may be called from several goroutines).
	run := func(name string, f func(*testing.T)) {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			t.Run(name, f)
		}()
	}
	// The slow cells (timeouts, Retry-After) first.
	for _, slow := range []bool{true, false} {
		for _, k := range faultKinds {
			for _, f := range faultCases {
				if (f.timeout || f.fault.RetryAfter != "") == slow {
					c := faultCell{kind: k, fault: f}
					run(k.name+"/"+f.name, c.run)
				}
			}
		}
	}
	run("delete/lost-response", testDeleteLostResponse)
	wg.Wait()
}

// run plays the cell.
func (c faultCell) run(t *testing.T) {
	k := c.kind
	n := newFaultNet(t)
	opts := []harnessOption{n.client(c.fault)}
	if k.atStart {
		opts = append(opts, func(_ *Options, sim *targontest.Server) { c.inject(sim, n, 1) })
	}
	r := &faultRun{faultCell: c, h: start(t, opts...), n: n}
	h := r.h

	k.open(h)
	if !k.atStart {
		c.inject(h.sim, n, 1)
	}
	k.send(h, 0)
	switch {
	case k.post:
		r.postRound()
	case c.recovers():
		h.faultWaitFor("the success, with no key press", k.done(0))
		want := 2
		if c.noBody() {
			want = 1
		}
		r.wantSent("the request", 0, want)
		r.checkRetryAfter(0)
		r.persistentRound()
	default:
		r.checkError(0)
		r.wantSent("the request", 0, 1)
		h.keys(k.retry)
		h.faultWaitFor("the success after "+k.retry, k.done(0))
		r.wantSent("the request and its manual retry", 0, 2)
		r.persistentRound()
	}
	h.final()
}

// faultRun is a cell being played.
type faultRun struct {
	faultCell
	h *harness
	n *faultNet
}

// sent is how many of the kind's requests were sent, refused ones
// included.
func (r *faultRun) sent() int {
	return countRequests(r.h.sim, r.kind.method, r.kind.path) + r.n.refused()
}

// wantSent waits until want requests were sent after the first from (the
// simulator records a request when its handler returns), then checks
// that no more were.
func (r *faultRun) wantSent(what string, from, want int) {
	r.h.t.Helper()
	deadline := time.Now().Add(faultWaitLimit)
	for r.sent()-from < want && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := r.sent() - from; got != want {
		r.h.t.Errorf("%s: sent %d times, want %d", what, got, want)
	}
}

// persistentRound: round 1, with a fault that lasts until removed.
func (r *faultRun) persistentRound() {
	h, k := r.h, r.kind
	before := r.sent()
	remove := r.inject(h.sim, r.n, 0)
	k.send(h, 1)
	if r.noBody() {
		h.faultWaitFor("the success", k.done(1))
		r.wantSent("the request", before, 1)
		remove()
		return
	}
	r.checkError(1)
	r.wantSent("the lasting fault's attempts", before, r.attempts())
	r.checkRetryAfter(before)
	remove()
	h.keys(k.retry)
	h.faultWaitFor("the success after "+k.retry, k.done(1))
	r.wantSent("the attempts and the manual retry", before, r.attempts()+1)
}

// postRound: a create or roll is sent once, the dialog keeps the error, the
// user retries by hand.
func (r *faultRun) postRound() {
	h, t, k := r.h, r.h.t, r.kind
	r.checkError(0)
	h.idle()
	r.wantSent(k.name, 0, 1)
	h.keys(k.retry)
	if k.name == "ssh-create" && (r.fault.fault.Truncate || r.fault.timeout) {
		// The server may have added the key after all (it does once a
		// truncated answer's request, and a timed-out one that it goes
		// on with): then it refuses the same key again, and either way
		// the key is listed once.
		s := h.faultWaitFor("the key added, or refused as a duplicate", func(s faultSnap) bool {
			return k.done(0)(s) || strings.Contains(s.dialog, "already exists")
		})
		r.wantSent("ssh-create and its manual retry", 0, 2)
		if s.dialog != "" {
			t.Logf("the manual retry was refused as a duplicate")
			if !strings.Contains(s.dialog, "Add SSH key") {
				t.Errorf("the form closed on a refused duplicate: %s", s.dialog)
			}
			h.keys("esc")
		}
		h.keys("r")
		s = h.faultWaitFor("the list reloaded", func(s faultSnap) bool { return !s.busy && s.has("fault-cell") })
		rows := 0
		for _, line := range strings.Split(s.raw, "\n") {
			// Table rows only: a toast in the status bar may name it too.
			if strings.Contains(line, "fault-cell") && !strings.Contains(line, " · Targon · ") {
				rows++
			}
		}
		if rows != 1 {
			t.Errorf("the SSH key is listed %d times, want once:\n%s", rows, s.raw)
		}
		return
	}
	h.faultWaitFor("the success after "+k.retry, k.done(0))
	r.wantSent(k.name+" and its manual retry", 0, 2)
}

// inject makes the cell's fault hit its request kind, times times (0:
// until removed).
func (c faultCell) inject(sim *targontest.Server, n *faultNet, times int) (remove func()) {
	if c.fault.gone {
		return n.cut(c.kind.method, c.kind.path, times)
	}
	f := c.fault.fault
	f.Method, f.Path, f.Times = c.kind.method, c.kind.path, times
	return sim.InjectFault(f)
}

// checkError waits for the error and checks what it says.
func (r *faultRun) checkError(round int) {
	h, t, k := r.h, r.h.t, r.kind
	s := h.faultWaitFor("the error line", func(s faultSnap) bool { return s.errorLine() != "" })
	line := s.errorLine()
	t.Logf("round %d, the user reads: %s", round, line)
	if !strings.Contains(line, r.fault.seen) {
		t.Errorf("error line %q does not say %q", line, r.fault.seen)
	}
	switch {
	case strings.HasSuffix(line, k.hint):
	case k.name == "list" && strings.Contains(line, k.hint):
		// The list puts its hint before the reason, so that a narrow
		// screen cuts the reason and keeps the way out.
	default:
		t.Errorf("error line %q does not end with %q", line, k.hint)
	}
	if k.post {
		says := strings.Contains(line, k.maybe+": close this and refresh (r) to check before trying again")
		if r.fault.reached && !says {
			t.Errorf("error line %q does not say %q and to refresh", line, k.maybe)
		}
		if !r.fault.reached && strings.Contains(line, "may have been") {
			t.Errorf("error line %q says it may have happened, but the request never got through", line)
		}
	}
	for _, bad := range []string{"<", ">", "{", "}", "html", "nginx", "Bearer", "127.0.0.1", "dial tcp", "/tha/"} {
		if strings.Contains(line, bad) {
			t.Errorf("error line %q shows %q", line, bad)
		}
	}
	if token := h.sim.DemoKey(); strings.Contains(s.raw, token) {
		t.Errorf("the screen shows the API key:\n%s", s.raw)
	}
	where := s.dialog
	if where == "" {
		where = s.screen
	}
	for _, want := range k.keeps(round) {
		if !strings.Contains(where, want) {
			t.Errorf("%q is gone with the error: %s", want, where)
		}
	}
}

// checkRetryAfter: after a 429 with Retry-After, the retry waited the
// capped time. from is how many of the kind's requests came before.
func (r *faultRun) checkRetryAfter(from int) {
	if r.fault.fault.RetryAfter == "" {
		return
	}
	var at []time.Time
	for _, req := range r.h.sim.Requests() {
		if req.Method == r.kind.method && faultPathMatch(r.kind.path, req.Path) {
			at = append(at, req.Time)
		}
	}
	if len(at) < from+2 {
		r.h.t.Errorf("%d requests, want a retry after request %d", len(at), from+1)
		return
	}
	switch gap := at[from+1].Sub(at[from]); {
	case gap < faultRetryAfterCap:
		r.h.t.Errorf("retried %v after a 429 with Retry-After: 5, want at least the cap %v", gap, faultRetryAfterCap)
	case gap >= 5*time.Second:
		r.h.t.Errorf("retried %v after a 429 with Retry-After: 5, want the wait capped at %v", gap, faultRetryAfterCap)
	}
}

// testDeleteLostResponse: a DELETE carried out by the server whose answer
// was lost is sent again, gets 404, and the user is told it is deleted.
func testDeleteLostResponse(t *testing.T) {
	n := newFaultNet(t)
	h := start(t, n.client(faultCase{}))
	n.loseNext("DELETE")
	faultOpenAPIKeys(h)
	del := faultKinds[slices.IndexFunc(faultKinds, func(k faultKind) bool { return k.name == "delete" })]
	del.send(h, 0)
	h.faultWaitFor("the key deleted", del.done(0))
	var statuses []int
	for _, r := range h.sim.Requests() {
		if r.Method == "DELETE" {
			statuses = append(statuses, r.Status)
		}
	}
	if fmt.Sprint(statuses) != "[204 404]" {
		t.Errorf("DELETE answers %v, want [204 404] (done, then gone)", statuses)
	}
	h.final()
}

// faultNet is the transport of a cell's client. Every attempt goes out on a
// fresh connection, so that the simulator sees each of the client's
// attempts (net/http itself resends an idempotent request whose reused
// connection was dropped). It can make the server look gone for some
// requests: their connections go to a closed port and are refused.
type faultNet struct {
	t          *testing.T
	live, dead http.RoundTripper

	mu         sync.Mutex
	cutMethod  string
	cutPath    string
	cutLeft    int // refusals left; -1: until restored
	refusedN   int
	loseMethod string // the next such request is carried out, its answer lost
}

func newFaultNet(t *testing.T) *faultNet {
	closed := faultClosedAddr(t)
	var d net.Dialer
	return &faultNet{
		t:    t,
		live: &http.Transport{DisableKeepAlives: true},
		dead: &http.Transport{DisableKeepAlives: true, DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return d.DialContext(ctx, network, closed)
		}},
	}
}

var (
	faultClosedOnce sync.Once
	faultClosed     string
	faultClosedErr  error
)

// faultClosedAddr is a loopback address where nothing listens, and where
// no server of another cell can start to listen: the local end of a
// connection kept open until the tests end. (A port freed by closing a
// listener could be handed to the next cell's server.)
func faultClosedAddr(t *testing.T) string {
	faultClosedOnce.Do(func() {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			faultClosedErr = err
			return
		}
		defer l.Close()
		c, err := net.Dial("tcp", l.Addr().String())
		if err != nil {
			faultClosedErr = err
			return
		}
		if _, err := l.Accept(); err != nil {
			faultClosedErr = err
			return
		}
		faultClosed = c.LocalAddr().String() // c stays open
	})
	if faultClosedErr != nil {
		t.Fatal(faultClosedErr)
	}
	return faultClosed
}

// client replaces the harness's client with one over n, with the
// harness's retry policy (Retry-After capped at faultRetryAfterCap when the
// fault sends one) and a short timeout in the timeout cells.
func (n *faultNet) client(f faultCase) harnessOption {
	return func(o *Options, sim *targontest.Server) {
		p := clientopt.RetryPolicy{MaxAttempts: faultAttempts, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond, MaxRetryAfter: time.Millisecond}
		if f.fault.RetryAfter != "" {
			p.MaxRetryAfter = faultRetryAfterCap
		}
		hc := &http.Client{Transport: n}
		if f.timeout {
			hc.Timeout = faultClientTimeout
		}
		acct, err := targon.New(sessionOf(o).Account.BaseURL(), sim.DemoKey(), clientopt.WithRetry(p), clientopt.WithHTTPClient(hc))
		if err != nil {
			n.t.Fatal(err)
		}
		sessionOf(o).Account = acct
	}
}

// cut makes the server unreachable for method and path, times times (0:
// until the returned function is called).
func (n *faultNet) cut(method, path string, times int) (restore func()) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.cutMethod, n.cutPath, n.cutLeft = method, path, times
	if times == 0 {
		n.cutLeft = -1
	}
	return func() {
		n.mu.Lock()
		n.cutLeft = 0
		n.mu.Unlock()
	}
}

// loseNext loses the answer of the next request with method, after the
// server carried it out.
func (n *faultNet) loseNext(method string) {
	n.mu.Lock()
	n.loseMethod = method
	n.mu.Unlock()
}

// refused is how many requests found the server gone.
func (n *faultNet) refused() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.refusedN
}

func (n *faultNet) RoundTrip(r *http.Request) (*http.Response, error) {
	n.mu.Lock()
	gone := n.cutLeft != 0 && r.Method == n.cutMethod && faultPathMatch(n.cutPath, r.URL.EscapedPath())
	if gone {
		n.refusedN++
		if n.cutLeft > 0 {
			n.cutLeft--
		}
	}
	lose := n.loseMethod != "" && r.Method == n.loseMethod
	if lose {
		n.loseMethod = ""
	}
	n.mu.Unlock()
	if gone {
		return n.dead.RoundTrip(r)
	}
	resp, err := n.live.RoundTrip(r)
	if lose && err == nil {
		resp.Body.Close()
		return nil, errors.New("read: connection reset by peer")
	}
	return resp, err
}

// faultPathMatch is countRequests' test: the path, or a prefix ending in "*".
func faultPathMatch(pattern, path string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(path, prefix)
	}
	return path == pattern
}

var (
	faultKeyOnce sync.Once
	faultKeyLine string
)

// faultPublicKey is a new ed25519 public key line with the comment
// "fault-cell".
func faultPublicKey(t *testing.T) string {
	faultKeyOnce.Do(func() {
		pub, _, err := ed25519.GenerateKey(nil)
		if err != nil {
			t.Fatal(err)
		}
		sp, err := ssh.NewPublicKey(pub)
		if err != nil {
			t.Fatal(err)
		}
		faultKeyLine = strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sp))) + " fault-cell"
	})
	return faultKeyLine
}

// faultSnap is what the user reads at one moment, flattened (borders gone,
// runs of space made one) so that wrapped text reads as one line.
type faultSnap struct {
	raw    string // the screen as drawn
	screen string // the screen, flattened
	dialog string // the dialog on top, flattened; "" when none is open
	busy   bool   // a request is in flight
}

func (s faultSnap) has(text string) bool { return strings.Contains(s.screen, text) }

// errorLine is the error the user reads, from "✗" to its retry hint: in
// the dialog when one is open, else on the screen; "" when there is none.
func (s faultSnap) errorLine() string {
	text := s.dialog
	if text == "" {
		text = s.screen
	}
	i := strings.Index(text, "✗")
	if i < 0 {
		return ""
	}
	line := text[i:]
	if j := strings.Index(line, "to retry: "); j >= 0 {
		// A list's note: the hint, then the reason up to the line's end.
		rest := line[j+len("to retry: "):]
		if k := strings.Index(rest, "\n"); k >= 0 {
			rest = rest[:k]
		}
		if k := strings.Index(rest, "…"); k >= 0 {
			rest = rest[:k+len("…")]
		}
		line = line[:j+len("to retry: ")] + strings.TrimSpace(rest)
	} else if j := strings.Index(line, "to retry"); j >= 0 {
		line = line[:j+len("to retry")]
	} else if j := strings.Index(line, "…"); j >= 0 {
		line = line[:j+len("…")] // cut at the screen's edge
	}
	return line
}

// faultFlat drops box-drawing characters and collapses white space.
func faultFlat(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune("│╭╮╰╯─", r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// faultSnapshot reads the screen and the top dialog inside Update.
func (h *harness) faultSnapshot() faultSnap {
	h.t.Helper()
	var s faultSnap
	done := make(chan struct{})
	h.tm.Send(probeMsg{func(m *Model) {
		s.raw, s.busy = m.View(), m.busy()
		if top := m.modals.Top(); top != nil {
			s.dialog = faultFlat(top.View())
		}
		close(done)
	}})
	select {
	case <-done:
	case <-time.After(faultWaitLimit):
		h.t.Fatal("the model did not answer the probe")
	}
	s.screen = faultFlat(s.raw)
	return s
}

// faultWaitFor waits until ok holds for what the user reads.
func (h *harness) faultWaitFor(what string, ok func(faultSnap) bool) faultSnap {
	h.t.Helper()
	deadline := time.Now().Add(faultWaitLimit)
	for {
		s := h.faultSnapshot()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("waited %v for %s; the screen:\n%s\ndialog: %s", faultWaitLimit, what, s.raw, s.dialog)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// faultWaitScreen waits until the screen shows every text.
func (h *harness) faultWaitScreen(texts ...string) faultSnap {
	h.t.Helper()
	return h.faultWaitFor(fmt.Sprintf("%q on screen", texts), func(s faultSnap) bool {
		for _, text := range texts {
			if !s.has(text) {
				return false
			}
		}
		return true
	})
}

// faultWaitDialog waits until the dialog on top shows text.
func (h *harness) faultWaitDialog(text string) {
	h.t.Helper()
	h.faultWaitFor(fmt.Sprintf("a dialog with %q", text), func(s faultSnap) bool { return strings.Contains(s.dialog, text) })
}
