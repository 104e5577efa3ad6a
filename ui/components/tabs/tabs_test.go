package tabs

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
)

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// Numbers switch only to tabs that exist; tab and shift+tab wrap; At finds
// the tab under a column and nothing under the app name.
func TestTabsKeysAndClicks(t *testing.T) {
	st, k := common.NewStyles(), common.DefaultKeyMap()
	tb := New(k, []string{"Credits", "API keys"})
	if tb.Key(runes("3")) || tb.Active() != 0 {
		t.Fatalf("3 switched to tab %d of two", tb.Active())
	}
	if !tb.Key(runes("2")) || tb.Active() != 1 {
		t.Fatalf("2: tab %d", tb.Active())
	}
	if !tb.Key(tea.KeyMsg{Type: tea.KeyTab}) || tb.Active() != 0 {
		t.Fatalf("tab from the last: tab %d", tb.Active())
	}
	if !tb.Key(tea.KeyMsg{Type: tea.KeyShiftTab}) || tb.Active() != 1 {
		t.Fatalf("shift+tab from the first: tab %d", tb.Active())
	}
	if tb.Key(runes("x")) {
		t.Fatal("x switched tabs")
	}
	line := strings.Split(ansi.Strip(tb.View(st, 80, true)), "\n")[0]
	if x := strings.Index(line, "API keys"); tb.At(st, 80, x) != 1 {
		t.Errorf("At(%d) = %d, want 1 in %q", x, tb.At(st, 80, x), line)
	}
	if tb.At(st, 80, 0) != -1 {
		t.Error("the app name is a tab")
	}
	enabled := 0
	for _, b := range tb.Bindings() {
		if b.Enabled() {
			enabled++
		}
	}
	if enabled != 4 { // 1, 2, tab, shift+tab
		t.Errorf("%d bindings enabled, want 4", enabled)
	}
}
