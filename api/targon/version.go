package targon

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
)

// The API versions an account can speak, as profiles name them
// (api_version) and as Provider.Version says them.
const (
	V2 = "v2"
	V3 = "v3"
)

// RetiredError is an answer of a server that no longer serves /tha/v2:
// 410 Gone on any v2 path, or 404 on a v2 path that names no item (a
// credits or list path, which a v2 server always has). It says so in one
// line, and how to switch. It does not unwrap to the 404's api.ErrNotFound:
// nothing is gone but the API version.
type RetiredError struct {
	// Status is the HTTP status (404 or 410).
	Status int
}

// Error says in one line what happened and what to change.
func (e *RetiredError) Error() string {
	return fmt.Sprintf(`this server no longer serves Targon's /tha/v2 API (HTTP %d): set api_version = "v3" (or "auto") in the profile`, e.Status)
}

// retiredV2 turns err, the answer to a /tha/v2 request, into a
// *RetiredError when it says the server no longer serves /tha/v2: 410, or
// 404 on a request that names no item (item is false).
func retiredV2(err error, item bool) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	if e.Status == http.StatusGone || (e.Status == http.StatusNotFound && !item) {
		return &RetiredError{Status: e.Status}
	}
	return err
}

// DetectVersion asks baseURL which API it speaks, with GET /tha/v3/version
// (no token is sent): an answer means V3; 404, 405, 410 or 501 (no such
// route) means V2. Anything else (the server cannot be reached, a 5xx, an
// answer that is not the version) is an error: nothing is known yet.
func DetectVersion(ctx context.Context, baseURL string, opts ...clientopt.Option) (string, error) {
	c, err := NewClient(baseURL, "", opts...)
	if err != nil {
		return "", err
	}
	return c.DetectVersion(ctx)
}

// DetectVersion is the package's DetectVersion at the client's base URL.
func (c *Client) DetectVersion(ctx context.Context) (string, error) {
	_, err := c.V3Version(ctx)
	var e *Error
	switch {
	case err == nil:
		return V3, nil
	case errors.As(err, &e) && noRoute(e.Status):
		return V2, nil
	}
	return "", fmt.Errorf("asking which API version the server speaks: %w", err)
}

// noRoute reports whether status says the server has no such endpoint.
func noRoute(status int) bool {
	switch status {
	case http.StatusNotFound, http.StatusMethodNotAllowed, http.StatusGone, http.StatusNotImplemented:
		return true
	}
	return false
}

// retiredWalk passes on a walk of a /tha/v2 list, its error through
// retiredV2.
func retiredWalk[T any](seq iter.Seq2[[]T, error]) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		for page, err := range seq {
			if !yield(page, retiredV2(err, false)) {
				return
			}
		}
	}
}

// checkSlug checks an organization's slug before it goes into a URL: the
// reference says only that it is never empty and has no "/", so it is
// held to Targon's conservative id shape (provider.CheckID).
func checkSlug(slug string) error {
	if err := provider.CheckID(slug); err != nil {
		return fmt.Errorf("organization %q: %w", api.CleanText(slug), err)
	}
	return nil
}
