package components

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
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
}

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

// scrolls reports whether the last draw had to scroll the body.
func (b *Box) scrolls() bool { return b.bodyLen > b.window }

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
	how := KeyNames(keys.Up) + " " + KeyNames(keys.Down) + " scroll"
	if b.keepSet {
		// A form: letters are text there; the body follows the focus.
		how = KeyNames(keys.NextField) + " next field"
	}
	more := st.Muted.Render(fmt.Sprintf("%s %d–%d of %d lines · %s",
		arrows(l.offset > 0, l.offset+l.window < len(bd)), l.offset+1, l.offset+l.window, len(bd), how))
	return frame.Width(b.width).Padding(0, 2).Render(join(h, shown, ft, ansi.Truncate(more, b.Inner(), "…")))
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

// buttons draws a dialog's choices, the one at active highlighted. Framed
// buttons take three lines; compact ones one ("[ No ]  Roll").
func buttons(st *common.Styles, compact bool, active int, labels ...string) string {
	parts := make([]string, 0, 2*len(labels))
	for i, b := range buttonParts(st, compact, active, labels...) {
		if i > 0 {
			parts = append(parts, buttonGap)
		}
		parts = append(parts, b)
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, parts...)
}

// buttonGap is the space between two buttons.
const buttonGap = " "

// buttonParts draws each button of buttons on its own.
func buttonParts(st *common.Styles, compact bool, active int, labels ...string) []string {
	parts := make([]string, 0, len(labels))
	for i, l := range labels {
		switch {
		case compact && i == active:
			parts = append(parts, st.ButtonActive.UnsetBorderStyle().UnsetPadding().Render("[ "+l+" ]"))
		case compact:
			parts = append(parts, st.Button.UnsetBorderStyle().UnsetPadding().Render("  "+l+"  "))
		case i == active:
			parts = append(parts, st.ButtonActive.Render(l))
		default:
			parts = append(parts, st.Button.Render(l))
		}
	}
	return parts
}

// KeyNames is how bindings' keys are shown in a hint: "esc/enter". It
// follows the key map, so a remapped key shows its new name.
func KeyNames(bs ...key.Binding) string {
	names := make([]string, 0, len(bs))
	for _, b := range bs {
		if b.Enabled() && b.Help().Key != "" {
			names = append(names, b.Help().Key)
		}
	}
	return strings.Join(names, "/")
}

// Hint is a dialog's muted hint line, "y yes · n/esc no", from pairs of
// key names (see KeyNames) and what they do; it is wrapped to width.
func Hint(st *common.Styles, width int, pairs ...string) string {
	items := make([]string, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != "" {
			items = append(items, pairs[i]+" "+pairs[i+1])
		}
	}
	return st.Muted.Render(WrapWords(strings.Join(items, " · "), width))
}

// WrapWords breaks s at spaces to width columns (ANSI-aware). A word is
// never split — a path or a URL stays on one line — unless it is wider
// than width by itself.
func WrapWords(s string, width int) string {
	width = max(10, width)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line, lineW := "", 0
		for _, word := range strings.Split(para, " ") {
			w := ansi.StringWidth(word)
			switch {
			case lineW > 0 && lineW+1+w <= width:
				line, lineW = line+" "+word, lineW+1+w
				continue
			case lineW > 0 || line != "":
				out = append(out, line)
			}
			line, lineW = word, w
			if w > width { // only a word wider than the dialog is cut
				cut := strings.Split(ansi.Hardwrap(word, width, true), "\n")
				out = append(out, cut[:len(cut)-1]...)
				line = cut[len(cut)-1]
				lineW = ansi.StringWidth(line)
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// FitPath keeps a path on one line of width columns: whole when it fits,
// else its end (the most specific part) after "…".
func FitPath(path string, width int) string {
	if ansi.StringWidth(path) <= width {
		return path
	}
	return "…" + ansi.TruncateLeft(path, ansi.StringWidth(path)-width+1, "")
}

// FitShortHelp picks from bs, in order, the bindings whose hints fit on a
// line of width columns when h draws them, so the line shows whole hints
// and never ends in "…". Bindings with the key of one of keep (help,
// quit, cancel) are kept first.
//
// Widths are counted on the plain text, the way help.Model lays the line
// out ("key desc" items joined by its separator): the help styles only
// colour, they add no padding. Drawing each candidate line instead costs a
// colour conversion per cell on every frame.
func FitShortHelp(h help.Model, bs []key.Binding, width int, keep ...key.Binding) []key.Binding {
	must := map[string]bool{}
	for _, k := range keep {
		must[k.Help().Key] = true
	}
	sep := lipgloss.Width(h.ShortSeparator)
	itemWidth := func(b key.Binding) int {
		return lipgloss.Width(b.Help().Key) + 1 + lipgloss.Width(b.Help().Desc)
	}
	chosen := make([]bool, len(bs))
	used, count := 0, 0
	pick := func(want bool) {
		for i, b := range bs {
			if chosen[i] || must[b.Help().Key] != want || !b.Enabled() {
				continue
			}
			w := itemWidth(b)
			if count > 0 {
				w += sep
			}
			if used+w <= width {
				chosen[i], used, count = true, used+w, count+1
			}
		}
	}
	pick(true)
	pick(false)
	return selected(bs, chosen)
}

func selected(bs []key.Binding, chosen []bool) []key.Binding {
	var out []key.Binding
	for i, b := range bs {
		if chosen[i] {
			out = append(out, b)
		}
	}
	return out
}
