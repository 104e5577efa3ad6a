package api_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// A provider's shapes decide what a secret and an id may be; a provider
// without shapes gets the conservative token alphabet.
func TestShapes(t *testing.T) {
	hexID := api.Shape{Pattern: regexp.MustCompile(`^[0-9a-f]{4}$`), Says: "4 hex digits"}
	p := api.Provider{Name: "Test", IDShape: hexID}
	for _, bad := range []string{"", "abcg", "ABCD", "abcde", "ab d", "../a"} {
		if err := p.CheckID(bad); !errors.Is(err, api.ErrInvalidID) || (bad != "" && strings.Contains(err.Error(), bad)) {
			t.Errorf("CheckID(%q) = %v", bad, err)
		}
	}
	if err := p.CheckID("0a9f"); err != nil {
		t.Errorf("CheckID(0a9f) = %v", err)
	}
	var plain api.Provider // TokenShape for both
	for _, ok := range []string{"key-1", "a.b_c~d+e/f=g-h", strings.Repeat("a", api.MaxIDLen)} {
		if err := plain.CheckID(ok); err != nil {
			t.Errorf("token id %.20q: %v", ok, err)
		}
	}
	for _, bad := range []string{"$(id)", "a b", "a;b", "a`b", "a'b", strings.Repeat("a", api.MaxIDLen+1), "ключ"} {
		if err := plain.CheckID(bad); !errors.Is(err, api.ErrInvalidID) {
			t.Errorf("token id %.20q: %v", bad, err)
		}
		if err := plain.CheckSecret("tok_0123456789abcdef" + bad); len(bad) <= api.MaxIDLen && !errors.Is(err, api.ErrMalformedSecret) {
			t.Errorf("token secret with %.20q: %v", bad, err)
		}
	}
	if id, text, problem := p.KeyRef("ab\x1b[0mcd"); id != "" || text != "abcd" || problem != api.IDInvalid {
		t.Errorf("KeyRef of a hostile id = %q %q %q", id, text, problem)
	}
	if id, text, problem := p.KeyRef("abcd"); id != "abcd" || text != "abcd" || problem != "" {
		t.Errorf("KeyRef of a good id = %q %q %q", id, text, problem)
	}
	// A typed key is checked in words for a person.
	q := api.Provider{Name: "Test", SecretShape: api.Shape{Pattern: regexp.MustCompile(`^t_[a-z]+$`), Says: "t_ and letters"}}
	if err := q.CheckKey("t_abcdefghijklmnop"); err != nil {
		t.Errorf("CheckKey(good) = %v", err)
	}
	if err := q.CheckKey("x_abcdefghijklmnop"); err == nil || !strings.Contains(err.Error(), "t_ and letters") || strings.Contains(err.Error(), "abcdefgh") {
		t.Errorf("CheckKey(bad) = %v", err)
	}
}
