package dialog

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// ScreenChrome is how many lines of the screen are not the dialogs' to
// use: the root draws dialogs between its tab bar (2 lines) and its status
// and help lines (2). A dialog's SetSize gets the whole screen.
const ScreenChrome = 4

// Box lays a dialog out in the space the root gives it: a head (the
// title), a body and a foot (buttons, errors, the hint). The foot is
// always drawn whole; when the screen is short the padding goes first,
// then the body scrolls inside the dialog, with a line saying so.
type Box struct {
	// width is the frame's width as lipgloss counts it (text + padding);
	// the text is width-4 wide and the drawn dialog width+2.
	width int
	// height is the most lines the dialog may take, border included.
	height int
	// offset is the first body line shown while the body scrolls.
	offset int
	// window and bodyLen are from the last draw: how many body lines were
	// shown, of how many.
	window, bodyLen int
	// keep, when keepSet, is a range of body lines that must be visible
	// (a form's focused field).
	keep    [2]int
	keepSet bool
	// fields is how many fields the form that keeps keep has: with one,
	// the scroll line names no next field.
	fields int
	// typing says a text input has the keys (see SetTyping).
	typing bool
}

// SetTyping says a text input outside a form has the keys (the login
// screen's): letters are text there, so the scroll line names only the
// scroll keys that are not (↑/↓), and only those may scroll.
func (b *Box) SetTyping() { b.typing = true }

// SetSize fits the box to a screen of w×h: at most maxWidth wide and
// margin narrower than the screen.
func (b *Box) SetSize(w, h, maxWidth, margin int) {
	b.width = min(maxWidth, max(20, w-margin))
	b.height = max(5, h-ScreenChrome)
}

// Inner is the width of the text inside the frame.
func (b *Box) Inner() int { return b.width - 4 }

// Height is the most lines the dialog may take, border included.
func (b *Box) Height() int { return b.height }

// Fits reports whether head, body and foot fit without scrolling.
func (b *Box) Fits(head, body, foot string) bool {
	return lines(head)+1+lines(body)+1+lines(foot)+2 <= b.height
}

// Render draws the dialog in frame: head, body and foot, scrolling the
// body when they do not fit (keys name the scroll keys). It records what
// it showed (offset, window, bodyLen) for Scroll and Wheel.
func (b *Box) Render(st *common.Styles, keys *common.KeyMap, frame lipgloss.Style, head, body, foot string) string {
	l := b.layout(head, body, foot)
	h, bd, ft := l.head, l.body, l.foot
	b.bodyLen, b.window, b.offset = len(bd), l.window, l.offset
	switch l.fit {
	case fitPadded:
		return frame.Width(b.width).Render(join(h, bd, ft, ""))
	case fitUnpadded:
		return frame.Width(b.width).Padding(0, 2).Render(join(h, bd, ft, ""))
	case fitPacked:
		return frame.Width(b.width).Padding(0, 2).Render(strings.Join(append(append(append([]string{}, h...), bd...), ft...), "\n"))
	}
	shown := bd[l.offset : l.offset+l.window]
	more := fmt.Sprintf("%s %d–%d of %d lines", arrows(l.offset > 0, l.offset+l.window < len(bd)), l.offset+1, l.offset+l.window, len(bd))
	if how := b.scrollKeys(keys); how != "" {
		more += " · " + how
	}
	more = st.Muted.Render(more)
	return frame.Width(b.width).Padding(0, 2).Render(join(h, shown, ft, ansi.Truncate(more, b.Inner(), "…")))
}

// scrollKeys names what moves a scrolling body, for the scroll line: the
// movement keys; in a form (where letters are text) the next field, which
// the body follows, or nothing with one field; with a text input, the
// movement keys that are not text.
func (b *Box) scrollKeys(keys *common.KeyMap) string {
	switch {
	case b.keepSet && b.fields > 1:
		return textfit.KeyNames(keys.NextField) + " next field"
	case b.keepSet:
		return ""
	case b.typing:
		return textfit.KeyNames(common.NonText(keys.Up), common.NonText(keys.Down)) + " scroll"
	}
	return textfit.KeyNames(keys.Up) + " " + textfit.KeyNames(keys.Down) + " scroll"
}

// Scroll moves a scrolling body with the movement keys; it reports whether
// the key was one of them.
func (b *Box) Scroll(km tea.KeyMsg, k *common.KeyMap) bool {
	last := max(0, b.bodyLen-b.window)
	switch {
	case key.Matches(km, k.Up):
		b.offset = max(0, b.offset-1)
	case key.Matches(km, k.Down):
		b.offset = min(last, b.offset+1)
	case key.Matches(km, k.PageUp):
		b.offset = max(0, b.offset-b.window)
	case key.Matches(km, k.PageDown):
		b.offset = min(last, b.offset+b.window)
	case key.Matches(km, k.Top):
		b.offset = 0
	case key.Matches(km, k.Bottom):
		b.offset = last
	default:
		return false
	}
	return true
}

// Wheel scrolls a body that does not fit by delta lines (see mouse.Wheel);
// it does nothing when the whole body is shown.
func (b *Box) Wheel(delta int) {
	b.offset = max(0, min(b.offset+delta, b.bodyLen-b.window))
}

// arrows says which way there is more to see.
func arrows(up, down bool) string {
	switch {
	case up && down:
		return "↑↓"
	case up:
		return "↑"
	}
	return "↓"
}

// join puts head, body and foot together with a blank line (or the
// scroll line) between body and foot.
func join(head, body, foot []string, between string) string {
	parts := append(append(append([]string{}, head...), ""), body...)
	parts = append(append(parts, between), foot...)
	return strings.Join(parts, "\n")
}

// split cuts s into lines; "" is no line at all.
func split(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// lines counts the lines of s ("" has none).
func lines(s string) int { return len(split(s)) }

// titleLine is a dialog's title on one line of width columns. A title too
// long for it (a 5,000-character name) is cut inside its quotes, keeping
// what follows them: "Delete API key “a very lo…”?". The whole name is in
// the details.
func titleLine(st *common.Styles, title string, width int) string {
	if ansi.StringWidth(textfit.Steady(title)) > width {
		open, end := strings.Index(title, "“"), strings.LastIndex(title, "”")
		if open >= 0 && end > open {
			head, tail := title[:open+len("“")], title[end:]
			if room := width - ansi.StringWidth(head) - ansi.StringWidth(tail); room >= 4 {
				title = head + textfit.Line(title[len(head):end], room) + tail
			}
		}
	}
	return st.ModalTitle.Render(textfit.Line(title, width))
}
