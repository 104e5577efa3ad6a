package api

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CleanText makes text a server sent safe to draw in a terminal. It is the
// one sanitiser of the project: the client applies it to every display
// string it decodes, and the UI to any other outside text.
//
//   - Escape sequences (CSI, OSC such as ESC ] 52 ; c ; … BEL, DCS, SOS, PM,
//     APC, and two- or three-byte escapes) are removed whole, with their
//     8-bit C1 forms; an unterminated string sequence removes the rest.
//   - Tab, newline, carriage return, vertical tab, form feed and the
//     Unicode line and paragraph separators become a space, so words stay
//     apart on one line; every other C0 and C1 control and DEL is removed.
//   - Bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E,
//     U+2066–U+2069, U+206A–U+206F), every other default-ignorable code
//     point (the soft hyphen U+00AD, U+034F, the Hangul fillers U+115F,
//     U+1160, U+3164 and U+FFA0, U+17B4–U+17B5, U+180B–U+180F, U+200B,
//     U+200C, U+2060–U+2065, the variation selectors, U+FEFF,
//     U+FFF0–U+FFF8, the tag characters U+E0000–U+E0FFF, …), the
//     interlinear annotation characters U+FFF9–U+FFFB and the blank
//     Braille pattern U+2800 are removed: each is invisible, and terminals
//     disagree on how wide some are, which shifts everything drawn after
//     them.
//   - The zero-width joiner stays only between two symbols (an emoji
//     sequence such as 👨‍👩‍👧), and the emoji variation selector U+FE0F only
//     after a symbol.
//   - The halfwidth (semi-)voiced sound marks U+FF9E and U+FF9F, which the
//     dashboard measures as combining and terminals draw one column wide,
//     become their fullwidth forms U+309B and U+309C (two columns
//     everywhere).
//   - Invalid UTF-8 becomes U+FFFD.
//
// Everything else stays, CJK included. CleanText is idempotent.
func CleanText(s string) string {
	if isClean(s) {
		return s // the usual case: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i = skipEscape(s, i+size)
			continue
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x90, r == 0x98, r == 0x9d, r == 0x9e, r == 0x9f: // C1 DCS, SOS, OSC, PM, APC
			i = skipString(s, i+size)
			continue
		}
		i += size
		switch k := classify(r); k {
		case keep:
			b.WriteRune(r) // an invalid byte decodes as, and is written as, U+FFFD
		case widen:
			b.WriteRune(widened(r))
		case space:
			b.WriteByte(' ')
		case joiner:
			if next, _ := utf8.DecodeRuneInString(s[i:]); afterSymbol(b.String()) && unicode.Is(unicode.So, next) {
				b.WriteRune(r)
			}
		case selector:
			if afterSymbol(b.String()) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// widened is r, or for a halfwidth sound mark its fullwidth form.
func widened(r rune) rune {
	switch r {
	case 0xff9e:
		return 0x309b
	case 0xff9f:
		return 0x309c
	}
	return r
}

// afterSymbol reports whether before ends in a symbol (unicode.So, emoji
// among them), possibly followed by a skin tone or a variation selector:
// where a joiner or U+FE0F belongs to an emoji sequence.
func afterSymbol(before string) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	if last == 0xfe0f || (last >= 0x1f3fb && last <= 0x1f3ff) {
		before = before[:len(before)-utf8.RuneLen(last)]
		last, _ = utf8.DecodeLastRuneInString(before)
	}
	return unicode.Is(unicode.So, last)
}

// class is what CleanText does with one rune outside an escape sequence.
type class int

const (
	keep class = iota
	space
	drop
	joiner   // U+200D: kept inside an emoji sequence only
	selector // U+FE0F: kept after a symbol only
	widen    // kept as its fullwidth form (widened)
)

// classify says whether r stays, becomes a space or goes.
func classify(r rune) class {
	switch {
	case r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || r == 0x2028 || r == 0x2029:
		return space
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		return drop
	case r == 0x200d:
		return joiner
	case r == 0xfe0f:
		return selector
	case r == 0xff9e || r == 0xff9f:
		return widen
	case invisible(r):
		return drop
	}
	return keep
}

// invisible reports whether r is a default-ignorable code point (Unicode's
// DerivedCoreProperties), an interlinear annotation character or the
// blank Braille pattern: drawn as nothing, or as a blank of a width
// terminals disagree on. The joiner and U+FE0F are decided by context.
func invisible(r rune) bool {
	switch {
	case r == 0x00ad, r == 0x034f, r == 0x061c, r == 0x115f, r == 0x1160,
		r == 0x17b4, r == 0x17b5, r >= 0x180b && r <= 0x180f,
		r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e,
		r >= 0x2060 && r <= 0x206f, r == 0x2800, r == 0x3164,
		r >= 0xfe00 && r <= 0xfe0e, r == 0xfeff, r == 0xffa0,
		r >= 0xfff0 && r <= 0xfffb,
		r >= 0x1bca0 && r <= 0x1bca3, r >= 0x1d173 && r <= 0x1d17a,
		r >= 0xe0000 && r <= 0xe0fff:
		return true
	}
	return false
}

// isClean reports whether CleanText would return s unchanged.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if classify(r) != keep {
			return false
		}
		i += size
	}
	return true
}

// skipEscape returns the index after the escape sequence whose ESC ended
// just before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// ESC, intermediates 0x20–0x2F, then one final byte 0x30–0x7E.
	return skipSequence(s, i, 0x2f)
}

// skipCSI skips a control sequence's parameters and intermediates
// (0x20–0x3F) and its final byte (0x40–0x7E). Anything else ends it early
// and is read as text again.
func skipCSI(s string, i int) int { return skipSequence(s, i, 0x3f) }

// skipSequence skips the bytes from 0x20 to last, then one final byte from
// last+1 to 0x7E: the body of an escape sequence (last 0x2F) or of a
// control sequence (last 0x3F).
func skipSequence(s string, i int, last byte) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= last {
		i++
	}
	if i < len(s) && s[i] > last && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips the body of an OSC, DCS, SOS, PM or APC string up to and
// including its terminator: BEL, ESC \ or the C1 ST (U+009C). Without one,
// the rest of s is part of it.
func skipString(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x07 || r == 0x9c:
			return i + size
		case r == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			// Another ESC cancels the string; it starts a sequence of its own.
			return i
		}
		i += size
	}
	return i
}
