package config

import (
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// tomlDoc is a parsed TOML file that can tell where its keys are, for error
// messages. Nothing is computed until asked: each answer costs a pass over
// the file.
type tomlDoc struct {
	src  string
	keys []toml.Key // md.Keys(): every key, in file order
	raw  map[string]toml.Primitive
	mu   sync.Mutex // guards md: PrimitiveDecode writes to it
	md   toml.MetaData
}

// probe fails to decode anything.
type probe struct{}

func (probe) UnmarshalTOML(any) error { return errors.New("probe") }

// line returns the 1-based line defining key, or 0 if there is none.
//
// The toml package records the position of every key but keeps it private,
// except in errors: when an Unmarshaler fails, the ParseError it returns is
// placed at the key being decoded, which PrimitiveDecode takes from the
// Primitive. So decoding a key's Primitive into a probe, which always fails,
// reveals the key's position. A table only defined through the keys under it
// ([a.b] or a.b = 1 for a) has no position of its own: it gets the line of
// the first key under it. An empty key's position is filed under its parent,
// which is tried when the key has none.
func (d *tomlDoc) line(key ...string) int {
	if d == nil {
		return 0
	}
	i := slices.IndexFunc(d.keys, func(k toml.Key) bool { return len(k) >= len(key) && slices.Equal(k[:len(key)], key) })
	if i < 0 {
		return 0
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	var prims []toml.Primitive // for each piece of the key
	table := d.raw
	for _, piece := range d.keys[i] {
		prim, ok := table[piece] // missing when the key runs into an array
		if !ok {
			break
		}
		prims = append(prims, prim)
		table = nil // stays nil unless prim is a table
		_ = d.md.PrimitiveDecode(prim, &table)
	}
	for _, prim := range slices.Backward(prims) {
		var pe toml.ParseError
		if errors.As(d.md.PrimitiveDecode(prim, probe{}), &pe) && pe.Position.Line > 0 {
			// Position.Line is where the value ends (a multi-line string's
			// last line); it starts on the key's line, at Position.Start.
			return lineAt(d.src, pe.Position.Start)
		}
	}
	return 0
}

// order numbers the keys of the table at parent from 1, in the order the file
// first defines them or keys under them.
func (d *tomlDoc) order(parent ...string) map[string]int {
	order := make(map[string]int)
	if d == nil {
		return order
	}
	for _, k := range d.keys {
		if len(k) > len(parent) && slices.Equal(k[:len(parent)], parent) && order[k[len(parent)]] == 0 {
			order[k[len(parent)]] = len(order) + 1
		}
	}
	return order
}

// lineAt returns the 1-based line holding byte offset of src.
func lineAt(src string, offset int) int {
	return 1 + strings.Count(src[:min(max(offset, 0), len(src))], "\n")
}
