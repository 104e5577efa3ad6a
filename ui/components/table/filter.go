package table

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
)

// filterKey edits the filter being typed: esc drops it, enter (or a move)
// keeps it — also when nothing matches, so the empty result stays on
// screen and says so — and any change filters again at once.
func (t *Table) filterKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, t.c.Keys.Back):
		t.List.ResetFilter()
		t.follow(0)
		return nil
	case key.Matches(msg, t.accept):
		if t.List.FilterValue() == "" {
			t.List.ResetFilter()
		} else {
			t.List.SetFilterText(t.List.FilterValue()) // applies it
			t.List.FilterInput.Blur()
		}
		t.follow(0)
		return nil
	}
	before := t.List.FilterValue()
	var cmd tea.Cmd
	t.List.FilterInput, cmd = t.List.FilterInput.Update(msg)
	if t.List.FilterValue() != before {
		t.refilter()
		t.follow(0)
	}
	return cmd
}

// refilter applies the filter in force to the rows now, keeping whether it
// is being typed and where the input's cursor is. SetFilterText is the
// list's synchronous way to filter; it also applies the filter and moves
// the cursor to the top, which the callers undo (follow).
func (t *Table) refilter() {
	state := t.List.FilterState()
	if state == list.Unfiltered {
		return
	}
	pos := t.List.FilterInput.Position()
	t.List.SetFilterText(t.List.FilterValue())
	if state == list.Filtering {
		t.List.SetFilterState(list.Filtering)
		t.List.FilterInput.SetCursor(pos)
	}
}

// matchWords is the table's list.FilterFunc: a row matches when its filter
// text holds every space-separated word of term as a substring, ignoring
// case. Matches keep the list's order.
func matchWords(term string, targets []string) []list.Rank {
	words := strings.Fields(strings.ToLower(term))
	// Sized for all: most words typed first match most rows, and growing
	// a slice of thousands by appending copies it many times over.
	out := make([]list.Rank, 0, len(targets))
	for i, target := range targets {
		if containsAll(lowerCase(target), words) {
			out = append(out, list.Rank{Index: i})
		}
	}
	return out
}

// lowerCase is s in lower case: s itself, without a copy, when no rune
// changes, which is the common case (rows lower their filter text once),
// and faster to find out than with strings.ToLower, which maps every rune
// of a text that is not all ASCII ("tgn_…").
func lowerCase(s string) string {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return strings.ToLower(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.ToLower(r) != r {
			return strings.ToLower(s)
		}
		i += n
	}
	return s
}

// containsAll reports whether s holds every word.
func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
