package termbg

import (
	"bytes"
	"strconv"
	"strings"
)

// Query asks for the background colour (OSC 11), then for the primary
// device attributes (DA1). Terminals answer in order, so the DA1 answer
// means the background answer, if any, has already come.
const Query = "\x1b]11;?\x1b\\" + "\x1b[c"

const (
	esc = 0x1b
	bel = 0x07

	// maxAnswer bounds how much is held back as a possible answer.
	maxAnswer = 64
)

// oscPrefix starts the answer to the OSC 11 query.
var oscPrefix = []byte("\x1b]11;")

// Filter takes the terminal's answers to Query out of the bytes read from
// the terminal. A possible answer's first bytes are held back until it is
// complete (and dropped) or turns out to be something else (and passes).
// It is not safe for concurrent use.
type Filter struct {
	held     []byte
	done     bool // the DA1 answer came, or Stop: pass everything
	answered bool // the OSC 11 answer came
	dark     bool
}

// Feed filters p and returns what passes, in order. The result does not
// alias p.
func (f *Filter) Feed(p []byte) []byte {
	out := make([]byte, 0, len(p)+len(f.held))
	for _, b := range p {
		out = f.feedByte(out, b)
	}
	return out
}

func (f *Filter) feedByte(out []byte, b byte) []byte {
	if f.done {
		return append(out, b)
	}
	if len(f.held) == 0 {
		if b == esc {
			f.held = append(f.held, b)
			return out
		}
		return append(out, b)
	}
	f.held = append(f.held, b)
	switch f.classify() {
	case partial:
		return out
	case osc:
		f.dark, f.answered = parseBackground(f.held)
		f.held = f.held[:0]
		return out
	case da1:
		f.held = f.held[:0]
		f.done = true
		return out
	}
	// Not an answer: what was held is input; the last byte may start an
	// answer of its own.
	out = append(out, f.held[:len(f.held)-1]...)
	f.held = f.held[:0]
	return f.feedByte(out, b)
}

type kind int

const (
	partial kind = iota
	osc
	da1
	other
)

// classify says what f.held (at least two bytes, starting with ESC) is.
func (f *Filter) classify() kind {
	h := f.held
	if len(h) > maxAnswer {
		return other
	}
	switch h[1] {
	case ']':
		n := min(len(h), len(oscPrefix))
		if !bytes.Equal(h[:n], oscPrefix[:n]) {
			return other
		}
		for i := len(oscPrefix); i < len(h); i++ {
			switch c := h[i]; {
			case c == bel:
				return osc
			case c == esc && i == len(h)-1:
				return partial // ESC \ ends it
			case c == esc:
				if h[i+1] == '\\' {
					return osc
				}
				return other
			case c < 0x20 || c > 0x7e:
				return other
			}
		}
		return partial
	case '[':
		if len(h) >= 3 && h[2] != '?' {
			return other
		}
		for i := 3; i < len(h); i++ {
			c := h[i]
			switch {
			case c == 'c' && i == len(h)-1 && i > 3:
				return da1
			case c >= '0' && c <= '9', c == ';':
			default:
				return other
			}
		}
		return partial
	}
	return other
}

// Flush gives up on what is held back (an answer does not take this long
// to arrive) and returns it, to pass as input.
func (f *Filter) Flush() []byte {
	out := append([]byte(nil), f.held...)
	f.held = f.held[:0]
	return out
}

// Stop ends the filtering (the answers' time is over): from now on
// everything passes. It returns what was held back.
func (f *Filter) Stop() []byte {
	f.done = true
	return f.Flush()
}

// Held reports whether bytes are held back as a possible answer.
func (f *Filter) Held() bool { return len(f.held) > 0 }

// Done reports whether the terminal's last answer (DA1) came, or Stop was
// called: nothing more will be removed.
func (f *Filter) Done() bool { return f.done }

// Background is the terminal's answer: dark reports a dark background;
// ok is false while (or if) no usable answer came.
func (f *Filter) Background() (dark, ok bool) { return f.dark, f.answered }

// parseBackground reads an OSC 11 answer, "ESC ] 11 ; rgb:R/G/B" (1 to 4
// hex digits each, rgba: with a fourth component) or "#RRGGBB", ended by
// BEL or ESC \. A background is dark when its HSL lightness is below one
// half, as termenv decides.
func parseBackground(answer []byte) (dark, ok bool) {
	s := strings.TrimSuffix(strings.TrimSuffix(string(answer[len(oscPrefix):]), "\a"), "\x1b\\")
	var parts []string
	switch {
	case strings.HasPrefix(s, "rgb:"):
		parts = strings.Split(s[len("rgb:"):], "/")
	case strings.HasPrefix(s, "rgba:"):
		parts = strings.Split(s[len("rgba:"):], "/")
		if len(parts) == 4 {
			parts = parts[:3]
		}
	case strings.HasPrefix(s, "#") && len(s) == 7:
		parts = []string{s[1:3], s[3:5], s[5:7]}
	}
	if len(parts) != 3 {
		return false, false
	}
	lo, hi := 1.0, 0.0
	for _, p := range parts {
		if len(p) < 1 || len(p) > 4 {
			return false, false
		}
		v, err := strconv.ParseUint(p, 16, 16)
		if err != nil {
			return false, false
		}
		c := float64(v) / float64(uint64(1)<<(4*len(p))-1)
		lo, hi = min(lo, c), max(hi, c)
	}
	return (lo+hi)/2 < 0.5, true
}

// FromColorFGBG reads $COLORFGBG ("15;0", "default;default;0": the last
// field is the background's ANSI colour) as set by rxvt, Konsole and
// others: a guess to start with, before (or instead of) an answer.
func FromColorFGBG(v string) (dark, ok bool) {
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return false, false
	}
	bg, err := strconv.Atoi(v[i+1:])
	if err != nil || bg < 0 || bg > 15 {
		return false, false
	}
	return bg != 7 && bg < 9, true
}
