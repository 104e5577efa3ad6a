package main

// What the Targon and the OpenRouter parts of the trial do alike: rounds
// of a sequential walk and a dashboard load, timed and counted the same way.

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// timing is how long one walk or load took and what it sent: the HTTP
// requests (retries included) and the TCP connections it opened.
type timing struct {
	elapsed  time.Duration
	requests int
	conns    int
}

// times is t itself, for the results that embed a timing.
func (t timing) times() timing { return t }

// timed is a result that embeds a timing.
type timed interface{ times() timing }

// trial is one provider's part: rounds of a sequential walk and a
// dashboard load, checked against each other, then the report.
type trial[S, D timed] struct {
	// name goes before "round" in progress lines and into errors: "" for
	// Targon, "OpenRouter ".
	name string
	// walk is what progress calls the sequential walk.
	walk       string
	sequential func(options) (S, error)
	dashboard  func(options) (D, error)
	// sent is what progress says a dashboard load sent: "(213 requests)".
	sent func(D) string
	// disagree says how the two walks' counts differ, "" when they agree.
	disagree func(S, D) string
	// report prints the medians and verdicts; it reports whether every
	// target was met.
	report func(io.Writer, options, []S, []D) bool
}

// run runs the part and returns run's exit status: 0 when every target is
// met, 3 when one is missed, 1 on an error.
func (t trial[S, D]) run(o options) int {
	seqs, dashes, err := t.rounds(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "perftrial:", err)
		return 1
	}
	if t.report(os.Stdout, o, seqs, dashes) {
		return 0
	}
	return 3
}

// rounds runs o.rounds rounds, each a sequential walk and then a dashboard
// load, and stops at the first error or disagreement.
func (t trial[S, D]) rounds(o options) (seqs []S, dashes []D, err error) {
	for r := 1; r <= o.rounds; r++ {
		progress("%sround %d/%d: %s…", t.name, r, o.rounds, t.walk)
		s, err := t.sequential(o)
		if err != nil {
			return nil, nil, fmt.Errorf("%ssequential walk: %w", t.name, err)
		}
		st := s.times()
		progress("%sround %d/%d: sequential %s (%d requests); dashboard load…", t.name, r, o.rounds, ms(st.elapsed), st.requests)
		d, err := t.dashboard(o)
		if err != nil {
			return nil, nil, fmt.Errorf("%sdashboard: %w", t.name, err)
		}
		dt := d.times()
		progress("%sround %d/%d: dashboard %s %s, ratio %.3f", t.name, r, o.rounds, ms(dt.elapsed), t.sent(d), seconds(dt.elapsed)/seconds(st.elapsed))
		if why := t.disagree(s, d); why != "" {
			return nil, nil, fmt.Errorf("the %swalks disagree: %s", t.name, why)
		}
		seqs, dashes = append(seqs, s), append(dashes, d)
	}
	return seqs, dashes, nil
}

// oneByOne times walk on the client newClient makes over one kept-alive
// connection (MaxConnsPerHost 1: one request at a time), within o.timeout,
// and counts the requests and connections it used.
func oneByOne[C any](o options, newClient func(*http.Client) (C, error), walk func(context.Context, C) error) (timing, error) {
	hc, rec, done := countedClient(&http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1})
	defer done()
	c, err := newClient(hc)
	if err != nil {
		return timing{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	start := time.Now()
	if err := walk(ctx, c); err != nil {
		return timing{}, err
	}
	t := timing{elapsed: time.Since(start)}
	t.requests, t.conns = rec.count()
	return t, nil
}

// loadOn loads the dashboard (load) on the session that session makes of
// the client newClient makes over a fresh pool with the settings of
// http.DefaultTransport, which is what the binary's client uses; only the
// dialer is wrapped, to count. rec has the load's requests.
func loadOn[C any](o options, newClient func(*http.Client) (C, error), session func(C) *api.Session, wantSSH bool) (d dashResult, rec *recorder, err error) {
	hc, rec, done := countedClient(http.DefaultTransport.(*http.Transport).Clone())
	defer done()
	c, err := newClient(hc)
	if err != nil {
		return dashResult{}, rec, err
	}
	d, err = load(o, session(c), rec, wantSSH)
	return d, rec, err
}
