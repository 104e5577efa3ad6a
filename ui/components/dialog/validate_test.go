package dialog

import (
	"strings"
	"testing"
)

// ValidateName is what a form checks before sending a name: the user sees
// these errors under the field instead of a round trip to the server.
func TestValidateName(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string // "" when the name is accepted
	}{
		{"plain", "production", ""},
		{"inner spaces", "my laptop key", ""},
		{"unicode", "clé de Zoë 日本語 🔑", ""},
		{"64 ASCII", strings.Repeat("a", 64), ""},
		{"64 multibyte runes", strings.Repeat("é", 64), ""}, // counts runes, not bytes
		{"zero-width space is not a control character", "a\u200bb", ""},
		{"empty", "", "a name is required"},
		{"only spaces", "    ", "a name is required"},
		{"only whitespace and newlines", " \t\n ", "a name is required"},
		{"65 ASCII", strings.Repeat("a", 65), "at most 64 characters (this one has 65)"},
		{"65 multibyte runes", strings.Repeat("日", 65), "at most 64 characters (this one has 65)"},
		{"tab", "a\tb", "no control characters"},
		{"newline", "a\nb", "no control characters"},
		{"escape sequence", "a\x1b[31mred", "no control characters"},
		{"DEL", "a\x7fb", "no control characters"},
		{"C1 control (NEL)", "a\u0085b", "no control characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateName(tt.in)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("ValidateName(%q) = %v, want nil", tt.in, err)
			case tt.wantErr != "" && err == nil:
				t.Errorf("ValidateName(%q) = nil, want an error containing %q", tt.in, tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("ValidateName(%q) = %q, want it to contain %q", tt.in, err, tt.wantErr)
			}
		})
	}
}
