package textfit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

// Steady makes s safe to lay out in cells: every grapheme cluster whose
// width the ways of measuring disagree on — the dashboard's (lipgloss's
// grapheme widths), a terminal that counts rune by rune (wcwidth: tmux,
// xterm) and one that counts clusters (Unicode's widths) — is reduced to
// its first character, or to "?" when that disagrees too. An emoji with a
// skin tone ("👍🏽": 2 columns here, 4 in tmux) becomes its base emoji, a
// keycap its digit, an emoji family its first person. What is left is as
// wide on every terminal as the dashboard counts it, so a cut or a pad
// comes out exact and a row never wraps. Plain ASCII is returned as it
// is. The table's cells and the dialogs' titles are drawn through it; the
// whole text is where it is shown wrapped (details).
func Steady(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for rest := s; rest != ""; {
		cluster, _ := ansi.FirstGraphemeCluster(rest, ansi.GraphemeWidth)
		if cluster == "" {
			cluster = rest[:1]
		}
		rest = rest[len(cluster):]
		_, size := utf8.DecodeRuneInString(cluster)
		switch {
		case agreed(cluster):
			b.WriteString(cluster)
		case agreed(cluster[:size]):
			b.WriteString(cluster[:size])
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// Cell is s made steady (see Steady), cut to width columns with "…" or
// padded with spaces to exactly width: a table cell.
func Cell(s string, width int) string {
	if width <= 0 {
		return ""
	}
	s = Line(s, width)
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}

// Line is s made steady (see Steady) and cut to at most width columns
// with "…": one line of text that no terminal draws wider.
func Line(s string, width int) string {
	s = Steady(s)
	if ansi.StringWidth(s) > width {
		s = ansi.Truncate(s, max(0, width), "…")
	}
	return s
}

// agreed reports whether every way of measuring gives cluster one width.
func agreed(cluster string) bool {
	g := ansi.StringWidth(cluster)
	return g == wcwidth(cluster) && g == uniseg.StringWidth(cluster)
}

// wcwidth is how wide a terminal that counts rune by rune draws s:
// combining marks, format characters and Hangul's trailing jamo take no
// column, wide and fullwidth characters two, the rest one.
func wcwidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf), r >= 0x1160 && r <= 0x11ff:
		case runewidth.RuneWidth(r) == 2:
			n += 2
		default:
			n++
		}
	}
	return n
}

// isASCII reports whether s is printable ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}
