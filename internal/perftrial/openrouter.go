package main

// The OpenRouter part of the trial: against `targon-dash demo-server
// --provider openrouter --api-keys 10000 --latency 50ms` (whose demo
// account has a second workspace), and then against the simulator in this
// process with 10,000 keys over three workspaces (orworkspaces.go), each
// round times
//
//   - sequential: one openrouter.Client over ONE kept-alive connection
//     lists the workspaces (GET /workspaces) and then asks, workspace by
//     workspace, for GET /keys?include_disabled=true&workspace_id=…&offset=0,
//     100, 200, … one at a time, until a page shorter than 100;
//   - dashboard: the real root model, ui.New, headless as in the Targon
//     part, on an openrouter Account (the account's Keys walk over every
//     workspace, as the API keys view's loader pulls it), from start until
//     Update has returned for the last page.
//
// The target is a dashboard/sequential ratio ≤ 0.2 (≤ 0.25 over three
// workspaces). From the dashboard's own requests (counted on the client
// side, from sending a request to closing its response body, so a request
// counts as in flight for at least as long as the server sees it) it also
// checks that at most 8 list requests were in flight at once and that no
// page (a workspace and an offset) was asked for twice.

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/openrouter"
)

// OpenRouter targets from DESIGN.md.
const (
	orTargetRatio    = 0.2
	orTargetInFlight = openrouter.MaxInFlight // 8
)

// orCase is one OpenRouter case of the trial: its name in progress lines
// and the report, and its ratio target.
type orCase struct {
	name   string
	target float64
}

// orPageSize is OpenRouter's page of GET /keys.
const orPageSize = 100

// orKeysPath is the list endpoint, to tell its requests apart.
const orKeysPath = "/keys"

// orSeqResult is one sequential offset walk over every workspace.
type orSeqResult struct {
	timing
	workspaces    int
	items, pages  int // pages: GET /keys requests
	duplicateKeys int // keys listed on two pages (a server ignoring the offset would show here)
}

// orDashResult is one dashboard load and what its list requests did.
type orDashResult struct {
	dashResult
	listRequests int      // GET /keys requests sent, cancelled ones included
	pages        []string // the pages asked for ("workspace_id@offset"), in order of sending
	repeated     []string // pages asked for more than once
	maxInFlight  int      // most GET /keys requests in flight at once
	others       []string // the other requests (workspaces, credits, current key), by path
}

// runOpenRouter is the OpenRouter part against the demo server: rounds of
// a sequential offset walk and a dashboard load, then the report. It
// returns run's exit status.
func runOpenRouter(o options) int {
	return runORCase(o, orCase{name: "OpenRouter", target: orTargetRatio})
}

// runORCase runs one OpenRouter case against o.orURL.
func runORCase(o options, c orCase) int {
	return trial[orSeqResult, orDashResult]{
		name:       c.name + " ",
		walk:       "sequential offset walk",
		sequential: orSequential,
		dashboard:  orDashboard,
		sent: func(d orDashResult) string {
			return fmt.Sprintf("(%d list requests, %d in flight at most)", d.listRequests, d.maxInFlight)
		},
		disagree: func(s orSeqResult, d orDashResult) string {
			if d.api.items == s.items {
				return ""
			}
			return fmt.Sprintf("sequential %d keys, dashboard %d", s.items, d.api.items)
		},
		report: func(w io.Writer, o options, seqs []orSeqResult, dashes []orDashResult) bool {
			return orReport(w, o, c, seqs, dashes)
		},
	}.run(o)
}

// orSequential lists the workspaces, then walks every page of GET /keys
// of each by offset, one request at a time over one kept-alive connection.
func orSequential(o options) (orSeqResult, error) {
	var res orSeqResult
	var err error
	res.timing, err = oneByOne(o, o.orClient, func(ctx context.Context, c *openrouter.Client) error {
		var ws []openrouter.Workspace
		for page, err := range c.WorkspacePages(ctx, 0) {
			if err != nil {
				return fmt.Errorf("workspaces: %w", err)
			}
			ws = append(ws, page...)
		}
		res.workspaces = len(ws)
		seen := make(map[string]bool)
		for _, w := range ws {
			if err := orSequentialIn(ctx, c, w.ID, seen, &res); err != nil {
				return fmt.Errorf("workspace %s: %w", w.Name, err)
			}
		}
		return nil
	})
	return res, err
}

// orSequentialIn walks the keys of workspace ws one page at a time.
func orSequentialIn(ctx context.Context, c *openrouter.Client, ws string, seen map[string]bool, res *orSeqResult) error {
	for offset := 0; ; offset += orPageSize {
		page, err := c.ListKeys(ctx, openrouter.ListOptions{IncludeDisabled: true, Offset: offset, WorkspaceID: ws})
		if err != nil {
			return fmt.Errorf("offset %d: %w", offset, err)
		}
		res.pages++
		for _, k := range page {
			if seen[k.Hash] {
				res.duplicateKeys++
				continue
			}
			seen[k.Hash] = true
			res.items++
		}
		if len(page) < orPageSize {
			return nil
		}
	}
}

// orClient is a client of the OpenRouter API under trial, over hc.
func (o options) orClient(hc *http.Client) (*openrouter.Client, error) {
	return openrouter.NewClient(o.orURL, o.orKey, clientopt.WithHTTPClient(hc))
}

