// Command perftrial is the timed trial behind DESIGN.md's "Performance
// targets": how long targon-dash takes to list a big account, compared with
// the plainest client that could do it.
//
// Against a running API (normally `targon-dash demo-server --api-keys 10000
// --ssh-keys 10000 --latency 50ms`), each round times two walks of both
// lists, 100 items a page:
//
//   - sequential: one targon.Client over ONE kept-alive connection
//     (MaxConnsPerHost 1) fetches every API-key page, then every SSH-key
//     page, one request at a time. With a latency L per request this takes
//     about (pages(API) + pages(SSH)) × L.
//   - dashboard: the real root model, ui.New, in a headless Bubble Tea
//     program with its renderer on (output counted, then discarded) and a
//     fresh client with the default transport settings. The clock runs from
//     starting the program until the root model's Update has returned for
//     the last page of both lists. The model is wrapped in a probe that
//     forwards every message and watches the list.PageMsg values go
//     by; the ui code is not changed. Cursor paging forces one round trip per
//     page per list, so the best the two concurrent walks can do is about
//     max(pages) × L: a dashboard/sequential ratio of 0.50. The target is
//     ≤ 0.55.
//
// After the load the probe switches to the API-keys view ("2") and presses
// "j" a few times, reporting the bytes each cursor move writes to the
// terminal (one frame; the renderer repaints only changed lines) and how long
// the root model's Update and View took for it (target ≤ 1 ms).
//
// It also reports, for the dashboard, the time the event loop spent in
// Update and View while loading and the client-side gap between one page's
// response and the next page's request: the part of the load that is not
// waiting on the network.
//
// With OPENROUTER_BASE_URL and OPENROUTER_MANAGEMENT_KEY set too (normally
// from `targon-dash demo-server --provider openrouter --api-keys 10000
// --latency 50ms`) it runs an OpenRouter part after the Targon one; see
// openrouter.go. Either part runs alone when only its variables are set.
//
// Usage:
//
//	TARGON_BASE_URL=http://127.0.0.1:PORT TARGON_API_KEY=tgn_... \
//	OPENROUTER_BASE_URL=http://127.0.0.1:PORT2/api/v1 OPENROUTER_MANAGEMENT_KEY=sk-or-v1-... \
//	go run ./internal/perftrial [--rounds 3]
//
// scripts/perf-trial.sh starts the demo server, runs this and measures the
// real binary's memory. The exit status is 0 when every target is met, 3
// when one is missed, 1 on an error.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui"
	"github.com/targon-dash/targon-dash/ui/components/list"
)

// Targets from DESIGN.md.
const (
	targetRatio  = 0.55                 // dashboard time / sequential time
	floorRatio   = 0.50                 // two cursor-paged lists in parallel
	targetUpdate = 1 * time.Millisecond // Update + View for a cursor move
)

// pageSize is what both walks ask for (the API's maximum, as the dashboard).
const pageSize = targon.PageSize

// Paths of the two list endpoints, to tell the requests apart.
const (
	apiKeysPath = "/me/api-keys"
	sshKeysPath = "/ssh-keys"
)

func main() {
	os.Exit(run())
}

type options struct {
	baseURL, key  string
	orURL, orKey  string // the OpenRouter part; both "" to skip it
	rounds        int
	moves         int
	width, height int
	timeout       time.Duration
	cpuProfile    string
}

