// Package keyguard keeps private keys out of text inputs: a KeyGuard
// refuses one whether it is pasted at once or typed in a burst without
// bracketed paste. It also refuses text an input would cut at its limit,
// so that nothing is shortened unseen. Forms and the login screen both guard their inputs
// with it, so it is a package of its own; it imports only Bubble Tea and
// its text input.
package keyguard

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// PrivateKeyRefused says why a field was just cleared.
const PrivateKeyRefused = "that was a private key: it was cleared, never shown and nothing was sent; paste the public key (the .pub file) instead"

// holdsPrivateKey reports whether s holds (a part of) a private key: a
// PEM or OpenSSH "-----BEGIN … PRIVATE KEY-----" block (or its end), an
// SSH2 private key, a PuTTY key file, or the body of an OpenSSH private
// key ("openssh-key-v1" in base64).
func holdsPrivateKey(s string) bool {
	switch {
	case strings.Contains(s, "PRIVATE KEY") && (strings.Contains(s, "BEGIN") || strings.Contains(s, "END")):
		return true
	case strings.Contains(s, "PuTTY-User-Key-File-"), strings.Contains(s, "Private-Lines:"), strings.Contains(s, "Private-MAC:"):
		return true
	}
	return strings.Contains(s, "b3BlbnNzaC1rZXktdjE") // base64 of "openssh-key-v1"
}

// wholeKey reports whether s reaches the end of a private key block.
func wholeKey(s string) bool {
	return strings.Contains(s, "-----END") || strings.Contains(s, "---- END") || strings.Contains(s, "Private-MAC:")
}

// KeyGuard keeps private keys out of a text input. A paste arrives as one
// message and is refused whole. Without bracketed paste the key arrives
// as a burst of keys (its lines, with enter between them): the guard
// clears the input as soon as the text shows a private key, then drops
// every key up to the end of the block (or esc), so no line of it is drawn,
// submitted by its enters or left in the input.
type KeyGuard struct {
	swallowing bool
	line       string // the dropped line so far
	dropEnter  bool   // drop the enter that ends the block's last line
}

// Swallowing reports whether the guard is dropping the rest of a key.
func (g *KeyGuard) Swallowing() bool { return g.swallowing }

// Drop reports whether km is part of a private key being refused, and
// then consumes it. Call it before acting on any key (an enter inside
// the key must not submit).
func (g *KeyGuard) Drop(km tea.KeyMsg) bool {
	if g.dropEnter {
		g.dropEnter = false
		if km.Type == tea.KeyEnter {
			return true
		}
	}
	if g.swallowing {
		g.swallow(km)
		return true
	}
	return false
}

// Refusal says what Update refused, if anything.
type Refusal struct {
	// PrivateKey says a private key was found: the input is now empty and
	// the caller says why (PrivateKeyRefused, or its own words).
	PrivateKey bool
	// Length, when not 0, is how many characters the input would have held
	// with the text: more than its CharLimit, so none of it was taken (a
	// text input would have cut it silently).
	Length int
}

// Refused reports whether anything was refused.
func (r Refusal) Refused() bool { return r.PrivateKey || r.Length > 0 }

// Update hands km to in, refusing a private key and text beyond in's
// CharLimit (see Refusal). Keys for which Drop is true must not reach it.
func (g *KeyGuard) Update(in *textinput.Model, km tea.KeyMsg) (tea.Cmd, Refusal) {
	if text := string(km.Runes); holdsPrivateKey(text) {
		in.SetValue("")
		g.swallowing = !wholeKey(text)
		g.line = lastLine(text)
		return nil, Refusal{PrivateKey: true}
	}
	if n := utf8.RuneCountInString(in.Value()) + len(km.Runes); in.CharLimit > 0 && n > in.CharLimit &&
		(km.Type == tea.KeyRunes || km.Type == tea.KeySpace) {
		return nil, Refusal{Length: n}
	}
	var cmd tea.Cmd
	*in, cmd = in.Update(km)
	if v := in.Value(); holdsPrivateKey(v) {
		in.SetValue("")
		g.swallowing, g.line = !wholeKey(v), v
		return nil, Refusal{PrivateKey: true}
	}
	return cmd, Refusal{}
}

// swallow drops one key of a private key typed in a burst, watching for
// the end of the block.
func (g *KeyGuard) swallow(km tea.KeyMsg) {
	switch km.Type {
	case tea.KeyEsc:
		g.swallowing, g.line = false, ""
	case tea.KeyEnter:
		if strings.HasPrefix(g.line, "Private-MAC:") { // PuTTY's last line
			g.swallowing = false
		}
		g.line = ""
	default:
		g.line += string(km.Runes)
		l := strings.TrimSpace(g.line)
		if strings.HasPrefix(l, "-----END") && strings.HasSuffix(l, "KEY-----") ||
			strings.HasPrefix(l, "---- END") && strings.HasSuffix(l, "KEY ----") {
			g.swallowing, g.dropEnter, g.line = false, true, ""
		}
	}
}

// lastLine is the text after the last line break of s.
func lastLine(s string) string {
	if i := strings.LastIndexAny(s, "\r\n"); i >= 0 {
		return s[i+1:]
	}
	return s
}
