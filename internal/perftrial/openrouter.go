package main

// The OpenRouter part of the trial: against `targon-dash demo-server
// --provider openrouter --api-keys 10000 --latency 50ms`, each round times
//
//   - sequential: one openrouter.Client over ONE kept-alive connection asks
//     for GET /keys?include_disabled=true&offset=0, 100, 200, … one at a
//     time, until a page shorter than 100;
//   - dashboard: the real root model, ui.New, headless as in the Targon
//     part, on an openrouter Account (the account's Keys walk, as the API
//     keys view's loader pulls it), from start until Update has returned
//     for the last page.
//
// The target is a dashboard/sequential ratio ≤ 0.2. From the dashboard's
// own requests (counted on the client side, from sending a request to
// closing its response body, so a request counts as in flight for at least
// as long as the server sees it) it also checks that at most 8 list
// requests were in flight at once and that no offset was asked for twice.

import (
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

// orPageSize is OpenRouter's page of GET /keys.
const orPageSize = 100

// orKeysPath is the list endpoint, to tell its requests apart.
const orKeysPath = "/keys"

// orSeqResult is one sequential offset walk.
type orSeqResult struct {
	timing
	items, pages  int
	duplicateKeys int // keys listed on two pages (a server ignoring the offset would show here)
}

// orDashResult is one dashboard load and what its list requests did.
type orDashResult struct {
	dashResult
	listRequests int      // GET /keys requests sent, cancelled ones included
	offsets      []int    // the offsets asked for, in order of sending
	repeated     []int    // offsets asked for more than once
	pastEnd      int      // offsets beyond the last page (cancelled or empty)
	maxInFlight  int      // most GET /keys requests in flight at once
	lastOffset   int      // the offset of the last page
	others       []string // the other requests (credits, current key), by path
}

// runOpenRouter is the OpenRouter part: rounds of a sequential offset walk
// and a dashboard load, then the report. It returns run's exit status.
func runOpenRouter(o options) int {
	return trial[orSeqResult, orDashResult]{
		name:       "OpenRouter ",
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
		report: orReport,
	}.run(o)
}

// orSequential walks every page of GET /keys by offset, one request at a
// time over one kept-alive connection.
func orSequential(o options) (orSeqResult, error) {
	var res orSeqResult
	var err error
	res.timing, err = oneByOne(o, o.orClient, func(ctx context.Context, c *openrouter.Client) error {
		seen := make(map[string]bool)
		for offset := 0; ; offset += orPageSize {
			page, err := c.ListKeys(ctx, openrouter.ListOptions{IncludeDisabled: true, Offset: offset})
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
	})
	return res, err
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
	res.lastOffset = (d.api.pages - 1) * orPageSize

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
	asked := make(map[int]int)
	for _, q := range list {
		v, err := url.ParseQuery(q.query)
		if err != nil || v.Get("include_disabled") != "true" {
			return res, fmt.Errorf("a list request without include_disabled=true: ?%s", q.query)
		}
		off := 0
		if s := v.Get("offset"); s != "" {
			if _, err := fmt.Sscan(s, &off); err != nil {
				return res, fmt.Errorf("offset %q: %v", s, err)
			}
		}
		res.offsets = append(res.offsets, off)
		if asked[off]++; asked[off] == 2 {
			res.repeated = append(res.repeated, off)
		}
		if off > res.lastOffset {
			res.pastEnd++
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

// orReport prints the OpenRouter medians and verdicts; it reports whether
// every target was met.
func orReport(w io.Writer, o options, seqs []orSeqResult, dashes []orDashResult) bool {
	s, d := seqs[len(seqs)-1], dashes[len(dashes)-1]
	seqT := median(mapf(seqs, func(r orSeqResult) time.Duration { return r.elapsed }))
	dashT := median(mapf(dashes, func(r orDashResult) time.Duration { return r.elapsed }))
	ratios := ratiosOf(mapf(dashes, func(r orDashResult) time.Duration { return r.elapsed }), mapf(seqs, func(r orSeqResult) time.Duration { return r.elapsed }))
	ratio := median(ratios)
	perReq := seqT / time.Duration(s.requests)
	// The first page alone, then the rest MaxInFlight at a time.
	ideal := perReq * time.Duration(1+(s.pages-1+orTargetInFlight-1)/orTargetInFlight)
	maxIn := slices.Max(mapf(dashes, func(r orDashResult) int { return r.maxInFlight }))
	var repeated []int
	for _, r := range dashes {
		repeated = append(repeated, r.repeated...)
	}
	var moves []time.Duration
	for _, r := range dashes {
		moves = append(moves, r.moveTimes...)
	}

	var v verdicts
	verdict := v.of
	fmt.Fprintf(w, "perftrial (OpenRouter): %d round(s), offset pages of %d, include_disabled=true, medians over rounds\n", o.rounds, orPageSize)
	fmt.Fprintf(w, "  sequential walk  %6d keys (%d pages), %d requests over %d connection(s)\n", s.items, s.pages, s.requests, s.conns)
	fmt.Fprintf(w, "  dashboard loader %6d keys (%d pages), %d list requests (+%d others: %s) over %d connection(s); the real root model headless, the account's Keys walk\n",
		d.api.items, d.api.pages, d.listRequests, len(d.others), strings.Join(uniq(d.others), ", "), d.conns)
	fmt.Fprintf(w, "  sequential time  %s   (%s per request)   rounds: %s\n", ms(seqT), ms(perReq),
		join(mapf(seqs, func(r orSeqResult) string { return ms(r.elapsed) })))
	fmt.Fprintf(w, "  dashboard time   %s   (ideal: 1 + pages/%d rounds × per request: %s)   rounds: %s\n", ms(dashT), orTargetInFlight, ms(ideal),
		join(mapf(dashes, func(r orDashResult) string { return ms(r.elapsed) })))
	fmt.Fprintf(w, "  ratio            %.3f   (target ≤ %.2f)   rounds: %s   %s\n", ratio, orTargetRatio,
		join(mapf(ratios, func(r float64) string { return fmt.Sprintf("%.3f", r) })), verdict(ratio <= orTargetRatio))
	fmt.Fprintf(w, "  in flight        %d list requests at most (target ≤ %d; counted on the client)   rounds: %s   %s\n", maxIn, orTargetInFlight,
		join(mapf(dashes, func(r orDashResult) string { return fmt.Sprint(r.maxInFlight) })), verdict(maxIn <= orTargetInFlight))
	fmt.Fprintf(w, "  pages            %d offsets asked for per load, %d of them twice; %d past the last page (cancelled or empty)   %s\n",
		len(d.offsets), len(repeated), d.pastEnd, verdict(len(repeated) == 0))
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
