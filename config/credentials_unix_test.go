//go:build unix

package config

import (
	"path/filepath"
	"syscall"
	"testing"
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
