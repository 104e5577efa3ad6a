package openrouter

import (
	"context"
	"fmt"
	"iter"
	"strconv"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// MaxInFlight is the most list requests a walk has in flight at once.
const MaxInFlight = 8

// KeyPages walks every API key, disabled ones included (a disabled key must
// never vanish from the dashboard), one page at a time in the server's
// order. Each request gets its own deadline of timeout within ctx
// (api.PageTimeout when timeout is 0 or less), retries included.
//
// The paging rule: the first page is asked for alone, and its length is
// the page size P (OpenRouter documents 100, but the walk does not rely on
// it). Offsets are then computable, so pages P, 2P, 3P, … are fetched
// concurrently, at most MaxInFlight at once, and yielded in order. The
// first page shorter than P (an empty one included) is the last: nothing
// past it is asked for, and requests already in flight past it are
// cancelled. An empty first page is the whole list. No offset is asked for
// twice (an api.CursorGuard on the offsets, which also bounds the walk at
// api.MaxPages), and a page of keys all listed before stops the walk with
// ErrRepeatedPage (a server that ignores the offset). A key that an
// earlier page listed is dropped: a key created during the walk pushes the
// others one place down, and the key at a page boundary would otherwise be
// listed twice. (A key deleted during the walk pulls them up instead, and
// one key may then be missed until the next list.) Keys of one page that
// share a hash are all passed on: they are different keys, which the
// Account marks (api.UniqueKeyIDs).
//
// The walk stops at the first error, which it yields after every page
// before it; the consumer stopping early, or an error, cancels the
// requests in flight.
func (c *Client) KeyPages(ctx context.Context, timeout time.Duration) iter.Seq2[[]APIKey, error] {
	fetch := func(ctx context.Context, offset int) ([]APIKey, error) {
		return c.ListKeys(ctx, ListOptions{IncludeDisabled: true, Offset: offset})
	}
	return walkOffsets(ctx, timeout, MaxInFlight, fetch, func(k APIKey) string { return k.Hash })
}

// ErrRepeatedPage is what a walk stops with when a page holds only keys
// that earlier pages listed: the server did not honour the offset.
var ErrRepeatedPage = fmt.Errorf("%w: a page repeated the keys of earlier ones", api.ErrCursorLoop)

// offsetPage is one page's answer in an offset walk.
type offsetPage[T any] struct {
	index int // the page number: offset / page size
	items []T
	err   error
}

// walkOffsets is the concurrent offset walker behind KeyPages (see there
// for the rule); workers is the most requests in flight, id a key to
// deduplicate items by.
func walkOffsets[T any](ctx context.Context, timeout time.Duration, workers int, fetch func(context.Context, int) ([]T, error), id func(T) string) iter.Seq2[[]T, error] {
	if timeout <= 0 {
		timeout = api.PageTimeout
	}
	return func(yield func([]T, error) bool) {
		var guard api.CursorGuard
		seen := &seenItems[T]{id: id, seen: map[string]bool{}}

		guard.Next("0")
		pctx, cancel := context.WithTimeout(ctx, timeout)
		first, err := fetch(pctx, 0)
		cancel()
		if err != nil {
			yield(nil, err)
			return
		}
		if !yield(seen.fresh(first), nil) || len(first) == 0 {
			return
		}

		w := &offsetWalk[T]{size: len(first), next: 1, end: -1, guard: &guard, fetch: fetch, timeout: timeout,
			cancels: map[int]context.CancelFunc{}, results: make(chan offsetPage[T], workers),
			window: make(chan struct{}, workers)}
		stop := w.start(ctx, workers)
		defer stop()
		w.yieldInOrder(ctx, seen, yield)
	}
}

// seenItems deduplicates the items of one walk by id, page against page.
type seenItems[T any] struct {
	id   func(T) string
	seen map[string]bool
}

// fresh drops the items whose id an earlier page had. Items of this page
// that share an id all stay: one page never lists a key twice, so they
// are different keys.
func (s *seenItems[T]) fresh(items []T) []T {
	out := items[:0:0]
	for _, it := range items {
		if !s.seen[s.id(it)] {
			out = append(out, it)
		}
	}
	for _, it := range out {
		s.seen[s.id(it)] = true
	}
	return out
}

// start runs workers goroutines that ask for pages 1, 2, … and deliver
// them on w.results, which is closed when the last worker leaves. The
// function it returns cancels what is in flight and waits for every
// worker to deliver its last answer and leave; it must run however the
// walk ends.
func (w *offsetWalk[T]) start(ctx context.Context, workers int) (stop func()) {
	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.work(wctx)
		}()
	}
	go func() {
		wg.Wait()
		close(w.results)
	}()
	return func() {
		cancel()
		for range w.results {
		}
	}
}

