package list

import (
	"context"
	"errors"
	"iter"
	"strconv"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// WalkFunc walks every page of a list: an account's Keys or SSHKeys. The
// account's walker does the paging, the loop guard and each page's
// deadline; the loader only pulls pages from it.
type WalkFunc[T any] func(ctx context.Context) iter.Seq2[[]T, error]

// PageMsg is one page of a list arriving, the error that ended the walk,
// or (Done) the end of the walk. Gen tells replies of an abandoned load
// from current ones.
type PageMsg[T any] struct {
	Gen   int
	Items []T
	Err   error
	// Done says the walk has no more pages.
	Done bool
}

// Loader walks every page of a list, one page per tea.Cmd, asking for each
// page as soon as the previous one has arrived. The first load streams:
// each page is shown as it arrives. A reload keeps the old items on screen
// and swaps in the new ones when the walk is complete, so a refresh never
// empties the list.
type Loader[T any] struct {
	walk    WalkFunc[T]
	gen     int
	pull    *pull[T]
	busy    bool
	loaded  bool
	pending []T
	err     error
	// capped is the cap the last walk that ended stopped at (nil when it
	// listed everything or failed): its rows are the list's first part.
	capped  *api.CapError
	pages   int
	updated time.Time
	now     func() time.Time
	c       *common.Common
}

// pull is one walk turned into a next function (iter.Pull2). next runs in
// the loader's commands, one at a time; stop may come from Update while a
// next is running, so both hold mu, and stop first cancels the walk's
// context so that a request in flight ends at once.
type pull[T any] struct {
	mu     sync.Mutex
	next   func() ([]T, error, bool)
	stop   func()
	cancel context.CancelFunc
}

func (p *pull[T]) page() ([]T, error, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.next()
}

// close cancels the walk and releases the iterator without blocking the
// caller (a page may be in flight).
func (p *pull[T]) close() {
	p.cancel()
	go func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.stop()
	}()
}

// NewLoader returns a loader for walk.
func NewLoader[T any](c *common.Common, walk WalkFunc[T]) *Loader[T] {
	return &Loader[T]{walk: walk, now: c.Now, c: c}
}

// Load starts a new walk from the first page; the old walk is stopped and
// its replies are dropped from now on. The error of the last walk stays
// (Err, Note) until this one ends: a retry in flight does not make failed
// rows look fresh.
func (l *Loader[T]) Load() tea.Cmd {
	l.Stop()
	l.gen = l.nextGen()
	l.busy, l.pending, l.pages = true, nil, 0
	ctx, cancel := context.WithCancel(context.Background())
	next, stop := iter.Pull2(l.walk(ctx))
	l.pull = &pull[T]{next: next, stop: stop, cancel: cancel}
	return l.page()
}

// Gen is the number of the current walk: the Gen its pages carry (for
// tests that hand a loader its pages themselves).
func (l *Loader[T]) Gen() int { return l.gen }

// Stop ends the current walk, if any (a new Load, or the view is
// discarded); its replies are dropped.
func (l *Loader[T]) Stop() {
	if l.pull != nil {
		l.pull.close()
		l.pull = nil
	}
	if l.busy {
		l.gen = l.nextGen()
		l.busy = false
	}
}

// nextGen numbers a walk from the Common's id source, which every loader
// of the program shares: a loader of a discarded view (after an account
// switch) and its successor must never share a number, or the new one
// would take the old account's pages as its own.
func (l *Loader[T]) nextGen() int { return int(l.c.IDs.Next()) }

// page asks the current walk for its next page.
func (l *Loader[T]) page() tea.Cmd {
	p, gen := l.pull, l.gen
	return func() tea.Msg {
		items, err, ok := p.page()
		if !ok {
			return PageMsg[T]{Gen: gen, Done: true}
		}
		return PageMsg[T]{Gen: gen, Items: items, Err: err}
	}
}

