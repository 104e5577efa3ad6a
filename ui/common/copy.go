package common

import (
	"strings"
	"time"
)

// KeepCopier is a Copier that can also copy text that is not a secret (a
// key's id): a copier that clears what it copied after a while (see
// ui/clipboard.AutoClear) leaves such a copy alone.
type KeepCopier interface {
	CopyKept(text string) (how string, err error)
}

// CopyKept copies text that is not a secret and must stay on the clipboard:
// with cp's CopyKept when it has one, else with its Copy.
func CopyKept(cp Copier, text string) (how string, err error) {
	if k, ok := cp.(KeepCopier); ok {
		return k.CopyKept(text)
	}
	return cp.Copy(text)
}

// The words WillClear puts around the wait, which ClearsAt finds again.
const (
	clearsIn = " (cleared in "
	clearsIf = " if unchanged)"
)

// WillClear is the "how" of a copy that is cleared d later if the clipboard
// still holds it: "system clipboard (cleared in 30s if unchanged)".
func WillClear(how string, d time.Duration) string {
	return how + clearsIn + ShortDuration(d) + clearsIf
}

// ClearsAt is how, a "how" that WillClear made for a copy made at copied,
// with the clock time of the clear in place of the wait: "system clipboard
// (cleared at 12:00:30 if unchanged)", which stays true once the wait is
// over. Any other how comes back as it is.
func ClearsAt(how string, copied time.Time) string {
	i := strings.LastIndex(how, clearsIn)
	if i < 0 || !strings.HasSuffix(how, clearsIf) {
		return how
	}
	d, err := time.ParseDuration(how[i+len(clearsIn) : len(how)-len(clearsIf)])
	if err != nil {
		return how
	}
	return how[:i] + " (cleared at " + copied.Add(d).Format("15:04:05") + clearsIf
}
