package api

import (
	"context"
	"errors"
	"iter"
)

// ErrCursorLoop is returned by the page iterators when the server hands back
// a cursor it already gave, which would otherwise loop forever.
var ErrCursorLoop = errors.New("server repeated a pagination cursor")

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
		seen := map[string]bool{}
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
			if seen[page.NextCursor] {
				yield(Page[T]{}, ErrCursorLoop)
				return
			}
			seen[page.NextCursor] = true
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
