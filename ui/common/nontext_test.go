package common_test

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
)

// NonText keeps the keys of a binding that are not text in an input, and
// names only those.
func TestNonText(t *testing.T) {
	k := common.DefaultKeyMap()
	if got := common.NonText(k.Up); got.Help().Key != "↑" || !key.Matches(tea.KeyMsg{Type: tea.KeyUp}, got) || key.Matches(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("k")}, got) {
		t.Errorf("common.NonText(Up) = %q %v", got.Help().Key, got.Keys())
	}
	if got := common.NonText(k.ChoiceNext); got.Help().Key != "→" {
		t.Errorf("common.NonText(ChoiceNext) = %q: space is text", got.Help().Key)
	}
	if got := common.NonText(k.Quit); got.Enabled() {
		t.Errorf("common.NonText(Quit) is enabled: %v", got.Keys())
	}
}
