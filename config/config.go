// Package config finds the profile, API base URL and API key targon-dash
// uses, compatibly with Targon's own CLI (~/.targon/config.toml and
// ~/.targon/credentials-<profile>), saves keys atomically, and reads the
// dashboard's preferences ($XDG_CONFIG_HOME/targon-dash/config.toml).
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"
)

// DefaultProfile is the profile used when nothing names another.
const DefaultProfile = "default"

// maxTargonConfigSize caps how much of ~/.targon/config.toml is read.
const maxTargonConfigSize = 1 << 20

// Environment is what Resolve and LoadPreferences read from the outside
// world, so that tests need not touch the real environment or home.
type Environment struct {
	Getenv  func(string) string // nil: os.Getenv
	HomeDir string              // "": os.UserHomeDir()
}

func (e Environment) getenv(key string) string {
	if e.Getenv == nil {
		return os.Getenv(key)
	}
	return e.Getenv(key)
}

func (e Environment) home() (string, error) {
	if e.HomeDir != "" {
		return e.HomeDir, nil
	}
	h, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the home directory: %w", err)
	}
	return h, nil
}

// Flags are the command-line values that take precedence over the
// environment and the files. Empty means not given. There is no flag for the
// API key: it would show up in shell history and ps.
type Flags struct {
	Profile string // --profile
	BaseURL string // --base-url
}

// Resolve works out the settings: the profile (flag, TARGON_PROFILE, current
// in ~/.targon/config.toml, "default"), the base URL (flag, TARGON_BASE_URL,
// the profile's base_url, DefaultBaseURL) and the API key (TARGON_API_KEY,
// then ~/.targon/credentials-<profile>). No key is not an error: KeySource is
// KeyNone and the caller shows a login screen.
func Resolve(flags Flags, env Environment) (*Settings, error) {
	home, err := env.home()
	if err != nil {
		return nil, err
	}
	s := &Settings{ConfigPath: filepath.Join(home, ".targon", "config.toml")}

	cfg, err := loadTargonConfig(s.ConfigPath)
	if err != nil {
		return nil, err
	}

	var from string
	switch {
	case flags.Profile != "":
		s.Profile, from = flags.Profile, "--profile"
	case env.getenv("TARGON_PROFILE") != "":
		s.Profile, from = env.getenv("TARGON_PROFILE"), "TARGON_PROFILE"
	default:
		cur, err := cfg.current()
		if err != nil {
			return nil, err
		}
		s.Profile, from = cur, fmt.Sprintf("current in %s", s.ConfigPath)
		if cur == "" {
			s.Profile = DefaultProfile
		}
	}
	if err := CheckProfile(s.Profile); err != nil {
		return nil, fmt.Errorf("%w (from %s)", err, from)
	}
	s.CredentialsPath = filepath.Join(home, ".targon", "credentials-"+s.Profile)
	if err := cfg.checkKnown(s.Profile, from, s.CredentialsPath, home); err != nil {
		return nil, err
	}

	var rawURL string
	switch {
	case strings.TrimSpace(flags.BaseURL) != "":
		rawURL, from = flags.BaseURL, "--base-url"
	case strings.TrimSpace(env.getenv("TARGON_BASE_URL")) != "":
		rawURL, from = env.getenv("TARGON_BASE_URL"), "TARGON_BASE_URL"
	default:
		u, where, err := cfg.baseURL(s.Profile)
		if err != nil {
			return nil, err
		}
		rawURL, from = u, where
		if strings.TrimSpace(u) == "" {
			rawURL, from = DefaultBaseURL, "the default"
		}
	}
	if s.BaseURL, err = CheckBaseURL(rawURL); err != nil {
		return nil, fmt.Errorf("%w (from %s)", err, from)
	}

	if err := s.loadKey(env); err != nil {
		return nil, err
	}
	return s, nil
}

