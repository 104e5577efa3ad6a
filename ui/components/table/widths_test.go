package table

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

// hostileNames are names a server may send, already cleaned
// (api.CleanText keeps all of these): emoji sequences, combining marks,
// CJK, conjuncts and the characters of issue 18 that survive cleaning.
var hostileNames = []string{
	strings.Repeat("👨‍👩‍👧‍👦", 30),
	strings.Repeat("👍🏽🏳️‍🌈☺️1️⃣🇺🇸", 12),
	"Zalgo " + strings.Repeat("z\u0336\u0337\u0338\u0335", 40),
	strings.Repeat("日本語の鍵", 20),
	strings.Repeat("क्षत्रिय", 20),
	strings.Repeat("กำแพง", 30),
	strings.Repeat("ｸ゛ｸﾞ", 30), // the halfwidth mark CleanText widens, and one it may miss
	strings.Repeat("\u1100\u1161\u11a8ᅟ", 20),
	strings.Repeat("a\u00adb\u034fc", 30), // invisibles, should any arrive
	"plain-ascii-name",
}

// terminalWidths are the widths a line may take on screen: as the
// dashboard measures it, on a terminal that counts rune by rune (tmux),
// (glibc's wcwidth, as tmux counts) and on one that counts grapheme
// clusters.
func terminalWidths(line string) []int {
	plain := ansi.Strip(line)
	wc := 0
	for _, r := range plain {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf), r >= 0x1160 && r <= 0x11ff: // glibc's wcwidth 0
		case runewidth.RuneWidth(r) == 2:
			wc += 2
		default:
			wc++
		}
	}
	return []int{ansi.StringWidth(plain), wc, uniseg.StringWidth(plain)}
}

// Issue 18, item 4: whatever text arrives, every line of the table fits
// the screen on any terminal (as the dashboard, a rune-counting terminal
// and a cluster-counting one measure it), a row is one line, and a row
// fills every column (all but the spare one the renderer clears), so
// nothing of an earlier frame is left beside it.
func TestRowsNeverExceedTheirCells(t *testing.T) {
	for _, w := range []int{40, 60, 80, 131, 200} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			tb := newTestTable(t, hostileNames...)
			tb.SetSize(w, 30)
			lines := strings.Split(tb.View(), "\n")
			if want := 2 + len(hostileNames); len(lines) != want {
				t.Fatalf("%d lines, want %d (top, header, one per row)", len(lines), want)
			}
			for i, l := range lines {
				for _, got := range terminalWidths(l) {
					if got > w {
						t.Errorf("line %d is %d columns wide on some terminal (%v), screen %d: %q", i, got, terminalWidths(l), w, ansi.Strip(l))
						break
					}
				}
				if i < 2 {
					continue
				}
				if ws := terminalWidths(l); ws[0] != w-1 || ws[1] != w-1 || ws[2] != w-1 {
					t.Errorf("row %d is %v columns wide, want %d on every terminal: %q", i-2, ws, w-1, ansi.Strip(l))
				}
			}
		})
	}
}
