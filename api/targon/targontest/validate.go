package targontest

import (
	"bytes"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/ssh"
)

// Limits the server enforces.
const (
	maxBodyBytes = 1 << 20 // request bodies above 1 MiB are refused
	maxNameRunes = 64      // names of API keys and SSH keys
	minRSABits   = 2048
	maxRSABits   = 16384
)

// Reasons for the main validation failures; tests and clients may show them.
const (
	reasonNameRequired   = "name is required"
	reasonNameEmpty      = "name must not be empty"
	reasonNameBlank      = "name must not be only whitespace"
	reasonNameControl    = "name must not contain control characters (such as newlines or tabs)"
	reasonNameType       = "name must be a string"
	reasonSSHKeyRequired = "ssh_key is required"
	reasonSSHKeyEmpty    = "ssh_key must not be empty"
	reasonSSHKeyType     = "ssh_key must be a string"
	reasonPrivateKey     = "ssh_key is a private key; never share it. Only the public key (the .pub file, e.g. ~/.ssh/id_ed25519.pub) is accepted"
	reasonPEMPublicKey   = "ssh_key is a PEM or RFC 4716 public key; paste the OpenSSH public key line from the .pub file instead (e.g. \"ssh-ed25519 AAAA... you@host\")"
	reasonNotOpenSSH     = "ssh_key is not a valid OpenSSH public key (expected one line like \"ssh-ed25519 AAAA... you@host\" from a .pub file)"
	reasonOptions        = "ssh_key must be only the public key, without authorized_keys options such as from= or command="
	reasonKeyControl     = "ssh_key must not contain control characters"
	reasonDuplicateKey   = "an SSH key with this public key already exists"
)

// allowedKeyTypes are the public key types the API accepts, in the order
// they are listed in error messages.
var allowedKeyTypes = []string{
	ssh.KeyAlgoED25519,
	ssh.KeyAlgoECDSA256, ssh.KeyAlgoECDSA384, ssh.KeyAlgoECDSA521,
	ssh.KeyAlgoRSA,
	ssh.KeyAlgoSKED25519, ssh.KeyAlgoSKECDSA256,
}

// knownUnsupported are key type names that are real SSH formats the API
// refuses; naming them gives a clearer message than "not a valid key".
var knownUnsupported = []string{
	"ssh-dss", "rsa-sha2-256", "rsa-sha2-512",
	"ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com", "ssh-ed25519-cert-v01@openssh.com",
	"ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
	"ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com",
	"sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
}

// reasonUnsupportedType explains which key types are accepted.
func reasonUnsupportedType(t string) string {
	return fmt.Sprintf("SSH key type %q is not supported; use one of ssh-ed25519, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, ssh-rsa (at least 2048 bits), sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com", t)
}

// parsedKey is a public key that passed validation.
type parsedKey struct {
	keyType string
	line    string // normalized "<type> <base64> [comment]"
	blob    string // SSH wire encoding of the key
}

// parsePublicKey validates one OpenSSH public key line as the API accepts
// it and normalizes it. On failure it returns the reason for the 400.
func parsePublicKey(input string) (parsedKey, string) {
	line, reason := oneKeyLine(input)
	if reason != "" {
		return parsedKey{}, reason
	}
	field := line
	if i := strings.IndexAny(line, " \t"); i >= 0 {
		field = line[:i]
	}
	pub, comment, options, _, err := ssh.ParseAuthorizedKey([]byte(line))
	if err != nil {
		if slices.Contains(knownUnsupported, field) {
			return parsedKey{}, reasonUnsupportedType(field)
		}
		return parsedKey{}, reasonNotOpenSSH
	}
	if len(options) > 0 {
		return parsedKey{}, reasonOptions
	}
	if reason := keyTypeReason(pub, field); reason != "" {
		return parsedKey{}, reason
	}
	t := pub.Type()
	blob := pub.Marshal()
	out := t + " " + base64.StdEncoding.EncodeToString(blob)
	if comment != "" {
		out += " " + comment
	}
	return parsedKey{keyType: t, line: out, blob: string(blob)}, ""
}

