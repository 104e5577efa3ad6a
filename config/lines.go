package config

import (
	"strings"

	"github.com/BurntSushi/toml"
)

// keyLines returns, for a TOML document that the toml package has already
// parsed without error, the 1-based line on which each key is first defined.
// Keys are their pieces joined by keySep (see lineKey). BurntSushi/toml keeps
// key positions private, so this small scanner finds them for error messages.
// On anything unexpected it stops and returns what it has: a missing entry
// only costs an error message its line number.
func keyLines(src string) map[string]int {
	s := &lineScanner{src: src, line: 1, lines: make(map[string]int)}
	s.document()
	return s.lines
}

// keySep joins key pieces in keyLines' map; it cannot occur in a TOML key.
const keySep = "\x00"

// lineKey is the keyLines map key of a TOML key.
func lineKey(pieces ...string) string { return strings.Join(pieces, keySep) }

type lineScanner struct {
	src   string
	pos   int
	line  int
	lines map[string]int
}

func (s *lineScanner) eof() bool              { return s.pos >= len(s.src) }
func (s *lineScanner) has(prefix string) bool { return strings.HasPrefix(s.src[s.pos:], prefix) }

// advance moves n bytes forward, counting newlines.
func (s *lineScanner) advance(n int) {
	for ; n > 0 && s.pos < len(s.src); n-- {
		if s.src[s.pos] == '\n' {
			s.line++
		}
		s.pos++
	}
}

// skip passes spaces, tabs and comments, and newlines too when newlines is set.
func (s *lineScanner) skip(newlines bool) {
	for !s.eof() {
		switch c := s.src[s.pos]; {
		case c == ' ' || c == '\t':
			s.pos++
		case c == '#':
			for !s.eof() && s.src[s.pos] != '\n' {
				s.pos++
			}
		case newlines && (c == '\n' || c == '\r'):
			s.advance(1)
		default:
			return
		}
	}
}

// record notes line for key and for each of its parents not yet seen.
func (s *lineScanner) record(key []string, line int) {
	for i := 1; i <= len(key); i++ {
		k := lineKey(key[:i]...)
		if _, ok := s.lines[k]; !ok {
			s.lines[k] = line
		}
	}
}

func (s *lineScanner) document() {
	var table []string
	for {
		s.skip(true)
		if s.eof() {
			return
		}
		start, line := s.pos, s.line
		if s.has("[") { // [table] or [[array.of.tables]]
			s.advance(1)
			if s.has("[") {
				s.advance(1)
			}
			key, ok := s.key()
			if !ok || !s.has("]") {
				return
			}
			for s.has("]") {
				s.advance(1)
			}
			table = key
			s.record(table, line)
			continue
		}
		key, ok := s.key()
		if !ok || !s.has("=") {
			return
		}
		s.advance(1)
		full := append(append([]string(nil), table...), key...)
		s.record(full, line)
		if !s.value(full) || s.pos == start {
			return
		}
	}
}

// key reads a possibly dotted, possibly quoted key and the blanks after it.
func (s *lineScanner) key() ([]string, bool) {
	var parts []string
	for {
		s.skip(false)
		if s.eof() {
			return nil, false
		}
		start := s.pos
		switch s.src[s.pos] {
		case '"':
			if !s.basicString() {
				return nil, false
			}
			var m map[string]string
			if _, err := toml.Decode("k = "+s.src[start:s.pos], &m); err != nil {
				return nil, false
			}
			parts = append(parts, m["k"])
		case '\'':
			if !s.literalString() {
				return nil, false
			}
			parts = append(parts, s.src[start+1:s.pos-1])
		default:
			for !s.eof() && !strings.ContainsRune(" \t\r\n.=[]#\"',{}", rune(s.src[s.pos])) {
				s.pos++
			}
			if s.pos == start {
				return nil, false
			}
			parts = append(parts, s.src[start:s.pos])
		}
		s.skip(false)
		if !s.has(".") {
			return parts, true
		}
		s.advance(1)
	}
}

// value passes one value; keys of inline tables are recorded under ctx.
func (s *lineScanner) value(ctx []string) bool {
	s.skip(false)
	switch {
	case s.has(`"""`):
		return s.multiline(`"""`, true)
	case s.has(`'''`):
		return s.multiline(`'''`, false)
	case s.has(`"`):
		return s.basicString()
	case s.has(`'`):
		return s.literalString()
	case s.has("["):
		s.advance(1)
		for {
			s.skip(true)
			if s.eof() {
				return false
			}
			if s.has("]") {
				s.advance(1)
				return true
			}
			start := s.pos
			if !s.value(ctx) {
				return false
			}
			s.skip(true)
			if s.has(",") {
				s.advance(1)
			} else if s.pos == start {
				return false
			}
		}
	case s.has("{"):
		s.advance(1)
		for {
			s.skip(true)
			if s.eof() {
				return false
			}
			if s.has("}") {
				s.advance(1)
				return true
			}
			line := s.line
			key, ok := s.key()
			if !ok || !s.has("=") {
				return false
			}
			s.advance(1)
			full := append(append([]string(nil), ctx...), key...)
			s.record(full, line)
			if !s.value(full) {
				return false
			}
			s.skip(true)
			if s.has(",") {
				s.advance(1)
			}
		}
	default: // number, boolean or date-time: none holds these bytes
		start := s.pos
		for !s.eof() && !strings.ContainsRune(",]}#\r\n", rune(s.src[s.pos])) {
			s.pos++
		}
		return s.pos > start
	}
}

// multiline passes a """ or ”' string; up to two more quotes may close it.
func (s *lineScanner) multiline(delim string, escapes bool) bool {
	s.advance(3)
	for !s.eof() {
		switch {
		case escapes && s.has(`\`):
			s.advance(2)
		case s.has(delim):
			s.advance(3)
			for i := 0; i < 2 && s.has(delim[:1]); i++ {
				s.advance(1)
			}
			return true
		default:
			s.advance(1)
		}
	}
	return false
}

func (s *lineScanner) basicString() bool {
	s.advance(1)
	for !s.eof() {
		switch s.src[s.pos] {
		case '\\':
			s.advance(2)
		case '"':
			s.advance(1)
			return true
		case '\n':
			return false
		default:
			s.advance(1)
		}
	}
	return false
}

func (s *lineScanner) literalString() bool {
	s.advance(1)
	for !s.eof() {
		switch s.src[s.pos] {
		case '\'':
			s.advance(1)
			return true
		case '\n':
			return false
		default:
			s.advance(1)
		}
	}
	return false
}
