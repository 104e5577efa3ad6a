package api

import (
	"context"
	"errors"
	"iter"
	"time"
)

// ErrCursorLoop is returned by a page walk when the server hands back a
// cursor it already gave, which would otherwise loop forever. The other
// loops a walk detects (ErrRepeatedPage, ErrNotConverging) unwrap to it.
var ErrCursorLoop = errors.New("the server repeated a page cursor")

// ErrTooManyPages is what a walk stopped at WalkLimits.Pages is (a
// *CapError of kind CapPages).
var ErrTooManyPages = errors.New("the server sent too many pages")

// The caps of one list walk (WalkLimits' defaults). Together they keep the
// dashboard under 100 MB of memory whatever a server sends: a list holds
// at most MaxItems items and MaxWalkBytes (its answers' bytes, and
// ItemBytes for every item it holds), no answer is over MaxPageBytes, and
// a walk ends after MaxPages pages or MaxWalkTime, however slowly or
// cleverly a server feeds it.
const (
	// MaxItems is the most items one list holds.
	MaxItems = 20_000
	// MaxPages bounds the requests of one walk (at 10 items a page, the
	// whole of MaxItems).
	MaxPages = MaxItems / 10
	// MaxWalkBytes is what one list may hold, counted as the bytes of
	// every answer its walk reads (retries included) and ItemBytes for
	// every item: an account with two lists (Targon) has this for each,
	// an account with one (OpenRouter) twice this for it. Measured on the
	// real binary against hostile servers (the most items, the longest
	// names, both lists refreshed at once), 92 MB resident at most.
	// 10,000 keys of either provider, or 10,000 SSH keys, fit in it.
	MaxWalkBytes = 7 << 20
	// ItemBytes is what an item costs a list beyond its answer's bytes:
	// what the dashboard keeps of a row (about 1.4 KB with a refresh under
	// way) weighed as the bytes of text it keeps.
	ItemBytes = 320
	// MaxPageBytes is the most one answer of a walk may hold: ten times a
	// page of 100 SSH keys with 4096-bit RSA public keys.
	MaxPageBytes = 1 << 20
	// MaxWalkTime is the longest one walk runs.
	MaxWalkTime = 10 * time.Minute
)

// WalkLimits are the caps of one walk; a zero field takes its default
// (PageTimeout, MaxItems, MaxPages, MaxWalkBytes, MaxPageBytes,
// MaxWalkTime). Tests set small ones.
type WalkLimits struct {
	// PageTimeout bounds the requests for one page, retries included.
	PageTimeout time.Duration
	// Time bounds the whole walk.
	Time time.Duration
	// Items is the most items the walk yields; Pages the most pages it
	// asks for.
	Items, Pages int
	// Bytes is what the list may hold (MaxWalkBytes), PageBytes the most
	// one answer may have.
	Bytes, PageBytes int64
}

// Defaults returns l with every zero (or negative) field set to its
// default.
func (l WalkLimits) Defaults() WalkLimits {
	if l.PageTimeout <= 0 {
		l.PageTimeout = PageTimeout
	}
	if l.Time <= 0 {
		l.Time = MaxWalkTime
	}
	if l.Items <= 0 {
		l.Items = MaxItems
	}
	if l.Pages <= 0 {
		l.Pages = MaxPages
	}
	if l.Bytes <= 0 {
		l.Bytes = MaxWalkBytes
	}
	if l.PageBytes <= 0 {
		l.PageBytes = MaxPageBytes
	}
	return l
}

// PageFunc fetches the page at cursor ("" for the first) and returns its
// items and the cursor of the next page ("" on the last). The context it
// gets carries the page's deadline and the walk's byte caps; every request
// for the page (retries, a second ask) should use it.
type PageFunc[T any] func(ctx context.Context, cursor string) (items []T, next string, err error)

// WalkPages is the one cursor walker: it yields every page fetch returns,
// in order, requesting each as soon as the previous one's cursor is known,
// under the caps of lim (a WalkGuard): each page gets its own deadline of
// lim.PageTimeout within ctx, so a big account on a slow link still lists
// whole while a stalled page is reported in time. id names an item, for
// the loop checks.
//
// The walk stops after the first error, which it yields with nil items: a
// page's error, a loop (ErrCursorLoop, ErrRepeatedPage, ErrNotConverging)
// or a cap (a *CapError, after the items up to it). Adapters use it to
// implement Account.Keys and SSHKeys.SSHKeys.
func WalkPages[T any](ctx context.Context, lim WalkLimits, fetch PageFunc[T], id func(T) string) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		g := NewWalkGuard(lim)
		wctx, cancel := g.Start(ctx)
		defer cancel()
		cursor := ""
		for {
			pctx, cancel := context.WithTimeout(wctx, g.lim.PageTimeout)
			items, next, err := fetch(pctx, cursor)
			cancel()
			if err != nil {
				yield(nil, g.Err(wctx, err))
				return
			}
			page, err := GuardPage(g, items, next == "", id)
			if err == nil {
				err = g.Next(next)
			}
			if !yield(page, nil) {
				return
			}
			if err != nil {
				yield(nil, err)
				return
			}
			if next == "" {
				return
			}
			cursor = next
		}
	}
}
