package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// farAway is a step past either end of any list: callers clamp it.
const farAway = 1 << 30

// Step is how far msg moves the cursor of a list that shows page rows at a
// time: up and down one row, page up and down a page, top and bottom past
// either end (the caller clamps). ok is false for a key that does not
// move. The list-like dialogs (account switcher, ~/.ssh import) move with
// it, so every key the key map calls moving moves there too.
func (k *KeyMap) Step(msg tea.KeyMsg, page int) (step int, ok bool) {
	page = max(1, page)
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.Top):
		return -farAway, true
	case key.Matches(msg, k.Bottom):
		return farAway, true
	}
	return 0, false
}
