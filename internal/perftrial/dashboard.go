package main

// The dashboard's side of the Targon part: the real root model run
// headless until both lists are in, then a few cursor moves timed.

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui"
)

// listStats counts what the dashboard loaded of one list.
type listStats struct {
	pages, items int
	last         bool // the page without a next cursor has been taken
}

// dashResult is one dashboard load and the cursor moves after it.
type dashResult struct {
	elapsed  time.Duration
	api, ssh listStats
	requests int
	conns    int
	// Event-loop work while loading: the root model's Update and View.
	msgs                 int
	updateTime, viewTime time.Duration
	slowest              time.Duration // the longest Update+View of one message
	// Client-side gap between a page's response and the next page's request,
	// per list, summed; and the largest single gap.
	apiGap, sshGap, maxGap time.Duration
	// After the load: one cursor move (j) in the API-keys view.
	frameBytes []int64
	moveTimes  []time.Duration // Update + View of the root model for j
}

// dashboard runs the real root model headless until both lists are in.
func dashboard(o options) (dashResult, error) {
	// A fresh pool with the same settings as http.DefaultTransport, which is
	// what the binary's client uses; only the dialer is wrapped, to count.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	rec := newRecorder(tr)
	defer tr.CloseIdleConnections()
	client, err := targon.NewClient(o.baseURL, o.key, clientopt.WithHTTPClient(&http.Client{Timeout: 30 * time.Second, Transport: rec}))
	if err != nil {
		return dashResult{}, err
	}
	return load(o, &api.Session{Account: targon.NewAccount(client), Profile: "default",
		Home: api.KeyHome{Source: api.KeyFromEnv, Env: "TARGON_API_KEY"}}, rec, true)
}

// load runs the real root model headless on session until its lists are
// in: the API keys, and the SSH keys when wantSSH. rec is the transport of
// the session's account, for the request counts.
func load(o options, session *api.Session, rec *recorder, wantSSH bool) (dashResult, error) {
	root, err := ui.New(ui.Options{Accounts: oneAccount{session}, Clipboard: noClipboard{}})
	if err != nil {
		return dashResult{}, err
	}

	pr := &probe{
		wantSSH: wantSSH,
		inner:   root,
		size:    tea.WindowSizeMsg{Width: o.width, Height: o.height},
		loaded:  make(chan struct{}),
		moved:   make(chan time.Duration, 1),
	}
	out := &countingWriter{}
	p := tea.NewProgram(pr,
		tea.WithInput(nil), tea.WithOutput(out), tea.WithoutSignalHandler(),
		tea.WithAltScreen()) // as ui.Run does
	ran := make(chan error, 1)
	pr.start = time.Now()
	go func() {
		_, err := p.Run()
		ran <- err
	}()
	stop := func() {
		p.Quit()
		<-ran
	}

	select {
	case <-pr.loaded:
	case err := <-ran:
		return dashResult{}, fmt.Errorf("the program ended before both lists were loaded: %v", err)
	case <-time.After(o.timeout):
		p.Kill()
		<-ran
		return dashResult{}, fmt.Errorf("both lists not loaded after %s (API keys: %d pages, SSH keys: %d pages so far)",
			o.timeout, pr.pagesSoFar(&pr.api), pr.pagesSoFar(&pr.ssh))
	}
	// Everything the probe wrote before closing loaded is safe to read now.
	if pr.err != nil {
		stop()
		return dashResult{}, pr.err
	}
	res := dashResult{
		elapsed: pr.doneAt.Sub(pr.start), api: pr.api, ssh: pr.ssh,
		msgs: pr.msgs, updateTime: pr.updateTime, viewTime: pr.viewTime, slowest: pr.slowest,
	}
	res.requests, res.conns = rec.count()
	res.apiGap, res.sshGap, res.maxGap = rec.gaps()
	err = measureMoves(o, p, pr, out, &res)
	stop()
	return res, err
}

// measureMoves switches the loaded dashboard to the API-keys view and
// presses j o.moves times, recording for each the bytes of the frame it
// writes and the time the root model's Update and View took.
func measureMoves(o options, p *tea.Program, pr *probe, out *countingWriter, res *dashResult) error {
	p.Send(keyMsg('2'))
	out.settle(250*time.Millisecond, 3*time.Second)
	for range o.moves {
		before := out.n.Load()
		p.Send(keyMsg('j'))
		select {
		case d := <-pr.moved:
			res.moveTimes = append(res.moveTimes, d)
		case <-time.After(5 * time.Second):
			return errors.New("no Update for the key j")
		}
		// The standard renderer flushes at 60 fps: wait a few frames.
		time.Sleep(100 * time.Millisecond)
		out.settle(100*time.Millisecond, 2*time.Second)
		res.frameBytes = append(res.frameBytes, out.n.Load()-before)
	}
	return nil
}

func keyMsg(r rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}} }

// noClipboard is a clipboard that copies nothing (the trial copies nothing).
type noClipboard struct{}

func (noClipboard) Copy(string) (string, error) { return "nowhere (perftrial)", nil }

// countingWriter counts the bytes the renderer writes and discards them.
type countingWriter struct{ n atomic.Int64 }

func (w *countingWriter) Write(b []byte) (int, error) {
	w.n.Add(int64(len(b)))
	return io.Discard.Write(b)
}

// settle waits until nothing has been written for quiet, or for at most
// limit.
func (w *countingWriter) settle(quiet, limit time.Duration) {
	deadline := time.Now().Add(limit)
	last, since := w.n.Load(), time.Now()
	for time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		if n := w.n.Load(); n != last {
			last, since = n, time.Now()
		} else if time.Since(since) >= quiet {
			return
		}
	}
}

// oneAccount is the trial's ui.Accounts: the one session it measures, with
// no account switcher and no demo.
type oneAccount struct{ session *api.Session }

func (a oneAccount) Start() *api.Session                   { return a.session }
func (a oneAccount) CanSwitch() bool                       { return false }
func (a oneAccount) List() ([]api.Choice, error)           { return nil, nil }
func (a oneAccount) Open(api.Choice) (*api.Session, error) { return a.session, nil }
func (a oneAccount) CanDemo() bool                         { return false }
func (a oneAccount) Demo() (*api.Session, error)           { return a.session, nil }
func (a oneAccount) Use(*api.Session)                      {}
