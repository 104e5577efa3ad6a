package main

// The sequential walk: the plainest client that could list both lists,
// one request at a time over one connection.

import (
	"context"
	"fmt"
	"net/http"

	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
)

// seqResult is one sequential walk of both lists.
type seqResult struct {
	timing
	apiItems, sshItems int
	apiPages, sshPages int
}

// sequential walks every API-key page, then every SSH-key page, one request
// at a time over one kept-alive connection.
func sequential(o options) (seqResult, error) {
	var res seqResult
	var err error
	res.timing, err = oneByOne(o, o.targonClient, func(ctx context.Context, client *targon.Client) (err error) {
		res.apiItems, res.apiPages, err = walk(ctx, client.ListAPIKeys)
		if err != nil {
			return fmt.Errorf("API keys: %w", err)
		}
		res.sshItems, res.sshPages, err = walk(ctx, client.ListSSHKeys)
		if err != nil {
			return fmt.Errorf("SSH keys: %w", err)
		}
		return nil
	})
	return res, err
}

// targonClient is a client of the Targon API under trial, over hc.
func (o options) targonClient(hc *http.Client) (*targon.Client, error) {
	return targon.NewClient(o.baseURL, o.key, clientopt.WithHTTPClient(hc))
}

// walk fetches the pages of one list in order and counts them.
func walk[T any](ctx context.Context, fetch func(context.Context, targon.ListOptions) (targon.Page[T], error)) (items, pages int, err error) {
	cursor := ""
	for {
		p, err := fetch(ctx, targon.ListOptions{Limit: pageSize, Cursor: cursor})
		if err != nil {
			return items, pages, err
		}
		items += len(p.Items)
		pages++
		if p.NextCursor == "" {
			return items, pages, nil
		}
		cursor = p.NextCursor
	}
}
