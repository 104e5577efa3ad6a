package config

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
)

// DefaultBaseURL is the Targon API used when neither a flag, the environment
// nor the profile names another.
const DefaultBaseURL = "https://api.targon.com"

// CheckBaseURL validates an API base URL and returns it without trailing
// slashes. It must parse, use the http or https scheme and name a host; plain
// http is accepted only for loopback hosts (localhost, 127.0.0.0/8, ::1), so
// an API key is never sent in clear text over a network. User info, queries
// and fragments are refused: they cannot be part of a base URL.
func CheckBaseURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", errors.New("base URL is empty")
	}
	u, err := url.Parse(s)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // url.Error repeats the whole URL, which may hold a password
		}
		return "", fmt.Errorf("base URL %s is not a valid URL: %v", displayURL(s), err)
	}
	switch u.Scheme {
	case "https", "http":
	case "":
		return "", fmt.Errorf("base URL %s has no scheme: use https://host", displayURL(s))
	default:
		return "", fmt.Errorf("base URL %s: scheme %q is not supported: use https://", displayURL(s), u.Scheme)
	}
	if u.User != nil {
		return "", fmt.Errorf("base URL %s must not contain a user name or password", u.Redacted())
	}
	host := u.Hostname()
	if u.Opaque != "" || host == "" {
		return "", fmt.Errorf("base URL %s has no host", displayURL(s))
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("base URL %s: port %q is out of range", displayURL(s), p)
		}
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.ContainsAny(s, "?#") {
		return "", fmt.Errorf("base URL %s must not have a query or fragment", displayURL(s))
	}
	if u.Scheme == "http" && !isLoopback(host) {
		return "", fmt.Errorf("refusing plain http:// for %s: use https:// (http is only allowed for loopback hosts)", host)
	}
	return strings.TrimRight(s, "/"), nil
}

// isLoopback reports whether host (without port or brackets) is localhost or
// a loopback IP address.
func isLoopback(host string) bool {
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	return addr.WithZone("").Unmap().IsLoopback()
}

// displayURL quotes a URL for an error message, unless it might carry a
// password in its user info.
func displayURL(s string) string {
	if strings.Contains(s, "@") {
		return "(redacted)"
	}
	return strconv.Quote(s)
}
