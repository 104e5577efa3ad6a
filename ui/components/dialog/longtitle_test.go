package dialog

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Issue 18, item 9: a 5,000-character name (emoji, CJK and all) in a
// dialog's title takes one line, cut inside its quotes with "…", so the
// rest of the dialog (field, hint, buttons) stays on screen; every line
// fits the screen.
func TestLongNamesInTitlesTakeOneLine(t *testing.T) {
	name := strings.Repeat("n", 2000) + strings.Repeat("名👍🏽", 1000)
	noop := func(context.Context) (tea.Msg, error) { return nil, nil }
	dialogs := map[string]func(c *common.Common) common.Modal{
		"rename": func(c *common.Common) common.Modal {
			return NewRenameForm(c, name, func(context.Context, string) (tea.Msg, error) { return nil, nil }, nil)
		},
		"delete": func(c *common.Common) common.Modal {
			return NewDeleteConfirm(c, "Delete API key “"+name+"”?", []string{"It stops working at once."}, func(context.Context) error { return nil }, nil)
		},
		"roll": func(c *common.Common) common.Modal {
			return NewConfirm(c, "Roll the secret of “"+name+"”?", []string{"The old secret stops working."}, "Roll", noop)
		},
		"details": func(c *common.Common) common.Modal {
			return NewInfo(c, "API key “"+name+"”", []DetailRow{{Label: "Name", Value: "short"}})
		},
		"secret": func(c *common.Common) common.Modal {
			return NewSecret(c, "New API key “"+name+"” (replaces sk-…abcd)", "tgn_"+strings.Repeat("a", 32), "copied", nil)
		},
	}
	for _, size := range [][2]int{{80, 24}, {60, 15}} {
		for what, open := range dialogs {
			c, _ := uitest.NewCommon(nil)
			c.Width, c.Height = size[0], size[1]
			d := open(c)
			d.SetSize(size[0], size[1])
			view := ansi.Strip(d.View())
			lines := strings.Split(view, "\n")
			if len(lines) > size[1] {
				t.Errorf("%s at %dx%d: %d lines", what, size[0], size[1], len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Errorf("%s at %dx%d: a line %d wide", what, size[0], size[1], w)
				}
			}
			titles, nameLines := 0, 0
			for _, l := range lines {
				if strings.Contains(l, "“") {
					titles++
					if !strings.Contains(l, "…”") {
						t.Errorf("%s at %dx%d: title line %q is not the name cut in its quotes", what, size[0], size[1], l)
					}
				}
				if strings.Contains(l, "nnnnnnnnnn") {
					nameLines++
				}
			}
			if want := map[bool]int{true: 2, false: 1}[what == "rename"]; titles != 1 || nameLines > want {
				t.Errorf("%s at %dx%d: %d title lines, the name on %d lines (want 1 title, the name on at most %d: title and field):\n%s", what, size[0], size[1], titles, nameLines, want, view)
			}
		}
	}
}
