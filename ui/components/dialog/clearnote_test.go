package dialog

import (
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// A copy that is cleared later is described with the clock time of the
// clear ("cleared at 12:00:10 if unchanged"), which stays true after the
// clear, never with a wait ("cleared in 10s") that is false ten seconds
// on; copying again with y restarts the wait and says so the same way.
func TestSecretSaysWhenTheClipboardIsCleared(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	m := NewSecret(c, "New API key “ci”", newSecret, "system clipboard (cleared in 10s if unchanged)", nil)
	v := uitest.Plain(m.View())
	if !strings.Contains(v, "✓ copied via system clipboard (cleared at 12:00:10 if unchanged).") || strings.Contains(v, "cleared in") {
		t.Errorf("view:\n%s", m.View())
	}
	c.Clipboard = clearingClipboard{}
	c.Now = func() time.Time { return uitest.Clock.Add(5 * time.Second) }
	send(t, m, "y")
	if v := uitest.Plain(m.View()); !strings.Contains(v, "cleared at 12:01:35 if unchanged") || strings.Contains(v, "cleared in") {
		t.Errorf("after y:\n%s", m.View())
	}
}

// clearingClipboard copies as a clipboard that clears a secret 90 s later
// describes it.
type clearingClipboard struct{}

func (clearingClipboard) Copy(string) (string, error) {
	return "system clipboard (cleared in 1m30s if unchanged)", nil
}
