package clipboard_test

import (
	"bytes"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/ui/clipboard"
	"github.com/targon-dash/targon-dash/ui/common"
)

const copied = "tgn_live_autoclear0123456789"

// memClipboard is a system clipboard in memory that counts reads.
type memClipboard struct {
	mu       sync.Mutex
	data     string
	reads    int
	writeErr error
}

func (m *memClipboard) system() clipboard.System {
	return clipboard.System{
		Write: func(text string) error {
			m.mu.Lock()
			defer m.mu.Unlock()
			if m.writeErr != nil {
				return m.writeErr
			}
			m.data = text
			return nil
		},
		Read: func() (string, error) {
			m.mu.Lock()
			defer m.mu.Unlock()
			m.reads++
			return m.data, nil
		},
	}
}

// userCopies is the user copying something else in another program.
func (m *memClipboard) userCopies(text string) {
	m.mu.Lock()
	m.data = text
	m.mu.Unlock()
}

func (m *memClipboard) state() (string, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.data, m.reads
}

// recTerminal records what is sent to the terminal.
type recTerminal struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (r *recTerminal) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.buf.Write(p)
}

func (r *recTerminal) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.buf.String()
}

// noEnv is an environment without SSH, tmux or screen.
func noEnv(string) string { return "" }

// eventually polls cond for up to 2 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not within 2 s: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A copied key does not linger: the system clipboard is emptied after the
// delay when it still holds the key.
func TestAutoClearClearsUnchanged(t *testing.T) {
	sys := &memClipboard{}
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(sys.system()), clipboard.WithTerminal(nil))
	ac := clipboard.AutoClear(c, 20*time.Millisecond)
	var _ common.Copier = ac

	how, err := ac.Copy(copied)
	if err != nil || how != clipboard.HowSystem {
		t.Fatalf("Copy = %q, %v", how, err)
	}
	if data, _ := sys.state(); data != copied {
		t.Fatalf("clipboard holds %q right after the copy", data)
	}
	eventually(t, "the clipboard is cleared", func() bool {
		data, _ := sys.state()
		return data == ""
	})
}

// Something the user copied since is left alone.
func TestAutoClearLeavesUserCopy(t *testing.T) {
	sys := &memClipboard{}
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(sys.system()), clipboard.WithTerminal(nil))
	ac := clipboard.AutoClear(c, 20*time.Millisecond)
	if _, err := ac.Copy(copied); err != nil {
		t.Fatal(err)
	}
	sys.userCopies("the user's own text")
	// Wait until the clearing looked at the clipboard, then check it kept
	// the user's text.
	eventually(t, "the clipboard is read back", func() bool {
		_, reads := sys.state()
		return reads > 0
	})
	time.Sleep(10 * time.Millisecond)
	if data, _ := sys.state(); data != "the user's own text" {
		t.Errorf("clipboard = %q, want the user's text kept", data)
	}
}

// With OSC 52 the clipboard cannot be read back, so clearing sends an
// empty OSC 52 after the delay.
func TestAutoClearOSC52(t *testing.T) {
	term := &recTerminal{}
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(clipboard.System{Unsupported: true}), clipboard.WithTerminal(term))
	ac := clipboard.AutoClear(c, 20*time.Millisecond)
	how, err := ac.Copy(copied)
	if err != nil || how != clipboard.HowOSC52 {
		t.Fatalf("Copy = %q, %v", how, err)
	}
	const clear = "\x1b]52;c;\a"
	eventually(t, "an empty OSC 52 is sent", func() bool {
		return bytes.HasSuffix([]byte(term.String()), []byte(clear))
	})
}

// A failed copy schedules no clearing (there is nothing to clear).
func TestAutoClearNothingAfterFailedCopy(t *testing.T) {
	sys := &memClipboard{writeErr: errors.New("exit status 1")}
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(sys.system()), clipboard.WithTerminal(nil))
	ac := clipboard.AutoClear(c, 10*time.Millisecond)
	if _, err := ac.Copy(copied); !errors.Is(err, clipboard.ErrUnavailable) {
		t.Fatalf("Copy error = %v, want ErrUnavailable", err)
	}
	time.Sleep(50 * time.Millisecond)
	if _, reads := sys.state(); reads != 0 {
		t.Errorf("the clipboard was read %d times after a failed copy", reads)
	}
}

// A zero (or negative) delay means "never clear": the plain clipboard.
func TestAutoClearDisabled(t *testing.T) {
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem((&memClipboard{}).system()), clipboard.WithTerminal(nil))
	for _, d := range []time.Duration{0, -time.Second} {
		if got, ok := clipboard.AutoClear(c, d).(*clipboard.Clipboard); !ok || got != c {
			t.Errorf("AutoClear(c, %v) = %T, want c itself", d, clipboard.AutoClear(c, d))
		}
	}
}

// Copying the same secret again restarts the wait; Close clears a pending
// secret at once (the dashboard quits before the delay is over).
func TestAutoClearRestartsAndClosesEarly(t *testing.T) {
	sys := &fakeSystemForAutoClear{}
	c := clipboard.New(clipboard.WithGetenv(func(string) string { return "" }),
		clipboard.WithSystem(clipboard.System{Write: sys.write, Read: sys.read}), clipboard.WithTerminal(nil))
	ac := clipboard.AutoClear(c, time.Hour)
	if _, err := ac.Copy("tgn_secret"); err != nil {
		t.Fatal(err)
	}
	ac.Close()
	if got, _ := sys.read(); got != "" {
		t.Fatalf("clipboard after Close = %q, want cleared", got)
	}
}

type fakeSystemForAutoClear struct {
	mu   sync.Mutex
	text string
}

func (f *fakeSystemForAutoClear) write(s string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.text = s
	return nil
}

func (f *fakeSystemForAutoClear) read() (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.text, nil
}
