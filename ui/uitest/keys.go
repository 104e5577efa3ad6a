package uitest

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// namedKeys are the keys Key knows by name.
var namedKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"backspace": tea.KeyBackspace, "space": tea.KeySpace,
	"ctrl+c": tea.KeyCtrlC, "ctrl+d": tea.KeyCtrlD, "ctrl+p": tea.KeyCtrlP, "ctrl+r": tea.KeyCtrlR, "ctrl+u": tea.KeyCtrlU,
}

// Key is the press of a named key ("enter", "esc", "tab", "shift+tab",
// the arrows "up", "down", "left", "right", "backspace", "space",
// "ctrl+c", "ctrl+d", "ctrl+p", "ctrl+r", "ctrl+u"); any other name is typed as
// runes ("q", "/", "G").
func Key(name string) tea.KeyMsg {
	if t, ok := namedKeys[name]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// Type hands update text one rune at a time, as typing it would, and drops
// the commands that come back (cursor blinks).
func Type[M any](update func(tea.Msg) (M, tea.Cmd), text string) {
	for _, r := range text {
		update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// Tap hands update the keys (see Key) and drops the commands that come
// back: for editing keys, whose commands are only cursor blinks.
func Tap[M any](update func(tea.Msg) (M, tea.Cmd), keys ...string) {
	for _, k := range keys {
		update(Key(k))
	}
}

// Plain is a view as one line of words: box drawing gone, wrapped lines
// joined, runs of space collapsed, so assertions survive borders and word
// wrapping.
func Plain(view string) string {
	view = strings.Map(func(r rune) rune {
		if r >= 0x2500 && r <= 0x257f { // box drawing
			return ' '
		}
		return r
	}, view)
	return strings.Join(strings.Fields(view), " ")
}
