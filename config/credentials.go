package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/targon-dash/targon-dash/api"
)

// maxCredentialsSize caps how much of a credentials file is read.
const maxCredentialsSize = 64 << 10

// loadKey fills in the key: the first of vars that is set, else the
// credentials file. It warns about a credentials file that group or others
// can read, whichever source wins, since the file holds a secret either way.
func (s *Settings) loadKey(env Environment, vars []string) error {
	info, statErr := os.Stat(s.CredentialsPath)
	if statErr == nil && info.Mode().IsRegular() && runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0 {
		// The fix first and short: the status bar shows this next to the
		// profile and host, and it must be whole at 80 columns.
		s.Warnings = append(s.Warnings, fmt.Sprintf("chmod 600 %s: others can read it", s.CredentialsPath))
	}

	for _, v := range vars {
		if key := strings.TrimSpace(env.getenv(v)); key != "" {
			if err := api.CheckKey(key); err != nil {
				return fmt.Errorf("%s: %w", v, err)
			}
			s.apiKey, s.KeySource, s.KeyEnvVar = key, KeyFromEnv, v
			return nil
		}
	}

	if errors.Is(statErr, fs.ErrNotExist) {
		return nil
	}
	key, err := ReadCredentials(s.CredentialsPath)
	if err != nil {
		return err
	}
	if key == "" {
		s.Warnings = append(s.Warnings, fmt.Sprintf("credentials file %s is empty", s.CredentialsPath))
		return nil
	}
	if err := api.CheckKey(key); err != nil {
		return fmt.Errorf("credentials file %s: %w", s.CredentialsPath, err)
	}
	s.apiKey, s.KeySource = key, KeyFromFile
	return nil
}

// ReadCredentials is the key the credentials file at path holds now, as
// loading a profile reads it (see trimKeyFile): "" when the file is
// missing or empty. Errors never contain the key.
func ReadCredentials(path string) (string, error) {
	data, err := readCapped(path, maxCredentialsSize)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("credentials: %w", err)
	}
	return trimKeyFile(data), nil
}

// trimKeyFile is the key a credentials file holds: its text without a
// UTF-8 byte order mark (some Windows editors write one) and without
// surrounding white space, CR LF line ends included.
func trimKeyFile(data []byte) string {
	s := strings.TrimSpace(string(data))
	s = strings.TrimPrefix(s, "\uFEFF")
	return strings.TrimSpace(s)
}

// SaveCredentials atomically replaces the file at path with key and a
// newline, the format Targon's CLI reads. The key (trimmed of surrounding
// whitespace) is written to a temporary file created with mode 0600 in the
// same directory, synced, and renamed over path; the directory is then
// synced. The directory is created with mode 0700 if missing. If path is a
// symbolic link, the file it points to is replaced. A failure before the
// rename leaves path as it was and no temporary file behind. Errors never
// contain the key.
func SaveCredentials(path, key string) error {
	key = strings.TrimSpace(key)
	if err := api.CheckKey(key); err != nil {
		return err
	}
	if path == "" {
		return errors.New("save credentials: no file name")
	}
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if path, err = filepath.EvalSymlinks(path); err != nil {
			return fmt.Errorf("save credentials: %w", err)
		}
	}
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("save credentials: %w", err)
		}
		if err := os.Chmod(dir, 0o700); err != nil { // in case the umask took bits away
			return fmt.Errorf("save credentials: %w", err)
		}
	}
	if err := replaceFile(path, []byte(key+"\n")); err != nil {
		return fmt.Errorf("save credentials: %w", err)
	}
	return nil
}

// replaceFile writes data to a new 0600 file next to path, syncs it and
// renames it over path, then syncs the directory. On an error before the
// rename the temporary file is removed.
func replaceFile(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp") // mode 0600 from the start
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if runtime.GOOS != "windows" {
		info, err := f.Stat()
		if err != nil {
			return err
		}
		if info.Mode().Perm() != 0o600 { // a strict umask; the file is still empty
			if err := f.Chmod(0o600); err != nil {
				return err
			}
		}
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	return syncDir(dir)
}

// syncDir makes a rename in dir durable. File systems and systems that
// cannot sync a directory are not an error.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, errors.ErrUnsupported) && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}
