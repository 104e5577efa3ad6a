package api_test

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// Issue 18, item 11: a host is shown in ASCII — an internationalised one
// in punycode, so "оpenrouter.ai" with a Cyrillic "о" cannot pass for
// openrouter.ai — with a warning when a label mixes scripts.
func TestHostOfShowsPunycodeAndWarns(t *testing.T) {
	tests := []struct {
		in, want string
		warned   bool
	}{
		{"https://openrouter.ai/api/v1", "openrouter.ai", false},
		{"http://127.0.0.1:8080", "127.0.0.1:8080", false},
		{"https://\u043epenrouter.ai/api/v1", "xn--penrouter-", true}, // Cyrillic о
		{"https://api.t\u0430rgon.com:8443", "api.xn--trgon-", true},  // Cyrillic а, with a port
		{"https://b\u00fccher.example", "xn--bcher-kva.example", false},
		{"https://\u4f8b\u3048.jp", "xn--", false},
		{"https://\u0430\u0440\u0440\u04cf\u0435.com", "xn--", false}, // all Cyrillic: punycode shows it
	}
	for _, tt := range tests {
		got := api.HostOf(tt.in)
		if !strings.HasPrefix(got, tt.want) || strings.Contains(got, api.MixedScriptNote) != tt.warned {
			t.Errorf("HostOf(%q) = %q, want %q… warned %v", tt.in, got, tt.want, tt.warned)
		}
		for _, r := range strings.TrimSuffix(got, api.MixedScriptNote) {
			if r >= 0x80 {
				t.Errorf("HostOf(%q) = %q is not ASCII", tt.in, got)
				break
			}
		}
	}
}
