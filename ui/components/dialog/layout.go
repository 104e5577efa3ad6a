package dialog

// Layouts a Box picks, from the roomiest: with the frame's padding,
// without it, without blank lines too, and with the body scrolling.
const (
	fitPadded = iota
	fitUnpadded
	fitPacked
	fitScroll
)

// boxLayout is how a Box lays a head, body and foot out: the layout that
// fits, the lines drawn and where the foot starts.
type boxLayout struct {
	fit              int
	head, body, foot []string // head may be cut on a tiny screen
	// offset and window are the body lines shown:
	// body[offset:offset+window].
	offset, window int
	// footTop is the line of the drawn dialog (border included) where the
	// foot starts, for mouse clicks on its buttons.
	footTop int
}

// layout lays head, body and foot out in the box as it is now (size,
// scroll offset, the lines to keep in view). It only reads the box, so
// View and a click handler get the same answer from it.
func (b *Box) layout(head, body, foot string) boxLayout {
	h, bd, ft := split(head), split(body), split(foot)
	l := boxLayout{head: h, body: bd, foot: ft, window: len(bd)}
	full := len(h) + 1 + len(bd) + 1 + len(ft)
	switch {
	case full+4 <= b.height: // with the frame's padding
		l.fit, l.footTop = fitPadded, 1+1+len(h)+1+len(bd)+1
		return l
	case full+2 <= b.height: // without it
		l.fit, l.footTop = fitUnpadded, 1+len(h)+1+len(bd)+1
		return l
	case full+2-2 <= b.height: // and without blank lines
		l.fit, l.footTop = fitPacked, 1+len(h)+len(bd)
		return l
	}
	// Scroll: the blank line under the body says where it stands.
	l.fit = fitScroll
	if room := b.height - 2 - 1 - 1 - len(ft) - 1; room < len(h) {
		l.head = h[:max(1, room)]
	}
	l.window = max(1, b.height-2-len(l.head)-1-1-len(ft))
	l.offset = b.offset
	if b.keepSet {
		if b.keep[1] >= l.offset+l.window {
			l.offset = b.keep[1] - l.window + 1
		}
		if b.keep[0] < l.offset {
			l.offset = b.keep[0]
		}
	}
	l.offset = max(0, min(l.offset, len(bd)-l.window))
	l.footTop = 1 + len(l.head) + 1 + min(l.window, len(bd)) + 1
	return l
}
