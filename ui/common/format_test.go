package common_test

// Tests of the formatting helpers every view draws with.

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Credits are shown exactly, with separators, never rounded (DESIGN.md).
func TestGroupThousands(t *testing.T) {
	tests := map[string]string{
		"0":             "0",
		"12":            "12",
		"123":           "123",
		"1234":          "1,234",
		"50000":         "50,000",
		"1284750":       "1,284,750",
		"1234567890":    "1,234,567,890",
		"1234.5":        "1,234.5",
		"1234567.00001": "1,234,567.00001", // the fraction is kept as sent
		"-1234":         "-1,234",
		"+1234":         "+1,234",
		"-0.5":          "-0.5",
		"1234.":         "1,234.",
		// Not plain decimals: unchanged.
		"":      "",
		"abc":   "abc",
		"1e6":   "1e6",
		"1,234": "1,234",
		".5":    ".5",
		"12 34": "12 34",
	}
	for in, want := range tests {
		if got := common.GroupThousands(in); got != want {
			t.Errorf("GroupThousands(%q) = %q, want %q", in, got, want)
		}
	}
}

// A key is shown masked everywhere but in the secret modal (the Targon
// adapter masks; the lists show its Key.Masked).
func TestMaskKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tgn_0123456789abcdefWXYZ", "tgn_…WXYZ"},
		{"sk_live_abcdefgh1234", "sk_…1234"},
		{"nounderscorekey9876", "…9876"},
		{"averyverylongprefix_abcd1234", "…1234"}, // an "_" far in is not a prefix
		{"_leadingunderscore1234", "…1234"},
		{"tgn_short", "…"}, // too short to show any of it
		{"", "…"},
		{"tgn_日本語の鍵はとても長いですね鍵鍵", "tgn_…すね鍵鍵"}, // runes, not bytes
		{"tgn_0123456789abcdef\x1b]52;c;eA==\x07", "tgn_…cdef"},
		{"tgn_0123456789abcd\u202eWXYZ", "tgn_…WXYZ"},
		{"tgn_…a1b2", "tgn_…a1b2"},    // already masked by the server
		{"tgn_****a1b2", "tgn_…a1b2"}, // already masked by the server
		{"tgn_…", "…"},
	}
	for _, tt := range tests {
		got := targon.MaskKey(tt.in)
		if got != tt.want {
			t.Errorf("MaskKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !utf8.ValidString(got) || strings.ContainsAny(got, "\x1b\u202e") {
			t.Errorf("MaskKey(%q) = %q is not clean", tt.in, got)
		}
		if len(tt.in) >= 12 && len(got) >= len(tt.in) {
			t.Errorf("MaskKey(%q) = %q shows too much", tt.in, got)
		}
	}
}

// Lists show dates relative to the (fixed) clock.
func TestRelativeTime(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		ago  time.Duration
		want string
	}{
		{0, "just now"},
		{59 * time.Second, "just now"},
		{-time.Hour, "just now"}, // a clock skewed into the future
		{time.Minute, "1 min ago"},
		{59 * time.Minute, "59 min ago"},
		{time.Hour, "1 h ago"},
		{23*time.Hour + 59*time.Minute, "23 h ago"},
		{day, "1 day ago"},
		{2 * day, "2 days ago"},
		{59 * day, "59 days ago"},
		{60 * day, "2 mo ago"},
		{300 * day, "10 mo ago"},
		{365 * day, "1 y ago"},
		{3 * 365 * day, "3 y ago"},
	}
	for _, tt := range tests {
		if got := common.RelativeTime(uitest.Clock.Add(-tt.ago), uitest.Clock); got != tt.want {
			t.Errorf("RelativeTime(now-%v) = %q, want %q", tt.ago, got, tt.want)
		}
	}
	if got := common.RelativeTime(time.Time{}, uitest.Clock); got != "—" {
		t.Errorf("RelativeTime(zero) = %q, want —", got)
	}
}

// Text from the server is drawn on one line: no escape sequences, newlines
// or tabs reach the terminal.
func TestSanitize(t *testing.T) {
	tests := map[string]string{
		"":                      "",
		"plain name":            "plain name",
		"héllo 日本 🔑":            "héllo 日本 🔑",
		"a\x1b[31mred\x1b[0m":   "ared",
		"line1\nline2\r\n":      "line1 line2  ",
		"tab\there":             "tab here",
		"bell\a del\x7f":        "bell del",
		"c1 \u0085 \u009b31m":   "c1  ",
		"\x1b]52;c;aGk=\a tail": " tail",
		"rtl\u202eevil\u200b":   "rtlevil",
		"👨‍👩‍👧 🏳️‍🌈":            "👨‍👩‍👧 🏳️‍🌈",
	}
	for in, want := range tests {
		if got := common.Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}
