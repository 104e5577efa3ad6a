package sshkeys

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The import list moves with every key the README lists as moving: j/k
// and the arrows, g/G (home/end) and a page at a time with pgup/pgdn.
func TestImportListMovesWithEveryMovingKey(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	c.Width, c.Height = 60, 15
	msg := pubFilesMsg{dir: t.TempDir()}
	for i := range 20 {
		msg.files = append(msg.files, pubFile{name: fmt.Sprintf("id_%02d.pub", i), info: KeyInfo{Label: "ed25519"}})
	}
	p := newImportList(c, msg, func(string, string) {})
	page := p.height
	for _, step := range []struct {
		key  tea.KeyMsg
		want int
	}{
		{tea.KeyMsg{Type: tea.KeyPgDown}, page},
		{tea.KeyMsg{Type: tea.KeyPgDown}, 2 * page},
		{tea.KeyMsg{Type: tea.KeyPgUp}, page},
		{uitest.Key("G"), 19},
		{tea.KeyMsg{Type: tea.KeyPgDown}, 19},
		{uitest.Key("g"), 0},
		{tea.KeyMsg{Type: tea.KeyEnd}, 19},
		{tea.KeyMsg{Type: tea.KeyHome}, 0},
		{uitest.Key("j"), 1},
		{uitest.Key("k"), 0},
	} {
		p.Update(step.key)
		if p.cursor != step.want {
			t.Fatalf("after %s the cursor is on %d, want %d", step.key, p.cursor, step.want)
		}
	}
}
