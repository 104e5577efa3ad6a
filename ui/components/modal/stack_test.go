package modal

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
)

// fake is a dialog that records what it got and opens another when told.
type fake struct {
	common.Outbox
	name   string
	got    []tea.Msg
	closed bool
	w, h   int
}

func (f *fake) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	f.got = append(f.got, msg)
	if km, ok := msg.(tea.KeyMsg); ok {
		switch km.String() {
		case "o":
			f.Open(&fake{name: f.name + "+"})
		case "esc":
			f.closed = true
		}
	}
	return f, nil
}
func (f *fake) View() string             { return f.name }
func (f *fake) SetSize(w, h int)         { f.w, f.h = w, h }
func (f *fake) ShortHelp() []key.Binding { return nil }
func (f *fake) Busy() bool               { return false }
func (f *fake) Closed() bool             { return f.closed }
func (f *fake) String() string           { return f.name }
func press(s string) tea.KeyMsg          { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
func escape() tea.KeyMsg                 { return tea.KeyMsg{Type: tea.KeyEsc} }

// view is a view that queues a dialog, as the views do with their Outbox.
type view struct{ common.Outbox }

// Keys go to the top dialog only; a dialog it opens is on top after Sync,
// sized to the screen; one that closes is gone after Sync; other messages
// reach every dialog.
func TestStackRoutesAndSyncs(t *testing.T) {
	var s Stack
	s.SetSize(80, 24)
	v := &view{}
	a := &fake{name: "a"}
	v.Open(a)
	s.Sync(v)
	if s.Top() != a || a.w != 80 || a.h != 24 {
		t.Fatalf("top %v (%dx%d), want a sized 80x24", s.Top(), a.w, a.h)
	}
	s.Update(press("o"))
	s.Sync(v)
	b, ok := s.Top().(*fake)
	if !ok || b.name != "a+" || s.Len() != 2 {
		t.Fatalf("after o: top %v, %d open", s.Top(), s.Len())
	}
	s.Update(press("x"))
	if len(a.got) != 1 || len(b.got) != 1 {
		t.Fatalf("a key reached a %d times, b %d; want once each so far", len(a.got), len(b.got))
	}
	s.Broadcast("reply")
	if len(a.got) != 2 || len(b.got) != 2 {
		t.Fatalf("a broadcast reached a %d, b %d", len(a.got), len(b.got))
	}
	s.Update(escape())
	s.Sync(v)
	if s.Top() != a || s.Len() != 1 {
		t.Fatalf("after b closed: top %v, %d open", s.Top(), s.Len())
	}
	s.Clear()
	if s.Len() != 0 || s.Top() != nil || s.Update(press("x")) != nil {
		t.Fatal("a cleared stack still holds a dialog")
	}
}
