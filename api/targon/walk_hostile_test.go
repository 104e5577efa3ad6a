package targon_test

import (
	"errors"
	"fmt"
	"iter"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// hostileList serves GET list requests as a hostile server would: page
// (the request's number, from 1) says which ids the page holds, each key
// named name, and whether a next cursor (always a new one) follows. It
// counts the requests.
type hostileList struct {
	page     func(n int) (ids []string, more bool)
	name     string
	requests atomic.Int64
}

func (h *hostileList) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(h.requests.Add(1))
	ids, more := h.page(n)
	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		if strings.Contains(r.URL.Path, "ssh") {
			fmt.Fprintf(&b, `{"uid":%q,"name":%q,"public_key_raw":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"}`, id, h.name)
		} else {
			fmt.Fprintf(&b, `{"uid":%q,"name":%q}`, id, h.name)
		}
	}
	next := ""
	if more {
		next = "c" + strconv.Itoa(n)
	}
	fmt.Fprintf(&b, `],"next_cursor":%q}`, next)
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(b.String()))
}

// ids are n ids from from on: "k<from>", "k<from+1>", ….
func ids(from, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "k" + strconv.Itoa(from+i)
	}
	return out
}

// drain walks seq to its end and returns how many items it yielded and
// the error it ended with.
func drain[T any](seq iter.Seq2[[]T, error]) (n int, err error) {
	for page, err := range seq {
		if err != nil {
			return n, err
		}
		n += len(page)
	}
	return n, nil
}

// Against a server whose list never ends, repeats itself or overruns its
// pages, every walk ends within its caps (api.WalkLimits' defaults) with
// the right reason, having yielded at most the item cap; the requests
// stay few. The SSH keys walk the same way.
func TestHostileListsStayWithinCaps(t *testing.T) {
	long := strings.Repeat("n", 9_000)
	const maxLong = api.MaxWalkBytes / 9_000 // keys with long names within the bytes a list holds
	for _, c := range []struct {
		name    string
		page    func(n int) ([]string, bool)
		keyName string
		want    error // errors.Is, or a *api.CapError of one of these kinds
		kinds   []api.CapKind
		maxKeys int
		maxReq  int64
	}{
		{"endless new keys, 1,000 a page", func(n int) ([]string, bool) { return ids(n*1000, 1000), true }, "k",
			nil, []api.CapKind{api.CapItems, api.CapBytes}, api.MaxItems, api.MaxItems/1000 + 1},
		{"50,000 keys a page", func(n int) ([]string, bool) { return ids(n*50_000, 50_000), true }, "k",
			nil, []api.CapKind{api.CapPageBytes}, 0, 1},
		{"long names", func(n int) ([]string, bool) { return ids(n*100, 100), true }, long,
			nil, []api.CapKind{api.CapBytes}, maxLong, maxLong/100 + 2},
		{"endless new keys, 1 a page", func(n int) ([]string, bool) { return ids(n, 1), true }, "k",
			nil, []api.CapKind{api.CapPages}, api.MaxPages, api.MaxPages},
		{"99 of 100 repeated, one new", func(n int) ([]string, bool) { return ids(n, 100), true }, "k",
			api.ErrNotConverging, nil, 300, 3},
		{"the same page, a new cursor", func(n int) ([]string, bool) { return ids(0, 100), true }, "k",
			api.ErrRepeatedPage, nil, 100, 2},
		{"empty pages, a new cursor", func(n int) ([]string, bool) { return nil, true }, "k",
			api.ErrNotConverging, nil, 0, 4},
	} {
		for _, list := range []string{"API keys", "SSH keys"} {
			t.Run(c.name+", "+list, func(t *testing.T) {
				h := &hostileList{page: c.page, name: c.keyName}
				a := newTestAccount(t, h, "tgn_0123456789abcdef")
				var n int
				var err error
				if list == "SSH keys" {
					n, err = drain(a.SSHKeys(t.Context()))
				} else {
					n, err = drain(a.Keys(t.Context()))
				}
				var ce *api.CapError
				switch {
				case c.want != nil && !errors.Is(err, c.want):
					t.Errorf("err = %v, want %v", err, c.want)
				case c.want == nil && (!errors.As(err, &ce) || !slices.Contains(c.kinds, ce.Kind)):
					t.Errorf("err = %v, want a cap of kind %v", err, c.kinds)
				case !api.GaveUp(err):
					t.Errorf("api.GaveUp(%v) = false", err)
				}
				if n > c.maxKeys || ce != nil && ce.Kind == api.CapItems && n != c.maxKeys {
					t.Errorf("%d keys yielded, want at most %d", n, c.maxKeys)
				}
				if got := h.requests.Load(); got > c.maxReq {
					t.Errorf("%d requests, want at most %d", got, c.maxReq)
				}
			})
		}
	}
}
