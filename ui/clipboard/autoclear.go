package clipboard

import "time"

// AutoClear wraps c so that, after text is copied, the
// clipboard is cleared after d unless the user copied something else since
// (see ClearIfUnchanged). A zero d returns c unchanged.
func AutoClear(c *Clipboard, d time.Duration) interface {
	Copy(text string) (string, error)
} {
	if d <= 0 {
		return c
	}
	return &autoClear{c: c, after: d}
}

type autoClear struct {
	c     *Clipboard
	after time.Duration
}

// Copy copies text and schedules the clearing.
func (a *autoClear) Copy(text string) (string, error) {
	how, err := a.c.Copy(text)
	if err == nil {
		time.AfterFunc(a.after, func() { _ = a.c.ClearIfUnchanged(text, how) })
	}
	return how, err
}