// oneKeyLine is the single line of input that may be a public key, or the
// reason it cannot be one: empty, a private key, a PEM or RFC 4716 block,
// several lines, control characters or invalid UTF-8.
func oneKeyLine(input string) (line, reason string) {
	s := strings.TrimSpace(input)
	if s == "" {
		return "", reasonSSHKeyEmpty
	}
	if looksPrivate(s) {
		return "", reasonPrivateKey
	}
	if strings.HasPrefix(s, "-----BEGIN") || strings.HasPrefix(s, "---- BEGIN") {
		return "", reasonPEMPublicKey
	}
	var lines []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > 1 {
		return "", fmt.Sprintf("ssh_key must be a single line with one public key; got %d lines (add one key at a time)", len(lines))
	}
	line = lines[0]
	if strings.ContainsFunc(line, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }) || !utf8.ValidString(line) {
		return "", reasonKeyControl
	}
	return line, ""
}

// keyTypeReason is why a parsed key is refused ("" when it is not): the
// type written before the key data (field) differs from the data's, the
// type is not one the API accepts, or an RSA key is too short or too long.
func keyTypeReason(pub ssh.PublicKey, field string) string {
	t := pub.Type()
	if field != t {
		return fmt.Sprintf("ssh_key is not a valid OpenSSH public key: its type %q does not match the key data (%s)", field, t)
	}
	if !slices.Contains(allowedKeyTypes, t) {
		return reasonUnsupportedType(t)
	}
	if t != ssh.KeyAlgoRSA {
		return ""
	}
	ck, ok := pub.(ssh.CryptoPublicKey)
	if !ok {
		return reasonNotOpenSSH
	}
	rk, ok := ck.CryptoPublicKey().(*rsa.PublicKey)
	if !ok || rk.N == nil || rk.N.Sign() <= 0 {
		return reasonNotOpenSSH
	}
	switch bits := rk.N.BitLen(); {
	case bits < minRSABits:
		return fmt.Sprintf("RSA keys must be at least %d bits; this key has %d bits", minRSABits, bits)
	case bits > maxRSABits:
		return fmt.Sprintf("RSA keys must be at most %d bits; this key has %d bits", maxRSABits, bits)
	}
	return ""
}

// looksPrivate reports whether s is (part of) a private key file.
func looksPrivate(s string) bool {
	if strings.Contains(s, "PRIVATE KEY") || strings.HasPrefix(s, "PuTTY-User-Key-File-") {
		return true
	}
	return strings.HasPrefix(s, "-----BEGIN") && !strings.Contains(s, "PUBLIC KEY")
}

// validName checks a name for an API key or SSH key and returns it trimmed.
func validName(s string) (string, string) {
	if s == "" {
		return "", reasonNameEmpty
	}
	if strings.ContainsFunc(s, unicode.IsControl) {
		return "", reasonNameControl
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", reasonNameBlank
	}
	if n := utf8.RuneCountInString(s); n > maxNameRunes {
		return "", fmt.Sprintf("name must be at most %d characters; got %d", maxNameRunes, n)
	}
	return s, ""
}

// object is a decoded JSON object request body.
type object map[string]json.RawMessage

// decodeObject parses a request body that must be a JSON object. readErr is
// the error from reading the body, if any.
func decodeObject(body []byte, readErr error) (object, *apiError) {
	if readErr != nil {
		var tooBig *http.MaxBytesError
		if errors.As(readErr, &tooBig) {
			return nil, &apiError{http.StatusRequestEntityTooLarge, "request body too large", "request body must not exceed 1 MiB"}
		}
		return nil, badBody("the request body could not be read")
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, badBody("request body is empty; expected a JSON object")
	}
	if !json.Valid(trimmed) {
		return nil, badBody("request body is not valid JSON")
	}
	if trimmed[0] != '{' {
		return nil, badBody("request body must be a JSON object")
	}
	var obj object
	if err := json.Unmarshal(trimmed, &obj); err != nil {
		return nil, badBody("request body is not valid JSON")
	}
	return obj, nil
}

// str returns the string field key of o. A missing or null field is not
// present; a field of another JSON type is an error.
func (o object) str(key string) (val string, present bool, ok bool) {
	raw, found := o[key]
	if !found || string(raw) == "null" {
		return "", false, true
	}
	if err := json.Unmarshal(raw, &val); err != nil {
		return "", true, false
	}
	return val, true, true
}

// name returns the validated, trimmed "name" field of o.
func (o object) name() (string, *apiError) {
	v, present, ok := o.str("name")
	switch {
	case !ok:
		return "", badBody(reasonNameType)
	case !present:
		return "", badBody(reasonNameRequired)
	}
	name, reason := validName(v)
	if reason != "" {
		return "", badBody(reason)
	}
	return name, nil
}
