package sshkeys

import (
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/ssh"

	"github.com/targon-dash/targon-dash/ui/common"
)

// MinRSABits and MaxRSABits bound the RSA modulus accepted.
const (
	MinRSABits = 2048
	MaxRSABits = 16384
)

// ErrPrivateKey is returned by ValidatePublicKey for a private key, which is
// never sent anywhere.
var ErrPrivateKey = errors.New("that is a private key — paste the public key (the .pub file) instead; nothing was sent")

// KeyInfo describes a public key that ValidatePublicKey accepted.
type KeyInfo struct {
	// Type is the key's algorithm as OpenSSH names it, e.g. "ssh-ed25519".
	Type string
	// Label is the short form the list shows: "ed25519", "rsa 4096",
	// "ecdsa 256", "sk-ed25519".
	Label string
	// Bits is the key size (the modulus for RSA, the curve for ECDSA).
	Bits int
	// Fingerprint is the OpenSSH SHA256 fingerprint, "SHA256:…".
	Fingerprint string
	// Comment is the text after the key data, usually "user@host".
	Comment string
	// Line is the key as it is sent: "type base64 [comment]", with the key
	// data in standard base64 and the comment's spaces collapsed.
	Line string
}

// allowed lists the key types the dashboard accepts.
var allowed = map[string]bool{
	ssh.KeyAlgoED25519:    true,
	ssh.KeyAlgoECDSA256:   true,
	ssh.KeyAlgoECDSA384:   true,
	ssh.KeyAlgoECDSA521:   true,
	ssh.KeyAlgoRSA:        true,
	ssh.KeyAlgoSKED25519:  true,
	ssh.KeyAlgoSKECDSA256: true,
}

// knownTypes are names that start an OpenSSH public key line, accepted or
// not: seeing one where a comment should be means a second key was pasted.
var knownTypes = map[string]bool{
	ssh.InsecureKeyAlgoDSA: true, ssh.CertAlgoRSAv01: true, ssh.InsecureCertAlgoDSAv01: true,
	ssh.CertAlgoECDSA256v01: true, ssh.CertAlgoECDSA384v01: true, ssh.CertAlgoECDSA521v01: true,
	ssh.CertAlgoSKECDSA256v01: true, ssh.CertAlgoED25519v01: true, ssh.CertAlgoSKED25519v01: true,
}

func init() {
	for t := range allowed {
		knownTypes[t] = true
	}
}

// supportedTypes is the list of accepted types, for error messages.
const supportedTypes = "ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa (at least 2048 bits), sk-ssh-ed25519@openssh.com or sk-ecdsa-sha2-nistp256@openssh.com"

// maxWrapped is how many pieces of a key line broken by a terminal's
// wrapping are joined back together.
const maxWrapped = 32

// ValidatePublicKey checks text pasted as an SSH public key before anything
// is sent: it must be exactly one OpenSSH public key line ("type base64
// [comment]") of an accepted type (ssh-ed25519, ecdsa-sha2-nistp256/384/521,
// ssh-rsa of MinRSABits to MaxRSABits, sk-ssh-ed25519@openssh.com,
// sk-ecdsa-sha2-nistp256@openssh.com). Surrounding space is ignored, and a
// key whose data was broken over several lines (newlines turn into spaces
// in a text input) is joined back. A private key yields ErrPrivateKey; text
// holding two keys, garbage, bad base64 or a truncated key yield an error
// whose message can be shown as is.
func ValidatePublicKey(text string) (KeyInfo, error) {
	info, blob, err := parsePublicKey(text)
	if err != nil {
		return KeyInfo{}, err
	}
	if err := checkAccepted(info); err != nil {
		return KeyInfo{}, err
	}
	info.Line = info.Type + " " + base64.StdEncoding.EncodeToString(blob)
	if info.Comment != "" {
		info.Line += " " + info.Comment
	}
	return info, nil
}

