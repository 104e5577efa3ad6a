package main

// Counting requests and connections on the client side.

import (
	"context"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// recorder wraps a transport: it counts the connections the transport dials
// and notes when each request went out and when its response came back.
type recorder struct {
	next  http.RoundTripper
	mu    sync.Mutex
	reqs  []reqTime
	conns atomic.Int64
}

type reqTime struct {
	path, query string
	start, end  time.Time
}

// countedClient is an HTTP client over tr, for a provider client, with the
// recorder that counts its requests and connections; done closes tr's idle
// connections once the walk is over.
func countedClient(tr *http.Transport) (hc *http.Client, rec *recorder, done func()) {
	rec = newRecorder(tr)
	return &http.Client{Timeout: 30 * time.Second, Transport: rec}, rec, tr.CloseIdleConnections
}

func newRecorder(tr *http.Transport) *recorder {
	r := &recorder{next: tr}
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		r.conns.Add(1)
		return dialer.DialContext(ctx, network, addr)
	}
	return r
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := r.next.RoundTrip(req)
	if err == nil {
		// The body is read after RoundTrip returns: the response is "back"
		// when the client has read all of it.
		resp.Body = &timedBody{ReadCloser: resp.Body, done: func() {
			r.mu.Lock()
			r.reqs = append(r.reqs, reqTime{req.URL.Path, req.URL.RawQuery, start, time.Now()})
			r.mu.Unlock()
		}}
	} else {
		r.mu.Lock()
		r.reqs = append(r.reqs, reqTime{req.URL.Path, req.URL.RawQuery, start, time.Now()})
		r.mu.Unlock()
	}
	return resp, err
}

// count returns the requests sent and the connections opened.
func (r *recorder) count() (requests, conns int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.reqs), int(r.conns.Load())
}

// gaps sums, per list, the time between one page's response and the next
// page's request (the client's own share of the walk), and the largest gap.
func (r *recorder) gaps() (apiGap, sshGap, maxGap time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	sum := func(suffix string) time.Duration {
		var list []reqTime
		for _, q := range r.reqs {
			if strings.HasSuffix(q.path, suffix) {
				list = append(list, q)
			}
		}
		slices.SortFunc(list, func(a, b reqTime) int { return a.start.Compare(b.start) })
		var total time.Duration
		for i := 1; i < len(list); i++ {
			g := list[i].start.Sub(list[i-1].end)
			total += g
			maxGap = max(maxGap, g)
		}
		return total
	}
	return sum(apiKeysPath), sum(sshKeysPath), maxGap
}

// timedBody calls done once, when the body is closed.
type timedBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *timedBody) Close() error {
	b.once.Do(b.done)
	return b.ReadCloser.Close()
}
