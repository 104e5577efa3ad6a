package api_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/targon-dash/targon-dash/api"
)

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "production-inference", "production-inference"},
		{"CJK", "本番キー 生产密钥", "本番キー 生产密钥"},
		{"family emoji (ZWJ)", "team 👨‍👩‍👧‍👦", "team 👨‍👩‍👧‍👦"},
		{"rainbow flag (VS16, ZWJ)", "🏳️‍🌈 pride", "🏳️‍🌈 pride"},
		{"combining accent", "cafe\u0301", "cafe\u0301"},
		{"OSC 52 with BEL", "tgn_a\x1b]52;c;ZXZpbA==\x07b", "tgn_ab"},
		{"OSC 52 with ST", "x\x1b]52;c;ZXZpbA==\x1b\\y", "xy"},
		{"OSC 8 hyperlink", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"unterminated OSC eats the rest", "name\x1b]0;title", "name"},
		{"CSI colour", "\x1b[31mred\x1b[0m", "red"},
		{"CSI private mode", "a\x1b[?1049hb", "ab"},
		{"CSI cut short", "a\x1b[12;é", "aé"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"charset escape", "a\x1b(Bb", "ab"},
		{"lone ESC at end", "abc\x1b", "abc"},
		{"8-bit CSI", "a\u009b31mb", "ab"},
		{"8-bit OSC", "a\u009d52;c;eA==\u009cb", "ab"},
		{"C0 and DEL", "a\x00b\x07c\x08d\x7fe", "abcde"},
		{"line breaks become spaces", "two\r\nlines\tand\u2028more", "two  lines and more"},
		{"bidi override (Trojan Source)", "user\u202Egnp.exe", "usergnp.exe"},
		{"bidi isolates and marks", "\u2066a\u2069\u200e\u200f\u061cb", "ab"},
		{"zero width", "ad\u200bmin\u2060\ufeff", "admin"},
		{"invalid UTF-8", "a\xffb", "a\ufffdb"},
		{"ZWNJ goes (invisible)", "می\u200cخواهم", "میخواهم"},
		{"soft hyphen", "pro\u00adduc\u00adtion", "production"},
		{"grapheme joiner, Mongolian vowel separator", "a\u034fb\u180ec", "abc"},
		{"tag characters", "flag\U000E0067\U000E0062\U000E007F", "flag"},
		{"Hangul fillers", "\u3164\u115f\u1160name\uffa0", "name"},
		{"blank Braille", "\u2800\u2800admin", "admin"},
		{"halfwidth voiced marks widen", "ｸﾞﾚｰﾌﾟ", "ｸ\u309bﾚｰﾌ\u309c"},
		{"variation selectors outside emoji", "a\ufe0fb\ufe0e\ufe00c", "abc"},
		{"joiner outside emoji", "ad\u200dmin", "admin"},
		{"joiner after a skin tone", "👋🏽\u200d🔥", "👋🏽\u200d🔥"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := api.CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// forbidden reports the first rune CleanText must never let through.
func forbidden(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r < 0x20, r >= 0x7f && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
			r == 0x200e, r == 0x200f, r == 0x061c,
			r == 0x200b, r == 0x200c, r == 0x2060, r == 0xfeff,
			r == 0x00ad, r == 0x034f, r == 0x180e, r == 0x3164, r == 0x115f, r == 0x1160,
			r == 0x2800, r == 0xff9e, r == 0xff9f,
			r >= 0xfe00 && r <= 0xfe0e, r >= 0xe0000 && r <= 0xe0fff:
			return r, true
		}
	}
	return 0, false
}

// changes reports whether CleanText changes r wherever it stands (or may,
// as the joiner and U+FE0F, by context).
func changes(r rune) bool {
	if _, bad := forbidden(string(r)); bad {
		return true
	}
	switch {
	case r == 0x2028, r == 0x2029, r >= 0x2060 && r <= 0x206f, r >= 0xfff0 && r <= 0xfffb,
		r == 0x200d, r == 0xfe0f, r == 0xffa0, r == 0x17b4, r == 0x17b5, r >= 0x180b && r <= 0x180f,
		r >= 0x1bca0 && r <= 0x1bca3, r >= 0x1d173 && r <= 0x1d17a:
		return true
	}
	return false
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{
		"plain", "👨‍👩‍👧‍👦", "🏳️‍🌈", "本番",
		"\x1b]52;c;ZXZpbA==\x07", "\x1b[31m", "\x1bP\x1b\\", "\u009b1m", "\x1b\x1b]",
		"a\u202eb", "\xff\xfe", "\u200b\u2060\ufeff", "\x1b]\x1b[0m",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := api.CleanText(in)
		if !utf8.ValidString(out) {
			t.Fatalf("CleanText(%q) = %q: not valid UTF-8", in, out)
		}
		if r, bad := forbidden(out); bad {
			t.Fatalf("CleanText(%q) = %q holds %U", in, out, r)
		}
		if again := api.CleanText(out); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", in, out, again)
		}
		if len(out) > 3*len(in) {
			// Only an invalid byte grows (to the 3-byte U+FFFD).
			t.Fatalf("CleanText(%q) grew to %d bytes", in, len(out))
		}
		if utf8.ValidString(in) && strings.IndexFunc(in, changes) < 0 && out != in {
			t.Fatalf("CleanText changed clean text %q to %q", in, out)
		}
	})
}
