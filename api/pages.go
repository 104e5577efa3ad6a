package api

import (
	"context"
	"errors"
	"iter"
	"time"
)

// ErrCursorLoop is returned by a page walk when the server hands back a
// cursor it already gave, which would otherwise loop forever.
var ErrCursorLoop = errors.New("the server repeated a page cursor")

// ErrTooManyPages is returned by a page walk that reaches MaxPages.
var ErrTooManyPages = errors.New("the server sent too many pages")

// MaxPages bounds one page walk, so that a server inventing new cursors
// forever cannot keep it going (at 100 items a page, a million items).
const MaxPages = 10_000

// CursorGuard is the loop guard of one page walk. Every walker passes each
// next cursor (or offset, written as text) through Next before requesting
// it. The zero value is ready to use; start a new walk with a new guard.
type CursorGuard struct {
	seen map[string]bool
}

// Next accepts cursor as the next page to request, or returns
// ErrCursorLoop when the walk already had it, or ErrTooManyPages when the
// walk is at MaxPages. An empty cursor ends the walk and is always fine.
func (g *CursorGuard) Next(cursor string) error {
	if cursor == "" {
		return nil
	}
	if g.seen[cursor] {
		return ErrCursorLoop
	}
	if len(g.seen)+1 >= MaxPages {
		return ErrTooManyPages
	}
	if g.seen == nil {
		g.seen = map[string]bool{}
	}
	g.seen[cursor] = true
	return nil
}

// PageFunc fetches the page at cursor ("" for the first) and returns its
// items and the cursor of the next page ("" on the last). The context it
// gets carries the page's deadline; every request for the page (retries,
// a second ask) should use it.
type PageFunc[T any] func(ctx context.Context, cursor string) (items []T, next string, err error)

// WalkPages is the one page walker: it yields every page fetch returns, in
// order, requesting each as soon as the previous one's cursor is known.
// Each page gets its own deadline of timeout within ctx (PageTimeout when
// timeout is 0 or less), so a big account on a slow link still lists
// whole while a stalled page is reported in time. A repeated cursor stops
// the walk with ErrCursorLoop, a walk past MaxPages with ErrTooManyPages.
// The walk stops after the first error, which it yields with nil items.
// Adapters use it to implement Account.Keys and SSHKeys.SSHKeys.
func WalkPages[T any](ctx context.Context, timeout time.Duration, fetch PageFunc[T]) iter.Seq2[[]T, error] {
	if timeout <= 0 {
		timeout = PageTimeout
	}
	return func(yield func([]T, error) bool) {
		var guard CursorGuard
		cursor := ""
		for {
			pctx, cancel := context.WithTimeout(ctx, timeout)
			items, next, err := fetch(pctx, cursor)
			cancel()
			if err != nil {
				yield(nil, err)
				return
			}
			if err := guard.Next(next); err != nil {
				// The page itself is fine; its cursor is not.
				if yield(items, nil) {
					yield(nil, err)
				}
				return
			}
			if !yield(items, nil) || next == "" {
				return
			}
			cursor = next
		}
	}
}