// orDashboard loads the key list with the real root model on an OpenRouter
// account, and reads the list requests it made from the recorder.
func orDashboard(o options) (orDashResult, error) {
	d, rec, err := loadOn(o, o.orClient, func(c *openrouter.Client) *api.Session {
		return &api.Session{Account: openrouter.NewAccount(c), Profile: "openrouter",
			Home: api.KeyHome{Source: api.KeyFromEnv, Env: "OPENROUTER_MANAGEMENT_KEY"}}
	}, false)
	if err != nil {
		return orDashResult{}, err
	}
	res := orDashResult{dashResult: d}

	rec.mu.Lock()
	reqs := slices.Clone(rec.reqs)
	rec.mu.Unlock()
	var list []reqTime
	for _, q := range reqs {
		if !strings.HasSuffix(q.path, orKeysPath) {
			res.others = append(res.others, q.path)
			continue
		}
		list = append(list, q)
	}
	slices.SortFunc(list, func(a, b reqTime) int { return a.start.Compare(b.start) })
	res.listRequests = len(list)
	asked := make(map[string]int)
	for _, q := range list {
		v, err := url.ParseQuery(q.query)
		if err != nil || v.Get("include_disabled") != "true" {
			return res, fmt.Errorf("a list request without include_disabled=true: ?%s", q.query)
		}
		page := v.Get("workspace_id") + "@" + cmp.Or(v.Get("offset"), "0")
		res.pages = append(res.pages, page)
		if asked[page]++; asked[page] == 2 {
			res.repeated = append(res.repeated, page)
		}
	}
	res.maxInFlight = maxOverlap(list)
	return res, nil
}

// maxOverlap is the most intervals [start, end) open at one instant.
func maxOverlap(reqs []reqTime) int {
	type event struct {
		at    time.Time
		delta int
	}
	var ev []event
	for _, q := range reqs {
		ev = append(ev, event{q.start, +1}, event{q.end, -1})
	}
	// At the same instant an end comes before a start.
	slices.SortFunc(ev, func(a, b event) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return a.delta - b.delta
	})
	n, most := 0, 0
	for _, e := range ev {
		n += e.delta
		most = max(most, n)
	}
	return most
}

// orReport prints the medians and verdicts of case c; it reports whether
// every target was met.
func orReport(w io.Writer, o options, c orCase, seqs []orSeqResult, dashes []orDashResult) bool {
	s, d := seqs[len(seqs)-1], dashes[len(dashes)-1]
	seqT := median(mapf(seqs, func(r orSeqResult) time.Duration { return r.elapsed }))
	dashT := median(mapf(dashes, func(r orDashResult) time.Duration { return r.elapsed }))
	ratios := ratiosOf(mapf(dashes, func(r orDashResult) time.Duration { return r.elapsed }), mapf(seqs, func(r orSeqResult) time.Duration { return r.elapsed }))
	ratio := median(ratios)
	perReq := seqT / time.Duration(s.requests)
	// The workspaces and the default's first page, the others' first
	// pages, then the rest MaxInFlight at a time.
	ideal := perReq * time.Duration(1+min(s.workspaces-1, 1)+(s.pages-s.workspaces+orTargetInFlight-1)/orTargetInFlight)
	maxIn := slices.Max(mapf(dashes, func(r orDashResult) int { return r.maxInFlight }))
	var repeated []string
	for _, r := range dashes {
		repeated = append(repeated, r.repeated...)
	}
	var moves []time.Duration
	for _, r := range dashes {
		moves = append(moves, r.moveTimes...)
	}

	var v verdicts
	verdict := v.of
	fmt.Fprintf(w, "perftrial (%s): %d round(s), offset pages of %d, include_disabled=true, medians over rounds\n", c.name, o.rounds, orPageSize)
	fmt.Fprintf(w, "  sequential walk  %6d keys (%d pages) in %d workspace(s), %d requests over %d connection(s)\n", s.items, s.pages, s.workspaces, s.requests, s.conns)
	fmt.Fprintf(w, "  dashboard loader %6d keys (%d pages), %d list requests (+%d others: %s) over %d connection(s); the real root model headless, the account's Keys walk\n",
		d.api.items, d.api.pages, d.listRequests, len(d.others), strings.Join(uniq(d.others), ", "), d.conns)
	fmt.Fprintf(w, "  sequential time  %s   (%s per request)   rounds: %s\n", ms(seqT), ms(perReq),
		join(mapf(seqs, func(r orSeqResult) string { return ms(r.elapsed) })))
	fmt.Fprintf(w, "  dashboard time   %s   (ideal: the first pages, then pages/%d rounds × per request: %s)   rounds: %s\n", ms(dashT), orTargetInFlight, ms(ideal),
		join(mapf(dashes, func(r orDashResult) string { return ms(r.elapsed) })))
	fmt.Fprintf(w, "  ratio            %.3f   (target ≤ %.2f)   rounds: %s   %s\n", ratio, c.target,
		join(mapf(ratios, func(r float64) string { return fmt.Sprintf("%.3f", r) })), verdict(ratio <= c.target))
	fmt.Fprintf(w, "  in flight        %d list requests at most (target ≤ %d; counted on the client)   rounds: %s   %s\n", maxIn, orTargetInFlight,
		join(mapf(dashes, func(r orDashResult) string { return fmt.Sprint(r.maxInFlight) })), verdict(maxIn <= orTargetInFlight))
	fmt.Fprintf(w, "  pages            %d pages asked for per load, %d of them twice; %d past the last page of a workspace (cancelled or empty)   %s\n",
		len(d.pages), len(repeated), d.listRequests-s.pages, verdict(len(repeated) == 0))
	fmt.Fprintf(w, "  cursor move (j)  Update+View %s median, %s max over %d moves (target ≤ %s)   %s\n",
		us(median(moves)), us(slices.Max(moves)), len(moves), us(targetUpdate), verdict(median(moves) <= targetUpdate))
	return !v.missed
}

// uniq is v sorted, without repeats.
func uniq(v []string) []string {
	s := slices.Clone(v)
	slices.Sort(s)
	return slices.Compact(s)
}
