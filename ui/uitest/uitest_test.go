package uitest_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

type numMsg int

func yield(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// Run flattens batches and sequences in order and leaves out what only
// animates, without waiting for it.
func TestRun(t *testing.T) {
	cmd := tea.Batch(
		yield(numMsg(1)),
		tea.Sequence(yield(numMsg(2)), yield(numMsg(3))),
		tea.Tick(time.Hour, func(time.Time) tea.Msg { return numMsg(-1) }),
		spinner.New().Tick,
		yield(nil),
		yield(numMsg(4)),
	)
	if got := uitest.Run(t, cmd); !slices.Equal(got, []tea.Msg{numMsg(1), numMsg(2), numMsg(3), numMsg(4)}) {
		t.Errorf("Run = %v, want [1 2 3 4]", got)
	}
	if got := uitest.Run(t, nil); len(got) != 0 {
		t.Errorf("Run(nil) = %v", got)
	}
}

func TestKey(t *testing.T) {
	for _, name := range []string{"enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "backspace", "ctrl+c", "ctrl+d", "ctrl+r", "ctrl+u", "q", "G", "/"} {
		if got := uitest.Key(name).String(); got != name {
			t.Errorf("Key(%q) is %q", name, got)
		}
	}
	if k := uitest.Key("space"); k.Type != tea.KeySpace {
		t.Errorf("Key(space) = %v", k)
	}
}

func TestClipboard(t *testing.T) {
	var c uitest.Clipboard
	if how, err := c.Copy("a"); how != uitest.How || err != nil {
		t.Fatalf("Copy = %q, %v", how, err)
	}
	c.Copy("b")
	c.Err = errors.New("no clipboard")
	if _, err := c.Copy("c"); err != c.Err {
		t.Errorf("Copy with Err set: %v", err)
	}
	if got := c.Copied(); !slices.Equal(got, []string{"a", "b"}) || c.Last() != "b" {
		t.Errorf("Copied = %q, Last = %q", got, c.Last())
	}
}

// view is common.View under a name that does not clash with its View
// method.
type view = common.View

// recView is a view that records what reaches it and opens a modal on "o".
type recView struct {
	view // nil: the driver calls only the methods below
	c    *common.Common
	got  []tea.Msg
	common.Outbox
}

func (v *recView) Init() tea.Cmd { return nil }

// TakeOpened is the Outbox's (the embedded view has one too).
func (v *recView) TakeOpened() []common.Modal { return v.Outbox.TakeOpened() }
func (v *recView) SetSize(_, _ int)           {}
func (v *recView) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	v.got = append(v.got, msg)
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "o" {
		v.Open(dialog.NewInfo(v.c, "Details", nil))
	}
	return v, nil
}

// The driver routes as the root does: keys to the top modal, other
// messages to the modals and the view, toasts and 401s to itself.
func TestDriver(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	v := &recView{c: c}
	d := uitest.NewDriver(t, c, v)
	d.Keys("o")
	if _, ok := d.Top().(*dialog.Info); !ok {
		t.Fatalf("top modal %T, want the one the view opened", d.Top())
	}
	d.Keys("x")
	d.Send(numMsg(7))
	d.Send(common.ToastMsg{Text: "done"})
	d.Send(common.UnauthorizedMsg{})
	if d.LastToast() != "done" || d.Unauthorized != 1 {
		t.Errorf("toast %q, unauthorized %d", d.LastToast(), d.Unauthorized)
	}
	d.Keys("esc")
	if d.Top() != nil {
		t.Errorf("esc left %T open", d.Top())
	}
	if len(v.got) != 2 || v.got[0].(tea.KeyMsg).String() != "o" || v.got[1] != numMsg(7) {
		t.Errorf("the view got %v, want o and 7", v.got)
	}
}
