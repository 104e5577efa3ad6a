package common

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
