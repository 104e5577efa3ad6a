package config

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

// Preference defaults and limits.
const (
	DefaultRefreshInterval = 60 * time.Second
	// DefaultListRefreshInterval is how often the key lists reload by
	// themselves unless list_refresh_interval says otherwise.
	DefaultListRefreshInterval = 5 * time.Minute
	MinRefreshInterval         = 5 * time.Second
)

// maxPrefsSize caps how much of a preferences file is read.
const maxPrefsSize = 1 << 20

// Themes lists the accepted values of the theme preference.
var Themes = []string{"auto", "dark", "light"}

// prefFields lists the top-level keys of the preferences file.
var prefFields = []string{"theme", "refresh_interval", "list_refresh_interval", "read_only", "clipboard_clear", "sort", "sort_reverse", "keys", "accounts", "mouse"}

// SortColumns lists the accepted values of the sort preference: the columns
// the key lists sort by (usage and limit on OpenRouter keys, type on SSH
// keys; a list without the column starts by created).
var SortColumns = []string{"name", "created", "updated", "usage", "limit", "type"}

// Preferences are the dashboard's own settings, read from
// $XDG_CONFIG_HOME/targon-dash/config.toml. Every field is optional there.
type Preferences struct {
	Theme           string        // "auto", "dark" or "light"
	RefreshInterval time.Duration // the credits'; 0: no automatic refresh
	// ListRefreshInterval is how often the key lists reload; 0: never.
	ListRefreshInterval time.Duration
	// ReadOnly turns off every action that changes something.
	ReadOnly       bool
	ClipboardClear time.Duration       // clear the clipboard this long after copying a secret; 0: never
	Sort           string              // the column the key lists start sorted by (SortColumns); "": created
	SortReverse    bool                // start in the other direction than the column's own (names A→Z, dates newest first)
	Keys           map[string][]string // action name → keys, overriding the default key map
	Accounts       []Account           // [accounts.<name>] tables, sorted by name
	Mouse          bool                // report the mouse (wheel, clicks); off keeps the terminal's text selection
	Path           string              // the file they came from (set even when it does not exist)

	src *tomlDoc // where Keys were read, for ValidateKeys; nil when made by hand
}

// DefaultPreferences are the preferences when the file sets nothing.
func DefaultPreferences() Preferences {
	return Preferences{Theme: "auto", RefreshInterval: DefaultRefreshInterval, ListRefreshInterval: DefaultListRefreshInterval}
}

// PreferencesPath is where LoadPreferences looks:
// $XDG_CONFIG_HOME/targon-dash/config.toml, XDG_CONFIG_HOME defaulting to
// ~/.config (also when it is not an absolute path, as the XDG spec says).
func PreferencesPath(env Environment) (string, error) {
	dir := env.getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(dir) {
		home, err := env.home()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "targon-dash", "config.toml"), nil
}

// LoadPreferences reads the preferences file. A missing file gives
// DefaultPreferences (with Path set); a bad one gives a *FileError.
func LoadPreferences(env Environment) (Preferences, error) {
	path, err := PreferencesPath(env)
	if err != nil {
		return Preferences{}, err
	}
	data, err := readCapped(path, maxPrefsSize)
	if errors.Is(err, fs.ErrNotExist) {
		p := DefaultPreferences()
		p.Path = path
		return p, nil
	}
	if err != nil {
		return Preferences{}, err
	}
	return ParsePreferences(path, data)
}

// ParsePreferences parses the contents of a preferences file; path is only
// used in error messages and Preferences.Path. An unknown field or a bad value
// is a *FileError naming the file, the line and the field; the first problem
// in file order is reported.
func ParsePreferences(path string, data []byte) (Preferences, error) {
	p := DefaultPreferences()
	p.Path = path
	doc, src, err := decodeTOML(path, data)
	if err != nil {
		return Preferences{}, err
	}
	fail := func(msg string, pieces ...string) error {
		return &FileError{Path: path, Line: src.line(pieces...), Field: fieldName(pieces...), Msg: msg}
	}
	for _, name := range inFileOrder(doc, src) { // so the first problem is reported
		if err := p.set(name, doc[name], src, fail); err != nil {
			return Preferences{}, err
		}
	}
	return p, nil
}

// set reads the value v of the top-level field name into p; fail makes
// the error for a bad value, naming the field.
func (p *Preferences) set(name string, v any, src *tomlDoc, fail func(msg string, pieces ...string) error) error {
	switch name {
	case "theme":
		s, ok := v.(string)
		if !ok || !slices.Contains(Themes, s) {
			return fail(fmt.Sprintf("%s is not a theme (use %s)", shown(v), quoteList(Themes)), name)
		}
		p.Theme = s
	case "refresh_interval", "list_refresh_interval":
		return p.setInterval(name, v, fail)
	case "read_only", "sort_reverse":
		b, ok := v.(bool)
		if !ok {
			return fail(fmt.Sprintf("expected true or false, got %s", describe(v)), name)
		}
		if name == "read_only" {
			p.ReadOnly = b
		} else {
			p.SortReverse = b
		}
	case "clipboard_clear":
		d, msg := parseDuration(v)
		if msg != "" {
			return fail(msg, name)
		}
		p.ClipboardClear = d
	case "sort":
		col, ok := v.(string)
		if !ok || !slices.Contains(SortColumns, col) {
			return fail(fmt.Sprintf("%s is not a column to sort by (use %s)", shown(v), quoteList(SortColumns)), name)
		}
		p.Sort = col
	case "keys":
		return p.setKeys(v, src, fail)
	case "accounts":
		accounts, err := parseAccounts(v, src, fail)
		p.Accounts = accounts
		return err
	case "mouse":
		b, ok := v.(bool)
		if !ok {
			return fail(fmt.Sprintf("%s is not true or false", shown(v)), name)
		}
		p.Mouse = b
	default:
		return fail(fmt.Sprintf("unknown field (known fields: %s)", strings.Join(prefFields, ", ")), name)
	}
	return nil
}

