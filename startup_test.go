package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// The terminal's questions: termenv's (OSC 11, then a cursor position
// report) and the dashboard's own (OSC 11, then DA1).
const (
	queryBackground = "\x1b]11;?"
	queryCursor     = "\x1b[6n"
	queryDA1        = "\x1b[c"
)

// ptyRun is targon-dash in a pseudo-terminal of 80x24 that answers nothing
// unless the test does.
type ptyRun struct {
	t    *testing.T
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

// startPTY runs targon-dash with args and TERM=term in a new pty, with no
// $CI, $COLORFGBG, $NO_COLOR or tmux around it. Each early write is made
// as soon as the process has started, as keys typed at once would be.
func startPTY(t *testing.T, term string, early []string, args ...string) *ptyRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	cmd := command(ctx, args...)
	var env []string
	for _, kv := range cmd.Env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "CI", "COLORFGBG", "NO_COLOR", "TMUX", "TERM", "TERM_PROGRAM", "COLORTERM":
			continue
		}
		env = append(env, kv)
	}
	cmd.Env = append(env, "TERM="+term)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range early {
		if _, err := tty.WriteString(s); err != nil {
			t.Fatal(err)
		}
	}
	r := &ptyRun{t: t, cmd: cmd, tty: tty, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			r.mu.Lock()
			r.out.Write(buf[:n])
			r.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		tty.Close()
		<-r.done
	})
	return r
}

// output is everything written to the terminal so far.
func (r *ptyRun) output() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.out.String()
}

// waitFor waits (3 s at most: a failure detector, not a timing) until
// the screen text contains want, and returns the raw output up to then.
func (r *ptyRun) waitFor(want string) string {
	r.t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		out := r.output()
		if strings.Contains(ansi.Strip(out), want) {
			return out
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("%q not on the screen within 3s; output:\n%q", want, out)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// quit presses ctrl+c and waits for the exit.
func (r *ptyRun) quit() {
	r.t.Helper()
	r.tty.WriteString("\x03")
	exited := make(chan error, 1)
	go func() { exited <- r.cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			r.t.Fatalf("exit: %v", err)
		}
	case <-time.After(3 * time.Second):
		r.t.Fatal("did not quit on ctrl+c")
	}
}

// TestFirstFrameWithoutAnswers: on a terminal that answers no query
// (TERM=linux in a bare pty) the first frame comes at once, and with a
// theme chosen nothing is asked at all.
func TestFirstFrameWithoutAnswers(t *testing.T) {
	r := startPTY(t, "linux", nil, "--demo", "--theme", "dark")
	out := r.waitFor("1 Credits")
	if strings.Contains(out, queryBackground) || strings.Contains(out, queryCursor) {
		t.Fatalf("the terminal was asked a question with --theme dark: %q", out)
	}
	r.waitFor("1,284,750")
	r.quit()
}

// TestAutoThemeDoesNotWait: with the theme left to auto, an unanswered
// question neither holds up the first frame nor eats keys.
func TestAutoThemeDoesNotWait(t *testing.T) {
	r := startPTY(t, "linux", nil, "--demo")
	out := r.waitFor("1 Credits")
	if strings.Contains(out, queryCursor) {
		t.Fatalf("termenv's blocking query was sent: %q", out)
	}
	r.waitFor("1,284,750")
	r.tty.WriteString("2")
	r.waitFor("production-inference")
	r.quit()
}

// TestKeysTypedAtOnceAreKept: "2" typed the moment targon-dash starts,
// before any frame, switches to the API keys, on a terminal that answers
// the background question (light) and one that does not; the answers
// never reach the dashboard as keys, and "?" typed between them opens
// the help.
func TestKeysTypedAtOnceAreKept(t *testing.T) {
	for _, answer := range []bool{false, true} {
		r := startPTY(t, "xterm-256color", []string{"2"}, "--demo")
		if answer {
			deadline := time.Now().Add(3 * time.Second)
			for !strings.Contains(r.output(), queryDA1) && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			// A terminal answers in the order asked; keys typed between
			// the answers act as typed.
			r.tty.WriteString("\x1b]11;rgb:ffff/ffff/ffff\x1b\\?\x1b[?62;22c")
		}
		if !answer {
			out := r.waitFor("production-inference")
			if !strings.Contains(out, "\x1b[38;5;") {
				t.Fatalf("no 256 colours on xterm-256color (is $CI left set?): %q", out)
			}
		} else {
			// The help, over the API keys view (its keys listed).
			r.waitFor("esc/enter/? close")
			r.waitFor("roll")
			if strings.Contains(ansi.Strip(r.output()), "rgb:") {
				t.Fatal("the terminal's answer was drawn")
			}
		}
		r.quit()
	}
}