func run() int {
	var o options
	flag.StringVar(&o.baseURL, "base-url", os.Getenv("TARGON_BASE_URL"), "API base URL (default $TARGON_BASE_URL)")
	flag.StringVar(&o.key, "key", "", "API key (default $TARGON_API_KEY; prefer the variable, a flag shows in ps)")
	flag.StringVar(&o.orURL, "openrouter-base-url", os.Getenv("OPENROUTER_BASE_URL"), "OpenRouter API base URL for the OpenRouter part (default $OPENROUTER_BASE_URL; the key from $OPENROUTER_MANAGEMENT_KEY)")
	flag.IntVar(&o.rounds, "rounds", 3, "rounds; each time is reported as the median")
	flag.IntVar(&o.moves, "moves", 5, "cursor moves (j) measured after each dashboard load")
	flag.IntVar(&o.width, "width", 120, "terminal width the dashboard draws for")
	flag.IntVar(&o.height, "height", 36, "terminal height the dashboard draws for")
	flag.DurationVar(&o.timeout, "timeout", 5*time.Minute, "give up on one walk after this long")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the whole trial to this file")
	flag.Parse()
	if o.key == "" {
		o.key = os.Getenv("TARGON_API_KEY")
	}
	o.orKey = os.Getenv("OPENROUTER_MANAGEMENT_KEY")
	targonSet, orSet := o.baseURL != "" && o.key != "", o.orURL != "" && o.orKey != ""
	if !targonSet && !orSet {
		fmt.Fprintln(os.Stderr, "perftrial: set TARGON_BASE_URL and TARGON_API_KEY (or --base-url and --key), and/or OPENROUTER_BASE_URL and OPENROUTER_MANAGEMENT_KEY; e.g. from `targon-dash demo-server [--provider openrouter]`")
		return 1
	}
	if o.rounds < 1 || o.moves < 1 {
		fmt.Fprintln(os.Stderr, "perftrial: --rounds and --moves must be at least 1")
		return 1
	}
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "perftrial:", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "perftrial:", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}

	// The dashboard draws as it would in a 256-colour terminal with a dark
	// background, whatever this process's stdout is, so the frame sizes do
	// not depend on where the output goes.
	lipgloss.SetColorProfile(termenv.ANSI256)
	lipgloss.SetHasDarkBackground(true)

	ok := true
	if targonSet {
		if code := runTargon(o); code != 0 {
			if code != 3 {
				return code
			}
			ok = false
		}
	}
	if orSet {
		if code := runOpenRouter(o); code != 0 {
			if code != 3 {
				return code
			}
			ok = false
		}
	}
	if !ok {
		return 3
	}
	return 0
}

// runTargon is the Targon part: rounds of a sequential walk and a dashboard
// load of both lists, then the report. It returns run's exit status.
func runTargon(o options) int {
	var seqs []seqResult
	var dashes []dashResult
	for r := 1; r <= o.rounds; r++ {
		progress("round %d/%d: sequential walk…", r, o.rounds)
		s, err := sequential(o)
		if err != nil {
			fmt.Fprintln(os.Stderr, "perftrial: sequential walk:", err)
			return 1
		}
		progress("round %d/%d: sequential %s (%d requests); dashboard load…", r, o.rounds, ms(s.elapsed), s.requests)
		d, err := dashboard(o)
		if err != nil {
			fmt.Fprintln(os.Stderr, "perftrial: dashboard:", err)
			return 1
		}
		progress("round %d/%d: dashboard %s (%d requests), ratio %.3f", r, o.rounds, ms(d.elapsed), d.requests, seconds(d.elapsed)/seconds(s.elapsed))
		if d.api.items != s.apiItems || d.ssh.items != s.sshItems {
			fmt.Fprintf(os.Stderr, "perftrial: the walks disagree: sequential %d API keys and %d SSH keys, dashboard %d and %d\n",
				s.apiItems, s.sshItems, d.api.items, d.ssh.items)
			return 1
		}
		seqs, dashes = append(seqs, s), append(dashes, d)
	}
	if report(os.Stdout, o, seqs, dashes) {
		return 0
	}
	return 3
}

// progress prints a line on stderr, so stdout stays the report alone.
func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "perftrial: "+format+"\n", args...)
}

// --- the sequential walk ------------------------------------------------------

type seqResult struct {
	elapsed            time.Duration
	apiItems, sshItems int
	apiPages, sshPages int
	requests           int // HTTP requests sent, retries included
	conns              int // TCP connections opened
}

