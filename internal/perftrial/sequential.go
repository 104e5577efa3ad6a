package main

// The sequential walk: the plainest client that could list both lists,
// one request at a time over one connection.

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
)

// seqResult is one sequential walk of both lists.
type seqResult struct {
	elapsed            time.Duration
	apiItems, sshItems int
	apiPages, sshPages int
	requests           int // HTTP requests sent, retries included
	conns              int // TCP connections opened
}

// sequential walks every API-key page, then every SSH-key page, one request
// at a time over one kept-alive connection.
func sequential(o options) (seqResult, error) {
	tr := &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1}
	rec := newRecorder(tr)
	defer tr.CloseIdleConnections()
	client, err := targon.NewClient(o.baseURL, o.key, clientopt.WithHTTPClient(&http.Client{Timeout: 30 * time.Second, Transport: rec}))
	if err != nil {
		return seqResult{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()

	var res seqResult
	start := time.Now()
	res.apiItems, res.apiPages, err = walk(ctx, client.ListAPIKeys)
	if err != nil {
		return res, fmt.Errorf("API keys: %w", err)
	}
	res.sshItems, res.sshPages, err = walk(ctx, client.ListSSHKeys)
	if err != nil {
		return res, fmt.Errorf("SSH keys: %w", err)
	}
	res.elapsed = time.Since(start)
	res.requests, res.conns = rec.count()
	return res, nil
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
