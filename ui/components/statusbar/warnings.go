package statusbar

import (
	"os"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
)

// warningDuration is how long the start-up warnings stay up.
const warningDuration = 30 * time.Second

// Warnings are problems found at start (a credentials file others can
// read): drawn whole, on lines of their own above the status bar, for
// warningDuration, without blocking the keys.
type Warnings struct {
	texts []string
	// id numbers the warnings shown, so that the expiry of those of an
	// earlier account does not take down the current ones.
	id int
}

// warningsExpiredMsg takes the warnings numbered id down.
type warningsExpiredMsg struct{ id int }

// Show puts texts up in place of any shown (paths under the home
// directory as "~/…") and returns the command that takes them down, or
// nil when there are none. changed reports whether the lines the warnings
// take may have changed (the views' height with them).
func (w *Warnings) Show(c *common.Common, texts []string) (cmd tea.Cmd, changed bool) {
	w.id++
	changed = len(w.texts) > 0 || len(texts) > 0
	w.texts = nil
	home, err := os.UserHomeDir()
	for _, t := range texts {
		if err == nil && home != "" {
			t = strings.ReplaceAll(t, home+string(os.PathSeparator), "~"+string(os.PathSeparator))
		}
		w.texts = append(w.texts, t)
	}
	if len(w.texts) == 0 {
		return nil, changed
	}
	id := w.id
	return c.After(warningDuration, func(time.Time) tea.Msg { return warningsExpiredMsg{id} }), changed
}

// Update takes the warnings down when their time is up, and reports
// whether msg was theirs and whether they went.
func (w *Warnings) Update(msg tea.Msg) (ours, gone bool) {
	m, ok := msg.(warningsExpiredMsg)
	if !ok {
		return false, false
	}
	if m.id != w.id {
		return true, false
	}
	w.texts = nil
	return true, true
}

// Lines are the warnings wrapped to width columns, each line starting
// with a marker or an indent, so they read whole.
func (w *Warnings) Lines(st *common.Styles, width int) []string {
	if len(w.texts) == 0 || width <= 0 {
		return nil
	}
	inner := max(10, width-4) // " ⚠ " before, a space after
	var lines []string
	for _, t := range w.texts {
		for i, l := range wrapAtSpaces(t, inner) {
			mark := "   "
			if i == 0 {
				mark = " ⚠ "
			}
			lines = append(lines, st.ToastError.Render(ansi.Truncate(mark+l, width, "")))
		}
	}
	return lines
}

// wrapAtSpaces wraps s to width columns, breaking only at spaces, so a
// path or a command stays whole on one line; only a word longer than a
// line is cut.
func wrapAtSpaces(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case ansi.StringWidth(line)+1+ansi.StringWidth(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
		for ansi.StringWidth(line) > width {
			lines = append(lines, ansi.Truncate(line, width, ""))
			line = ansi.TruncateLeft(line, width, "")
		}
	}
	return append(lines, line)
}