// sequential walks every API-key page, then every SSH-key page, one request
// at a time over one kept-alive connection.
func sequential(o options) (seqResult, error) {
	tr := &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1}
	rec := newRecorder(tr)
	defer tr.CloseIdleConnections()
	client, err := targon.NewClient(o.baseURL, o.key, targon.WithHTTPClient(&http.Client{Timeout: 30 * time.Second, Transport: rec}))
	if err != nil {
		return seqResult{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()

	var res seqResult
	start := time.Now()
	res.apiItems, res.apiPages, err = walk(ctx, client.ListAPIKeys)
	if err != nil {
		return res, fmt.Errorf("API keys: %w", err)
	}
	res.sshItems, res.sshPages, err = walk(ctx, client.ListSSHKeys)
	if err != nil {
		return res, fmt.Errorf("SSH keys: %w", err)
	}
	res.elapsed = time.Since(start)
	res.requests, res.conns = rec.count()
	return res, nil
}

// walk fetches the pages of one list in order and counts them.
func walk[T any](ctx context.Context, fetch func(context.Context, targon.ListOptions) (targon.Page[T], error)) (items, pages int, err error) {
	cursor := ""
	for {
		p, err := fetch(ctx, targon.ListOptions{Limit: pageSize, Cursor: cursor})
		if err != nil {
			return items, pages, err
		}
		items += len(p.Items)
		pages++
		if p.NextCursor == "" {
			return items, pages, nil
		}
		cursor = p.NextCursor
	}
}

// --- the dashboard's own loader -----------------------------------------------

type listStats struct {
	pages, items int
	last         bool // the page without a next cursor has been taken
}

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
	client, err := targon.NewClient(o.baseURL, o.key, targon.WithHTTPClient(&http.Client{Timeout: 30 * time.Second, Transport: rec}))
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

	// One frame per cursor move, in the API-keys view.
	p.Send(keyMsg('2'))
	out.settle(250*time.Millisecond, 3*time.Second)
	for range o.moves {
		before := out.n.Load()
		p.Send(keyMsg('j'))
		select {
		case d := <-pr.moved:
			res.moveTimes = append(res.moveTimes, d)
		case <-time.After(5 * time.Second):
			stop()
			return res, errors.New("no Update for the key j")
		}
		// The standard renderer flushes at 60 fps: wait a few frames.
		time.Sleep(100 * time.Millisecond)
		out.settle(100*time.Millisecond, 2*time.Second)
		res.frameBytes = append(res.frameBytes, out.n.Load()-before)
	}
	stop()
	return res, nil
}

// probe wraps the root model: it forwards every message and watches the
// list pages go by. It runs on the program's event loop; what it records
// before closing loaded may be read after it.
type probe struct {
	inner   tea.Model
	wantSSH bool // the account has SSH keys: wait for that list too
	size    tea.WindowSizeMsg
	start   time.Time

	api, ssh listStats
	err      error
	doneAt   time.Time
	loaded   chan struct{}
	closed   bool
	progress atomic.Int64 // pages so far, API keys in the high half, for the timeout message

	msgs                 int
	updateTime, viewTime time.Duration
	slowest, lastUpdate  time.Duration

	// A key is being timed: the next View completes it.
	timingKey bool
	moved     chan time.Duration
}

// Init sends the window size a terminal would, then the root model's Init.
func (p *probe) Init() tea.Cmd {
	size := p.size
	return tea.Batch(func() tea.Msg { return size }, p.inner.Init())
}

func (p *probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	t0 := time.Now()
	m, cmd := p.inner.Update(msg)
	d := time.Since(t0)
	p.inner = m
	if p.closed {
		if km, ok := msg.(tea.KeyMsg); ok && km.String() == "j" {
			p.timingKey, p.lastUpdate = true, d
		}
		return p, cmd
	}
	p.msgs++
	p.updateTime += d
	p.lastUpdate = d
	switch msg := msg.(type) {
	case list.PageMsg[api.Key]:
		p.page(&p.api, len(msg.Items), msg.Done, msg.Err, "API keys")
	case list.PageMsg[api.SSHKey]:
		p.page(&p.ssh, len(msg.Items), msg.Done, msg.Err, "SSH keys")
	}
	p.progress.Store(int64(p.api.pages)<<32 | int64(p.ssh.pages))
	if !p.closed && (p.err != nil || (p.api.last && (p.ssh.last || !p.wantSSH))) {
		// The wrapped Update has returned for the last page of both lists
		// (or for an error): loading is over.
		p.doneAt = time.Now()
		p.closed = true
		close(p.loaded)
	}
	return p, cmd
}

