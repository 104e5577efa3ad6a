//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestSaveCredentialsUmask(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "credentials-x")
	old := syscall.Umask(0o277) // would make a new file 0400 and a new dir 0500
	defer syscall.Umask(old)
	if err := SaveCredentials(path, "tgn_k"); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, path); m != 0o600 {
		t.Errorf("file mode %04o, want 0600", m)
	}
	if m := mode(t, filepath.Dir(path)); m != 0o700 {
		t.Errorf("dir mode %04o, want 0700", m)
	}
}

// A credentials file that is not a regular file is refused with a message
// naming it. A FIFO used to hang start-up (opening it waits for a writer);
// the goroutine and timeout only detect that hang, they time nothing.
func TestResolveRefusesSpecialCredentials(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string) string // returns the path to use
		want string
	}{
		{"fifo", func(t *testing.T, path string) string {
			if err := syscall.Mkfifo(path, 0o600); err != nil {
				t.Skip("no FIFOs here:", err)
			}
			return path
		}, "is a named pipe (FIFO), not a regular file"},
		{"directory", func(t *testing.T, path string) string {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
			return path
		}, "is a directory, not a regular file"},
		{"device", func(t *testing.T, path string) string {
			if _, err := os.Stat("/dev/null"); err != nil {
				t.Skip("no /dev/null")
			}
			if err := os.Symlink("/dev/null", path); err != nil {
				t.Fatal(err)
			}
			return path
		}, "is a device, not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, home := testEnv(t, nil)
			dir := filepath.Join(home, ".targon")
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			path := tt.make(t, filepath.Join(dir, "credentials-default"))
			done := make(chan error, 1)
			go func() {
				_, err := Resolve(Flags{}, env)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want one naming %s: %s", err, path, tt.want)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("Resolve hung on the credentials file")
			}
		})
	}
}

// An account's credentials file goes through the same reader: a FIFO is
// refused at once instead of hanging the start.
func TestResolveRefusesFIFOAccountCredentials(t *testing.T) {
	env, home := testEnv(t, nil)
	dir := filepath.Join(home, ".config", "targon-dash")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "credentials-openrouter")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Resolve(Flags{Provider: ProviderOpenRouter}, env)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "is a named pipe (FIFO)") {
			t.Fatalf("error %v, want one naming %s as a FIFO", err, path)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Resolve hung on the credentials file")
	}
}
