package statusbar

import (
	"strings"
	"testing"
)

// TestWrapAtSpaces: lines break at spaces only, a path stays whole, and a
// word wider than a line is cut rather than overflowing.
func TestWrapAtSpaces(t *testing.T) {
	got := wrapAtSpaces("run chmod 600 ~/.targon/credentials-x: others can read it", 30)
	want := []string{"run chmod 600", "~/.targon/credentials-x:", "others can read it"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	got = wrapAtSpaces("a abcdefghij", 4)
	if strings.Join(got, "|") != "a|abcd|efgh|ij" {
		t.Errorf("long word: %q", got)
	}
}
