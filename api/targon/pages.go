package targon

import (
	"context"
	"errors"
	"iter"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// PageSize is how many items a list asks for per request (the API's
// maximum).
const PageSize = 100

// APIKeyPages walks every page of API keys with api.WalkPages, pageSize
// items at a time (0 lets the server choose), each page within
// api.PageTimeout. It stops after the first error, which it yields.
func (c *Client) APIKeyPages(ctx context.Context, pageSize int) iter.Seq2[[]APIKey, error] {
	return walk(ctx, 0, pageSize, c.ListAPIKeys)
}

// SSHKeyPages walks every page of SSH keys, like APIKeyPages.
func (c *Client) SSHKeyPages(ctx context.Context, pageSize int) iter.Seq2[[]SSHKey, error] {
	return walk(ctx, 0, pageSize, c.ListSSHKeys)
}

// AllAPIKeys yields every API key across all pages.
func (c *Client) AllAPIKeys(ctx context.Context, pageSize int) iter.Seq2[APIKey, error] {
	return items(c.APIKeyPages(ctx, pageSize))
}

// AllSSHKeys yields every SSH key across all pages.
func (c *Client) AllSSHKeys(ctx context.Context, pageSize int) iter.Seq2[SSHKey, error] {
	return items(c.SSHKeyPages(ctx, pageSize))
}

// walk follows next_cursor with api.WalkPages (timeout per page, 0 for
// api.PageTimeout) under the default caps of api.WalkLimits.
func walk[T listed](ctx context.Context, timeout time.Duration, pageSize int, list func(context.Context, ListOptions) (Page[T], error)) iter.Seq2[[]T, error] {
	return walkWith(ctx, api.WalkLimits{PageTimeout: timeout}, pageSize, list)
}

// walkWith is walk under the caps lim. A server that refuses the page size
// with a 400 is asked again for the same page without one, within the same
// page deadline, and later pages are asked for without one too.
func walkWith[T listed](ctx context.Context, lim api.WalkLimits, pageSize int, list func(context.Context, ListOptions) (Page[T], error)) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		size := pageSize // per walk: a refusal holds for the rest of it
		fetch := func(ctx context.Context, cursor string) ([]T, string, error) {
			p, err := list(ctx, ListOptions{Limit: size, Cursor: cursor})
			if size > 0 && errors.Is(err, api.ErrBadRequest) {
				size = 0
				p, err = list(ctx, ListOptions{Cursor: cursor})
			}
			return p.Items, p.NextCursor, err
		}
		for page, err := range api.WalkPages(ctx, lim, fetch, T.walkID) {
			if !yield(page, err) {
				return
			}
		}
	}
}

// listed is an item of a list walk: walkID names it for the walk's loop
// checks.
type listed interface{ walkID() string }

func (k APIKey) walkID() string { return k.UID }
func (k SSHKey) walkID() string { return k.UID }

func (t APIToken) walkID() string     { return t.UID }
func (t ServiceToken) walkID() string { return t.UID }
func (o Org) walkID() string          { return o.Slug }

// items flattens a page iterator into an item iterator.
func items[T any](seq iter.Seq2[[]T, error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page, err := range seq {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range page {
				if !yield(it, nil) {
					return
				}
			}
		}
	}
}