// CheckProfile reports whether name can be a profile: it becomes part of a
// file name, so it must be non-empty, valid UTF-8, at most 128 bytes, without
// path separators, "..", control characters or surrounding spaces.
func CheckProfile(name string) error {
	bad := func(why string) error { return fmt.Errorf("invalid profile name %q: %s", name, why) }
	switch {
	case name == "":
		return errors.New("invalid profile name: it is empty")
	case !utf8.ValidString(name):
		return bad("not valid UTF-8")
	case len(name) > 128:
		return bad("longer than 128 bytes")
	case strings.ContainsAny(name, `/\`):
		return bad(`it must not contain "/" or "\"`)
	case strings.Contains(name, ".."):
		return bad(`it must not contain ".."`)
	case strings.TrimSpace(name) != name:
		return bad("it must not start or end with a space")
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return bad("it must not contain control characters")
	}
	return nil
}

// targonConfig is Targon CLI's config.toml; only current and
// profiles.<name>.base_url are read, the rest is another tool's business.
type targonConfig struct {
	path string
	doc  map[string]any // nil when the file does not exist
	src  *tomlDoc
}

func loadTargonConfig(path string) (*targonConfig, error) {
	data, err := readCapped(path, maxTargonConfigSize)
	if errors.Is(err, fs.ErrNotExist) {
		return &targonConfig{path: path}, nil
	}
	if err != nil {
		return nil, err
	}
	return parseTargonConfig(path, data)
}

func parseTargonConfig(path string, data []byte) (*targonConfig, error) {
	doc, src, err := decodeTOML(path, data)
	if err != nil {
		return nil, err
	}
	return &targonConfig{path: path, doc: doc, src: src}, nil
}

func (c *targonConfig) fail(msg string, pieces ...string) error {
	return &FileError{Path: c.path, Line: c.src.line(pieces...), Field: fieldName(pieces...), Msg: msg}
}

// current returns the top-level current, "" when absent.
func (c *targonConfig) current() (string, error) {
	v, ok := c.doc["current"]
	if !ok {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", c.fail("expected a profile name (a string), got "+describe(v), "current")
	}
	return s, nil
}

// checkKnown refuses a profile that exists nowhere, so that a typo in
// --profile, TARGON_PROFILE or current does not silently run against the
// default URL with no key. A profile is known when:
//   - it is "default": Targon's CLI treats it as the implicit profile, which
//     needs no section (nor a config file at all);
//   - config.toml has a [profiles.<name>] section;
//   - ~/.targon/credentials-<name> exists: the CLI's login writes that file,
//     and a profile that has a key but no section runs with the default URL,
//     as the CLI would.
//
// from says where the name came from; home is shortened to "~" in the
// message.
func (c *targonConfig) checkKnown(profile, from, credentials, home string) error {
	if profile == DefaultProfile {
		return nil
	}
	names, err := c.profileNames()
	if err != nil {
		return err
	}
	if slices.Contains(names, profile) {
		return nil
	}
	if _, err := os.Lstat(credentials); err == nil {
		return nil
	}
	short := func(p string) string {
		if rel, err := filepath.Rel(home, p); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.Join("~", rel)
		}
		return p
	}
	var which string
	switch {
	case c.doc == nil:
		which = "the file does not exist"
	case len(names) == 0:
		which = "it has no profiles"
	default:
		which = "profiles: " + strings.Join(names, ", ")
	}
	return fmt.Errorf("profile %q (from %s) is not in %s (%s) and has no %s",
		profile, from, short(c.path), which, short(credentials))
}

// profileNames lists the [profiles.<name>] sections, sorted.
func (c *targonConfig) profileNames() ([]string, error) {
	v, ok := c.doc["profiles"]
	if !ok {
		return nil, nil
	}
	profiles, ok := v.(map[string]any)
	if !ok {
		return nil, c.fail("expected a table of profiles, got "+describe(v), "profiles")
	}
	return slices.Sorted(maps.Keys(profiles)), nil
}

// baseURL returns profiles.<profile>.base_url ("" when absent) and a
// description of where it is, for error messages.
func (c *targonConfig) baseURL(profile string) (string, string, error) {
	v, ok := c.doc["profiles"]
	if !ok {
		return "", "", nil
	}
	profiles, ok := v.(map[string]any)
	if !ok {
		return "", "", c.fail("expected a table of profiles, got "+describe(v), "profiles")
	}
	v, ok = profiles[profile]
	if !ok {
		return "", "", nil
	}
	table, ok := v.(map[string]any)
	if !ok {
		return "", "", c.fail("expected a table, got "+describe(v), "profiles", profile)
	}
	v, ok = table["base_url"]
	if !ok {
		return "", "", nil
	}
	u, ok := v.(string)
	if !ok {
		return "", "", c.fail("expected a URL (a string), got "+describe(v), "profiles", profile, "base_url")
	}
	where := c.path
	if line := c.src.line("profiles", profile, "base_url"); line > 0 {
		where = fmt.Sprintf("%s:%d", c.path, line)
	}
	return u, fmt.Sprintf("%s in %s", fieldName("profiles", profile, "base_url"), where), nil
}

// readCapped reads a whole regular file of at most limit bytes. Anything
// else at path (a directory, a named pipe, a device, a socket) is refused
// with an error naming path: reading a FIFO would block start-up until
// another process writes to it, and a device could be endless. The file is
// opened non-blocking, so that opening a FIFO returns at once, and its
// type is checked on the opened file, so it cannot change between the check
// and the read.
func readCapped(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file", path, fileKind(info.Mode()))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: file is larger than %d bytes", path, limit)
	}
	return data, nil
}

// fileKind names what a non-regular file is, for error messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	default:
		return "a special file"
	}
}
