package main

// The report: medians over the rounds and the verdicts.

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// report prints the medians and the verdicts; it reports whether every
// target was met.
func report(w io.Writer, o options, seqs []seqResult, dashes []dashResult) bool {
	s, d := seqs[len(seqs)-1], dashes[len(dashes)-1] // counts are the same every round
	seqT := median(mapf(seqs, func(r seqResult) time.Duration { return r.elapsed }))
	dashT := median(mapf(dashes, func(r dashResult) time.Duration { return r.elapsed }))
	ratios := ratiosOf(mapf(dashes, func(r dashResult) time.Duration { return r.elapsed }), mapf(seqs, func(r seqResult) time.Duration { return r.elapsed }))
	ratio := median(ratios)
	perReq := seqT / time.Duration(s.requests)
	ideal := perReq * time.Duration(max(d.api.pages, d.ssh.pages))

	var frames []int64
	var moves []time.Duration
	for _, r := range dashes {
		frames = append(frames, r.frameBytes...)
		moves = append(moves, r.moveTimes...)
	}

	var v verdicts
	verdict := v.of

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
	return !v.missed
}

// verdicts marks each target met ("PASS") or missed ("MISS") and
// remembers whether any was missed.
type verdicts struct{ missed bool }

func (v *verdicts) of(pass bool) string {
	if pass {
		return "PASS"
	}
	v.missed = true
	return "MISS"
}

// ratiosOf is dash[i]/seq[i] for each round.
func ratiosOf(dash, seq []time.Duration) []float64 {
	ratios := make([]float64, len(seq))
	for i := range seq {
		ratios[i] = seconds(dash[i]) / seconds(seq[i])
	}
	return ratios
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
