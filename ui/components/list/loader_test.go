package list

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// pager is an in-memory list: pages of items, an optional failure per
// page, and a log of the pages asked for. Its walk yields one page at a
// time, like an account's.
type pager[T any] struct {
	mu    sync.Mutex
	pages [][]T
	fail  map[int]error
	calls []int
}

func newPager[T any](pages ...[]T) *pager[T] { return &pager[T]{pages: pages} }

func (p *pager[T]) set(pages ...[]T) {
	p.mu.Lock()
	p.pages, p.fail = pages, nil
	p.mu.Unlock()
}

func (p *pager[T]) failAt(page int, err error) {
	p.mu.Lock()
	p.fail = map[int]error{page: err}
	p.mu.Unlock()
}

// get returns page i and whether more follow.
func (p *pager[T]) get(i int) ([]T, bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls = append(p.calls, i)
	if err := p.fail[i]; err != nil {
		return nil, false, err
	}
	var items []T
	if i < len(p.pages) {
		items = p.pages[i]
	}
	return items, i+1 < len(p.pages), nil
}

func (p *pager[T]) walk(ctx context.Context) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) {
		for i := 0; ; i++ {
			items, more, err := p.get(i)
			if !yield(items, err) || err != nil || !more {
				return
			}
		}
	}
}

func (p *pager[T]) requests() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.calls)
}

// pageOf runs a loader command and returns the page it yields.
func pageOf[T any](t *testing.T, cmd tea.Cmd) PageMsg[T] {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command to request a page")
	}
	msgs := uitest.Run(t, cmd)
	for _, m := range msgs {
		if p, ok := m.(PageMsg[T]); ok {
			return p
		}
	}
	t.Fatalf("no page among %v", msgs)
	return PageMsg[T]{}
}

// The first load streams: every page is shown as it arrives (replacing
// for the first page, appending after), the next page is requested at once
// with the previous cursor, and the note counts what has arrived.
func TestLoaderFirstLoadStreams(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	p := newPager([]string{"a", "b"}, []string{"c", "d"}, []string{"e"})
	l := NewLoader(c, p.walk)
	st := c.Styles
	if l.Loaded() || l.Busy() || l.Note(st, "things", 0) != "" {
		t.Fatal("a new loader is not idle")
	}

	cmd := l.Load()
	if !l.Busy() || !strings.Contains(l.Note(st, "things", 0), "loading things…") {
		t.Errorf("busy=%v note=%q while the first page is pending", l.Busy(), l.Note(st, "things", 0))
	}
	want := []struct {
		items   []string
		replace bool
		more    bool
	}{
		{[]string{"a", "b"}, true, true},
		{[]string{"c", "d"}, false, true},
		{[]string{"e"}, false, true},
		{nil, false, false}, // the end of the walk
	}
	shown := 0
	for i, w := range want {
		items, replace, next, ok := l.Update(pageOf[string](t, cmd))
		if !ok || !slices.Equal(items, w.items) || replace != w.replace || (next != nil) != w.more {
			t.Fatalf("page %d: items=%v replace=%v next=%v ok=%v, want %v %v %v", i, items, replace, next != nil, ok, w.items, w.replace, w.more)
		}
		shown += len(items)
		if w.more {
			if note := l.Note(st, "things", shown); !strings.Contains(note, fmt.Sprintf("loading… %d so far", shown)) {
				t.Errorf("page %d: note = %q", i, note)
			}
		}
		cmd = next
	}
	if l.Busy() || !l.Loaded() || l.Err() != nil || !l.Updated().Equal(uitest.Clock) || l.Note(st, "things", 5) != "" {
		t.Errorf("after the last page: busy=%v loaded=%v err=%v updated=%v", l.Busy(), l.Loaded(), l.Err(), l.Updated())
	}
	calls := p.requests()
	wantCalls := []int{0, 1, 2}
	if !slices.Equal(calls, wantCalls) {
		t.Errorf("requests = %v, want %v", calls, wantCalls)
	}
}

// A reload keeps the old items on screen (yields nothing) until its last
// page is in, then replaces them all at once: a refresh never empties the
// list or shows half of it.
func TestLoaderReloadSwapsAtTheEnd(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	p := newPager([]string{"a"})
	l := NewLoader(c, p.walk)
	_, _, next, _ := l.Update(pageOf[string](t, l.Load()))
	if _, _, _, ok := l.Update(pageOf[string](t, next)); !ok || !l.Loaded() {
		t.Fatal("first load failed")
	}

	p.set([]string{"x", "y"}, []string{"z"}, []string{"a"})
	cmd := l.Load()
	for i := 0; i < 3; i++ {
		items, replace, next, ok := l.Update(pageOf[string](t, cmd))
		if !ok || items != nil || replace || next == nil {
			t.Fatalf("reload page %d: items=%v replace=%v next=%v ok=%v", i, items, replace, next != nil, ok)
		}
		cmd = next
	}
	items, replace, next, ok := l.Update(pageOf[string](t, cmd))
	if !ok || !replace || next != nil || !slices.Equal(items, []string{"x", "y", "z", "a"}) {
		t.Errorf("last reload page: items=%v replace=%v next=%v", items, replace, next != nil)
	}
}

