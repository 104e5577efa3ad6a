package components

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/common"
)

// PageSize is how many items a list asks for per request (the API's maximum).
const PageSize = 100

// ListTimeout bounds the request for one page of a list, every retry and the
// second ask without a page size included, so that a server that accepts the
// connection and never answers is reported well within
// common.RequestTimeout (45 s) of asking. The client's own per-attempt
// timeout (30 s) and retry waits all end with the page's context. Each page
// has its own deadline, so a big account on a slow link still lists whole.
const ListTimeout = 40 * time.Second

// FetchFunc gets one page of a list endpoint.
type FetchFunc[T any] func(context.Context, targon.ListOptions) (targon.Page[T], error)

// PageMsg is one page of a list arriving, or the error that ended the walk.
// Gen tells replies of an abandoned load from current ones.
type PageMsg[T any] struct {
	Gen   int
	Items []T
	Next  string
	Err   error
	// SizeRefused says the server refused the page size; later pages are
	// asked for without one.
	SizeRefused bool
}

// Loader walks every page of a list, requesting each page as soon as the
// previous one's cursor is known. The first load streams: each page is shown
// as it arrives. A reload keeps the old items on screen and swaps in the new
// ones when the last page is in, so a refresh never empties the list.
// Each page has one deadline for all its requests (Timeout); a walk stops with
// api.ErrCursorLoop when the server repeats a cursor (api.CursorGuard, the
// guard the client's own page iterators use).
type Loader[T any] struct {
	// Timeout bounds each page, its retries included (ListTimeout when
	// zero); tests shorten it.
	Timeout time.Duration

	fetch    FetchFunc[T]
	gen      int
	busy     bool
	loaded   bool
	pending  []T
	err      error
	pages    int
	updated  time.Time
	now      func() time.Time
	keys     *common.KeyMap
	pageSize int
	// guard belongs to the current walk: no cursor twice.
	guard api.CursorGuard
}

// NewLoader returns a loader for fetch.
func NewLoader[T any](c *common.Common, fetch FetchFunc[T]) *Loader[T] {
	return &Loader[T]{fetch: fetch, now: c.Now, keys: c.Keys, pageSize: PageSize}
}

// Load starts a new walk from the first page; replies of an earlier walk are
// dropped from now on.
func (l *Loader[T]) Load() tea.Cmd {
	l.gen++
	l.busy, l.err, l.pending, l.pages = true, nil, nil, 0
	l.guard = api.CursorGuard{}
	return l.page(l.gen, "")
}

// page requests one page within one deadline for all of its requests.
func (l *Loader[T]) page(gen int, cursor string) tea.Cmd {
	fetch, size, timeout := l.fetch, l.pageSize, l.Timeout
	if timeout <= 0 {
		timeout = ListTimeout
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		p, err := fetch(ctx, targon.ListOptions{Limit: size, Cursor: cursor})
		if size > 0 && errors.Is(err, api.ErrBadRequest) {
			// A server with a smaller maximum page refuses our limit: ask
			// again with its own default, and keep to it (SizeRefused).
			p, err = fetch(ctx, targon.ListOptions{Cursor: cursor})
			if err == nil {
				return PageMsg[T]{Gen: gen, Items: p.Items, Next: p.NextCursor, SizeRefused: true}
			}
		}
		return PageMsg[T]{Gen: gen, Items: p.Items, Next: p.NextCursor, Err: err}
	}
}

// Update takes a page. ok is false for a stale reply. On the first load
// every page comes back at once (replace true for the first page, false to
// append); on a reload, items is the whole new list with replace true, once
// the last page is in. cmd requests the next page.
func (l *Loader[T]) Update(msg PageMsg[T]) (items []T, replace bool, cmd tea.Cmd, ok bool) {
	if msg.Gen != l.gen || !l.busy {
		return nil, false, nil, false
	}
	if msg.Err != nil {
		l.busy, l.err, l.pending = false, msg.Err, nil
		return nil, false, nil, true
	}
	if msg.SizeRefused {
		l.pageSize = 0
	}
	if err := l.guard.Next(msg.Next); err != nil {
		// A repeated cursor would walk forever: stop with the error.
		l.busy, l.err, l.pending = false, err, nil
		return nil, false, nil, true
	}
	l.pages++
	last := msg.Next == ""
	if !last {
		cmd = l.page(l.gen, msg.Next)
	}
	if !l.loaded {
		items, replace = msg.Items, l.pages == 1
	} else {
		l.pending = append(l.pending, msg.Items...)
		if last {
			items, replace, l.pending = l.pending, true, nil
		}
	}
	if last {
		l.busy, l.loaded, l.updated = false, true, l.now()
	}
	return items, replace, cmd, true
}

// Note says how loading goes, for a table's top line: loading, the count
// so far, or the error that stopped it with how to retry; "" when idle.
// what names the items ("API keys"); have is how many are shown.
func (l *Loader[T]) Note(st *common.Styles, what string, have int) string {
	switch {
	case l.err != nil:
		// The hint comes before the reason, so a narrow screen cuts the
		// reason rather than the way out.
		return st.Error.Render("✗ could not load "+what) + st.Muted.Render(" — "+KeyNames(l.keys.Refresh)+" to retry: ") + st.Error.Render(common.ErrorText(l.err))
	case l.busy && have == 0:
		return st.Muted.Render("loading " + what + "…")
	case l.busy:
		return st.Muted.Render(fmt.Sprintf("loading… %d so far", have))
	}
	return ""
}

// Busy reports whether a walk is in progress.
func (l *Loader[T]) Busy() bool { return l.busy }

// Loaded reports whether a walk has completed.
func (l *Loader[T]) Loaded() bool { return l.loaded }

// Err is the error that ended the last walk, if any.
func (l *Loader[T]) Err() error { return l.err }

// Updated is when the last walk completed.
func (l *Loader[T]) Updated() time.Time { return l.updated }
