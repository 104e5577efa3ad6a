package common_test

import (
	"testing"

	"github.com/targon-dash/targon-dash/ui/common"
)

// Ids start at 1 and never repeat, also between a Common and the copy an
// account switch makes of it: the copy shares the id source.
func TestIDsAreSharedByCopiesOfCommon(t *testing.T) {
	c := &common.Common{IDs: new(common.IDs)}
	switched := *c
	if a, b, again := c.IDs.Next(), switched.IDs.Next(), c.IDs.Next(); a != 1 || b != 2 || again != 3 {
		t.Errorf("ids %d, %d, %d; want 1, 2, 3", a, b, again)
	}
}

// A Common without an id source is a mistake that must show at once, not
// ids that could repeat.
func TestNilIDsPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Next on a nil IDs did not panic")
		}
	}()
	var c common.Common
	c.IDs.Next()
}
