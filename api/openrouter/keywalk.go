package openrouter

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"sync"

	"github.com/targon-dash/targon-dash/api"
)

// This file is the walk of every key of every workspace, built on the
// offset walker (walkOffsets) and the workspace walk: GET /keys without
// workspace_id lists the default workspace alone, so listing every key
// means listing the workspaces first and every workspace's keys then.

// slots bounds the requests an account has in flight at once, across
// all its walks: a request waits for a free slot (or its context). A nil
// *slots does not bound.
type slots struct{ free chan struct{} }

// newSlots is room for n requests at once.
func newSlots(n int) *slots { return &slots{free: make(chan struct{}, n)} }

// do runs f, which sends one request, in a slot.
func (s *slots) do(ctx context.Context, f func() error) error {
	if s == nil {
		return f()
	}
	select {
	case s.free <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.free }()
	return f()
}

// wsPage is one page of one workspace's walk, or the error that ends the
// whole walk. ws is the workspace_id the walk asked for ("" for the
// default workspace).
type wsPage struct {
	ws   string
	keys []APIKey
	err  error
}

// keyPages walks every key of every workspace, disabled ones included,
// at most MaxInFlight requests in flight in all (the account's slots).
//
// The order of work: the default workspace's walk (GET /keys without
// workspace_id) and the list of workspaces start at once; the default's
// first page says which workspace is the default (its keys' workspace_id),
// and every other workspace is then walked with its workspace_id, at most
// MaxInFlight workspaces at once. Each workspace's walk is walkOffsets
// (its pages concurrent, in order, none twice); the walks' pages are
// yielded as they come, so the workspaces interleave. A key that another
// workspace's walk listed already is dropped (a server ignoring
// workspace_id would list the default's keys again), and the whole walk
// is bounded at api.MaxPages pages. When the default workspace has no
// keys, which workspace it is cannot be told, and every listed one is
// walked by id.
//
// The walk stops at the first error, which it yields, and cancels what is
// in flight; a workspace whose id is not a UUID is not asked for, and an
// error naming it ends the walk after every other page.
func (a *Account) keyPages(ctx context.Context) iter.Seq2[[]APIKey, error] {
	return func(yield func([]APIKey, error) bool) {
		ctx, cancel := context.WithCancel(api.ShareWalkBytes(ctx, listBytes))
		out := make(chan wsPage)
		go a.walkEvery(ctx, out)
		defer func() {
			cancel()
			for range out { // let every walk leave
			}
		}()
		yieldMerged(out, yield)
	}
}

// yieldMerged yields the pages of every workspace's walk as they arrive,
// without keys another workspace's walk listed and without empty pages,
// until out is closed, an error, api.MaxPages pages, or the consumer
// stops.
func yieldMerged(out <-chan wsPage, yield func([]APIKey, error) bool) {
	owner := map[string]string{} // hash → the workspace walk that listed it
	pages, items := 0, 0
	for p := range out {
		if p.err != nil {
			yield(nil, p.err)
			return
		}
		if pages++; pages > api.MaxPages {
			yield(nil, api.ErrTooManyPages)
			return
		}
		keep := p.keys[:0:0]
		for _, k := range p.keys {
			if w, ok := owner[k.Hash]; ok && w != p.ws {
				continue
			}
			owner[k.Hash] = p.ws
			keep = append(keep, k)
		}
		if items += len(keep); items > api.MaxItems {
			// Every workspace together: the account's one list cap.
			keep = keep[:len(keep)-(items-api.MaxItems)]
			if len(keep) == 0 || yield(keep, nil) {
				yield(nil, &api.CapError{Kind: api.CapItems, Limit: api.MaxItems})
			}
			return
		}
		if len(keep) > 0 && !yield(keep, nil) {
			return
		}
	}
}

