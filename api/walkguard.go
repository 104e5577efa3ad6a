package api

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"time"
)

// ErrRepeatedPage is what a walk stops with when a page holds only items
// that earlier pages listed: the server ignores the cursor or offset.
var ErrRepeatedPage = fmt.Errorf("%w: a page repeated the items of earlier ones", ErrCursorLoop)

// ErrNotConverging is what a walk stops with when its pages keep repeating
// items (99 of 100 old, one new) or keep coming back empty while promising
// more: a list that would never end.
var ErrNotConverging = fmt.Errorf("%w: the pages kept repeating items", ErrCursorLoop)

// CapKind says which cap of WalkLimits stopped a walk.
type CapKind int

// The caps of a walk, as a CapError names them.
const (
	CapItems     CapKind = iota + 1 // WalkLimits.Items
	CapPages                        // WalkLimits.Pages
	CapBytes                        // WalkLimits.Bytes
	CapPageBytes                    // WalkLimits.PageBytes
	CapTime                         // WalkLimits.Time
)

// CapError is a walk stopped at one of its caps: the items it yielded
// before are the first part of the list, to be shown as such, and the walk
// is not started again by itself. Limit is the cap (items, pages, bytes;
// nanoseconds for CapTime).
type CapError struct {
	Kind  CapKind
	Limit int64
}

// Error says which cap was reached.
func (e *CapError) Error() string {
	n := strconv.FormatInt(e.Limit, 10)
	switch e.Kind {
	case CapItems:
		return "the server sent more than " + n + " items"
	case CapPages:
		return "the server sent more than " + n + " pages"
	case CapBytes:
		return "the server sent more than " + n + " bytes"
	case CapPageBytes:
		return "the server sent a page over " + n + " bytes"
	}
	return "listing took more than " + time.Duration(e.Limit).String()
}

// Is makes a CapError of kind CapPages match ErrTooManyPages.
func (e *CapError) Is(target error) bool { return target == ErrTooManyPages && e.Kind == CapPages }

// GaveUp reports whether err ended a walk that must not start again by
// itself (only the user's refresh does): a cap (*CapError) or a loop
// (ErrCursorLoop and what unwraps to it).
func GaveUp(err error) bool {
	var ce *CapError
	return errors.As(err, &ce) || errors.Is(err, ErrCursorLoop)
}

// maxStalls is how many pages in a row may bring nothing new while
// promising more before a walk gives up (ErrNotConverging).
const maxStalls = 3

// WalkGuard is what every walker checks as it goes, so that no walk
// exceeds its caps (WalkLimits) or loops: Start bounds its time and bytes,
// Next its cursors and pages, Converge its repeated items and Take the
// items the list may hold. Start a new guard for each walk. Its methods
// are not safe for concurrent use.
type WalkGuard struct {
	lim     WalkLimits
	meter   *fetchMeter
	cursors map[string]bool
	ids     map[string]struct{}
	items   int
	repeats int // items that earlier pages had listed
	stalls  int // pages in a row that brought nothing new
}

// NewWalkGuard returns the guard of one walk under lim (zero fields take
// their defaults).
func NewWalkGuard(lim WalkLimits) *WalkGuard {
	lim = lim.Defaults()
	return &WalkGuard{lim: lim, meter: &fetchMeter{walk: lim.Bytes, page: lim.PageBytes},
		cursors: map[string]bool{}, ids: map[string]struct{}{}}
}

// Limits are the guard's caps, defaults filled in.
func (g *WalkGuard) Limits() WalkLimits { return g.lim }

// Start returns the context of the walk: ctx ended at the walk's time cap
// and carrying its byte caps (MeterBody). Every request of the walk must
// use it (or a context made from it); cancel it when the walk ends.
func (g *WalkGuard) Start(ctx context.Context) (context.Context, context.CancelFunc) {
	if shared, ok := ctx.Value(fetchMeterKey{}).(*fetchMeter); ok && shared.shared {
		// One of several walks of one list (ShareWalkBytes): their bytes
		// count together, against the list's one budget.
		g.meter = shared
	}
	ctx, cancel := context.WithTimeoutCause(ctx, g.lim.Time, &CapError{Kind: CapTime, Limit: int64(g.lim.Time)})
	return withFetchMeter(ctx, g.meter), cancel
}

