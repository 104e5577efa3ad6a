package config

import (
	"errors"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"
)

// keyLinesSample exercises every construct keyLines must step over.
const keyLinesSample = `# comment
a = 1
b.c = "x" # trailing
[t]
x = """
multi
line"""
y = [
  1,
  [2, 3],
  { z = 4 },
]
'lit key' = 'v'
"q\u0075oted" = 1
inl = { p = 1, q = { r = 2 } }
[ t . sub ]
d = 1979-05-27 07:32:00Z
e = '''
x'''''
f = "\"" # "
[[arr]]
n = 1
[[arr]]
n = 2
m = 3
`

func TestKeyLines(t *testing.T) {
	src := keyLinesSample
	if _, err := toml.Decode(src, new(map[string]any)); err != nil {
		t.Fatalf("test input is not valid TOML: %v", err)
	}
	want := map[string]int{
		lineKey("a"):                  2,
		lineKey("b"):                  3,
		lineKey("b", "c"):             3,
		lineKey("t"):                  4,
		lineKey("t", "x"):             5,
		lineKey("t", "y"):             8,
		lineKey("t", "y", "z"):        11,
		lineKey("t", "lit key"):       13,
		lineKey("t", "quoted"):        14,
		lineKey("t", "inl"):           15,
		lineKey("t", "inl", "q", "r"): 15,
		lineKey("t", "sub"):           16,
		lineKey("t", "sub", "d"):      17,
		lineKey("t", "sub", "e"):      18,
		lineKey("t", "sub", "f"):      20,
		lineKey("arr"):                21,
		lineKey("arr", "n"):           22,
		lineKey("arr", "m"):           25,
	}
	got := keyLines(src)
	for k, line := range want {
		if got[k] != line {
			t.Errorf("line of %q = %d, want %d", k, got[k], line)
		}
	}
}

// probe fails every decode into it, so that the toml package reports the
// position of a key: an oracle for keyLines.
type probe struct{}

var errProbe = errors.New("probe")

func (probe) UnmarshalTOML(any) error { return errProbe }

// checkKeyLines compares keyLines with the toml package for one top-level
// key of a valid document (which one depends on map order), and checks that
// every top-level key has a line.
func checkKeyLines(t *testing.T, src string) {
	t.Helper()
	doc := map[string]any{}
	md, err := toml.Decode(src, &doc)
	if err != nil {
		return
	}
	lines := keyLines(src)
	emptyKey := false
	for _, k := range md.Keys() {
		if lines[lineKey(k...)] == 0 {
			t.Fatalf("keyLines(%q) has no line for %q", src, k)
		}
		emptyKey = emptyKey || slices.Contains(k, "")
	}
	if emptyKey {
		return // toml files an empty key's position under its parent
	}
	for name := range doc {
		if lines[lineKey(name)] == 0 {
			t.Fatalf("keyLines(%q) has no line for %q", src, name)
		}
	}
	var pe toml.ParseError
	if err := toml.Unmarshal([]byte(src), new(map[string]probe)); !errors.As(err, &pe) || pe.Position.Line == 0 {
		return
	}
	for name := range doc {
		if fieldName(name) == pe.LastKey {
			got := lines[lineKey(name)]
			switch doc[name].(type) {
			case string, map[string]any, []map[string]any:
				// toml gives the line where a multi-line string ends, and
				// the last line defining a table; keyLines the first one.
				if got < pe.Position.Line {
					continue
				}
			}
			if got != pe.Position.Line {
				t.Fatalf("keyLines(%q): %q on line %d, toml says %d", src, name, got, pe.Position.Line)
			}
		}
	}
}

func TestKeyLinesOracle(t *testing.T) {
	for _, src := range []string{
		"a = 1\nb = 2\nc = 3\n",
		"\n\n[t]\nx = 1\n",
		"a = \"\"\"\nx\n\"\"\"\nb = 1\n",
		"a = [\n1,\n2]\nb = 1\n",
		"x = 1\r\ny = 2\r\n",
	} {
		for range 20 { // map order picks the key
			checkKeyLines(t, src)
		}
	}
}
