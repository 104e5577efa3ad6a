package login

import (
	"os"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// Read-only: signing in works, but the key is not offered for saving:
// read-only writes nothing, the credentials file included.
func TestReadOnlySignsInWithoutSaving(t *testing.T) {
	s := newScreen(t, false, api.KeyNone)
	s.m.c.ReadOnly = true
	key := s.sim.DemoKey()
	s.typeText(key)
	out := s.send(t, "enter")
	if want := (DoneMsg{Key: key}); len(out) != 1 || out[0] != want {
		t.Fatalf("out = %+v, want [%+v] without a save question:\n%s", out, want, s.m.View())
	}
	if _, err := os.Stat(s.path); err == nil {
		t.Error("credentials saved in read-only mode")
	}
}
