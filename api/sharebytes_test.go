package api_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// Walks started under ShareWalkBytes count their bytes and items
// together: the second walk of a list runs out where the first left off.
func TestShareWalkBytes(t *testing.T) {
	ctx := api.ShareWalkBytes(context.Background(), 1000)
	read := func(g *api.WalkGuard, n int) error {
		wctx, cancel := g.Start(ctx)
		defer cancel()
		_, err := io.Copy(io.Discard, api.MeterBody(wctx, strings.NewReader(strings.Repeat("x", n))))
		return err
	}
	first, second := api.NewWalkGuard(api.WalkLimits{}), api.NewWalkGuard(api.WalkLimits{})
	if err := read(first, 600); err != nil {
		t.Fatalf("first walk: %v", err)
	}
	var ce *api.CapError
	if err := read(second, 600); !errors.As(err, &ce) || ce.Kind != api.CapBytes || ce.Limit != 1000 {
		t.Fatalf("second walk: %v, want the shared 1000-byte cap", err)
	}
	if keep, err := second.Take(5); keep != 0 || !errors.As(err, &ce) {
		t.Fatalf("Take after the shared budget: %d, %v", keep, err)
	}
}
