package termbg

import (
	"bytes"
	"testing"
)

const (
	darkAnswer  = "\x1b]11;rgb:1e1e/1e1e/2e2e\x1b\\"
	lightAnswer = "\x1b]11;rgb:ffff/ffff/ffff\a"
	da1Answer   = "\x1b[?64;1;2;6;22c"
)

// feedAll feeds the chunks in turn and returns everything that passed,
// the held bytes flushed at the end.
func feedAll(f *Filter, chunks ...string) string {
	var out []byte
	for _, c := range chunks {
		out = append(out, f.Feed([]byte(c))...)
	}
	return string(out) + string(f.Flush())
}

func TestFilterRemovesAnswersKeepsKeys(t *testing.T) {
	tests := []struct {
		name   string
		chunks []string
		want   string
		dark   bool
		known  bool
		done   bool
	}{
		{"answers alone", []string{darkAnswer + da1Answer}, "", true, true, true},
		{"keys before, between, after", []string{"2j" + darkAnswer + "k" + da1Answer + "q"}, "2jkq", true, true, true},
		{"light, BEL-ended", []string{lightAnswer, da1Answer}, "", false, true, true},
		{"split anywhere", []string{"a\x1b", "]1", "1;rgb:ffff/ff", "ff/ffff\x1b", "\\b\x1b[", "?6", "c", "c"}, "abc", false, true, true},
		{"no OSC support: DA1 only", []string{"x" + da1Answer + "y"}, "xy", false, false, true},
		{"arrow keys and esc pass whole", []string{"\x1b[A\x1b[B\x1b\x1b[?"}, "\x1b[A\x1b[B\x1b\x1b[?", false, false, false},
		{"alt+] and other OSC pass", []string{"\x1b]x\x1b]10;rgb:0/0/0\a"}, "\x1b]x\x1b]10;rgb:0/0/0\a", false, false, false},
		{"bracketed paste passes", []string{"\x1b[200~hi\x1b[201~"}, "\x1b[200~hi\x1b[201~", false, false, false},
		{"a control char ends a false answer", []string{"\x1b]11;rg\rb"}, "\x1b]11;rg\rb", false, false, false},
		{"ESC inside an answer that is not ST", []string{"\x1b]11;rgb\x1b[Az"}, "\x1b]11;rgb\x1b[Az", false, false, false},
		{"unanswered query: keys pass", []string{"abc", "\r", "\x1b"}, "abc\r\x1b", false, false, false},
		{"six-digit #", []string{"\x1b]11;#102030\a"}, "", true, true, false},
		{"unparsable answer removed, unknown", []string{"\x1b]11;cmyk:1/2/3/4\a" + da1Answer}, "", false, false, true},
		{"short components", []string{"\x1b]11;rgb:f/f/e\a"}, "", false, true, false},
		{"rgba", []string{"\x1b]11;rgba:0000/0000/0000/ffff\a"}, "", true, true, false},
		{"too long to be an answer", []string{"\x1b]11;" + string(bytes.Repeat([]byte("a"), 80))}, "\x1b]11;" + string(bytes.Repeat([]byte("a"), 80)), false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f Filter
			if got := feedAll(&f, tt.chunks...); got != tt.want {
				t.Errorf("passed %q, want %q", got, tt.want)
			}
			if dark, known := f.Background(); dark != tt.dark || known != tt.known {
				t.Errorf("background dark=%v known=%v, want %v %v", dark, known, tt.dark, tt.known)
			}
			if f.Done() != tt.done {
				t.Errorf("done = %v, want %v", f.Done(), tt.done)
			}
		})
	}
}

// TestFilterAfterSentinel: after the DA1 answer nothing is taken out, not
// even something shaped like an answer.
func TestFilterAfterSentinel(t *testing.T) {
	var f Filter
	if got := feedAll(&f, da1Answer+"a", darkAnswer, "\x1b"); got != "a"+darkAnswer+"\x1b" {
		t.Fatalf("passed %q", got)
	}
}

// TestFilterStop: Stop passes what was held and everything after.
func TestFilterStop(t *testing.T) {
	var f Filter
	out := string(f.Feed([]byte("k\x1b]1")))
	if !f.Held() || out != "k" {
		t.Fatalf("out %q held %v", out, f.Held())
	}
	out = string(f.Stop()) + string(f.Feed([]byte("1;rgb:0/0/0\a")))
	if out != "\x1b]11;rgb:0/0/0\a" || f.Held() {
		t.Fatalf("after Stop: %q", out)
	}
}

func TestFromColorFGBG(t *testing.T) {
	for v, want := range map[string][2]bool{
		"15;0": {true, true}, "0;15": {false, true}, "default;default;7": {false, true},
		"7;8": {true, true}, "": {false, false}, "15;default": {false, false}, "1;99": {false, false},
	} {
		if dark, ok := FromColorFGBG(v); dark != want[0] || ok != want[1] {
			t.Errorf("%q: dark %v ok %v, want %v", v, dark, ok, want)
		}
	}
}
