package clipboard_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/ui/clipboard"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

const copied = "tgn_live_autoclear0123456789"

// systemOf is the System of an in-memory system clipboard.
func systemOf(s *uitest.SystemClipboard) clipboard.System {
	return clipboard.System{Write: s.Write, Read: s.Read}
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
	sys := &uitest.SystemClipboard{}
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(systemOf(sys)), clipboard.WithTerminal(nil))
	ac := clipboard.AutoClear(c, 20*time.Millisecond)
	var _ common.Copier = ac

	how, err := ac.Copy(copied)
	if err != nil || !strings.HasPrefix(how, clipboard.HowSystem) {
		t.Fatalf("Copy = %q, %v", how, err)
	}
	if data := sys.Text(); data != copied {
		t.Fatalf("clipboard holds %q right after the copy", data)
	}
	eventually(t, "the clipboard is cleared", func() bool {
		return sys.Text() == ""
	})
}

// Something the user copied since is left alone.
func TestAutoClearLeavesUserCopy(t *testing.T) {
	sys := &uitest.SystemClipboard{}
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(systemOf(sys)), clipboard.WithTerminal(nil))
	ac := clipboard.AutoClear(c, 20*time.Millisecond)
	if _, err := ac.Copy(copied); err != nil {
		t.Fatal(err)
	}
	sys.SetText("the user's own text")
	// Wait until the clearing looked at the clipboard, then check it kept
	// the user's text.
	eventually(t, "the clipboard is read back", func() bool {
		return sys.Reads() > 0
	})
	time.Sleep(10 * time.Millisecond)
	if data := sys.Text(); data != "the user's own text" {
		t.Errorf("clipboard = %q, want the user's text kept", data)
	}
}

// With OSC 52 the clipboard cannot be read back, so nothing is ever sent
// to "clear" it (an empty OSC 52 could wipe what the user copied since, or
// be ignored while claiming success), and the copy says so. Close would run
// a pending clear at once; the terminal must see only the copy.
func TestAutoClearOSC52NeverClears(t *testing.T) {
	term := &uitest.Terminal{}
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(clipboard.System{Unsupported: true}), clipboard.WithTerminal(term))
	ac := clipboard.AutoClear(c, time.Hour)
	how, err := ac.Copy(copied)
	if err != nil {
		t.Fatal(err)
	}
	if want := "terminal (OSC 52); not cleared automatically"; how != want {
		t.Errorf("how = %q, want %q", how, want)
	}
	ac.Close()
	if w := term.Writes(); len(w) != 1 || !bytes.HasPrefix(w[0], []byte("\x1b]52;c;dGdu")) {
		t.Errorf("terminal writes = %q, want the copy only", w)
	}
}

// A system-clipboard copy says it will be cleared, and a pending clear run
// by Close leaves what the user copied since alone.
func TestAutoClearSystemSaysAndChecks(t *testing.T) {
	sys := &uitest.SystemClipboard{}
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(systemOf(sys)), clipboard.WithTerminal(&uitest.Terminal{}))
	ac := clipboard.AutoClear(c, 90*time.Second)
	how, err := ac.Copy(copied)
	if err != nil {
		t.Fatal(err)
	}
	if want := "system clipboard (cleared in 1m30s if unchanged)"; how != want {
		t.Errorf("how = %q, want %q", how, want)
	}
	sys.SetText("the user's own text")
	ac.Close()
	if got := sys.Text(); got != "the user's own text" {
		t.Errorf("clipboard = %q, want the user's text kept", got)
	}
	if reads := sys.Reads(); reads != 1 {
		t.Errorf("clipboard read %d times, want once (to compare)", reads)
	}
}

// A failed copy schedules no clearing (there is nothing to clear).
func TestAutoClearNothingAfterFailedCopy(t *testing.T) {
	sys := &uitest.SystemClipboard{Err: errors.New("exit status 1")}
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(systemOf(sys)), clipboard.WithTerminal(nil))
	ac := clipboard.AutoClear(c, 10*time.Millisecond)
	if _, err := ac.Copy(copied); !errors.Is(err, clipboard.ErrUnavailable) {
		t.Fatalf("Copy error = %v, want ErrUnavailable", err)
	}
	time.Sleep(50 * time.Millisecond)
	if reads := sys.Reads(); reads != 0 {
		t.Errorf("the clipboard was read %d times after a failed copy", reads)
	}
}

// A zero (or negative) delay means "never clear": the plain clipboard.
func TestAutoClearDisabled(t *testing.T) {
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(systemOf(&uitest.SystemClipboard{})), clipboard.WithTerminal(nil))
	for _, d := range []time.Duration{0, -time.Second} {
		if got, ok := clipboard.AutoClear(c, d).(*clipboard.Clipboard); !ok || got != c {
			t.Errorf("AutoClear(c, %v) = %T, want c itself", d, clipboard.AutoClear(c, d))
		}
	}
}

// Copying the same secret again restarts the wait; Close clears a pending
// secret at once (the dashboard quits before the delay is over).
func TestAutoClearRestartsAndClosesEarly(t *testing.T) {
	sys := &uitest.SystemClipboard{}
	c := clipboard.New(clipboard.WithGetenv(func(string) string { return "" }),
		clipboard.WithSystem(systemOf(sys)), clipboard.WithTerminal(nil))
	ac := clipboard.AutoClear(c, time.Hour)
	if _, err := ac.Copy("tgn_secret"); err != nil {
		t.Fatal(err)
	}
	ac.Close()
	if got := sys.Text(); got != "" {
		t.Fatalf("clipboard after Close = %q, want cleared", got)
	}
}

// An id copied with CopyKept is not a secret: it is never cleared, not
// even by the clear Close runs at once, and the copy does not promise one.
// A secret copied before it is not cleared either, since the clipboard
// changed.
func TestAutoClearKeepsCopyKept(t *testing.T) {
	sys := &uitest.SystemClipboard{}
	c := clipboard.New(clipboard.WithGetenv(noEnv), clipboard.WithSystem(systemOf(sys)), clipboard.WithTerminal(nil))
	ac := clipboard.AutoClear(c, time.Hour)
	var _ common.KeepCopier = ac
	for _, first := range []string{"", copied} {
		if first != "" {
			if _, err := ac.Copy(first); err != nil {
				t.Fatal(err)
			}
		}
		how, err := ac.CopyKept("key-143cb67c4152")
		if err != nil || how != clipboard.HowSystem {
			t.Fatalf("CopyKept = %q, %v; want %q", how, err, clipboard.HowSystem)
		}
		ac.Close() // runs a pending clear now
		if data := sys.Text(); data != "key-143cb67c4152" {
			t.Fatalf("after a secret %q: clipboard = %q, want the id kept", first, data)
		}
	}
}
