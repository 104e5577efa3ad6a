package clipboard

import (
	"sync"
	"time"
)

// Copier is what the dashboard copies with; *Clipboard is one, and so is
// what AutoClear returns.
type Copier interface {
	Copy(text string) (string, error)
	// Close ends the copier; an automatic clear still pending happens now,
	// so a secret does not outlive the dashboard on the clipboard.
	Close()
}

// Close does nothing: a plain Clipboard keeps what it copied.
func (c *Clipboard) Close() {}

// AutoClear wraps c so that d after the last copy the clipboard is cleared,
// unless the user copied something else since (see ClearIfUnchanged).
// Copying again restarts the wait. A zero or negative d returns c itself.
func AutoClear(c *Clipboard, d time.Duration) Copier {
	if d <= 0 {
		return c
	}
	return &autoClear{c: c, after: d}
}

type autoClear struct {
	c     *Clipboard
	after time.Duration

	mu        sync.Mutex
	timer     *time.Timer
	text, how string
}

// Copy copies text and (re)starts the wait before clearing it.
func (a *autoClear) Copy(text string) (string, error) {
	how, err := a.c.Copy(text)
	if err != nil {
		return how, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.timer != nil {
		a.timer.Stop()
	}
	a.text, a.how = text, how
	a.timer = time.AfterFunc(a.after, a.clear)
	return how, nil
}

// clear empties the clipboard if it still holds what was copied last.
func (a *autoClear) clear() {
	a.mu.Lock()
	text, how := a.text, a.how
	a.text, a.how, a.timer = "", "", nil
	a.mu.Unlock()
	if text != "" {
		_ = a.c.ClearIfUnchanged(text, how)
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
