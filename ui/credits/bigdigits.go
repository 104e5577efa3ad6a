package credits

import "strings"

// bigGlyphs is a three-row block font for the balance: digits, the
// thousands comma, the decimal point and a minus sign. Each glyph is three
// cells wide except the punctuation.
var bigGlyphs = map[rune][3]string{
	'0': {"█▀█", "█ █", "▀▀▀"},
	'1': {"▀█ ", " █ ", "▀▀▀"},
	'2': {"▀▀█", "█▀▀", "▀▀▀"},
	'3': {"▀▀█", " ▀█", "▀▀▀"},
	'4': {"█ █", "▀▀█", "  ▀"},
	'5': {"█▀▀", "▀▀█", "▀▀▀"},
	'6': {"█▀▀", "█▀█", "▀▀▀"},
	'7': {"▀▀█", "  █", "  ▀"},
	'8': {"█▀█", "█▀█", "▀▀▀"},
	'9': {"█▀█", "▀▀█", "▀▀▀"},
	',': {" ", "▄", "▀"},
	'.': {" ", " ", "▀"},
	'-': {"   ", "▀▀▀", "   "},
}

// bigText draws s in bigGlyphs, one space between glyphs. ok is false when
// s holds a character the font lacks; the caller then shows plain text.
func bigText(s string) (rows [3]string, width int, ok bool) {
	var b [3]strings.Builder
	for i, r := range s {
		g, known := bigGlyphs[r]
		if !known {
			return rows, 0, false
		}
		for row := range b {
			if i > 0 {
				b[row].WriteByte(' ')
			}
			b[row].WriteString(g[row])
		}
	}
	for row := range b {
		rows[row] = b[row].String()
	}
	return rows, len([]rune(rows[0])), true
}
