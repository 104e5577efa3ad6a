package list

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// hostileKeyList is a live key list on a Targon server whose every page
// is page(n) (n counts the requests from 1), always with a new cursor;
// ticks collects the list's scheduled refresh ticks.
func hostileKeyList(t *testing.T, page func(n int64) string) (kl *KeyList[api.Key, table.Row], requests *atomic.Int64, ticks *[]tea.Msg, c *common.Common) {
	t.Helper()
	requests = new(atomic.Int64)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := requests.Add(1)
		fmt.Fprintf(w, `{"items":[%s],"next_cursor":"c%d"}`, page(n), n)
	}))
	t.Cleanup(ts.Close)
	client, err := targon.NewClient(ts.URL, "tgn_0123456789abcdef", clientopt.WithRetry(clientopt.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	c, _ = uitest.NewCommon(client)
	c.ListRefreshInterval = 10 * time.Second
	ticks = new([]tea.Msg)
	c.Tick = func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		*ticks = append(*ticks, fn(uitest.Clock))
		return nil
	}
	kl = NewKeyList(c, testColumns, "API key", "API keys", targon.NewAccount(client).Keys,
		func(k api.Key) table.Row { return testRow{uid: k.ID, name: k.Name} })
	kl.SetSize(80, 12)
	return kl, requests, ticks, c
}

// feedAll runs a key list's page commands until the walk ends.
func feedAll(t *testing.T, kl *KeyList[api.Key, table.Row], cmd tea.Cmd) {
	t.Helper()
	for i := 0; cmd != nil; i++ {
		if i > api.MaxPages {
			t.Fatal("the walk did not end")
		}
		cmd = kl.Page(pageOf[api.Key](t, cmd))
	}
}

// keys are n keys from from on, as Targon lists them.
func keys(from, n int64) string {
	var b strings.Builder
	for i := from; i < from+n; i++ {
		if i > from {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"uid":"k%d","name":"key %d"}`, i, i)
	}
	return b.String()
}

// A list that never ends stops at the item cap: the first MaxItems keys
// are shown as the list, with a line that says so; no refresh starts by
// itself (the server would only overrun the list again), and r does.
func TestKeyListStopsAtTheCap(t *testing.T) {
	kl, requests, ticks, c := hostileKeyList(t, func(n int64) string { return keys(n*1000, 1000) })
	feedAll(t, kl, kl.Init())
	want := "the server sent more than 20,000 API keys; showing the first 20,000"
	if v := uitest.Plain(kl.ViewWith(c.Styles, "")); kl.Table.Len() != api.MaxItems || !strings.Contains(v, want) {
		t.Fatalf("%d rows, view:\n%s", kl.Table.Len(), v)
	}
	if !kl.Loader.Loaded() || kl.Stale() || kl.Busy() || !kl.Loader.GaveUp() {
		t.Errorf("loaded %v, stale %v, busy %v, gave up %v", kl.Loader.Loaded(), kl.Stale(), kl.Busy(), kl.Loader.GaveUp())
	}
	n := requests.Load()
	for range 5 {
		tick := (*ticks)[len(*ticks)-1]
		if cmd, _ := kl.Live(tick); cmd != nil {
			uitest.Run(t, cmd)
		}
	}
	kl.Live(common.DialogsClosedMsg{})
	if got := requests.Load(); got != n {
		t.Fatalf("%d requests after the cap by themselves", got-n)
	}
	feedAll(t, kl, kl.Refresh())
	if got := requests.Load(); got == n || kl.Table.Len() != api.MaxItems {
		t.Errorf("r: %d requests, %d rows", got-n, kl.Table.Len())
	}
}

// A list that does not converge (99 of every 100 keys repeated) fails in
// a few requests, keeps what it showed, and is not started again by the
// refresh ticks; r starts it.
func TestKeyListGivesUpOnALoop(t *testing.T) {
	kl, requests, ticks, c := hostileKeyList(t, func(n int64) string { return keys(n, 100) })
	feedAll(t, kl, kl.Init())
	v := uitest.Plain(kl.ViewWith(c.Styles, ""))
	if n := requests.Load(); n > 3 || !kl.Loader.GaveUp() || !strings.Contains(v, "loading stopped") {
		t.Fatalf("%d requests, gave up %v, view:\n%s", n, kl.Loader.GaveUp(), v)
	}
	n := requests.Load()
	for range 5 {
		if cmd, _ := kl.Live((*ticks)[len(*ticks)-1]); cmd != nil {
			uitest.Run(t, cmd)
		}
	}
	if got := requests.Load(); got != n {
		t.Fatalf("%d requests by the refresh ticks after giving up", got-n)
	}
	feedAll(t, kl, kl.Refresh())
	if requests.Load() == n {
		t.Error("r made no request")
	}
}
