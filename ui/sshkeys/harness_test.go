package sshkeys

import (
	"net/http/httptest"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/apitest"
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// clock is the fixed time of every test: golden screens stay stable.
var clock = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return clock }

// fakeClip is a clipboard that records what it was given.
type fakeClip struct {
	mu     sync.Mutex
	copied []string
}

func (f *fakeClip) Copy(text string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.copied = append(f.copied, text)
	return "fake clipboard", nil
}

func (f *fakeClip) last() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.copied) == 0 {
		return ""
	}
	return f.copied[len(f.copied)-1]
}

// harness plays the root model around one view: it runs commands
// synchronously, keeps the modal stack, and records toasts.
type harness struct {
	t            *testing.T
	sim          *apitest.Server
	c            *common.Common
	clip         *fakeClip
	view         *Model
	modals       []common.Modal
	toasts       []common.ToastMsg
	unauthorized int
}

// newHarness serves sim, builds the view at 100x30 and loads the list.
func newHarness(t *testing.T, sim *apitest.Server) *harness {
	t.Helper()
	ts := httptest.NewServer(sim)
	t.Cleanup(ts.Close)
	client, err := api.New(ts.URL, sim.DemoKey(), api.WithRetry(api.NoRetry))
	if err != nil {
		t.Fatal(err)
	}
	clip := &fakeClip{}
	c := &common.Common{
		Width: 100, Height: 30,
		Styles:    common.NewStyles(),
		Keys:      common.DefaultKeyMap(),
		Client:    client,
		Clipboard: clip,
		Settings:  &config.Settings{Profile: "test", BaseURL: ts.URL},
		Now:       fixedNow,
	}
	h := &harness{t: t, sim: sim, c: c, clip: clip, view: New(c)}
	h.view.SetSize(c.Width, c.Height)
	h.run(h.view.Init())
	h.syncModals()
	return h
}

// run executes cmd and everything it leads to, delivering each message.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil || skipCmd(cmd) {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil, spinner.TickMsg:
		return
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
		return
	}
	if v := reflect.ValueOf(msg); v.Type().String() == "tea.sequenceMsg" {
		for i := 0; i < v.Len(); i++ {
			h.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	h.send(msg)
}

// skipCmd spots the commands that only wait to animate: cursor blinks and
// ticks.
func skipCmd(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	return strings.HasPrefix(name, "github.com/charmbracelet/bubbles/cursor.") ||
		strings.HasPrefix(name, "github.com/charmbracelet/bubbletea.Tick") ||
		strings.HasPrefix(name, "github.com/charmbracelet/bubbletea.Every")
}

// send routes msg as the root model does and runs what comes back.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	h.run(h.deliver(msg))
}

// deliver routes msg as the root model does, without running the command
// that comes back: keys to the top modal when one is open (else the view),
// other messages to every modal and the view. Then, as the root's
// syncModals, closed modals are dropped and those opened are stacked.
func (h *harness) deliver(msg tea.Msg) tea.Cmd {
	defer h.syncModals()
	switch msg := msg.(type) {
	case common.OpenModalMsg:
		h.modals = append(h.modals, msg.Modal)
		return nil
	case common.CloseModalMsg:
		if len(h.modals) > 0 {
			h.modals = h.modals[:len(h.modals)-1]
		}
		return nil
	case common.ToastMsg:
		h.toasts = append(h.toasts, msg)
		return nil
	case common.UnauthorizedMsg:
		h.unauthorized++
		return nil
	case tea.KeyMsg:
		if n := len(h.modals); n > 0 {
			m, cmd := h.modals[n-1].Update(msg)
			h.modals[n-1] = m
			return cmd
		}
		_, cmd := h.view.Update(msg)
		return cmd
	}
	var cmds []tea.Cmd
	for i, md := range h.modals {
		m, cmd := md.Update(msg)
		h.modals[i] = m
		cmds = append(cmds, cmd)
	}
	_, cmd := h.view.Update(msg)
	return tea.Batch(append(cmds, cmd)...)
}

// syncModals drops the modals that closed and stacks the ones opened.
func (h *harness) syncModals() {
	kept := h.modals[:0]
	for _, md := range h.modals {
		if !md.Closed() {
			kept = append(kept, md)
		}
	}
	h.modals = kept
	for _, md := range h.c.TakeOpened() {
		md.SetSize(h.c.Width, h.c.Height)
		h.modals = append(h.modals, md)
	}
}

// top is the modal on top, or nil.
func (h *harness) top() common.Modal {
	if len(h.modals) == 0 {
		return nil
	}
	return h.modals[len(h.modals)-1]
}

// key presses a key ("enter", "esc", "tab", "ctrl+u", "up", "down" or
// runes) and runs what follows.
func (h *harness) key(k string) {
	h.t.Helper()
	h.send(keyMsg(k))
}

// keyMsg builds the tea.KeyMsg for k.
func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// typeText types s as keystrokes.
func (h *harness) typeText(s string) {
	h.t.Helper()
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
}

// paste pastes s (bracketed paste: one message, newlines included).
func (h *harness) paste(s string) {
	h.t.Helper()
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
}

// form is the top modal as a form; the test fails when it is not one.
func (h *harness) form() *components.Form {
	h.t.Helper()
	f, ok := h.top().(*components.Form)
	if !ok {
		h.t.Fatalf("top modal is %T, want a form", h.top())
	}
	return f
}

// lastToast is the text of the latest toast, "" when there was none.
func (h *harness) lastToast() string {
	if len(h.toasts) == 0 {
		return ""
	}
	return h.toasts[len(h.toasts)-1].Text
}

// rows are the view's rows, in order.
func (h *harness) rows() []row {
	var out []row
	for _, it := range h.view.Table.List.Items() {
		out = append(out, it.(row))
	}
	return out
}

// selected is the row under the cursor.
func (h *harness) selected() row {
	h.t.Helper()
	r, ok := h.view.Table.Selected().(row)
	if !ok {
		h.t.Fatal("no row selected")
	}
	return r
}

// selectName moves the cursor to the row named name.
func (h *harness) selectName(name string) row {
	h.t.Helper()
	for i, r := range h.rows() {
		if r.name == name {
			h.view.Table.List.Select(i)
			return r
		}
	}
	h.t.Fatalf("no row named %q", name)
	return row{}
}

// count is how many requests with method went to a path starting with
// prefix.
func (h *harness) count(method, prefix string) int {
	n := 0
	for _, r := range h.sim.Requests() {
		if r.Method == method && strings.HasPrefix(r.Path, prefix) {
			n++
		}
	}
	return n
}
