package openrouter_test

import (
	"context"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

// BenchmarkKeys10000At50ms lists 10,000 keys from the simulator at 50 ms a
// request, concurrently (Account.Keys) and as a sequential offset walk over
// one connection, and reports both and their ratio (the target is ≤ 0.2).
// Run it with -run '^$' -bench Keys10000 -benchtime 1x.
func BenchmarkKeys10000At50ms(b *testing.B) {
	sim := openroutertest.New(openroutertest.WithKeys(10_000), openroutertest.WithLatency(50*time.Millisecond))
	base := serve(b, sim)
	a, err := openrouter.New(base, sim.DemoManagementKey())
	if err != nil {
		b.Fatal(err)
	}
	var conc, seq time.Duration
	for b.Loop() {
		start := time.Now()
		n := 0
		for page, err := range a.Keys(context.Background()) {
			if err != nil {
				b.Fatal(err)
			}
			n += len(page)
		}
		conc += time.Since(start)
		start = time.Now()
		m := len(sequential(b, base, sim.DemoManagementKey()))
		seq += time.Since(start)
		if n != 10_000 || m != 10_000 {
			b.Fatalf("listed %d and %d keys", n, m)
		}
	}
	ratio := float64(conc) / float64(seq)
	b.ReportMetric(float64(conc.Milliseconds())/float64(b.N), "concurrent-ms")
	b.ReportMetric(float64(seq.Milliseconds())/float64(b.N), "sequential-ms")
	b.ReportMetric(ratio, "ratio")
	b.Logf("10,000 keys at 50 ms a request: concurrent %v, sequential over one connection %v, ratio %.3f, max in flight %d",
		conc/time.Duration(b.N), seq/time.Duration(b.N), ratio, sim.MaxInFlight())
}
