package components

import (
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"reflect"
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
)

// clock is the fixed "now" of these tests, shared with the simulator.
var clock = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	// Plain text views, whatever terminal runs the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// fakeClipboard records what was copied; err makes every copy fail.
type fakeClipboard struct {
	mu     sync.Mutex
	copied []string
	err    error
}

func (f *fakeClipboard) Copy(text string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return "", f.err
	}
	f.copied = append(f.copied, text)
	return "system clipboard", nil
}

func (f *fakeClipboard) all() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.copied...)
}

// newCommon is the shared context of a 100x30 screen with a fixed clock and
// a fake clipboard. Client is nil: tests that talk to the API make their own.
func newCommon(t *testing.T) (*common.Common, *fakeClipboard) {
	t.Helper()
	clip := &fakeClipboard{}
	return &common.Common{
		Width: 100, Height: 30,
		Styles:    common.NewStyles(),
		Keys:      common.DefaultKeyMap(),
		Now:       func() time.Time { return clock },
		Clipboard: clip,
		Settings:  &config.Settings{Profile: "test", BaseURL: "http://127.0.0.1", KeySource: config.KeyNone},
	}, clip
}

// newSim serves a fresh simulator (one API key, "default") over real HTTP
// and returns a client for its primary account that never retries.
func newSim(t *testing.T, opts ...apitest.Option) (*apitest.Server, *api.Client, string) {
	t.Helper()
	sim := apitest.New(append([]apitest.Option{apitest.WithClock(func() time.Time { return clock })}, opts...)...)
	ts := httptest.NewServer(sim)
	t.Cleanup(ts.Close)
	client, err := api.New(ts.URL, sim.DemoKey(), api.WithRetry(api.NoRetry))
	if err != nil {
		t.Fatal(err)
	}
	return sim, client, ts.URL
}

// firstKey is the simulator's first API key.
func firstKey(t *testing.T, client *api.Client) api.APIKey {
	t.Helper()
	p, err := client.ListAPIKeys(context.Background(), api.ListOptions{})
	if err != nil || len(p.Items) == 0 {
		t.Fatalf("list API keys: %v (%d items)", err, len(p.Items))
	}
	return p.Items[0]
}

// press builds a key press: a named key ("enter", "esc", "tab", ...) or runes.
func press(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"backspace": tea.KeyBackspace, "ctrl+c": tea.KeyCtrlC, "ctrl+r": tea.KeyCtrlR, "space": tea.KeySpace,
	}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// typeText types s one rune at a time. The commands typing returns (cursor
// blinks) are dropped.
func typeText(m common.Modal, s string) {
	for _, r := range s {
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// tap presses editing keys (backspace, arrows) and drops their commands,
// which are only cursor blinks.
func tap(m common.Modal, keys ...string) {
	for _, k := range keys {
		m.Update(press(k))
	}
}

// run executes cmd as the Bubble Tea runtime would, flattening batches
// (whose commands run concurrently), and returns the messages it yields in
// order, without the animation messages (spinner ticks, cursor blinks) that
// would otherwise keep a loop going forever. Commands must return within 5 s.
func run(t *testing.T, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	return runAll(t, []tea.Cmd{cmd}, time.After(5*time.Second))
}

func runAll(t *testing.T, cmds []tea.Cmd, deadline <-chan time.Time) []tea.Msg {
	t.Helper()
	results := make([]chan tea.Msg, len(cmds))
	for i, c := range cmds {
		if c == nil {
			continue
		}
		results[i] = make(chan tea.Msg, 1)
		go func(ch chan<- tea.Msg) { ch <- c() }(results[i])
	}
	var out []tea.Msg
	for _, ch := range results {
		if ch == nil {
			continue
		}
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-deadline:
			t.Fatal("a command did not return within 5 s")
		}
		switch m := msg.(type) {
		case nil, spinner.TickMsg:
		case tea.BatchMsg:
			out = append(out, runAll(t, m, deadline)...)
		default:
			if p := reflect.TypeOf(msg).PkgPath(); !strings.HasSuffix(p, "/bubbles/cursor") {
				out = append(out, msg)
			}
		}
	}
	return out
}

// settle runs cmd, feeds a dialog its own messages (an action's outcome)
// and returns every other message, as the root model would receive them.
func settle(t *testing.T, m common.Modal, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	queue := run(t, cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if _, ok := msg.(actionDoneMsg); ok {
			_, next := m.Update(msg)
			queue = append(queue, run(t, next)...)
			continue
		}
		out = append(out, msg)
	}
	return out
}

// send presses keys on m one after another, settling each key's command,
// and returns every message that reached the outside.
func send(t *testing.T, m common.Modal, keys ...string) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	for _, k := range keys {
		_, cmd := m.Update(press(k))
		out = append(out, settle(t, m, cmd)...)
	}
	return out
}

// has reports whether msgs holds a message of type M.
func has[M any](msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(M); ok {
			return true
		}
	}
	return false
}

// plain is a view as one line of words: borders gone, wrapped lines joined,
// runs of space collapsed, so assertions survive word wrapping.
func plain(view string) string {
	view = strings.Map(func(r rune) rune {
		if r >= 0x2500 && r <= 0x257f { // box drawing
			return ' '
		}
		return r
	}, view)
	return strings.Join(strings.Fields(view), " ")
}

// counter counts an action's calls; it is safe across goroutines.
type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *counter) get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// errBoom is an action failure that is not an API error.
var errBoom = errors.New("boom")
