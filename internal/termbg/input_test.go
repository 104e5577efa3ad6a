package termbg

import (
	"bytes"
	"io"
	"os"
	"testing"
	"time"
)

// terminal is a fake terminal: what the dashboard writes, and a pipe the
// test types and answers into.
type terminal struct {
	written bytes.Buffer
	typed   *os.File
	in      *Input
}

func startTerminal(t *testing.T) *terminal {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{typed: w}
	if term.in, err = Start(r, &term.written, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close(); term.in.Close(); r.Close() })
	return term
}

// read reads from the filtered input until it has n bytes.
func (term *terminal) read(t *testing.T, n int) string {
	t.Helper()
	buf := make([]byte, n)
	if _, err := io.ReadFull(term.in.Reader(), buf); err != nil {
		t.Fatal(err)
	}
	return string(buf)
}

// TestInputAsksAndFilters: Start asks the question; the keys come through
// in order, the answers do not, and the background is reported.
func TestInputAsksAndFilters(t *testing.T) {
	term := startTerminal(t)
	if term.written.String() != Query {
		t.Fatalf("wrote %q, want the query", term.written.String())
	}
	term.typed.WriteString("2" + darkAnswer[:7])
	term.typed.WriteString(darkAnswer[7:] + "j" + da1Answer + "k")
	if got := term.read(t, 3); got != "2jk" {
		t.Fatalf("read %q, want 2jk", got)
	}
	if dark, ok := <-term.in.Background(); !ok || !dark {
		t.Fatalf("background: dark %v, answered %v", dark, ok)
	}
	if _, ok := <-term.in.Background(); ok {
		t.Fatal("a second background")
	}
}

// TestInputLoneEscPasses: an esc key that starts no answer passes once
// it is clearly not one (after a short hold), and DA1 alone means no
// answer about the background.
func TestInputLoneEscPasses(t *testing.T) {
	term := startTerminal(t)
	term.typed.WriteString("\x1b")
	if got := term.read(t, 1); got != "\x1b" {
		t.Fatalf("read %q", got)
	}
	term.typed.WriteString(da1Answer + "x")
	if got := term.read(t, 1); got != "x" {
		t.Fatalf("read %q", got)
	}
	if _, ok := <-term.in.Background(); ok {
		t.Fatal("a background without an answer")
	}
}

// TestInputEndsWithTerminal: when reading the terminal stops (as Close
// stops it), the reader ends with EOF.
func TestInputEndsWithTerminal(t *testing.T) {
	term := startTerminal(t)
	term.typed.WriteString("a")
	if got := term.read(t, 1); got != "a" {
		t.Fatalf("read %q", got)
	}
	done := make(chan error, 1)
	go func() {
		_, err := io.ReadAll(term.in.Reader())
		done <- err
	}()
	term.in.src.Cancel()
	if err := <-done; err != nil {
		t.Fatalf("reader ended with %v, want EOF", err)
	}
}
