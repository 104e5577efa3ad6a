package openrouter

import (
	"context"
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
// order, under the default caps of api.WalkLimits. Each request gets its
// own deadline of timeout within ctx (api.PageTimeout when timeout is 0 or
// less), retries included.
//
// The paging rule: the first page is asked for alone, and its length is
// the page size P (OpenRouter documents PageSize, but the walk does not
// rely on it). Offsets are then computable: when the first page is a full
// documented page, pages P, 2P, 3P, … are fetched concurrently, at most
// MaxInFlight at once, and yielded in order; otherwise page P is asked for
// alone, and the walk widens only if it comes back full — a small account
// costs one request past its end, not MaxInFlight. The first page shorter
// than P (an empty one included) is the last: nothing past it is asked
// for, and requests already in flight past it are cancelled. An empty
// first page is the whole list.
//
// An api.WalkGuard keeps the walk within its caps and out of loops: no
// offset is asked for twice, a page of keys all listed before stops the
// walk with api.ErrRepeatedPage (a server that ignores the offset), pages
// that keep repeating keys with api.ErrNotConverging, and a cap with an
// *api.CapError after the keys up to it. A key that an earlier page listed
// is dropped: a key created during the walk pushes the others one place
// down, and the key at a page boundary would otherwise be listed twice. (A
// key deleted during the walk pulls them up instead, and one key may then
// be missed until the next list.) Keys of one page that share a hash are
// all passed on: they are different keys, which the Account marks
// (api.UniqueKeyIDs).
//
// The walk stops at the first error, which it yields after every page
// before it; the consumer stopping early, or an error, cancels the
// requests in flight.
func (c *Client) KeyPages(ctx context.Context, timeout time.Duration) iter.Seq2[[]APIKey, error] {
	// The account's one list: the bytes of two (api.MaxWalkBytes).
	return c.keyPages(ctx, api.WalkLimits{PageTimeout: timeout, Bytes: 2 * api.MaxWalkBytes})
}

// keyPages is KeyPages under the caps lim.
func (c *Client) keyPages(ctx context.Context, lim api.WalkLimits) iter.Seq2[[]APIKey, error] {
	fetch := func(ctx context.Context, offset int) ([]APIKey, error) {
		return c.ListKeys(ctx, ListOptions{IncludeDisabled: true, Offset: offset})
	}
	return walkOffsets(ctx, lim, MaxInFlight, fetch, func(k APIKey) string { return k.Hash })
}

// PageSize is how many keys a page of GET /keys holds, as documented.
const PageSize = 100

// offsetPage is one page's answer in an offset walk.
type offsetPage[T any] struct {
	index int // the page number: offset / page size
	items []T
	err   error
}

// walkOffsets is the concurrent offset walker behind KeyPages (see there
// for the rule) under the caps lim; workers is the most requests in
// flight, id a key to deduplicate items by.
func walkOffsets[T any](ctx context.Context, lim api.WalkLimits, workers int, fetch func(context.Context, int) ([]T, error), id func(T) string) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		g := api.NewWalkGuard(lim)
		wctx, cancel := g.Start(ctx)
		defer cancel()
		w := &offsetWalk[T]{guard: g, fetch: fetch, timeout: g.Limits().PageTimeout, next: 1, end: -1,
			seen: &seenItems[T]{id: id, seen: map[string]bool{}}, id: id, workers: workers,
			cancels: map[int]context.CancelFunc{}, results: make(chan offsetPage[T], workers),
			window: make(chan struct{}, workers)}

		pctx, pcancel := context.WithTimeout(wctx, w.timeout)
		first, err := fetch(pctx, 0)
		pcancel()
		if err != nil {
			yield(nil, g.Err(wctx, err))
			return
		}
		page, err := w.take(first, len(first) == 0)
		if !yield(page, nil) || len(first) == 0 {
			return
		}
		if err != nil {
			yield(nil, err)
			return
		}
		w.size = len(first)
		stop := w.start(wctx, len(first) >= PageSize)
		defer stop()
		w.yieldInOrder(wctx, yield)
	}
}

