package api

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
)

// fakeCursorWalk walks pages of ids, page(n) being the n-th (from 0) and
// whether a next cursor (always new) follows; it returns the ids yielded,
// the error the walk ended with and the pages asked for.
func fakeCursorWalk(lim WalkLimits, page func(n int) ([]string, bool)) (got []string, err error, asked int) {
	fetch := func(ctx context.Context, cursor string) ([]string, string, error) {
		items, more := page(asked)
		asked++
		if !more {
			return items, "", nil
		}
		return items, "c" + strconv.Itoa(asked), nil
	}
	for p, e := range WalkPages(context.Background(), lim, fetch, func(s string) string { return s }) {
		if e != nil {
			return got, e, asked
		}
		got = append(got, p...)
	}
	return got, nil, asked
}

func names(from, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "k" + strconv.Itoa(from+i)
	}
	return out
}

// The guard's rules on a cursor walk: the item and page caps cut the list
// where they are, repeats and empty pages that promise more stop it, and
// an honest list of a few pages passes whole.
func TestWalkGuardRules(t *testing.T) {
	for _, c := range []struct {
		name      string
		lim       WalkLimits
		page      func(n int) ([]string, bool)
		want      error
		kind      CapKind
		items, at int // items yielded, pages asked
	}{
		{"honest", WalkLimits{}, func(n int) ([]string, bool) { return names(n*10, 10), n < 4 }, nil, 0, 50, 5},
		{"item cap", WalkLimits{Items: 25}, func(n int) ([]string, bool) { return names(n*10, 10), true }, nil, CapItems, 25, 3},
		{"page cap", WalkLimits{Pages: 4}, func(n int) ([]string, bool) { return names(n, 1), true }, nil, CapPages, 4, 4},
		{"byte cap", WalkLimits{Bytes: 5 * ItemBytes}, func(n int) ([]string, bool) { return names(n*3, 3), true }, nil, CapBytes, 5, 2},
		{"same page", WalkLimits{}, func(n int) ([]string, bool) { return names(0, 10), true }, ErrRepeatedPage, 0, 10, 2},
		{"one new a page", WalkLimits{}, func(n int) ([]string, bool) { return names(n, 100), true }, ErrNotConverging, 0, 200, 3},
		{"empty pages", WalkLimits{}, func(n int) ([]string, bool) { return nil, true }, ErrNotConverging, 0, 0, maxStalls + 1},
		{"a few empty pages", WalkLimits{}, func(n int) ([]string, bool) {
			if n < maxStalls {
				return nil, true
			}
			return names(0, 1), false
		}, nil, 0, 1, maxStalls + 1},
	} {
		got, err, asked := fakeCursorWalk(c.lim, c.page)
		var ce *CapError
		switch {
		case c.kind != 0 && (!errors.As(err, &ce) || ce.Kind != c.kind):
			t.Errorf("%s: err = %v, want a cap of kind %d", c.name, err, c.kind)
		case c.kind == 0 && !errors.Is(err, c.want):
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		case (err != nil) != GaveUp(err):
			t.Errorf("%s: GaveUp(%v) = %v", c.name, err, GaveUp(err))
		}
		if len(got) != c.items || asked != c.at {
			t.Errorf("%s: %d items in %d pages, want %d in %d", c.name, len(got), asked, c.items, c.at)
		}
	}
}

// MeterBody counts the answers of one walk together and stops the one
// that passes a cap; outside a walk it counts nothing.
func TestMeterBody(t *testing.T) {
	body := func(n int) io.Reader { return strings.NewReader(strings.Repeat("x", n)) }
	if r := MeterBody(context.Background(), body(10)); r == nil {
		t.Fatal("nil reader outside a walk")
	}
	g := NewWalkGuard(WalkLimits{Bytes: 150, PageBytes: 60})
	ctx, cancel := g.Start(context.Background())
	defer cancel()
	var ce *CapError
	if _, err := io.ReadAll(MeterBody(ctx, body(61))); !errors.As(err, &ce) || ce.Kind != CapPageBytes {
		t.Errorf("a page over its cap: %v", err)
	}
	if _, err := io.ReadAll(MeterBody(ctx, body(50))); err != nil {
		t.Errorf("the first 50 bytes: %v", err)
	}
	if _, err := io.ReadAll(MeterBody(ctx, body(50))); !errors.As(err, &ce) || ce.Kind != CapBytes {
		t.Errorf("past the walk's bytes: %v", err)
	}
}
