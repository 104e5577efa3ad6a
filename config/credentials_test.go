package config

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// dirNames lists a directory's entries.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

func TestSaveCredentialsNewDir(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, ".targon")
	path := filepath.Join(dir, "credentials-default")
	if err := SaveCredentials(path, "tgn_abc123\n"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "tgn_abc123\n" {
		t.Fatalf("content %q, want the key and a newline", data)
	}
	if runtime.GOOS != "windows" {
		if m := mode(t, path); m != 0o600 {
			t.Errorf("file mode %04o, want 0600", m)
		}
		if m := mode(t, dir); m != 0o700 {
			t.Errorf("dir mode %04o, want 0700", m)
		}
	}
	if names := dirNames(t, dir); len(names) != 1 || names[0] != "credentials-default" {
		t.Errorf("directory holds %q, want only the credentials file", names)
	}
}

func TestSaveCredentialsOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "credentials-default", "tgn_old_key_that_is_longer\n", 0o644)
	if err := SaveCredentials(path, "tgn_new"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "tgn_new\n" {
		t.Fatalf("content %q", data)
	}
	if runtime.GOOS != "windows" {
		if m := mode(t, path); m != 0o600 {
			t.Errorf("mode %04o after overwriting a 0644 file, want 0600", m)
		}
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("directory holds %q, want only the credentials file", names)
	}
}

func TestSaveCredentialsThroughSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks")
	}
	dir := t.TempDir()
	real := writeFile(t, dir, "store/credentials-real", "tgn_old\n", 0o600)
	link := filepath.Join(dir, "credentials-default")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := SaveCredentials(link, "tgn_new"); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced: %v", err)
	}
	if data, _ := os.ReadFile(real); string(data) != "tgn_new\n" {
		t.Fatalf("target content %q", data)
	}
}

func TestSaveCredentialsBadKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "credentials-default")
	for _, key := range []string{"", "  \n", "tgn_a b", "tgn_a\nb", "tgn_a\x00b", "tgn_a\tb", "tgn_\x1b[0m", "tgn_\u00a0x", "tgn_\xff"} {
		err := SaveCredentials(path, key)
		if err == nil {
			t.Errorf("SaveCredentials(%q) accepted a bad key", key)
			continue
		}
		if k := strings.TrimSpace(key); k != "" && strings.Contains(err.Error(), k) {
			t.Errorf("error %q contains the key", err)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("a bad key created the file: %v", err)
	}
	if names := dirNames(t, filepath.Dir(path)); len(names) != 0 {
		t.Fatalf("left behind %q", names)
	}
}

func TestSaveCredentialsFailures(t *testing.T) {
	const key = "tgn_topsecret_9876"
	t.Run("target is a directory", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "credentials-default")
		if err := os.Mkdir(path, 0o700); err != nil {
			t.Fatal(err)
		}
		err := SaveCredentials(path, key)
		if err == nil {
			t.Fatal("want an error")
		}
		if strings.Contains(err.Error(), "topsecret") {
			t.Fatalf("error leaks the key: %q", err)
		}
		if names := dirNames(t, dir); len(names) != 1 || names[0] != "credentials-default" {
			t.Fatalf("left behind %q", names)
		}
	})
	t.Run("read-only directory", func(t *testing.T) {
		if runtime.GOOS == "windows" || os.Geteuid() == 0 {
			t.Skip("needs Unix permissions and a non-root user")
		}
		dir := t.TempDir()
		path := writeFile(t, dir, "credentials-default", "tgn_old\n", 0o600)
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		err := SaveCredentials(path, key)
		if err == nil {
			t.Fatal("want an error")
		}
		if strings.Contains(err.Error(), "topsecret") {
			t.Fatalf("error leaks the key: %q", err)
		}
		if names := dirNames(t, dir); len(names) != 1 {
			t.Fatalf("left behind %q", names)
		}
		if data, _ := os.ReadFile(path); string(data) != "tgn_old\n" {
			t.Fatalf("old file changed to %q", data)
		}
	})
	t.Run("parent is a file", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, "notadir", "x", 0o600)
		err := SaveCredentials(filepath.Join(dir, "notadir", "credentials-default"), key)
		if err == nil {
			t.Fatal("want an error")
		}
		if strings.Contains(err.Error(), "topsecret") {
			t.Fatalf("error leaks the key: %q", err)
		}
		if names := dirNames(t, dir); len(names) != 1 {
			t.Fatalf("left behind %q", names)
		}
	})
	t.Run("dangling symlink", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("symlinks")
		}
		dir := t.TempDir()
		link := filepath.Join(dir, "credentials-default")
		if err := os.Symlink(filepath.Join(dir, "missing", "x"), link); err != nil {
			t.Fatal(err)
		}
		if err := SaveCredentials(link, key); err == nil {
			t.Fatal("want an error")
		}
		if names := dirNames(t, dir); len(names) != 1 {
			t.Fatalf("left behind %q", names)
		}
	})
	t.Run("empty path", func(t *testing.T) {
		if err := SaveCredentials("", key); err == nil {
			t.Fatal("want an error")
		}
	})
}

func TestCheckKey(t *testing.T) {
	for _, ok := range []string{"tgn_abc", "sk-or-v1-0123456789abcdef", "x"} {
		if err := api.CheckKey(ok); err != nil {
			t.Errorf("CheckKey(%q): %v", ok, err)
		}
	}
}
