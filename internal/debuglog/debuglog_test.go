package debuglog

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"key tgn_HmXVjWWSkmfyw5oUQbXTTHtUho7mD2oxykLsmp5X used": "key tgn_[redacted…mp5X] used",
		"Authorization: Bearer abc.def-123":                     "Authorization: Bearer [redacted]",
		`{"key_raw":"tgn_abcdEFGH1234"}`:                        `{"key_raw":"tgn_[redacted…1234]"}`,
		"nothing secret here":                                   "nothing secret here",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// Everything a logger writes is redacted: message, string attributes and
// errors; the file is created 0600.
func TestLogFileIsRedactedAndPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "debug.log")
	log, closer, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	secret := "tgn_HmXVjWWSkmfyw5oUQbXTTHtUho7mD2oxykLsmp5X"
	log.Debug("sent with "+secret, "header", "Bearer "+secret, "error", errors.New("rejected "+secret))
	log.With("token", secret).Info("again")
	closer.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "HmXVjWW") || !strings.Contains(string(data), "redacted") {
		t.Fatalf("log not redacted:\n%s", data)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("log mode %v, want 0600", fi.Mode().Perm())
	}
}

// leftoverKey and leftoverBearer find secrets that survived Redact.
var (
	leftoverKey    = regexp.MustCompile(`tgn_[A-Za-z0-9_\-]{4,}`)
	leftoverBearer = regexp.MustCompile(`(?i)bearer\s+([^\s"',]+)`)
)

// FuzzRedact: whatever the input, no key of four or more characters is left
// and every bearer credential reads [redacted].
func FuzzRedact(f *testing.F) {
	for _, s := range []string{"tgn_abcd1234", "Bearer x", "bearer   tgn_zzzzzzzz", "tgn_", "plain", "BeArer 0 tgn_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Redact(s)
		if k := leftoverKey.FindString(out); k != "" {
			t.Fatalf("Redact(%q) = %q still holds key %q", s, out, k)
		}
		for _, m := range leftoverBearer.FindAllStringSubmatch(out, -1) {
			if m[1] != "[redacted]" && !strings.HasPrefix(m[1], "tgn_[redacted") {
				t.Fatalf("Redact(%q) = %q still holds bearer %q", s, out, m[1])
			}
		}
	})
}

// An existing log readable by others is made private before anything is
// written to it.
func TestOpenMakesExistingFilePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix permissions")
	}
	path := filepath.Join(t.TempDir(), "debug.log")
	if err := os.WriteFile(path, []byte("earlier run\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil { // in case the umask took bits away
		t.Fatal(err)
	}
	_, closer, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	closer.Close()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if m := info.Mode().Perm(); m != 0o600 {
		t.Errorf("mode %04o after Open, want 0600", m)
	}
	if data, _ := os.ReadFile(path); string(data) != "earlier run\n" {
		t.Errorf("log = %q, want the earlier run kept (Open appends)", data)
	}
}

// A directory or a device is not a log file.
func TestOpenRefusesSpecialFiles(t *testing.T) {
	paths := []string{t.TempDir()}
	if runtime.GOOS != "windows" {
		paths = append(paths, os.DevNull)
	}
	for _, path := range paths {
		if _, closer, err := Open(path); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a regular file") {
			if closer != nil {
				closer.Close()
			}
			t.Errorf("Open(%s) error = %v, want one naming it: not a regular file", path, err)
		}
	}
}