// yieldInOrder yields the workers' pages in page order, from page 1, until
// a short page, an error, a page of repeated keys (ErrRepeatedPage) or
// the consumer stops.
func (w *offsetWalk[T]) yieldInOrder(ctx context.Context, seen *seenItems[T], yield func([]T, error) bool) {
	pending := map[int]offsetPage[T]{}
	for want := 1; ; {
		p, ok := pending[want]
		if !ok {
			r, open := <-w.results
			if !open {
				// Page want is always asked for unless ctx ended first.
				if err := ctx.Err(); err != nil {
					yield(nil, err)
				}
				return
			}
			pending[r.index] = r
			continue
		}
		delete(pending, want)
		<-w.window // page want is taken: another may start
		if p.err != nil {
			yield(nil, p.err)
			return
		}
		page := seen.fresh(p.items)
		if len(page) == 0 && len(p.items) > 0 {
			// A page of keys all listed already: the server ignores
			// the offset, and would be asked again up to MaxPages.
			yield(nil, ErrRepeatedPage)
			return
		}
		if len(page) > 0 && !yield(page, nil) {
			return
		}
		if len(p.items) < w.size {
			return
		}
		want++
	}
}

// offsetWalk is the shared state of the workers of one walk.
type offsetWalk[T any] struct {
	size    int // the page size: the first page's length
	fetch   func(context.Context, int) ([]T, error)
	timeout time.Duration
	results chan offsetPage[T]
	// window holds a place for every page asked for and not yet taken in
	// order by yieldInOrder: at most workers pages are ever ahead of the
	// consumer, so a server that repeats its pages is asked at most
	// 1 + 2×workers times before the walk sees it (a slow page holds
	// the others back rather than letting them run far ahead).
	window chan struct{}

	mu    sync.Mutex
	next  int // the next page to ask for, once started: 1, 2, …
	end   int // the last page the walk needs (-1 while unknown)
	guard *api.CursorGuard
	// cancels are the deadlines of the requests in flight, by page.
	cancels map[int]context.CancelFunc
}

// work asks for the next page until the end is known and reached, or the
// walk is cancelled, and delivers every answer, errors included.
func (w *offsetWalk[T]) work(ctx context.Context) {
	for {
		select {
		case w.window <- struct{}{}:
		case <-ctx.Done():
			return
		}
		w.mu.Lock()
		k := w.next
		if ctx.Err() != nil || (w.end >= 0 && k > w.end) {
			w.mu.Unlock()
			<-w.window // nothing was asked for
			return
		}
		w.next++
		offset := k * w.size
		if err := w.guard.Next(strconv.Itoa(offset)); err != nil {
			w.stopAfter(k)
			w.mu.Unlock()
			w.results <- offsetPage[T]{index: k, err: err}
			return
		}
		pctx, cancel := context.WithTimeout(ctx, w.timeout)
		w.cancels[k] = cancel
		w.mu.Unlock()

		items, err := w.fetch(pctx, offset)

		w.mu.Lock()
		delete(w.cancels, k)
		cancel()
		if err != nil || len(items) < w.size {
			w.stopAfter(k)
		}
		w.mu.Unlock()
		w.results <- offsetPage[T]{index: k, items: items, err: err}
	}
}

// stopAfter records that no page after k is needed (k is short, or failed)
// and cancels the requests in flight for such pages. It runs with w.mu
// held.
func (w *offsetWalk[T]) stopAfter(k int) {
	if w.end >= 0 && w.end <= k {
		return
	}
	w.end = k
	for i, cancel := range w.cancels {
		if i > k {
			cancel()
		}
	}
}