// take checks one page with the walk's guard (its raw items for the loop
// checks, the fresh ones for the item cap) and returns the fresh items the
// list may hold, and the error that ends the walk, if any: after a loop,
// no items.
func (w *offsetWalk[T]) take(items []T, last bool) ([]T, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	ids := func(yield func(string) bool) {
		for _, it := range items {
			if !yield(w.id(it)) {
				return
			}
		}
	}
	if err := w.guard.Converge(ids, last); err != nil {
		return nil, err
	}
	page := w.seen.fresh(items)
	keep, err := w.guard.Take(len(page))
	return page[:keep], err
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

// start runs the workers that ask for pages 1, 2, … and deliver them on
// w.results, which is closed when the last worker leaves: w.workers of
// them when wide, else one until a page comes back full (widen). The
// function it returns cancels what is in flight and waits for every
// worker to deliver its last answer and leave; it must run however the
// walk ends.
func (w *offsetWalk[T]) start(ctx context.Context, wide bool) (stop func()) {
	wctx, cancel := context.WithCancel(ctx)
	w.ctx = wctx
	n := 1
	if wide {
		n, w.wide = w.workers, true
	}
	w.spawn(n)
	go func() {
		w.wg.Wait()
		close(w.results)
	}()
	return func() {
		cancel()
		for range w.results {
		}
	}
}

// spawn starts n more workers. It runs before the wait for them begins,
// or from a worker, which holds the wait open until they are counted.
func (w *offsetWalk[T]) spawn(n int) {
	w.wg.Add(n)
	for range n {
		go func() {
			defer w.wg.Done()
			w.work(w.ctx)
		}()
	}
}

// yieldInOrder yields the workers' pages in page order, from page 1, until
// a short page, an error, a loop or cap of the guard (take) or the
// consumer stops. ctx is the walk's (api.WalkGuard.Start).
func (w *offsetWalk[T]) yieldInOrder(ctx context.Context, yield func([]T, error) bool) {
	pending := map[int]offsetPage[T]{}
	for want := 1; ; {
		p, ok := pending[want]
		if !ok {
			r, open := <-w.results
			if !open {
				// Page want is always asked for unless ctx ended first.
				if err := ctx.Err(); err != nil {
					yield(nil, w.guard.Err(ctx, err))
				}
				return
			}
			pending[r.index] = r
			continue
		}
		delete(pending, want)
		<-w.window // page want is taken: another may start
		if p.err != nil {
			yield(nil, w.guard.Err(ctx, p.err))
			return
		}
		last := len(p.items) < w.size
		page, err := w.take(p.items, last)
		if len(page) > 0 && !yield(page, nil) {
			return
		}
		if err != nil {
			yield(nil, err)
			return
		}
		if last {
			return
		}
		want++
	}
}

// offsetWalk is the shared state of the workers of one walk.
type offsetWalk[T any] struct {
	size    int // the page size: the first page's length
	fetch   func(context.Context, int) ([]T, error)
	id      func(T) string
	timeout time.Duration
	results chan offsetPage[T]
	// window holds a place for every page asked for and not yet taken in
	// order by yieldInOrder: at most workers pages are ever ahead of the
	// consumer, so a server that repeats its pages is asked at most
	// 1 + 2×workers times before the walk sees it (a slow page holds
	// the others back rather than letting them run far ahead).
	window  chan struct{}
	workers int // the most workers, once widened
	ctx     context.Context
	wg      sync.WaitGroup

	mu    sync.Mutex
	next  int  // the next page to ask for, once started: 1, 2, …
	end   int  // the last page the walk needs (-1 while unknown)
	wide  bool // all the workers run
	guard *api.WalkGuard
	seen  *seenItems[T]
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
		switch {
		case err != nil || len(items) < w.size:
			w.stopAfter(k)
		case !w.wide:
			// A full page: the list goes on, so widen.
			w.wide = true
			w.spawn(w.workers - 1)
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
