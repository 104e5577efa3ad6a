package targon

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// A server that lists new keys forever, slowly, is stopped at the walk's
// time cap, with the keys listed until then.
func TestWalkTimeCap(t *testing.T) {
	var n atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		i := n.Add(1)
		fmt.Fprintf(w, `{"items":[{"uid":"k%d","name":"k"}],"next_cursor":"c%d"}`, i, i)
	}))
	defer ts.Close()
	c, err := NewClient(ts.URL, "tgn_0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	keys := 0
	for page, e := range walkWith(t.Context(), api.WalkLimits{Time: 300 * time.Millisecond}, PageSize, c.ListAPIKeys) {
		if err = e; e != nil {
			break
		}
		keys += len(page)
	}
	var ce *api.CapError
	if !errors.As(err, &ce) || ce.Kind != api.CapTime || !api.GaveUp(err) {
		t.Fatalf("err = %v, want the time cap", err)
	}
	if d := time.Since(start); keys == 0 || d > 2*time.Second {
		t.Errorf("%d keys in %s", keys, d)
	}
}
