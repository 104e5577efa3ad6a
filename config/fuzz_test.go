package config

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"
)

var prefsSeeds = []string{
	"",
	"theme = \"dark\"\nrefresh_interval = \"30s\"\nclipboard_clear = \"off\"\n",
	"[keys]\nrefresh = [\"r\", \"f5\"]\nquit = [\"q\", \"ctrl+c\"]\n",
	"keys = { help = [\"?\"], \"a.b\" = ['x'] }\n",
	"keys.quit = [\n  \"q\", # c\n]\n",
	"refresh_interval = \"soon\"",
	"refresh_interval = 5",
	"theme = \"\"\"\ndark\"\"\"\n",
	"[keys.refresh]\nx = 1\n",
	"[[keys]]\n",
	"unknown = 1979-05-27 07:32:00Z\n",
	"theme = 'light'\r\n[keys]\r\n'q' = [\"q\"]\r\n",
	"a = \"\"\"x\"\"\"\"\"\nb = '''y'''''\n",
	"x = [[1], {a = [2]}, \"]\"]\n",
	"= 1",
	"[keys\n",
	"t = \"\\u00e9\"\n\"\\u0074heme\" = \"dark\"\n",
}

func FuzzParsePreferences(f *testing.F) {
	for _, s := range append(prefsSeeds, linesSample) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const path = "dir/config.toml"
		checkLines(t, data)
		p, err := ParsePreferences(path, data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %q (%T) is not a *FileError", err, err)
			}
			if !strings.HasPrefix(err.Error(), path+":") {
				t.Fatalf("error %q does not name the file", err)
			}
			if strings.IndexFunc(err.Error(), unicode.IsControl) >= 0 {
				t.Fatalf("error %q has control characters", err)
			}
			return
		}
		if !slices.Contains(Themes, p.Theme) {
			t.Fatalf("accepted theme %q", p.Theme)
		}
		if p.RefreshInterval != 0 && p.RefreshInterval < MinRefreshInterval {
			t.Fatalf("accepted refresh interval %v", p.RefreshInterval)
		}
		if p.ClipboardClear < 0 {
			t.Fatalf("accepted clipboard_clear %v", p.ClipboardClear)
		}
		for action, keys := range p.Keys {
			if len(keys) == 0 || slices.Contains(keys, "") {
				t.Fatalf("accepted keys %q for %q", keys, action)
			}
			if p.src.line("keys", action) == 0 {
				t.Fatalf("no line for action %q in %q", action, data)
			}
		}
		if err := p.ValidateKeys(nil); (err != nil) != (len(p.Keys) > 0) {
			t.Fatalf("ValidateKeys(nil) = %v with keys %q", err, p.Keys)
		}
	})
}

// checkLines checks that tomlDoc.line finds every key of a valid document on
// a line of it.
func checkLines(t *testing.T, data []byte) {
	t.Helper()
	_, doc, err := decodeTOML("test.toml", data)
	if err != nil {
		return
	}
	n := 1 + bytes.Count(data, []byte("\n"))
	for _, k := range doc.keys {
		if line := doc.line(k...); line < 1 || line > n {
			t.Fatalf("line of %s in %q = %d", fieldName(k...), data, line)
		}
	}
}

func FuzzTargonConfig(f *testing.F) {
	for _, s := range []string{
		"",
		"current = \"work\"\n[profiles.work]\nbase_url = \"https://w.example.com\"\n",
		"[profiles.default]\nbase_url = \"http://localhost:8080/\"\nother = 1\n",
		"profiles = { default = { base_url = 'https://x' } }",
		"current = 1\n",
		"profiles = 1\n",
		"[profiles.default]\nbase_url = 2\n",
		"[[profiles]]\n",
		"current = \"a\"\n[profiles.a\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const path = "home/.targon/config.toml"
		check := func(err error) {
			if err == nil {
				return
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != path {
				t.Fatalf("error %q (%T) is not a *FileError for the file", err, err)
			}
		}
		c, err := parseTargonConfig(path, data)
		check(err)
		if err != nil {
			return
		}
		cur, err := c.current()
		check(err)
		if cur == "" || CheckProfile(cur) != nil {
			cur = DefaultProfile
		}
		u, _, err := c.baseURL(cur)
		check(err)
		if err == nil && u != "" {
			if got, err := CheckBaseURL(u); err == nil && (strings.HasSuffix(got, "/") || got == "") {
				t.Fatalf("CheckBaseURL(%q) = %q", u, got)
			}
		}
	})
}

func FuzzCheckBaseURL(f *testing.F) {
	for _, s := range []string{"https://api.targon.com/", "http://127.0.0.1:1", "http://[::1]/", "http://x.example.com", "https://u:p@h", "https:h", "https://h/?q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := CheckBaseURL(raw)
		if err != nil {
			return
		}
		if got == "" || strings.HasSuffix(got, "/") {
			t.Fatalf("CheckBaseURL(%q) = %q", raw, got)
		}
		if again, err := CheckBaseURL(got); err != nil || again != got {
			t.Fatalf("CheckBaseURL(%q) = %q, %v; want it unchanged", got, again, err)
		}
		if strings.HasPrefix(strings.ToLower(got), "http://") {
			host := got[len("http://"):]
			if !strings.HasPrefix(strings.ToLower(host), "localhost") && !strings.HasPrefix(host, "127.") && !strings.HasPrefix(host, "[") {
				t.Fatalf("CheckBaseURL(%q) allowed plain http for %q", raw, got)
			}
		}
	})
}
