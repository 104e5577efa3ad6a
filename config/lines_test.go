package config

import (
	"slices"
	"sync"
	"testing"
)

// linesSample has a key of every kind on a numbered line.
const linesSample = `# comment
theme = "dark" # trailing
eq = "a = b # not a comment [x]"
lit = 'c:\dir = [y]'
arr = [
  "r",
  "f5", # c
]
b.c = 1
b.d = { e = 2, "f g" = [3] }
s = """
multi = line
[not.a.table]"""
[keys]
refresh = ["r", "f5"]
"quoted = key" = ['q']
[profiles.work]
base_url = "https://w.example.com"
[ profiles . "home" ]

base_url = 'x'
[t.sub]
d = 1979-05-27T07:32:00Z
[t]
x = 1
inl = { y = 1,
  z = { w = 2 } }
[[aot]]
n = 1
[[aot]]
n = 2
[empty]
"" = 0
`

func parseTest(t *testing.T, src string) *tomlDoc {
	t.Helper()
	_, doc, err := decodeTOML("test.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestLine(t *testing.T) {
	tests := []struct {
		src  string
		key  []string
		want int
	}{
		{linesSample, []string{"theme"}, 2},
		{linesSample, []string{"eq"}, 3},
		{linesSample, []string{"lit"}, 4},
		{linesSample, []string{"arr"}, 5},
		{linesSample, []string{"b"}, 9}, // only defined by dotted keys
		{linesSample, []string{"b", "c"}, 9},
		{linesSample, []string{"b", "d"}, 10},
		{linesSample, []string{"b", "d", "e"}, 10},
		{linesSample, []string{"b", "d", "f g"}, 10},
		{linesSample, []string{"s"}, 11}, // where the multi-line string starts
		{linesSample, []string{"keys"}, 14},
		{linesSample, []string{"keys", "refresh"}, 15},
		{linesSample, []string{"keys", "quoted = key"}, 16},
		{linesSample, []string{"profiles"}, 17}, // only defined by [profiles.x]
		{linesSample, []string{"profiles", "work"}, 17},
		{linesSample, []string{"profiles", "work", "base_url"}, 18},
		{linesSample, []string{"profiles", "home"}, 19},
		{linesSample, []string{"profiles", "home", "base_url"}, 21},
		{linesSample, []string{"t"}, 22}, // [t.sub] comes before [t]
		{linesSample, []string{"t", "sub"}, 22},
		{linesSample, []string{"t", "sub", "d"}, 23},
		{linesSample, []string{"t", "x"}, 25},
		{linesSample, []string{"t", "inl"}, 26},
		{linesSample, []string{"t", "inl", "y"}, 26},
		{linesSample, []string{"t", "inl", "z"}, 27},
		{linesSample, []string{"t", "inl", "z", "w"}, 27},
		{linesSample, []string{"aot"}, 30}, // toml keeps the last [[aot]]
		{linesSample, []string{"empty", ""}, 33},
		{linesSample, []string{"empty"}, 33}, // toml files "" = 0 under [empty]
		{linesSample, []string{"missing"}, 0},
		{linesSample, []string{"keys", "missing"}, 0},
		{linesSample, []string{"theme", "x"}, 0},
		{"x = 1\r\ny = 2\r\n", []string{"y"}, 2},
		{"\"\" = 1\n", []string{""}, 1},
		{"a = [{b = 1}]\n", []string{"a"}, 1},
	}
	docs := map[string]*tomlDoc{}
	for _, tt := range tests {
		doc := docs[tt.src]
		if doc == nil {
			doc = parseTest(t, tt.src)
			docs[tt.src] = doc
		}
		if got := doc.line(tt.key...); got != tt.want {
			t.Errorf("line of %s = %d, want %d", fieldName(tt.key...), got, tt.want)
		}
	}
	var none *tomlDoc
	if got := none.line("theme"); got != 0 {
		t.Errorf("line in no document = %d", got)
	}
}

func TestInFileOrder(t *testing.T) {
	doc, src, err := decodeTOML("test.toml", []byte(linesSample))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"theme", "eq", "lit", "arr", "b", "s", "keys", "profiles", "t", "aot", "empty"}
	if got := inFileOrder(doc, src); !slices.Equal(got, want) {
		t.Errorf("top-level keys in file order: %q, want %q", got, want)
	}
	want = []string{"sub", "x", "inl"}
	if got := inFileOrder(doc["t"].(map[string]any), src, "t"); !slices.Equal(got, want) {
		t.Errorf("keys of t in file order: %q, want %q", got, want)
	}
	want = []string{"a", "b", "c"} // not in the file: by name
	if got := inFileOrder(map[string]int{"c": 1, "a": 1, "b": 1}, nil); !slices.Equal(got, want) {
		t.Errorf("keys without a file: %q, want %q", got, want)
	}
}

func TestLineConcurrent(t *testing.T) {
	doc := parseTest(t, linesSample)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := doc.line("keys", "refresh"); got != 15 {
				t.Errorf("line = %d, want 15", got)
			}
		}()
	}
	wg.Wait()
}
