package login

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Signing in to OpenRouter says what kind of key was given: an inference
// key is accepted, with a note that it cannot list or manage keys; a
// management key says it can.
func TestLoginSaysWhatKindOfKey(t *testing.T) {
	sim, base := uitest.OpenRouter(t)
	for _, tt := range []struct {
		key, want string
	}{
		{sim.DemoInferenceKey(), "an inference key. It can use models and show its own usage, but cannot list or manage API keys"},
		{sim.DemoManagementKey(), "a management key, which can manage this account's keys"},
	} {
		c, _ := uitest.NewOpenRouterCommon(t, base, "")
		c.Home = api.KeyHome{File: filepath.Join(t.TempDir(), "credentials-router")}
		c.SaveKey = func(string) error { return nil }
		s := &screen{m: New(c, "", false)}
		s.typeText(tt.key)
		s.send(t, "enter")
		if v := uitest.Plain(s.m.View()); !strings.Contains(v, "✓ Key accepted by") || !strings.Contains(v, tt.want) {
			t.Errorf("view lacks %q:\n%s", tt.want, s.m.View())
		}
	}
}
