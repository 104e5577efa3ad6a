// Package uitest is test support for the ui packages: fakes (clipboards,
// a terminal), a Common for tests, a synchronous tea.Cmd runner, key
// presses, and two ways to drive a model without a Bubble Tea program: a
// Driver that plays the root model around one view, and Solo for one model
// on its own. Only tests import it.
package uitest

import (
	"bytes"
	"net/http"
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
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/modal"
)

// Main runs a package's tests with plain views (the ASCII profile, a dark
// background), whatever terminal runs them. Call it from TestMain.
func Main(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// Clock is the fixed "now" of the tests, for the UI and the simulator
// alike, so relative dates never change.
var Clock = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// Now returns Clock; it is the clock of NewCommon and fits
// targontest.WithClock.
func Now() time.Time { return Clock }

// Serve serves h over HTTP on loopback until the test ends and returns its
// base URL.
func Serve(t testing.TB, h http.Handler) string {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}

// Client serves h (see Serve) and returns a client of it that sends key
// and never retries.
func Client(t testing.TB, h http.Handler, key string) *targon.Client {
	t.Helper()
	client, err := targon.NewClient(Serve(t, h), key, targon.WithRetry(targon.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// NewCommon is the shared context of a 100x30 screen with the fixed Clock,
// a fake Clipboard (returned too) and a profile "test" whose key is kept
// nowhere. Its Account is client as a Targon account; when client is nil,
// a Targon account of http://127.0.0.1 without a key. NewAccount makes
// accounts of the same base URL that never retry. Tests change what else
// they need on the result.
func NewCommon(client *targon.Client) (*common.Common, *Clipboard) {
	if client == nil {
		var err error
		if client, err = targon.NewClient("http://127.0.0.1", "", targon.WithRetry(targon.NoRetry())); err != nil {
			panic(err)
		}
	}
	baseURL := client.BaseURL()
	clip := &Clipboard{}
	session := &api.Session{
		Account: targon.NewAccount(client),
		Profile: "test",
		NewAccount: func(token string) (api.Account, error) {
			return targon.New(baseURL, token, targon.WithRetry(targon.NoRetry()))
		},
	}
	return &common.Common{
		Session: session,
		Width:   100, Height: 30,
		Styles:    common.NewStyles(),
		Keys:      common.DefaultKeyMap(),
		Clipboard: clip,
		Now:       Now,
		IDs:       programIDs,
	}, clip
}

// programIDs is the id source of every Common NewCommon makes, shared as
// the Commons of one program share theirs (an account switch copies the
// Common and keeps its IDs): a test that builds a second view on a second
// Common, to stand for the one an account switch builds, still proves that
// the old view's replies mean nothing to the new one. It is the tests'
// stand-in for one program, so it is the one package-level id source.
var programIDs = new(common.IDs)

// TargonClient is the concrete client of c's account, which NewCommon made
// a Targon one; tests use it to change the server behind the UI's back.
func TargonClient(c *common.Common) *targon.Client {
	return c.Account.(*targon.Account).Client()
}

// How is what Clipboard.Copy says it copied with.
const How = "system clipboard"

// Clipboard is a fake common.Copier that records what was copied. It is
// safe across goroutines.
type Clipboard struct {
	// Err, when not nil, makes every copy fail with it (nothing is
	// recorded). Set it while nothing copies.
	Err error

	mu     sync.Mutex
	copied []string
}

// Copy records text and reports How, or fails with Err.
func (c *Clipboard) Copy(text string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.Err != nil {
		return "", c.Err
	}
	c.copied = append(c.copied, text)
	return How, nil
}

// Copied is every text copied so far, oldest first.
func (c *Clipboard) Copied() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.copied...)
}

// Last is the text copied last, "" before the first copy.
func (c *Clipboard) Last() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.copied) == 0 {
		return ""
	}
	return c.copied[len(c.copied)-1]
}

// SystemClipboard is a system clipboard in memory: its Write and Read make
// a clipboard.System. It counts both and is safe across goroutines.
type SystemClipboard struct {
	// Err, when not nil, makes every Write fail with it. Set it before use.
	Err error

	mu     sync.Mutex
	text   string
	reads  int
	writes int
}

// Write puts text on the clipboard, or fails with Err.
func (s *SystemClipboard) Write(text string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writes++
	if s.Err != nil {
		return s.Err
	}
	s.text = text
	return nil
}

// Read returns what the clipboard holds.
func (s *SystemClipboard) Read() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reads++
	return s.text, nil
}

// SetText is the user copying text in another program: neither a Write
// nor counted.
func (s *SystemClipboard) SetText(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.text = text
}

// Text is what the clipboard holds, without counting a Read.
func (s *SystemClipboard) Text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text
}

// Reads is how many times Read was called.
func (s *SystemClipboard) Reads() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reads
}

// Writes is how many times Write was called, failed ones included.
func (s *SystemClipboard) Writes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writes
}