func (p *probe) page(s *listStats, items int, done bool, err error, what string) {
	switch {
	case err != nil:
		if p.err == nil {
			p.err = fmt.Errorf("%s: page %d failed: %w", what, s.pages+1, err)
		}
	case done:
		// The walk ended after the last page (no request is made for this).
		s.last = true
	default:
		s.pages++
		s.items += items
	}
}

func (p *probe) View() string {
	t0 := time.Now()
	v := p.inner.View()
	d := time.Since(t0)
	if !p.closed {
		p.viewTime += d
		p.slowest = max(p.slowest, p.lastUpdate+d)
	} else if p.timingKey {
		p.timingKey = false
		select {
		case p.moved <- p.lastUpdate + d:
		default:
		}
	}
	return v
}

// pagesSoFar reads the page counts safely from another goroutine.
func (p *probe) pagesSoFar(s *listStats) int64 {
	v := p.progress.Load()
	if s == &p.api {
		return v >> 32
	}
	return v & (1<<32 - 1)
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

// --- counting requests and connections ----------------------------------------

// recorder wraps a transport: it counts the connections the transport dials
// and notes when each request went out and when its response came back.
type recorder struct {
	next  http.RoundTripper
	mu    sync.Mutex
	reqs  []reqTime
	conns atomic.Int64
}

type reqTime struct {
	path, query string
	start, end  time.Time
}

func newRecorder(tr *http.Transport) *recorder {
	r := &recorder{next: tr}
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		r.conns.Add(1)
		return dialer.DialContext(ctx, network, addr)
	}
	return r
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := r.next.RoundTrip(req)
	if err == nil {
		// The body is read after RoundTrip returns: the response is "back"
		// when the client has read all of it.
		resp.Body = &timedBody{ReadCloser: resp.Body, done: func() {
			r.mu.Lock()
			r.reqs = append(r.reqs, reqTime{req.URL.Path, req.URL.RawQuery, start, time.Now()})
			r.mu.Unlock()
		}}
	} else {
		r.mu.Lock()
		r.reqs = append(r.reqs, reqTime{req.URL.Path, req.URL.RawQuery, start, time.Now()})
		r.mu.Unlock()
	}
	return resp, err
}

// count returns the requests sent and the connections opened.
func (r *recorder) count() (requests, conns int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.reqs), int(r.conns.Load())
}

// gaps sums, per list, the time between one page's response and the next
// page's request (the client's own share of the walk), and the largest gap.
func (r *recorder) gaps() (apiGap, sshGap, maxGap time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	sum := func(suffix string) time.Duration {
		var list []reqTime
		for _, q := range r.reqs {
			if strings.HasSuffix(q.path, suffix) {
				list = append(list, q)
			}
		}
		slices.SortFunc(list, func(a, b reqTime) int { return a.start.Compare(b.start) })
		var total time.Duration
		for i := 1; i < len(list); i++ {
			g := list[i].start.Sub(list[i-1].end)
			total += g
			maxGap = max(maxGap, g)
		}
		return total
	}
	return sum(apiKeysPath), sum(sshKeysPath), maxGap
}

// timedBody calls done once, when the body is closed.
type timedBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *timedBody) Close() error {
	b.once.Do(b.done)
	return b.ReadCloser.Close()
}

// --- the report -------------------------------------------------------------------

