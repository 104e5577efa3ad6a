package dialog

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Help lists every binding it is given and closes with esc, enter or ?.
func TestHelp(t *testing.T) {
	for _, k := range []string{"esc", "enter", "?"} {
		c, _ := uitest.NewCommon(nil)
		km := c.Keys
		m := NewHelp(c, [][]key.Binding{{km.Up, km.Down, km.Refresh}, {km.New, km.Delete}})
		v := uitest.Plain(m.View())
		for _, want := range []string{"Keys", "refresh", "delete", "new", "Confirmations start on No"} {
			if !strings.Contains(v, want) {
				t.Errorf("help lacks %q:\n%s", want, m.View())
			}
		}
		send(t, m, "x")
		if m.Closed() {
			t.Fatal("x closed the help")
		}
		send(t, m, k)
		if !m.Closed() {
			t.Errorf("%q did not close the help", k)
		}
	}
}

// Overridden keys show up in the help screen.
func TestHelpShowsOverriddenKeys(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	if err := c.Keys.Override(map[string][]string{"refresh": {"ctrl+r"}}); err != nil {
		t.Fatal(err)
	}
	m := NewHelp(c, [][]key.Binding{{c.Keys.Refresh}})
	if v := uitest.Plain(m.View()); !strings.Contains(v, "ctrl+r refresh") {
		t.Errorf("help:\n%s", m.View())
	}
}
