// Package textfit fits text into a width of terminal cells: words wrapped
// at spaces, paths shortened from the left, and the hint and help lines
// made from key bindings, whose keys it names the way the key map shows
// them (KeyNames). Dialogs, the tables' loading notes, the login screen,
// the account switcher and the root's help line all draw with it, so it is
// a package of its own; it imports only ui/common and the charm libraries.
package textfit

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

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