// report prints the medians and the verdicts; it reports whether every
// target was met.
func report(w io.Writer, o options, seqs []seqResult, dashes []dashResult) bool {
	s, d := seqs[len(seqs)-1], dashes[len(dashes)-1] // counts are the same every round
	seqT := median(mapf(seqs, func(r seqResult) time.Duration { return r.elapsed }))
	dashT := median(mapf(dashes, func(r dashResult) time.Duration { return r.elapsed }))
	ratios := make([]float64, len(seqs))
	for i := range seqs {
		ratios[i] = seconds(dashes[i].elapsed) / seconds(seqs[i].elapsed)
	}
	ratio := median(ratios)
	perReq := seqT / time.Duration(s.requests)
	ideal := perReq * time.Duration(max(d.api.pages, d.ssh.pages))

	var frames []int64
	var moves []time.Duration
	for _, r := range dashes {
		frames = append(frames, r.frameBytes...)
		moves = append(moves, r.moveTimes...)
	}

	ok := true
	verdict := func(pass bool) string {
		if pass {
			return "PASS"
		}
		ok = false
		return "MISS"
	}

	fmt.Fprintf(w, "perftrial: %d round(s), page size %d, medians over rounds\n", o.rounds, pageSize)
	fmt.Fprintf(w, "  sequential walk  %6d API keys (%d pages) + %d SSH keys (%d pages), %d requests over %d connection(s)\n",
		s.apiItems, s.apiPages, s.sshItems, s.sshPages, s.requests, s.conns)
	fmt.Fprintf(w, "  dashboard loader %6d API keys (%d pages) + %d SSH keys (%d pages), %d requests (with credits) over %d connection(s)\n",
		d.api.items, d.api.pages, d.ssh.items, d.ssh.pages, d.requests, d.conns)
	fmt.Fprintf(w, "  sequential time  %s   (%s per request)   rounds: %s\n", ms(seqT), ms(perReq),
		join(mapf(seqs, func(r seqResult) string { return ms(r.elapsed) })))
	fmt.Fprintf(w, "  dashboard time   %s   (ideal max(pages) × per request: %s)   rounds: %s\n", ms(dashT), ms(ideal),
		join(mapf(dashes, func(r dashResult) string { return ms(r.elapsed) })))
	fmt.Fprintf(w, "  ratio            %.3f   (target ≤ %.2f, floor %.2f)   rounds: %s   %s\n", ratio, targetRatio, floorRatio,
		join(mapf(ratios, func(r float64) string { return fmt.Sprintf("%.3f", r) })), verdict(ratio <= targetRatio))
	fmt.Fprintf(w, "  while loading    %d messages; Update %s + View %s on the event loop; slowest message %s\n",
		median(mapf(dashes, func(r dashResult) int { return r.msgs })),
		ms(median(mapf(dashes, func(r dashResult) time.Duration { return r.updateTime }))),
		ms(median(mapf(dashes, func(r dashResult) time.Duration { return r.viewTime }))),
		ms(median(mapf(dashes, func(r dashResult) time.Duration { return r.slowest }))))
	fmt.Fprintf(w, "  client gaps      API keys %s, SSH keys %s between a page's response and the next request (largest %s)\n",
		ms(median(mapf(dashes, func(r dashResult) time.Duration { return r.apiGap }))),
		ms(median(mapf(dashes, func(r dashResult) time.Duration { return r.sshGap }))),
		ms(median(mapf(dashes, func(r dashResult) time.Duration { return r.maxGap }))))
	fmt.Fprintf(w, "  cursor move (j)  Update+View %s median, %s max over %d moves (target ≤ %s)   %s\n",
		us(median(moves)), us(slices.Max(moves)), len(moves), us(targetUpdate), verdict(median(moves) <= targetUpdate))
	fmt.Fprintf(w, "  frame for j      %d bytes median, %d–%d over %d moves (%dx%d, 256 colours, alt screen)\n",
		median(frames), slices.Min(frames), slices.Max(frames), len(frames), o.width, o.height)
	return ok
}

func median[T cmp.Ordered](v []T) T {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

func mapf[T, U any](v []T, f func(T) U) []U {
	out := make([]U, len(v))
	for i, x := range v {
		out[i] = f(x)
	}
	return out
}

func join(v []string) string { return strings.Join(v, " ") }

func seconds(d time.Duration) float64 { return d.Seconds() }

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func us(d time.Duration) string { return fmt.Sprintf("%d µs", d.Microseconds()) }

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