// Replies of an abandoned walk (a refresh pressed twice) are dropped, and
// so is a reply once the walk is over.
func TestLoaderIgnoresStalePages(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	p := newPager([]string{"a"})
	l := NewLoader(c, p.walk)
	old := l.Load()
	current := l.Load()
	oldPage := pageOf[string](t, old)
	if _, _, _, ok := l.Update(oldPage); ok {
		t.Error("a page of the abandoned walk was taken")
	}
	if !l.Busy() {
		t.Error("a stale page ended the walk")
	}
	page := pageOf[string](t, current)
	items, _, next, ok := l.Update(page)
	if !ok || !slices.Equal(items, []string{"a"}) {
		t.Errorf("current page: items=%v ok=%v", items, ok)
	}
	if _, _, _, ok := l.Update(pageOf[string](t, next)); !ok || l.Busy() {
		t.Fatal("the end of the walk was not taken")
	}
	if _, _, _, ok := l.Update(page); ok {
		t.Error("a duplicate reply after the walk ended was taken")
	}
}

// An error ends the walk, keeps what is shown, and says what failed and
// how to retry; the next Load starts over, and the error stays until it
// has succeeded.
func TestLoaderError(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	p := newPager([]string{"a"}, []string{"b"})
	p.failAt(1, &targon.Error{Status: 503, Message: "service unavailable"})
	l := NewLoader(c, p.walk)
	_, _, next, _ := l.Update(pageOf[string](t, l.Load()))
	items, replace, cmd, ok := l.Update(pageOf[string](t, next))
	if !ok || items != nil || replace || cmd != nil {
		t.Errorf("error page: items=%v replace=%v cmd=%v ok=%v", items, replace, cmd != nil, ok)
	}
	if l.Busy() || l.Loaded() || l.Err() == nil {
		t.Errorf("busy=%v loaded=%v err=%v", l.Busy(), l.Loaded(), l.Err())
	}
	note := uitest.Plain(l.Note(c.Styles, "API keys", 1))
	if note != "✗ could not load API keys: the Targon API had a problem (HTTP 503) — r to retry" {
		t.Errorf("note = %q", note)
	}

	p.set([]string{"a"}, []string{"b"})
	_, _, next, _ = l.Update(pageOf[string](t, l.Load()))
	if l.Err() == nil {
		t.Error("the retry in flight dropped the error before it succeeded")
	}
	items, _, next, _ = l.Update(pageOf[string](t, next))
	l.Update(pageOf[string](t, next))
	if !slices.Equal(items, []string{"b"}) || !l.Loaded() || l.Err() != nil {
		t.Errorf("retry: items=%v loaded=%v err=%v", items, l.Loaded(), l.Err())
	}
}

// A new walk stops the old one: its context is cancelled, so a page in
// flight ends at once, and its iterator is released.
func TestLoaderStopsTheOldWalk(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	var mu sync.Mutex
	var ctxs []context.Context
	released := make(chan struct{}, 2)
	walk := func(ctx context.Context) iter.Seq2[[]int, error] {
		mu.Lock()
		ctxs = append(ctxs, ctx)
		mu.Unlock()
		return func(yield func([]int, error) bool) {
			defer func() { released <- struct{}{} }()
			for i := 0; yield([]int{i}, nil); i++ {
			}
		}
	}
	l := NewLoader(c, walk)
	_, _, _, ok := l.Update(pageOf[int](t, l.Load()))
	if !ok {
		t.Fatal("the first page was not taken")
	}
	l.Load()
	<-released // the first walk's iterator returned (after a Stop)
	mu.Lock()
	defer mu.Unlock()
	if len(ctxs) != 2 || ctxs[0].Err() == nil || ctxs[1].Err() != nil {
		t.Fatalf("old walk's context not cancelled (or the new one is): %d walks", len(ctxs))
	}
	l.Stop() // the second walk never started: nothing to release
	if ctxs[1].Err() == nil {
		t.Error("Stop did not cancel the walk")
	}
}

// After an account switch the new view's loader never takes a page of the
// discarded one's walk: walk numbers are never shared between loaders.
func TestLoaderIgnoresAnotherLoadersPages(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	old := NewLoader(c, newPager([]string{"old account's key"}).walk)
	oldPage := pageOf[string](t, old.Load())
	old.Stop()
	fresh := NewLoader(c, newPager([]string{"new account's key"}).walk)
	cmd := fresh.Load()
	if items, _, _, ok := fresh.Update(oldPage); ok {
		t.Fatalf("the new loader took the old walk's page %v", items)
	}
	if items, _, _, ok := fresh.Update(pageOf[string](t, cmd)); !ok || !slices.Equal(items, []string{"new account's key"}) {
		t.Fatalf("own page: items=%v ok=%v", items, ok)
	}
}

// The list's load error names the refresh key as the key map has it.
func TestLoaderNoteFollowsKeyMap(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	if err := c.Keys.Override(map[string][]string{"refresh": {"ctrl+r"}, "back": {"ctrl+g"}}); err != nil {
		t.Fatal(err)
	}
	l := NewLoader[int](c, nil)
	l.err = errors.New("boom")
	if n := uitest.Plain(l.Note(c.Styles, "things", 0)); !strings.Contains(n, "ctrl+r to retry") {
		t.Errorf("loader note %q", n)
	}
}
