package openrouter_test

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// hostileKeys serves GET /keys as a hostile server would: page says which
// key numbers the page at offset holds, each key named name. It counts
// the list requests.
type hostileKeys struct {
	page     func(offset int) []int
	name     string
	requests atomic.Int64
}

func (h *hostileKeys) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/workspaces") {
		// The account has its default workspace alone.
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"data":[],"total_count":0}`))
		return
	}
	h.requests.Add(1)
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	var b strings.Builder
	b.WriteString(`{"data":[`)
	for i, n := range h.page(offset) {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(orKey(n, h.name))
	}
	b.WriteString(`]}`)
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(b.String()))
}

// orKey is key number n as the API sends it, every member present, its
// hash 64 hex digits.
func orKey(n int, name string) string {
	return fmt.Sprintf(`{"hash":"%064x","name":%q,"label":"sk-or-v1-abc...xyz","disabled":false,"limit":null,"limit_remaining":null,"limit_reset":null,"include_byok_in_limit":false,"usage":0,"usage_daily":0,"usage_weekly":0,"usage_monthly":0,"byok_usage":0,"byok_usage_daily":0,"byok_usage_weekly":0,"byok_usage_monthly":0,"created_at":"2025-01-15T10:30:00.000Z","updated_at":null,"creator_user_id":null,"workspace_id":"w"}`, n, name)
}

// nums are the key numbers from from to from+n-1.
func nums(from, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = from + i
	}
	return out
}

// Against a server whose list never ends, repeats itself or overruns its
// pages, the walk ends within its caps (api.WalkLimits' defaults) with the
// right reason, having yielded at most the item cap, in few requests
// (those in flight when it stops included).
func TestHostileListsStayWithinCaps(t *testing.T) {
	long := strings.Repeat("n", 9_000)
	const maxLong = 2 * api.MaxWalkBytes / 9_000 // keys with long names within the bytes a list holds
	const ahead = 2 * 8                          // at most this many requests past the one that stops the walk
	for _, c := range []struct {
		name    string
		page    func(offset int) []int
		keyName string
		want    error // errors.Is, or a *api.CapError of one of these kinds
		kinds   []api.CapKind
		maxKeys int
		maxReq  int64
	}{
		{"endless new keys, 1,000 a page", func(off int) []int { return nums(off, 1000) }, "k",
			nil, []api.CapKind{api.CapItems, api.CapBytes}, api.MaxItems, api.MaxItems/1000 + ahead},
		{"50,000 keys a page", func(off int) []int { return nums(off, 50_000) }, "k",
			nil, []api.CapKind{api.CapPageBytes}, 0, 1},
		{"long names", func(off int) []int { return nums(off, 100) }, long,
			nil, []api.CapKind{api.CapBytes}, maxLong, maxLong/100 + ahead},
		{"99 of 100 repeated, one new", func(off int) []int { return nums(off/100, 100) }, "k",
			api.ErrNotConverging, nil, 300, 3 + ahead},
		{"the same page at every offset", func(off int) []int { return nums(0, 100) }, "k",
			api.ErrRepeatedPage, nil, 100, 2 + ahead},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := &hostileKeys{page: c.page, name: c.keyName}
			a := newAccount(t, h, "tok")
			keys, err := allKeys(a)
			var ce *api.CapError
			switch {
			case c.want != nil && !errors.Is(err, c.want):
				t.Errorf("err = %v, want %v", err, c.want)
			case c.want == nil && (!errors.As(err, &ce) || !slices.Contains(c.kinds, ce.Kind)):
				t.Errorf("err = %v, want a cap of kind %v", err, c.kinds)
			case !api.GaveUp(err):
				t.Errorf("api.GaveUp(%v) = false", err)
			}
			if n := len(keys); n > c.maxKeys || ce != nil && ce.Kind == api.CapItems && n != c.maxKeys {
				t.Errorf("%d keys yielded, want at most %d", n, c.maxKeys)
			}
			if got := h.requests.Load(); got > c.maxReq {
				t.Errorf("%d requests, want at most %d", got, c.maxReq)
			}
		})
	}
}

// A small account costs one request past its end, not MaxInFlight: the
// walk widens only when a page comes back full.
func TestSmallAccountFewRequests(t *testing.T) {
	for _, c := range []struct{ keys, maxReq int }{{0, 1}, {12, 2}, {99, 2}, {100, 1 + 8}, {250, 3 + 8}} {
		h := &hostileKeys{page: func(off int) []int { return nums(off, max(0, min(100, c.keys-off))) }}
		keys, err := allKeys(newAccount(t, h, "tok"))
		if err != nil || len(keys) != c.keys {
			t.Fatalf("%d keys: got %d, %v", c.keys, len(keys), err)
		}
		if got := h.requests.Load(); got > int64(c.maxReq) {
			t.Errorf("%d keys: %d list requests, want at most %d", c.keys, got, c.maxReq)
		}
	}
}
