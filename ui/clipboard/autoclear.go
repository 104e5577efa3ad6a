package clipboard

import (
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/ui/common"
)

// Copier is what the dashboard copies with; *Clipboard is one, and so is
// what AutoClear returns.
type Copier interface {
	Copy(text string) (string, error)
	// CopyKept copies text that is not a secret (a key's id): it is never
	// cleared automatically (common.KeepCopier).
	CopyKept(text string) (string, error)
	// Close ends the copier; an automatic clear still pending happens now,
	// so a secret does not outlive the dashboard on the clipboard.
	Close()
}

// Close does nothing: a plain Clipboard keeps what it copied.
func (c *Clipboard) Close() {}

// CopyKept is Copy: a plain Clipboard never clears what it copied.
func (c *Clipboard) CopyKept(text string) (string, error) { return c.Copy(text) }

// AutoClear wraps c so that d after the last copy to the system clipboard
// the clipboard is cleared, unless the user copied something else since
// (see ClearIfUnchanged). Copying again restarts the wait. A copy that went
// over OSC 52 is never cleared (the terminal's clipboard cannot be read
// back), and the wrapper's Copy says so in its "how". A zero or negative d
// returns c itself.
func AutoClear(c *Clipboard, d time.Duration) Copier {
	if d <= 0 {
		return c
	}
	return &autoClear{c: c, after: d}
}

type autoClear struct {
	c     *Clipboard
	after time.Duration

	mu    sync.Mutex
	timer *time.Timer
	text  string // what the pending clear looks for; "" when none is pending
}

// Copy copies text and, on the system clipboard, (re)starts the wait before
// clearing it. The "how" it returns tells the user what will happen:
// "system clipboard (cleared in 30s if unchanged)" or
// "terminal (OSC 52); not cleared automatically".
func (a *autoClear) Copy(text string) (string, error) {
	how, err := a.c.Copy(text)
	if err != nil {
		return how, err
	}
	if how != HowSystem {
		// A clear still pending for an earlier system copy stays pending:
		// that secret may still be on the system clipboard.
		return how + "; not cleared automatically", nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.timer != nil {
		a.timer.Stop()
	}
	a.text = text
	a.timer = time.AfterFunc(a.after, a.clear)
	return common.WillClear(how, a.after), nil
}

// CopyKept copies text that must stay on the clipboard (an id): it starts
// no wait. A clear still pending for an earlier secret stays pending; it
// finds the clipboard changed and leaves it alone.
func (a *autoClear) CopyKept(text string) (string, error) { return a.c.Copy(text) }

// clear empties the system clipboard if it still holds what was copied
// last.
func (a *autoClear) clear() {
	a.mu.Lock()
	text := a.text
	a.text, a.timer = "", nil
	a.mu.Unlock()
	if text != "" {
		_ = a.c.ClearIfUnchanged(text, HowSystem)
	}
}

// Close clears a pending copy at once.
func (a *autoClear) Close() {
	a.mu.Lock()
	pending := a.timer != nil && a.timer.Stop()
	a.mu.Unlock()
	if pending {
		a.clear()
	}
}
