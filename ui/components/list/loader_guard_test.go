package list

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// walk runs a loader's walk to its end, at most max pages, and returns
// the last page message.
func walk[T any](t *testing.T, l *Loader[T], max int) PageMsg[T] {
	t.Helper()
	cmd := l.Load()
	var msg PageMsg[T]
	for i := 0; cmd != nil; i++ {
		if i == max {
			t.Fatalf("the walk did not stop after %d pages", max)
		}
		msg = pageOf[T](t, cmd)
		_, _, cmd, _ = l.Update(msg)
	}
	return msg
}

// A server that always hands back the same next_cursor is asked at most
// twice; the loader stops with an error that says why.
func TestLoaderStopsOnARepeatedCursor(t *testing.T) {
	var n atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		fmt.Fprintf(w, `{"items":[{"uid":"key-%d","name":"k"}],"next_cursor":"same"}`, n.Load())
	}))
	defer ts.Close()
	client, err := targon.NewClient(ts.URL, "tgn_0123456789abcdef", clientopt.WithRetry(clientopt.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := uitest.NewCommon(client)
	l := NewLoader(c, c.Account.Keys)
	walk(t, l, 10)
	if got := n.Load(); got > 2 {
		t.Fatalf("%d requests, want at most 2", got)
	}
	if !errors.Is(l.Err(), api.ErrCursorLoop) || l.Busy() {
		t.Fatalf("err = %v (busy %v), want ErrCursorLoop", l.Err(), l.Busy())
	}
	if got := common.ErrorText(l.Err()); got != "the server sent the same page twice; loading stopped to avoid a loop" {
		t.Errorf("ErrorText = %q", got)
	}
}

// A list whose server accepts the connection and never answers is reported
// when the page's deadline passes, with the client's usual retries and
// per-attempt timeout (30 s) in force: the deadline holds over all of them.
func TestLoaderReportsAStall(t *testing.T) {
	stall := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-stall:
		}
	}))
	defer ts.Close()
	defer close(stall)
	client, err := targon.NewClient(ts.URL, "tgn_0123456789abcdef") // default retries and timeouts
	if err != nil {
		t.Fatal(err)
	}
	acct := targon.NewAccount(client)
	acct.SetPageTimeout(200 * time.Millisecond) // uitest.Run gives a command 5 s
	c, _ := uitest.NewCommon(client)
	c.Account = acct
	l := NewLoader(c, acct.Keys)
	msg := walk(t, l, 2)
	if !errors.Is(msg.Err, context.DeadlineExceeded) || l.Busy() {
		t.Fatalf("err = %v (busy %v), want the deadline", msg.Err, l.Busy())
	}
	if got := c.ErrorText(l.Err()); got != "the Targon API did not answer in time" {
		t.Errorf("ErrorText = %q", got)
	}
}