// setInterval reads refresh_interval or list_refresh_interval (name).
func (p *Preferences) setInterval(name string, v any, fail func(msg string, pieces ...string) error) error {
	d, msg := parseDuration(v)
	if msg == "" && d > 0 && d < MinRefreshInterval {
		msg = fmt.Sprintf("%s is too short: the minimum is %s (or \"off\")", shown(v), MinRefreshInterval)
	}
	if msg != "" {
		return fail(msg, name)
	}
	if name == "refresh_interval" {
		p.RefreshInterval = d
	} else {
		p.ListRefreshInterval = d
	}
	return nil
}

// setKeys reads the [keys] table: action → keys.
func (p *Preferences) setKeys(v any, src *tomlDoc, fail func(msg string, pieces ...string) error) error {
	table, ok := v.(map[string]any)
	if !ok {
		return fail(fmt.Sprintf("expected a table of actions like [keys] refresh = [\"r\", \"f5\"], got %s", describe(v)), "keys")
	}
	p.Keys, p.src = make(map[string][]string, len(table)), src
	for _, action := range inFileOrder(table, src, "keys") {
		list, msg := keyList(table[action])
		if msg != "" {
			return fail(msg, "keys", action)
		}
		p.Keys[action] = list
	}
	return nil
}

// ValidateKeys reports the first action in p.Keys (in file order) that is not
// one of known, as a *FileError with the file and line when p was parsed.
func (p Preferences) ValidateKeys(known []string) error {
	for _, a := range inFileOrder(p.Keys, p.src, "keys") {
		if !slices.Contains(known, a) {
			sorted := append([]string(nil), known...)
			sort.Strings(sorted)
			return &FileError{
				Path:  p.Path,
				Line:  p.src.line("keys", a),
				Field: fieldName("keys", a),
				Msg:   fmt.Sprintf("unknown action %q (known actions: %s)", a, strings.Join(sorted, ", ")),
			}
		}
	}
	return nil
}

// KeyOverrides is p.Keys: action name → keys.
func (p Preferences) KeyOverrides() map[string][]string { return p.Keys }

// KeyActions lists the actions of p.Keys in the order the file names them.
func (p Preferences) KeyActions() []string { return inFileOrder(p.Keys, p.src, "keys") }

// KeyError is a problem with the [keys] entry of action, as a *FileError
// naming the file, the entry's line (when p was parsed) and keys.<action>.
func (p Preferences) KeyError(action, msg string) error {
	return &FileError{Path: p.Path, Line: p.src.line("keys", action), Field: fieldName("keys", action), Msg: msg}
}

// inFileOrder returns the keys of table, the table at parent in src, in the
// order src defines them; keys src lacks come first, by name.
func inFileOrder[V any](table map[string]V, src *tomlDoc, parent ...string) []string {
	order := src.order(parent...)
	names := slices.Sorted(maps.Keys(table))
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(order[a], order[b]) })
	return names
}

// parseDuration reads a duration preference: a Go duration string, or "off"
// or "0" for none. It returns a message instead of an error.
func parseDuration(v any) (time.Duration, string) {
	const examples = `(examples: "30s", "2m", "off")`
	s, ok := v.(string)
	if !ok {
		return 0, fmt.Sprintf("expected a duration string, got %s %s", describe(v), examples)
	}
	t := strings.TrimSpace(s)
	if strings.EqualFold(t, "off") || t == "0" {
		return 0, ""
	}
	d, err := time.ParseDuration(t)
	if err != nil {
		return 0, fmt.Sprintf("%q is not a duration %s", s, examples)
	}
	if d < 0 {
		return 0, fmt.Sprintf("%q is negative: use \"off\" to disable", s)
	}
	return d, ""
}

// keyList checks one [keys] entry: a non-empty array of non-empty strings.
func keyList(v any) ([]string, string) {
	const want = `expected a list of keys like ["r", "f5"]`
	arr, ok := v.([]any)
	if !ok {
		return nil, fmt.Sprintf("%s, got %s", want, describe(v))
	}
	if len(arr) == 0 {
		return nil, want + ", got an empty list"
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			return nil, fmt.Sprintf("%s, but item %d is %s", want, i+1, describe(e))
		}
		if s == "space" {
			s = " " // the space bar's name in Bubble Tea; "space" reads better in a file
		}
		if strings.TrimSpace(s) == "" && s != " " {
			return nil, fmt.Sprintf("item %d is an empty key", i+1)
		}
		out = append(out, s)
	}
	return out, ""
}

// shown renders a value in a message: strings quoted, others described.
func shown(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return describe(v)
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
