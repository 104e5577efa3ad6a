package api

import (
	"net"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/idna"
)

// This file describes an opened account as the dashboard uses it, in terms
// that name no provider and no config file: the accounts package makes
// Sessions and Choices, and the UI reads them.

// KeySource says where the key in use came from.
type KeySource int

// Where a key can come from.
const (
	KeyNone     KeySource = iota // no key, or one typed in and not saved
	KeyFromEnv                   // an environment variable: KeyHome.Env
	KeyFromFile                  // the credentials file: KeyHome.File
	KeyFromDemo                  // the built-in demo
)

// KeyHome says where the key in use is kept, in the words messages use.
// The accounts package fills it from the settings; the UI updates it after
// a login that saved the key. Take it in Update and pass it into a
// tea.Cmd by value.
type KeyHome struct {
	Source KeySource
	// Env is the variable the key came from with KeyFromEnv
	// ("TARGON_API_KEY").
	Env string
	// File is where Session.SaveKey writes, set even when the key came
	// from elsewhere; "" when keys are not saved.
	File string
}

// Session is one opened account as the dashboard uses it: the account and
// what the UI needs to know of its settings, as plain values and functions.
// One Session is shared by the accounts package and the UI for as long as
// the account is open: the UI changes its Home (a sign-in that saved the
// key) on the UI goroutine only.
type Session struct {
	// ID is the accounts package's handle for the account (the Choice.ID
	// it was opened for); the UI does not read it.
	ID string
	// Account is the signed-in account (its key may be empty: the login
	// screen then comes first).
	Account Account
	// Profile names the account in the status bar.
	Profile string
	// Home says where the key is kept, for messages.
	Home KeyHome
	// SaveKey saves a key to Home.File (atomically, 0600); nil when keys
	// are not saved (the demo). Safe to call off the UI goroutine.
	SaveKey func(key string) error
	// SavedKey reads the key Home.File holds now ("" when it holds none or
	// is missing): another copy of the dashboard may have saved one since
	// the account was opened. Nil when keys are not saved. Call it off the
	// UI goroutine.
	SavedKey func() (string, error)
	// NewAccount returns an account at the same provider and base URL
	// that authenticates with token: the login screen checks a key with
	// it before the dashboard switches to it. Safe to call off the UI
	// goroutine.
	NewAccount func(token string) (Account, error)
	// Warnings are problems found when the account was opened (a
	// credentials file others can read), shown whole for a while.
	Warnings []string
}

// Choice is one entry of the account switcher: a Targon profile or one of
// the dashboard's own accounts. The accounts package makes them, its text
// already clean (CleanText); the UI shows them and hands the chosen one
// back to be opened.
type Choice struct {
	// ID is the accounts package's handle for the choice; the UI does not
	// read it.
	ID string
	// Name is the profile or account name.
	Name string
	// Provider is the service's display name ("Targon", "OpenRouter").
	Provider string
	// Host is the API host, for telling two accounts apart.
	Host string
	// Current marks the account in use.
	Current bool
	// Problem, when set, says why the choice cannot be opened (a bad
	// base_url, a broken file); the switcher shows it and does not open
	// it.
	Problem string
}

// HostOf is the host of a base URL ("api.targon.com"), as the status bar,
// the account switcher, the login screen and errors show it; raw itself
// when it has none. A host with letters beyond ASCII is shown in punycode
// ("xn--penrouter-…"), so a lookalike of a familiar name (a Cyrillic "о"
// in "оpenrouter.ai") cannot pass for it, and one that mixes scripts in a
// label is followed by a warning (MixedScriptNote).
func HostOf(raw string) string {
	host := raw
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		host = u.Host
	}
	return displayHost(host)
}

// MixedScriptNote follows a host that mixes scripts in one label.
const MixedScriptNote = " (⚠ mixed scripts)"

// displayHost is host (with any port) in ASCII: punycode for an
// internationalised name, with MixedScriptNote when a label mixes
// scripts; a name that is no valid domain is cleaned and shown as
// "invalid host".
func displayHost(host string) string {
	if isASCII(host) {
		return host
	}
	name, port := host, ""
	if h, p, err := net.SplitHostPort(host); err == nil {
		name, port = h, ":"+p
	}
	ascii, err := idna.Lookup.ToASCII(name)
	if err != nil || !isASCII(ascii) {
		return "invalid host"
	}
	note := ""
	for _, label := range strings.Split(name, ".") {
		if mixedScripts(label) {
			note = MixedScriptNote
		}
	}
	return ascii + port + note
}

// mixedScripts reports whether label holds letters of more than one
// script (Latin with Cyrillic, Greek, …); digits, hyphens and marks belong
// to none.
func mixedScripts(label string) bool {
	var first *unicode.RangeTable
	for _, r := range label {
		if !unicode.IsLetter(r) {
			continue
		}
		script := scriptOf(r)
		if first == nil {
			first = script
		} else if script != first {
			return true
		}
	}
	return false
}

// scripts are the scripts mixedScripts tells apart; a letter of any other
// is counted as one more script of its own (nil).
var scripts = []*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Armenian, unicode.Hebrew,
	unicode.Arabic, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
	unicode.Thai, unicode.Devanagari, unicode.Georgian, unicode.Cherokee,
}

// scriptOf is the script of letter r, or unicode.Other's table for one
// of no script listed.
func scriptOf(r rune) *unicode.RangeTable {
	for _, s := range scripts {
		if unicode.Is(s, r) {
			if s == unicode.Hiragana || s == unicode.Katakana {
				return unicode.Han // Japanese mixes these three by design
			}
			return s
		}
	}
	return unicode.Other
}

// isASCII reports whether s is ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
