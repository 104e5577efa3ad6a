package dialog

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The descriptions of one column of the help start at one column, whatever
// group they are in: "s sort" lines up with "enter details" above it, "k/↑
// up" with "shift+tab previous view".
func TestHelpAlignsEachColumn(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	c.Width, c.Height = 80, 24
	k := c.Keys
	k.SwitchAccount.SetEnabled(false) // the layout below has no sign-in group
	m := NewHelp(c, [][]key.Binding{
		{k.Tab1, k.Tab2, k.NextTab, k.PrevTab},
		{k.Up, k.Down, k.Top},
		{k.Details, k.New, k.Rename, k.Delete, k.Roll},
		{k.Sort, k.SortReverse, k.CopyID},
		{k.Filter, k.Refresh, k.Help, k.Quit, k.ForceQuit},
	})
	m.SetSize(80, 24)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	at := func(desc string) int {
		for _, l := range lines {
			if i := strings.Index(l, " "+desc); i >= 0 {
				return ansi.StringWidth(l[:i])
			}
		}
		t.Fatalf("help lacks %q:\n%s", desc, m.View())
		return -1
	}
	for _, pair := range [][2]string{{"sort", "details"}, {"copy id", "details"}, {"reverse sort", "details"}, {"up", "previous view"}, {"first", "credits"}} {
		if a, b := at(pair[0]), at(pair[1]); a != b {
			t.Errorf("%q starts at %d, %q at %d:\n%s", pair[0], a, pair[1], b, m.View())
		}
	}
}

// Where there are accounts to switch to, the help names the login screen's
// way to the switcher (a control key: P is text there); elsewhere it does
// not.
func TestHelpNamesLoginSwitch(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	k := c.Keys
	k.SwitchAccount.SetEnabled(false)
	if v := uitest.Plain(NewHelp(c, [][]key.Binding{{k.Refresh}}).View()); strings.Contains(v, "sign-in") {
		t.Errorf("no accounts to switch to, yet:\n%s", v)
	}
	k.SwitchAccount.SetEnabled(true)
	if v := uitest.Plain(NewHelp(c, [][]key.Binding{{k.Refresh}}).View()); !strings.Contains(v, "ctrl+p switch account") {
		t.Errorf("the help lacks the login screen's switch key:\n%s", v)
	}
}

// The help of the API keys view fits 80×24 whole with the sign-in key
// too: it goes under a column with room, not below the last one.
func TestHelpWithLoginSwitchFitsDesignSize(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	k := c.Keys
	m := NewHelp(c, [][]key.Binding{
		{k.Tab1, k.Tab2, k.Tab3, k.NextTab, k.PrevTab},
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Details, k.New, k.Rename, k.Delete, k.Roll},
		{k.Sort, k.SortReverse, k.CopyID},
		{k.Filter, k.Back, k.Refresh, k.SwitchAccount, k.Help, k.Quit, k.ForceQuit},
	})
	m.SetSize(80, 24)
	v := uitest.Plain(m.View())
	if strings.Contains(v, " lines") || !strings.Contains(v, "ctrl+p switch account") {
		t.Errorf("the help does not fit whole:\n%s", m.View())
	}
}
