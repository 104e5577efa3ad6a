// Package tabs is the dashboard's tab bar: the app name and one numbered
// tab per view, which the number keys, tab and shift+tab switch between,
// and a click selects. It imports only ui/common.
package tabs

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
)

// appName leads the bar.
const appName = "targon-dash"

// Tabs is the tab bar's state: the titles and which is active.
type Tabs struct {
	titles []string
	active int
	// numbers are the key map's Tab1…Tab4, enabled for as many tabs as
	// there are, so "1".."n" and their help follow the tabs.
	numbers    []key.Binding
	next, prev key.Binding
}

// New returns a tab bar of titles (at least one), the first active, with
// k's bindings. A number's help names its tab when the title says
// otherwise than the key map ("API tokens" for "API keys").
func New(k *common.KeyMap, titles []string) *Tabs {
	t := &Tabs{titles: titles, numbers: []key.Binding{k.Tab1, k.Tab2, k.Tab3, k.Tab4}, next: k.NextTab, prev: k.PrevTab}
	for i := range t.numbers {
		t.numbers[i].SetEnabled(i < len(titles))
		if i < len(titles) && !strings.EqualFold(t.numbers[i].Help().Desc, titles[i]) {
			t.numbers[i] = common.WithDesc(t.numbers[i], titles[i])
		}
	}
	return t
}

// Active is the index of the active tab.
func (t *Tabs) Active() int { return t.active }

// SetActive makes tab i active; an index out of range selects the last.
func (t *Tabs) SetActive(i int) { t.active = max(0, min(i, len(t.titles)-1)) }

// Bindings are the keys that switch tabs, for the help.
func (t *Tabs) Bindings() []key.Binding {
	return append(append([]key.Binding(nil), t.numbers...), t.next, t.prev)
}

// Key switches tabs on a number, tab or shift+tab and reports whether msg
// was one of them.
func (t *Tabs) Key(msg tea.KeyMsg) bool {
	for i, b := range t.numbers {
		if key.Matches(msg, b) {
			t.active = i
			return true
		}
	}
	var ok bool
	t.active, ok = common.Cycle(msg, t.next, t.prev, t.active, len(t.titles))
	return ok
}

// View draws the bar width columns wide; the active tab is marked only
// when highlight is set (not under the login screen).
func (t *Tabs) View(st *common.Styles, width int, highlight bool) string {
	bar := lipgloss.JoinHorizontal(lipgloss.Top, t.parts(st, width, highlight)...)
	return st.TabBar.Width(width).Render(ansi.Truncate(bar, width, "…"))
}

// Height is how many lines View takes.
func (t *Tabs) Height(st *common.Styles, width int) int {
	return lipgloss.Height(t.View(st, width, false))
}

// At is the tab drawn at column x of the bar's line, or -1 (the app name,
// the empty rest of the line, or a tab cut off at the edge).
func (t *Tabs) At(st *common.Styles, width, x int) int {
	left := 0
	for i, p := range t.parts(st, width, true) {
		right := left + lipgloss.Width(p)
		if i > 0 && x >= left && x < right && right <= width {
			return i - 1
		}
		left = right
	}
	return -1
}

// parts are the pieces of the bar's line, left to right: the app name,
// then one per tab. The app name is left out ("") when the tabs would not
// fit width beside it (four tabs at 60 columns): every tab stays whole.
func (t *Tabs) parts(st *common.Styles, width int, highlight bool) []string {
	parts := []string{st.AppName.Render(appName)}
	for i, title := range t.titles {
		label := fmt.Sprintf("%d %s", i+1, title)
		if i == t.active && highlight {
			parts = append(parts, st.TabActive.Render(label))
		} else {
			parts = append(parts, st.Tab.Render(label))
		}
	}
	if lipgloss.Width(strings.Join(parts, "")) > width {
		parts[0] = ""
	}
	return parts
}
