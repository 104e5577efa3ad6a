package dialog

import (
	"context"
	"strings"
	"testing"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Issue 18, item 4: the rename field starts with a name as every terminal
// draws it alike, so a server's name whose characters terminals measure
// differently (an emoji with a skin tone, a conjunct) never wraps the
// field's line; submitted unedited, it still means the name as it was.
func TestRenameFieldDrawsAlikeEverywhere(t *testing.T) {
	name := "deploy 👍🏽 क्ष 👨‍👩‍👧"
	var sent []string
	c, _ := uitest.NewCommon(nil)
	c.Width, c.Height = 60, 15
	f := NewRenameForm(c, name, func(_ context.Context, n string) (tea.Msg, error) {
		sent = append(sent, n)
		return nil, nil
	}, nil)
	f.SetSize(60, 15)
	for i, l := range strings.Split(ansi.Strip(f.View()), "\n") {
		// The dashboard pads by its own measure; a terminal that counts
		// rune by rune must see the same width, or the line wraps.
		if w, ours := runeByRune(l), ansi.StringWidth(l); w != ours || w > 60 {
			t.Errorf("line %d: %d columns to a terminal, %d to the dashboard: %q", i, w, ours, l)
		}
	}
	uitest.Run(t, f.submit())
	if len(sent) != 1 || sent[0] != name {
		t.Fatalf("an unedited field renamed to %q, want the name as it was", sent)
	}
}

// runeByRune is how wide a terminal that counts rune by rune (as tmux
// does) draws s.
func runeByRune(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		default:
			n += runewidth.RuneWidth(r)
		}
	}
	return n
}
