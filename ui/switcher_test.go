package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// loadedSwitcher is the switcher of a w×h screen with list loaded: n
// Targon profiles p1…pn, p1 current; broken names those with a problem.
func loadedSwitcher(t *testing.T, w, h, n int, broken ...string) *switcher {
	t.Helper()
	c, _ := uitest.NewCommon(nil)
	c.Width, c.Height = w, h
	var list []api.Choice
	for i := range n {
		name := fmt.Sprintf("p%d", i+1)
		ch := api.Choice{ID: name, Name: name, Provider: "Targon", Host: "127.0.0.1:9", Current: i == 0}
		for _, b := range broken {
			if b == name {
				ch.Problem = "no API key: sign in to save one"
			}
		}
		list = append(list, ch)
	}
	p, _ := newSwitcher(c, &uitest.Accounts{
		ListChoices: func() ([]api.Choice, error) { return list, nil },
		OpenChoice:  func(api.Choice) (*api.Session, error) { return nil, nil },
	})
	p.Update(choicesMsg{to: p, choices: list})
	return p
}

// press hands the switcher keys: names as uitest.Key has them, and the
// paging keys.
func (p *switcher) press(keys ...string) {
	paging := map[string]tea.KeyType{"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd}
	for _, k := range keys {
		if t, ok := paging[k]; ok {
			p.Update(tea.KeyMsg{Type: t})
			continue
		}
		p.Update(uitest.Key(k))
	}
}

// The switcher moves with every key the README lists as moving: j/k and
// the arrows, g/G (home/end) and pgup/pgdn; the ends skip accounts that
// cannot be opened, as j/k do.
func TestSwitcherMovesWithEveryMovingKey(t *testing.T) {
	p := loadedSwitcher(t, 80, 24, 9, "p6", "p9")
	for _, step := range []struct {
		key  string
		want int // the cursor's index after it
	}{
		{"G", 7}, {"g", 0}, {"end", 7}, {"home", 0},
		{"j", 1}, {"pgdown", 7}, {"pgup", 0}, {"G", 7}, {"pgdown", 7}, {"k", 6}, {"k", 4},
	} {
		p.press(step.key)
		if p.cursor != step.want {
			t.Fatalf("after %s the cursor is on %d, want %d", step.key, p.cursor, step.want)
		}
	}
}

// At the minimum size, with more accounts than fit, the switcher shows a
// window of its list that holds the cursor, says where it stands, and
// never offers to scroll with keys that move the cursor.
func TestSwitcherKeepsTheCursorInView(t *testing.T) {
	p := loadedSwitcher(t, 60, 15, 9, "p4")
	for _, keys := range [][]string{nil, {"G"}, {"g", "j", "j", "j"}, {"pgdown"}, {"G", "pgup"}} {
		p.press(keys...)
		view := p.View()
		name := p.choices[p.cursor].Name
		if !strings.Contains(ansi.Strip(view), "› ● "+name) && !strings.Contains(ansi.Strip(view), "›   "+name) {
			t.Fatalf("after %v the cursor (%s) is out of view:\n%s", keys, name, view)
		}
		if want := fmt.Sprintf("%d of 9", p.cursor+1); !strings.Contains(view, want) {
			t.Errorf("after %v no %q:\n%s", keys, want, view)
		}
		if strings.Contains(view, "scroll") {
			t.Errorf("after %v the switcher offers to scroll:\n%s", keys, view)
		}
		if n := len(strings.Split(view, "\n")); n > 15-4 {
			t.Errorf("after %v the switcher is %d lines, more than the %d between the bars", keys, n, 15-4)
		}
	}
}
