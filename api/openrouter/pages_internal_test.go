package openrouter

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// fakeList is a list endpoint in memory: page(offset) says what each
// offset answers; an offset for which it returns block waits until its
// request is cancelled. It counts requests in flight and cancellations.
type fakeList struct {
	page func(offset int) (items []string, err error, block bool)

	mu                     sync.Mutex
	offsets                []int
	inFlight, maxInFlight  int
	blocked, cancelledSeen int
}

func (f *fakeList) fetch(ctx context.Context, offset int) ([]string, error) {
	f.mu.Lock()
	f.offsets = append(f.offsets, offset)
	f.inFlight++
	f.maxInFlight = max(f.maxInFlight, f.inFlight)
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.inFlight--
		f.mu.Unlock()
	}()
	items, err, block := f.page(offset)
	if !block {
		// Yield the processor so that the workers really overlap.
		time.Sleep(time.Millisecond)
		return items, err
	}
	f.mu.Lock()
	f.blocked++
	f.mu.Unlock()
	<-ctx.Done()
	f.mu.Lock()
	f.cancelledSeen++
	f.mu.Unlock()
	return nil, ctx.Err()
}

// walk runs the walker over f, stopping after stopAfter pages (0: never),
// and returns the pages and the error it yielded.
func (f *fakeList) walk(stopAfter int) ([][]string, error) {
	var pages [][]string
	for page, err := range walkOffsets(context.Background(), api.WalkLimits{PageTimeout: time.Minute}, MaxInFlight, f.fetch, func(s string) string { return s }) {
		if err != nil {
			return pages, err
		}
		pages = append(pages, page)
		if stopAfter > 0 && len(pages) == stopAfter {
			break
		}
	}
	return pages, nil
}

// items makes n keys starting at from.
func items(from, n int) []string {
	var out []string
	for i := from; i < from+n; i++ {
		out = append(out, fmt.Sprintf("k%05d", i))
	}
	return out
}

// A server with pages of 37 (not the documented 100) and 37*20+5 keys:
// every key once, in order, each offset asked for once, at most
// MaxInFlight at a time, and nothing after the short page.
func TestWalkPageSizeFromFirstPage(t *testing.T) {
	const size, total = 37, 37*20 + 5
	f := &fakeList{page: func(off int) ([]string, error, bool) {
		return items(off, max(0, min(size, total-off))), nil, false
	}}
	pages, err := f.walk(0)
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Concat(pages...); !slices.Equal(got, items(0, total)) {
		t.Fatalf("%d keys, want %d in order", len(got), total)
	}
	seen := map[int]bool{}
	for _, off := range f.offsets {
		if seen[off] || off%size != 0 || off > total+MaxInFlight*size {
			t.Errorf("offset %d asked for (twice, or off the page grid, or far past the end)", off)
		}
		seen[off] = true
	}
	if f.maxInFlight > MaxInFlight || f.maxInFlight < 2 {
		t.Errorf("max in flight %d, want 2..%d", f.maxInFlight, MaxInFlight)
	}
}

// The first page alone, full or short, and an empty account.
func TestWalkOnePage(t *testing.T) {
	for _, n := range []int{0, 1, 100} {
		f := &fakeList{page: func(off int) ([]string, error, bool) {
			if off == 0 {
				return items(0, n), nil, false
			}
			return nil, nil, false
		}}
		pages, err := f.walk(0)
		if got := slices.Concat(pages...); err != nil || len(got) != n {
			t.Errorf("%d keys: got %d, %v", n, len(got), err)
		}
		if want := min(n, 1) + 1; n == 0 && len(f.offsets) != 1 || n > 0 && len(f.offsets) < want {
			t.Errorf("%d keys: offsets %v", n, f.offsets)
		}
	}
}

// The short page ends the walk; requests past it still in flight are
// cancelled before the walk returns.
func TestWalkShortPageCancelsPastIt(t *testing.T) {
	f := &fakeList{page: func(off int) ([]string, error, bool) {
		switch {
		case off < 50:
			return items(off, 10), nil, false
		case off == 50:
			return items(off, 3), nil, false
		}
		return nil, nil, true // past the end: never answers
	}}
	pages, err := f.walk(0)
	if got := slices.Concat(pages...); err != nil || !slices.Equal(got, items(0, 53)) {
		t.Fatalf("got %v, %v", got, err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.blocked != f.cancelledSeen || f.inFlight != 0 {
		t.Errorf("%d requests past the end, %d cancelled, %d still in flight", f.blocked, f.cancelledSeen, f.inFlight)
	}
}

// A consumer that stops early cancels every request in flight.
func TestWalkEarlyStopCancels(t *testing.T) {
	f := &fakeList{page: func(off int) ([]string, error, bool) {
		if off <= 10 {
			return items(off, 10), nil, false
		}
		return nil, nil, true
	}}
	pages, err := f.walk(2)
	if err != nil || len(pages) != 2 {
		t.Fatalf("pages %v, %v", pages, err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.blocked == 0 || f.blocked != f.cancelledSeen || f.inFlight != 0 || f.maxInFlight > MaxInFlight {
		t.Errorf("%d blocked, %d cancelled, %d in flight, max %d", f.blocked, f.cancelledSeen, f.inFlight, f.maxInFlight)
	}
}

// An error yields every page before it, then the error, and cancels the
// requests past it.
func TestWalkErrorInOrder(t *testing.T) {
	boom := errors.New("boom")
	f := &fakeList{page: func(off int) ([]string, error, bool) {
		switch {
		case off < 30:
			return items(off, 10), nil, false
		case off == 30:
			return nil, boom, false
		}
		return nil, nil, true
	}}
	pages, err := f.walk(0)
	if !errors.Is(err, boom) || !slices.Equal(slices.Concat(pages...), items(0, 30)) {
		t.Fatalf("pages %v, err %v", pages, err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.blocked != f.cancelledSeen || f.inFlight != 0 {
		t.Errorf("%d blocked, %d cancelled, %d in flight", f.blocked, f.cancelledSeen, f.inFlight)
	}
}

// A key created during the walk pushes the others down one place: the key
// at the boundary is listed once. A server that ignores the offset stops
// the walk with ErrRepeatedPage instead of looping to MaxPages.
func TestWalkDedupeAndRepeatedPage(t *testing.T) {
	f := &fakeList{page: func(off int) ([]string, error, bool) {
		if off == 0 {
			return items(0, 10), nil, false
		}
		return items(off-1, max(0, min(10, 25-(off-1)))), nil, false // shifted by one
	}}
	pages, err := f.walk(0)
	if got := slices.Concat(pages...); err != nil || !slices.Equal(got, items(0, 25)) {
		t.Errorf("shifted: %v, %v", got, err)
	}
	g := &fakeList{page: func(off int) ([]string, error, bool) { return items(0, 10), nil, false }}
	if _, err := g.walk(0); !errors.Is(err, api.ErrRepeatedPage) || len(g.offsets) > 1+MaxInFlight*2 {
		t.Errorf("offset ignored: %v after %d requests", err, len(g.offsets))
	}
}