// parsePublicKey reads text as one OpenSSH public key line, as
// ValidatePublicKey does, without asking whether its type and size are
// accepted: a well-formed key too weak to add still has a comment that
// names it. It returns the key data too; info has no Line.
func parsePublicKey(text string) (info KeyInfo, blob []byte, err error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return KeyInfo{}, nil, errors.New("paste a public key: one line such as ssh-ed25519 AAAA… you@host")
	}
	if err := notAPublicKeyLine(text); err != nil {
		return KeyInfo{}, nil, err
	}
	fields := strings.Fields(dropCommentLines(text))
	if len(fields) == 0 {
		return KeyInfo{}, nil, invalid("expected “type base64-data [comment]”, e.g. ssh-ed25519 AAAA… you@host")
	}
	if strings.HasPrefix(fields[0], "b3BlbnNzaC1rZXktdjE") { // base64 of "openssh-key-v1"
		return KeyInfo{}, nil, ErrPrivateKey
	}
	if !knownTypes[fields[0]] {
		for i, f := range fields[1:] {
			if knownTypes[f] {
				return KeyInfo{}, nil, invalid(fmt.Sprintf("remove what comes before “%s” (authorized_keys options are not part of the key)", fields[i+1]))
			}
		}
		if len(fields) < 2 || !isBase64(fields[1]) {
			return KeyInfo{}, nil, invalid("expected “type base64-data [comment]”, e.g. ssh-ed25519 AAAA… you@host")
		}
	}
	if len(fields) < 2 {
		return KeyInfo{}, nil, invalid("the key data after “" + short(fields[0]) + "” is missing")
	}
	pk, blob, used, err := parseBlob(fields[1:])
	if err != nil && !knownTypes[fields[0]] && !errors.As(err, new(unsupportedError)) {
		return KeyInfo{}, nil, invalid("expected “type base64-data [comment]”, e.g. ssh-ed25519 AAAA… you@host")
	}
	if err != nil {
		return KeyInfo{}, nil, err
	}
	if pk.Type() != fields[0] {
		return KeyInfo{}, nil, invalid(fmt.Sprintf("the line says “%s” but the key data is a “%s” key", short(fields[0]), pk.Type()))
	}
	comment := fields[1+used:]
	for _, f := range comment {
		if knownTypes[f] {
			return KeyInfo{}, nil, errors.New("that text holds more than one key: paste one key line at a time")
		}
	}
	info = KeyInfo{Type: pk.Type(), Fingerprint: ssh.FingerprintSHA256(pk), Comment: strings.Join(strings.Fields(common.Sanitize(strings.Join(comment, " "))), " ")}
	info.Label, info.Bits = label(pk)
	return info, blob, nil
}

// checkAccepted refuses a well-formed key of a type or size not accepted:
// certificates, types outside allowed, RSA keys too short or too long.
func checkAccepted(info KeyInfo) error {
	switch {
	case strings.Contains(info.Type, "-cert-"):
		return fmt.Errorf("unsupported key type “%s”: certificates are not accepted, paste the plain public key", info.Type)
	case !allowed[info.Type]:
		return unsupportedError{info.Type}
	case info.Type == ssh.KeyAlgoRSA && info.Bits < MinRSABits:
		return fmt.Errorf("RSA keys must have at least %d bits (this one has %d)", MinRSABits, info.Bits)
	case info.Type == ssh.KeyAlgoRSA && info.Bits > MaxRSABits:
		return fmt.Errorf("RSA keys must have at most %d bits (this one has %d)", MaxRSABits, info.Bits)
	}
	return nil
}

// notAPublicKeyLine spots the texts people paste instead of an OpenSSH
// public key line: private keys of any format, and PEM public keys.
func notAPublicKeyLine(text string) error {
	switch {
	case strings.Contains(text, "PRIVATE KEY"), strings.HasPrefix(text, "PuTTY-User-Key-File"):
		return ErrPrivateKey
	case strings.HasPrefix(text, "---- BEGIN SSH2 PUBLIC KEY"), strings.HasPrefix(text, "-----BEGIN SSH2 PUBLIC KEY"):
		return invalid("that is an RFC 4716 (SSH2) key; convert it with “ssh-keygen -i -f FILE” and paste the result")
	case strings.HasPrefix(text, "-----BEGIN") && strings.Contains(text, "PUBLIC KEY"):
		return invalid("that is a PEM public key; convert it with “ssh-keygen -i -m PKCS8 -f FILE” and paste the result")
	case strings.HasPrefix(text, "-----BEGIN"):
		return ErrPrivateKey
	}
	return nil
}

