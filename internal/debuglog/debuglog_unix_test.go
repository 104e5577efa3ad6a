//go:build unix

package debuglog

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe is refused at once: opening one for writing used to wait
// for a reader, hanging start-up. The goroutine and timeout only detect
// that hang.
func TestOpenRefusesFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "debug.fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, closer, err := Open(path)
		if closer != nil {
			closer.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Fatalf("Open error = %v, want not a regular file", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Open hung on a named pipe")
	}
}
