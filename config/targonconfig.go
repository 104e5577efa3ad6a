package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	return c.profileString(profile, "base_url", "a URL")
}

// profileString returns the string profiles.<profile>.<field> ("" when
// absent) and where it is ("profiles.work.org in FILE:LINE"); what names
// the value expected, for the error when it is not a string.
func (c *targonConfig) profileString(profile, field, what string) (string, string, error) {
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
	v, ok = table[field]
	if !ok {
		return "", "", nil
	}
	u, ok := v.(string)
	if !ok {
		return "", "", c.fail("expected "+what+" (a string), got "+describe(v), "profiles", profile, field)
	}
	where := c.path
	if line := c.src.line("profiles", profile, field); line > 0 {
		where = fmt.Sprintf("%s:%d", c.path, line)
	}
	return u, fmt.Sprintf("%s in %s", fieldName("profiles", profile, field), where), nil
}

// versionSettings reads a profile's api_version and org (the official
// CLI's org, and the dashboard's own api_version).
func (c *targonConfig) versionSettings(profile string) (version, org, orgWhere string, err error) {
	version, _, err = c.profileString(profile, "api_version", "an API version")
	if err != nil {
		return "", "", "", err
	}
	if err := CheckAPIVersion(version); err != nil {
		return "", "", "", c.fail(err.Error(), "profiles", profile, "api_version")
	}
	org, orgWhere, err = c.profileString(profile, "org", "an organization's slug")
	return version, strings.TrimSpace(org), orgWhere, err
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