// ShareWalkBytes returns ctx carrying one byte budget of limit (answers'
// bytes and ItemBytes for each item held) for every walk started under it
// (Start): a list made of several walks, such as OpenRouter's keys of
// every workspace, holds no more than one walk of limit may.
func ShareWalkBytes(ctx context.Context, limit int64) context.Context {
	return withFetchMeter(ctx, &fetchMeter{walk: limit, page: MaxPageBytes, shared: true})
}

// Err is the error the walk stops with for err, a page's error under wctx
// (the context Start returned): the cap that ended it, if one did, or err.
func (g *WalkGuard) Err(wctx context.Context, err error) error {
	var ce *CapError
	if errors.As(err, &ce) {
		return ce
	}
	if wctx.Err() != nil && errors.As(context.Cause(wctx), &ce) {
		return ce
	}
	return err
}

// Next accepts cursor as the next page to request, or returns
// ErrCursorLoop when the walk already had it, or ErrTooManyPages (a
// CapError) when the walk is at its page cap. An empty cursor ends the
// walk and is always fine; the first page needs no Next.
func (g *WalkGuard) Next(cursor string) error {
	if cursor == "" {
		return nil
	}
	if g.cursors[cursor] {
		return ErrCursorLoop
	}
	if len(g.cursors)+1 >= g.lim.Pages {
		return &CapError{Kind: CapPages, Limit: int64(g.lim.Pages)}
	}
	g.cursors[cursor] = true
	return nil
}

// Converge takes the ids of one page's items, in order, and says whether
// the walk still converges: a page of items all listed before stops it
// with ErrRepeatedPage; more repeats in all than 100 plus a tenth of the
// distinct items, or more than maxStalls pages in a row that bring
// nothing new but are not the last, stop it with ErrNotConverging.
func (g *WalkGuard) Converge(ids iter.Seq[string], last bool) error {
	n, fresh := 0, 0
	for id := range ids {
		n++
		if _, ok := g.ids[id]; !ok {
			g.ids[id] = struct{}{}
			fresh++
		}
	}
	g.repeats += n - fresh
	switch {
	case n > 0 && fresh == 0:
		return ErrRepeatedPage
	case g.repeats > 100+len(g.ids)/10:
		return ErrNotConverging
	case fresh == 0 && !last:
		if g.stalls++; g.stalls > maxStalls {
			return ErrNotConverging
		}
	default:
		g.stalls = 0
	}
	return nil
}

// Take says how many of a page's n items the list may hold: all of them
// while it stays within its item cap and its bytes (the answers read so
// far, and ItemBytes for each item held). When that is fewer than n it
// returns the CapError of the cap reached (CapItems, CapBytes).
func (g *WalkGuard) Take(n int) (keep int, err error) {
	keep = min(n, g.lim.Items-g.items)
	if keep < n {
		err = &CapError{Kind: CapItems, Limit: int64(g.lim.Items)}
	}
	if room := max(0, g.meter.walk-g.meter.read.Load()) / ItemBytes; int64(keep) > room {
		keep, err = int(room), &CapError{Kind: CapBytes, Limit: g.meter.walk}
	}
	g.meter.read.Add(int64(keep) * ItemBytes)
	g.items += keep
	return keep, err
}

// GuardPage runs g's Converge and Take on one page of items (named by
// id) and returns the part the list may hold and the error that ends the
// walk, if any: after a loop, no items.
func GuardPage[T any](g *WalkGuard, items []T, last bool, id func(T) string) ([]T, error) {
	ids := func(yield func(string) bool) {
		for _, it := range items {
			if !yield(id(it)) {
				return
			}
		}
	}
	if err := g.Converge(ids, last); err != nil {
		return nil, err
	}
	keep, err := g.Take(len(items))
	return items[:keep], err
}