// Terminal records what is written to it, each Write apart. It is safe
// across goroutines.
type Terminal struct {
	mu     sync.Mutex
	writes [][]byte
}

// Write records p.
func (t *Terminal) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.writes = append(t.writes, bytes.Clone(p))
	return len(p), nil
}

// Writes is every Write's bytes, in order.
func (t *Terminal) Writes() [][]byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([][]byte(nil), t.writes...)
}

// String is everything written, joined.
func (t *Terminal) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.Join(t.writes, nil))
}

// namedKeys are the keys Key knows by name.
var namedKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"backspace": tea.KeyBackspace, "space": tea.KeySpace,
	"ctrl+c": tea.KeyCtrlC, "ctrl+d": tea.KeyCtrlD, "ctrl+r": tea.KeyCtrlR, "ctrl+u": tea.KeyCtrlU,
}

// Key is the press of a named key ("enter", "esc", "tab", "shift+tab",
// the arrows "up", "down", "left", "right", "backspace", "space",
// "ctrl+c", "ctrl+d", "ctrl+r", "ctrl+u"); any other name is typed as
// runes ("q", "/", "G").
func Key(name string) tea.KeyMsg {
	if t, ok := namedKeys[name]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// Type hands update text one rune at a time, as typing it would, and drops
// the commands that come back (cursor blinks).
func Type[M any](update func(tea.Msg) (M, tea.Cmd), text string) {
	for _, r := range text {
		update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// Tap hands update the keys (see Key) and drops the commands that come
// back: for editing keys, whose commands are only cursor blinks.
func Tap[M any](update func(tea.Msg) (M, tea.Cmd), keys ...string) {
	for _, k := range keys {
		update(Key(k))
	}
}

// Plain is a view as one line of words: box drawing gone, wrapped lines
// joined, runs of space collapsed, so assertions survive borders and word
// wrapping.
func Plain(view string) string {
	view = strings.Map(func(r rune) rune {
		if r >= 0x2500 && r <= 0x257f { // box drawing
			return ' '
		}
		return r
	}, view)
	return strings.Join(strings.Fields(view), " ")
}

// cmdTimeout bounds each command Run runs.
const cmdTimeout = 5 * time.Second

// Run executes cmd as the Bubble Tea runtime would and returns the messages
// it yields, in order: the commands of a batch run concurrently, those of a
// sequence one after another. Animation is left out so that nothing waits
// or loops: commands that only wait (tea.Tick, tea.Every, cursor blinks)
// are not run, and spinner ticks are dropped. A command that does not
// return within 5 s fails the test.
func Run(t testing.TB, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	return runAll(t, []tea.Cmd{cmd})
}

// runAll runs cmds concurrently and returns their messages in the order of
// cmds.
func runAll(t testing.TB, cmds []tea.Cmd) []tea.Msg {
	t.Helper()
	results := make([]chan tea.Msg, len(cmds))
	for i, c := range cmds {
		if c == nil || waits(c) {
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
		select {
		case msg := <-ch:
			out = append(out, expand(t, msg)...)
		case <-time.After(cmdTimeout):
			t.Fatalf("a command did not return within %v", cmdTimeout)
		}
	}
	return out
}

// expand flattens what a command returned into the messages it stands for.
func expand(t testing.TB, msg tea.Msg) []tea.Msg {
	t.Helper()
	switch m := msg.(type) {
	case nil, spinner.TickMsg:
		return nil
	case tea.BatchMsg:
		return runAll(t, m)
	}
	v := reflect.ValueOf(msg)
	switch typ := v.Type(); {
	case typ.PkgPath() == "github.com/charmbracelet/bubbletea" && typ.Name() == "sequenceMsg":
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, runAll(t, []tea.Cmd{v.Index(i).Interface().(tea.Cmd)})...)
		}
		return out
	case strings.HasSuffix(typ.PkgPath(), "/bubbles/cursor"):
		return nil
	}
	return []tea.Msg{msg}
}

// waits spots the commands that only wait to animate: ticks and cursor
// blinks.
func waits(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	for _, prefix := range []string{
		"github.com/charmbracelet/bubbles/cursor.",
		"github.com/charmbracelet/bubbletea.Tick.",
		"github.com/charmbracelet/bubbletea.Every.",
	} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

// Solo drives one model on its own, without the root, as the tests of a
// dialog or a screen do.
type Solo[M any] struct {
	// Update hands the model a message (its Update method).
	Update func(tea.Msg) (M, tea.Cmd)
	// Own tells the model's own messages (an action's outcome), which go
	// back to it, from those meant for the root.
	Own func(tea.Msg) bool
}

// Settle runs cmd (see Run), feeds the model its own messages and runs
// what they lead to, until nothing is left. It returns the other messages,
// in order.
func (s Solo[M]) Settle(t testing.TB, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	queue := Run(t, cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if s.Own(msg) {
			_, next := s.Update(msg)
			queue = append(queue, Run(t, next)...)
			continue
		}
		out = append(out, msg)
	}
	return out
}

// Keys presses keys (see Key) one after another, settling each key's
// command, and returns the messages meant for the root.
func (s Solo[M]) Keys(t testing.TB, keys ...string) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	for _, k := range keys {
		_, cmd := s.Update(Key(k))
		out = append(out, s.Settle(t, cmd)...)
	}
	return out
}

// Driver plays the root model (ui/app.go) around one view, synchronously:
// it runs every command at once (see Run) and routes each message as the
// root does, with the root's own modal stack (modal.Stack): keys go to the
// top modal, or to the view when no modal is open; toasts and 401s are
// recorded; other messages go to every modal and the view. After each
// message the stack syncs, as the root's does. The root's own keys (tabs,
// help, quit) and its login screen are not played.
type Driver struct {
	// Modals is the modal stack.
	Modals modal.Stack
	// Toasts are the toasts shown so far, oldest first.
	Toasts []common.ToastMsg
	// Unauthorized counts the UnauthorizedMsg received.
	Unauthorized int

	t    testing.TB
	c    *common.Common
	view common.View
}

// NewDriver sizes view to c, runs its Init and all that follows.
func NewDriver(t testing.TB, c *common.Common, view common.View) *Driver {
	t.Helper()
	d := &Driver{t: t, c: c, view: view}
	view.SetSize(c.Width, c.Height)
	d.Modals.SetSize(c.Width, c.Height)
	d.Run(view.Init())
	d.Modals.Sync(view)
	return d
}

// Send delivers msg and runs all that follows.
func (d *Driver) Send(msg tea.Msg) {
	d.t.Helper()
	d.Run(d.Deliver(msg))
}

// Run runs cmd and sends each message it yields (see Send).
func (d *Driver) Run(cmd tea.Cmd) {
	d.t.Helper()
	for _, msg := range Run(d.t, cmd) {
		d.Send(msg)
	}
}

// Deliver routes msg as the root does and returns the command that comes
// back, without running it.
func (d *Driver) Deliver(msg tea.Msg) tea.Cmd {
	defer d.Modals.Sync(d.view)
	switch msg := msg.(type) {
	case common.ToastMsg:
		d.Toasts = append(d.Toasts, msg)
		return nil
	case common.UnauthorizedMsg:
		d.Unauthorized++
		return nil
	case tea.KeyMsg:
		if d.Modals.Len() > 0 {
			return d.Modals.Update(msg)
		}
		_, cmd := d.view.Update(msg)
		return cmd
	}
	_, cmd := d.view.Update(msg)
	return tea.Batch(d.Modals.Broadcast(msg), cmd)
}

// Keys presses keys (see Key) one after another, running what follows each.
func (d *Driver) Keys(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.Send(Key(k))
	}
}

// Type types text one rune at a time, running what follows each.
func (d *Driver) Type(text string) {
	d.t.Helper()
	for _, r := range text {
		d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// Paste pastes text: one bracketed paste, newlines included.
func (d *Driver) Paste(text string) {
	d.t.Helper()
	d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true})
}

// Top is the modal on top, or nil.
func (d *Driver) Top() common.Modal { return d.Modals.Top() }

// LastToast is the text of the latest toast, "" when there was none.
func (d *Driver) LastToast() string {
	if len(d.Toasts) == 0 {
		return ""
	}
	return d.Toasts[len(d.Toasts)-1].Text
}

// OpenRouter starts a demo OpenRouter simulator (the fixed Clock, seeded
// secrets) on loopback until the test ends, and returns it with the base
// URL a client uses (its URL + openroutertest.BasePath).
func OpenRouter(t testing.TB, opts ...openroutertest.Option) (*openroutertest.Server, string) {
	t.Helper()
	sim := openroutertest.NewDemo(append([]openroutertest.Option{openroutertest.WithClock(Now), openroutertest.WithSeededSecrets()}, opts...)...)
	return sim, Serve(t, sim) + openroutertest.BasePath
}

// OpenRouterAccount is an OpenRouter account of baseURL with token that
// never retries.
func OpenRouterAccount(t testing.TB, baseURL, token string) *openrouter.Account {
	t.Helper()
	acct, err := openrouter.New(baseURL, token, openrouter.WithRetry(openrouter.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	return acct
}

// NewOpenRouterCommon is NewCommon (100x30, the fixed Clock, a fake
// Clipboard) on an OpenRouter account of baseURL with token; NewAccount
// makes accounts of the same base URL.
func NewOpenRouterCommon(t testing.TB, baseURL, token string) (*common.Common, *Clipboard) {
	t.Helper()
	c, clip := NewCommon(nil)
	c.Account = OpenRouterAccount(t, baseURL, token)
	c.NewAccount = func(token string) (api.Account, error) {
		return openrouter.New(baseURL, token, openrouter.WithRetry(openrouter.NoRetry()))
	}
	return c, clip
}