// dropCommentLines removes the blank lines and "#" lines of multi-line text.
func dropCommentLines(text string) string {
	if !strings.ContainsAny(text, "\n\r") {
		return text
	}
	var keep []string
	for _, l := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, " ")
}

// parseBlob decodes and parses the key data, the first of parts. When that
// fails and the next parts look like base64 too, they are tried joined to
// it: a key broken over lines by a terminal. used is how many parts the key
// took. The error is the first attempt's.
func parseBlob(parts []string) (pk ssh.PublicKey, blob []byte, used int, err error) {
	joined := ""
	for i, p := range parts {
		if i >= maxWrapped || (i > 0 && !isBase64(p)) {
			break
		}
		joined += p
		b, derr := decodeBase64(joined)
		var perr error
		if derr == nil {
			pk, perr = parseKey(b)
			if perr == nil {
				return pk, b, i + 1, nil
			}
		}
		if i == 0 {
			switch {
			case derr != nil:
				err = invalid("the key data is not valid base64")
			case errors.As(perr, new(unsupportedError)):
				err = perr
			default:
				err = invalid("the key data is truncated or corrupt")
			}
		}
	}
	return nil, nil, 0, err
}

// unsupportedError is key data of an algorithm nobody here accepts.
type unsupportedError struct{ algo string }

func (e unsupportedError) Error() string {
	return fmt.Sprintf("unsupported key type “%s” (use %s)", short(e.algo), supportedTypes)
}

// parseKey parses wire-format key data, telling an unknown algorithm from
// damaged data.
func parseKey(b []byte) (ssh.PublicKey, error) {
	pk, err := ssh.ParsePublicKey(b)
	if err == nil {
		return pk, nil
	}
	if algo, ok := wireString(b); ok && algo != "" && !knownTypes[algo] && isPrintable(algo) {
		return nil, unsupportedError{algo}
	}
	return nil, err
}

// wireString reads the length-prefixed string that starts SSH wire data.
func wireString(b []byte) (string, bool) {
	if len(b) < 4 {
		return "", false
	}
	n := int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3])
	if n < 0 || n > 64 || len(b)-4 < n {
		return "", false
	}
	return string(b[4 : 4+n]), true
}

// decodeBase64 accepts standard base64 with or without padding.
func decodeBase64(s string) ([]byte, error) {
	if b, err := base64.StdEncoding.DecodeString(s); err == nil {
		return b, nil
	}
	return base64.RawStdEncoding.DecodeString(s)
}

// isBase64 reports whether s uses only the standard base64 alphabet.
func isBase64(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=') {
			return false
		}
	}
	return s != ""
}

func isPrintable(s string) bool {
	for _, r := range s {
		if r < 0x21 || r > 0x7e {
			return false
		}
	}
	return true
}

// label is the short type the list shows, and the key size in bits.
func label(pk ssh.PublicKey) (string, int) {
	t := pk.Type()
	switch t {
	case ssh.KeyAlgoED25519:
		return "ed25519", 256
	case ssh.KeyAlgoSKED25519:
		return "sk-ed25519", 256
	case ssh.KeyAlgoSKECDSA256:
		return "sk-ecdsa 256", 256
	case ssh.KeyAlgoECDSA256, ssh.KeyAlgoECDSA384, ssh.KeyAlgoECDSA521:
		bits := map[string]int{ssh.KeyAlgoECDSA256: 256, ssh.KeyAlgoECDSA384: 384, ssh.KeyAlgoECDSA521: 521}[t]
		return fmt.Sprintf("ecdsa %d", bits), bits
	case ssh.KeyAlgoRSA:
		if cpk, ok := pk.(ssh.CryptoPublicKey); ok {
			if rk, ok := cpk.CryptoPublicKey().(*rsa.PublicKey); ok {
				bits := rk.N.BitLen()
				return fmt.Sprintf("rsa %d", bits), bits
			}
		}
		return "rsa", 0
	case ssh.InsecureKeyAlgoDSA:
		return "dsa", 1024
	}
	return t, 0
}

// invalid is the error for text that is not an OpenSSH public key.
func invalid(why string) error {
	return errors.New("not a valid OpenSSH public key: " + why)
}

// short makes text quoted in an error safe and of a readable length.
func short(s string) string {
	s = common.Sanitize(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