// Update takes a page. ok is false for a stale reply. On the first load
// every page comes back at once (replace true for the first page, false to
// append); on a reload, items is the whole new list with replace true, once
// the walk is done. cmd asks for the next page. A walk stopped at a cap
// (*api.CapError) ends like a complete one, with the items up to the cap,
// and the loader says so (Capped, Note).
func (l *Loader[T]) Update(msg PageMsg[T]) (items []T, replace bool, cmd tea.Cmd, ok bool) {
	if msg.Gen != l.gen || !l.busy {
		return nil, false, nil, false
	}
	var capped *api.CapError
	if errors.As(msg.Err, &capped) {
		items, replace = l.finish(capped)
		return items, replace, nil, true
	}
	if msg.Err != nil {
		l.busy, l.err, l.pending = false, msg.Err, nil
		l.pull.close()
		l.pull = nil
		return nil, false, nil, true
	}
	if msg.Done {
		items, replace = l.finish(nil)
		return items, replace, nil, true
	}
	l.pages++
	cmd = l.page()
	if !l.loaded {
		items, replace = msg.Items, l.pages == 1
	} else {
		l.pending = append(l.pending, msg.Items...)
	}
	return items, replace, cmd, true
}

// finish ends a walk that listed everything, or (capped) everything up to
// a cap, and returns what Update returns for it.
func (l *Loader[T]) finish(capped *api.CapError) (items []T, replace bool) {
	if !l.loaded {
		// An empty list still has a first page to replace the rows.
		items, replace = nil, l.pages == 0
	} else {
		items, replace, l.pending = l.pending, true, nil
	}
	l.busy, l.loaded, l.updated, l.err, l.capped = false, true, l.now(), nil, capped
	l.pull.close()
	l.pull = nil
	return items, replace
}

// Note says how loading goes, for a table's top line: loading, the count
// so far, or the error that stopped the last walk — what failed, why, then
// how to retry (or that a retry is under way); "" when idle. what names
// the items ("API keys"); have is how many are shown.
func (l *Loader[T]) Note(st *common.Styles, what string, have int) string {
	switch {
	case errors.Is(l.err, api.ErrForbidden):
		// Not allowed for this key: retrying changes nothing.
		return st.Error.Render("✗ " + what + ": " + l.c.ErrorText(l.err))
	case l.err != nil:
		retry := textfit.KeyNames(l.c.Keys.Refresh) + " to retry"
		if l.busy {
			retry = "retrying…"
		}
		// The table keeps what follows " — " whole when it wraps the note.
		return st.Error.Render("✗ could not load "+what+": "+l.c.ErrorText(l.err)) + " — " + st.Muted.Render(retry)
	case l.capped != nil:
		// The rows are the list's first part until a walk ends otherwise.
		return st.Warning.Render("⚠ " + capText(l.capped, what, have))
	case l.busy && have == 0:
		return st.Muted.Render("loading " + what + "…")
	case l.busy:
		return st.Muted.Render("loading… " + common.GroupThousands(strconv.Itoa(have)) + " so far")
	}
	return ""
}

// Busy reports whether a walk is in progress.
func (l *Loader[T]) Busy() bool { return l.busy }

// Loaded reports whether a walk has completed.
func (l *Loader[T]) Loaded() bool { return l.loaded }

// Capped is the cap the last walk that ended stopped at, if any: the
// list shows its first part (see Note).
func (l *Loader[T]) Capped() *api.CapError { return l.capped }

// GaveUp reports whether the last walk that ended stopped at a cap or in a
// loop (api.GaveUp): a walk that must not start again by itself, only
// when the user asks (KeyList.Live).
func (l *Loader[T]) GaveUp() bool { return l.capped != nil || api.GaveUp(l.err) }

// Err is the error that ended the last walk that ended, if any: it stays
// while the next walk is in progress, until that one ends.
func (l *Loader[T]) Err() error { return l.err }

// Updated is when the last walk completed.
func (l *Loader[T]) Updated() time.Time { return l.updated }
