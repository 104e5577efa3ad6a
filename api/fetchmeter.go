package api

import (
	"context"
	"io"
	"sync/atomic"
)

// fetchMeter counts the response bodies of one walk (WalkGuard.Start),
// its concurrent requests and retries together, and the items the walk
// keeps (WalkGuard.Take).
type fetchMeter struct {
	walk, page int64 // the caps: in all, in one answer
	read       atomic.Int64
	// shared marks the one budget of several walks (ShareWalkBytes).
	shared bool
}

type fetchMeterKey struct{}

func withFetchMeter(ctx context.Context, m *fetchMeter) context.Context {
	return context.WithValue(ctx, fetchMeterKey{}, m)
}

// MeterBody returns body counted against the byte caps of the walk whose
// context ctx is (WalkGuard.Start), or body itself outside a walk. Past
// either cap the reader fails with a *CapError (CapPageBytes, CapBytes),
// which a client returns as it is and never retries: reading stops there,
// so a walk never holds more than its caps of answers, however many
// requests it has in flight.
func MeterBody(ctx context.Context, body io.Reader) io.Reader {
	m, ok := ctx.Value(fetchMeterKey{}).(*fetchMeter)
	if !ok {
		return body
	}
	return &meteredBody{r: body, m: m}
}

// meteredBody is one answer read under a fetchMeter.
type meteredBody struct {
	r io.Reader
	m *fetchMeter
	n int64 // read of this answer
}

func (b *meteredBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.n += int64(n)
	read := b.m.read.Add(int64(n))
	switch {
	case b.n > b.m.page:
		return n, &CapError{Kind: CapPageBytes, Limit: b.m.page}
	case read > b.m.walk:
		return n, &CapError{Kind: CapBytes, Limit: b.m.walk}
	}
	return n, err
}