// walkEvery runs the walks keyPages describes, sends their pages on out,
// and closes out when every walk has ended.
func (a *Account) walkEvery(ctx context.Context, out chan<- wsPage) {
	defer close(out)
	var wg sync.WaitGroup
	defer wg.Wait()
	learned := make(chan string, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		a.walkWorkspace(ctx, "", out, learned)
	}()

	var all []Workspace
	for page, err := range a.Client().workspacePages(ctx, a.PageTimeout(), a.slots) {
		if err != nil {
			send(ctx, out, wsPage{err: fmt.Errorf("listing the workspaces: %w", err)})
			return
		}
		all = append(all, page...)
	}
	def, ok := awaitDefault(ctx, learned)
	if !ok {
		return
	}

	walks := make(chan struct{}, MaxInFlight) // workspaces walked at once
	var bad []string
	for _, w := range all {
		switch {
		case def != "" && strings.EqualFold(w.ID, def):
			continue // walked without workspace_id
		case CheckWorkspaceID(w.ID) != nil:
			bad = append(bad, w.Name)
			continue
		}
		select {
		case walks <- struct{}{}:
		case <-ctx.Done():
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-walks }()
			a.walkWorkspace(ctx, w.ID, out, nil)
		}()
	}
	wg.Wait()
	if len(bad) > 0 {
		send(ctx, out, wsPage{err: fmt.Errorf("%w: the keys of workspace %q are not listed: its id is not %s",
			api.ErrInvalidID, bad[0], workspaceShape.Says)})
	}
}

// awaitDefault waits for the id the default workspace's first page
// carries; ok is false when that page failed (its error ends the walk)
// or ctx ended.
func awaitDefault(ctx context.Context, learned <-chan string) (def string, ok bool) {
	select {
	case def, ok = <-learned:
		return def, ok
	case <-ctx.Done():
		return "", false
	}
}

// walkWorkspace walks the keys of workspace ws ("" for the default) with
// walkOffsets, every request in one of the account's slots, and sends its
// pages on out. A key without a workspace_id in the documented shape is
// given ws (for the default workspace, the id learned for it). For the
// default workspace, learned gets the id its first page's keys carry (""
// when none does), which the account remembers, or is closed when that
// page failed.
func (a *Account) walkWorkspace(ctx context.Context, ws string, out chan<- wsPage, learned chan<- string) {
	fetch := func(ctx context.Context, offset int) (keys []APIKey, err error) {
		err = a.slots.do(ctx, func() error {
			keys, err = a.Client().ListKeys(ctx, ListOptions{IncludeDisabled: true, Offset: offset, WorkspaceID: ws})
			return err
		})
		return keys, err
	}
	fallback := ws
	lim := api.WalkLimits{PageTimeout: a.PageTimeout(), Bytes: listBytes}
	for page, err := range keyOffsets(ctx, lim, fetch) {
		if learned != nil {
			if err != nil {
				// Nothing is learned, and nothing else is walked: asking
				// for the default workspace by id would ask for its
				// first page twice.
				close(learned)
				learned = nil
			} else {
				def := workspaceOf(page)
				a.learnDefault(def)
				learned <- def
				learned, fallback = nil, def
			}
		}
		for i := range page {
			if CheckWorkspaceID(page[i].WorkspaceID) != nil {
				page[i].WorkspaceID = fallback
			}
		}
		if !send(ctx, out, wsPage{ws: ws, keys: page, err: err}) || err != nil {
			return
		}
	}
	if learned != nil {
		learned <- ""
	}
}

// keyOffsets walks one workspace's keys: walkOffsets with the account's
// page deadline, MaxInFlight workers (the account's slots bound them all)
// and keys told apart by hash.
func keyOffsets(ctx context.Context, lim api.WalkLimits, fetch func(context.Context, int) ([]APIKey, error)) iter.Seq2[[]APIKey, error] {
	return walkOffsets(ctx, lim, MaxInFlight, fetch, func(k APIKey) string { return k.Hash })
}

// listBytes is what the account's one list of keys may hold (the bytes
// of two lists: it has no SSH keys); every workspace's walk counts against
// it together (api.ShareWalkBytes in keyPages).
const listBytes = 2 * api.MaxWalkBytes

// workspaceOf is the first workspace_id in the documented shape among
// keys, or "".
func workspaceOf(keys []APIKey) string {
	for _, k := range keys {
		if CheckWorkspaceID(k.WorkspaceID) == nil {
			return k.WorkspaceID
		}
	}
	return ""
}

// send sends p on out unless ctx ends first; it reports whether it sent.
func send(ctx context.Context, out chan<- wsPage, p wsPage) bool {
	select {
	case out <- p:
		return true
	case <-ctx.Done():
		return false
	}
}
