package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"
)

// FileError is a problem in a configuration file. Its message reads
// "path:line: field: message", leaving out the line when it is unknown and
// the field when the problem is not about one.
type FileError struct {
	Path  string // the file, as it was opened
	Line  int    // 1-based line, 0 when unknown
	Field string // TOML key, e.g. "refresh_interval" or "keys.quit"; may be empty
	Msg   string // what is wrong, and how to fix it where that helps
}

// Error implements error.
func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// decodeTOML parses data as TOML, turning a syntax error into a *FileError.
// It returns the top-level values and the document, to find keys in.
func decodeTOML(path string, data []byte) (map[string]any, *tomlDoc, error) {
	d := &tomlDoc{src: string(data)}
	md, err := toml.Decode(d.src, &d.raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line := pe.Position.Line
			if start := pe.Position.Start; start > 0 && start <= len(data) {
				// Position.Line is one too far when the culprit is a line's
				// final newline; the byte offset is exact.
				line = lineAt(d.src, start)
			}
			return nil, nil, &FileError{Path: path, Line: line, Msg: "invalid TOML: " + oneLine(pe.Message)}
		}
		return nil, nil, &FileError{Path: path, Msg: "invalid TOML: " + oneLine(err.Error())}
	}
	d.md, d.keys = md, md.Keys()
	doc := make(map[string]any, len(d.raw))
	for name, prim := range d.raw {
		var v any
		if err := md.PrimitiveDecode(prim, &v); err != nil { // cannot fail: v takes anything
			return nil, nil, &FileError{Path: path, Msg: "invalid TOML: " + oneLine(err.Error())}
		}
		doc[name] = v
	}
	return doc, d, nil
}

// oneLine escapes control characters, so a message stays on one line.
func oneLine(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	q := strconv.QuoteToGraphic(s)
	return q[1 : len(q)-1]
}

// fieldName renders key pieces the way TOML writes them (quoted if needed).
func fieldName(pieces ...string) string { return oneLine(toml.Key(pieces).String()) }

// describe names the TOML type of a decoded value, with the value when short.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return "string " + strconv.Quote(v)
	case int64:
		return fmt.Sprintf("integer %d", v)
	case float64:
		return fmt.Sprintf("float %v", v)
	case bool:
		return fmt.Sprintf("boolean %v", v)
	case time.Time:
		return "date-time"
	case []map[string]any:
		return "array of tables"
	case []any:
		return "array"
	case map[string]any:
		return "table"
	default:
		return fmt.Sprintf("%T", v)
	}
}
