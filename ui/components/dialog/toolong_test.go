package dialog

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Text longer than a field takes is never cut silently: a paste that
// would overflow is refused whole, the field keeps what it had, and the
// error counts what was pasted ("this one has 300"), not what would have
// fit; typing at the limit says the same.
func TestFormRefusesTooLongPasteWithItsTrueLength(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	f := NewForm(c, "New key", []Field{{Label: "Name", CharLimit: 256, Validate: ValidateName}, {Label: "Note", CharLimit: 8}},
		func(context.Context, []string) (tea.Msg, error) { return nil, nil })
	f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("n", 300)), Paste: true})
	if got := f.Value(0); got != "" {
		t.Errorf("the field took %d characters of a paste too long for it", len(got))
	}
	if got := f.FieldError(0); !strings.Contains(got, "at most 64 characters (this one has 300)") {
		t.Errorf("error = %q, want the true length", got)
	}
	// A field without a check of its own says its limit.
	f.Focus(1)
	uitest.Type(f.Update, "12345678")
	uitest.Type(f.Update, "9")
	if got := f.Value(1); got != "12345678" {
		t.Errorf("note = %q", got)
	}
	if got := f.FieldError(1); !strings.Contains(got, "9 characters") || !strings.Contains(got, "at most 8") {
		t.Errorf("error = %q", got)
	}
	// Deleting is never refused, and it clears the error.
	uitest.Tap(f.Update, "backspace")
	if f.Value(1) != "1234567" || f.FieldError(1) != "" {
		t.Errorf("after backspace: %q, %q", f.Value(1), f.FieldError(1))
	}
}
