package dialog

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// A form with one field has no next field: neither its hint, nor its
// short help, nor its scroll line on a tiny screen names one; a form with
// two does.
func TestOneFieldFormOffersNoNextField(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	act := func(context.Context, []string) (tea.Msg, error) { return nil, nil }
	one := NewForm(c, "Rename “a-rather-long-name”", []Field{{Label: "Name", Hint: strings.Repeat("A hint that wraps. ", 8)}}, act)
	two := NewForm(c, "New key", []Field{{Label: "Name"}, {Label: "Limit"}}, act)
	for _, size := range []struct{ w, h int }{{80, 24}, {60, 15}, {60, 12}} {
		one.SetSize(size.w, size.h)
		two.SetSize(size.w, size.h)
		if v := uitest.Plain(one.View()); strings.Contains(v, "next field") {
			t.Errorf("%dx%d: a one-field form offers a next field:\n%s", size.w, size.h, v)
		}
		if v := uitest.Plain(two.View()); !strings.Contains(v, "tab next field") {
			t.Errorf("%dx%d: a two-field form does not offer tab:\n%s", size.w, size.h, v)
		}
	}
	if h := uitest.Hints(one.ShortHelp()); strings.Contains(h, "next field") || strings.Contains(h, "previous field") {
		t.Errorf("one field: short help %q", h)
	}
	if h := uitest.Hints(two.ShortHelp()); !strings.Contains(h, "next field") {
		t.Errorf("two fields: short help %q", h)
	}
}
