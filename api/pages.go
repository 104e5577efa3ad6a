package api

import (
	"context"
	"errors"
	"iter"
)

// ErrCursorLoop is returned by a page walk when the server hands back a
// cursor it already gave, which would otherwise loop forever.
var ErrCursorLoop = errors.New("the server repeated a page cursor")

// ErrTooManyPages is returned by a page walk that reaches MaxPages.
var ErrTooManyPages = errors.New("the server sent too many pages")

// MaxPages bounds one page walk, so that a server inventing new cursors
// forever cannot keep it going (at 100 items a page, a million items).
const MaxPages = 10_000

// CursorGuard is the loop guard of one page walk. Every walker (the page
// iterators here, the UI's loader) passes each next_cursor through Next
// before requesting it. The zero value is ready to use; start a new walk
// with a new guard.
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

// APIKeyPages walks every page of API keys, pageSize items at a time (0 lets
// the server choose). It stops after the first error, which it yields.
func (c *Client) APIKeyPages(ctx context.Context, pageSize int) iter.Seq2[Page[APIKey], error] {
	return pages(ctx, pageSize, c.ListAPIKeys)
}

// SSHKeyPages walks every page of SSH keys, like APIKeyPages.
func (c *Client) SSHKeyPages(ctx context.Context, pageSize int) iter.Seq2[Page[SSHKey], error] {
	return pages(ctx, pageSize, c.ListSSHKeys)
}

// AllAPIKeys yields every API key across all pages.
func (c *Client) AllAPIKeys(ctx context.Context, pageSize int) iter.Seq2[APIKey, error] {
	return items(c.APIKeyPages(ctx, pageSize))
}

// AllSSHKeys yields every SSH key across all pages.
func (c *Client) AllSSHKeys(ctx context.Context, pageSize int) iter.Seq2[SSHKey, error] {
	return items(c.SSHKeyPages(ctx, pageSize))
}

// pages follows next_cursor until it is empty. Each page is requested as soon
// as the previous one's cursor is known.
func pages[T any](ctx context.Context, pageSize int, fetch func(context.Context, ListOptions) (Page[T], error)) iter.Seq2[Page[T], error] {
	return func(yield func(Page[T], error) bool) {
		var guard CursorGuard
		opts := ListOptions{Limit: pageSize}
		for {
			page, err := fetch(ctx, opts)
			if err != nil {
				yield(Page[T]{}, err)
				return
			}
			if !yield(page, nil) || page.NextCursor == "" {
				return
			}
			if err := guard.Next(page.NextCursor); err != nil {
				yield(Page[T]{}, err)
				return
			}
			opts.Cursor = page.NextCursor
		}
	}
}

// items flattens a page iterator into an item iterator.
func items[T any](seq iter.Seq2[Page[T], error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page, err := range seq {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range page.Items {
				if !yield(it, nil) {
					return
				}
			}
		}
	}
}
