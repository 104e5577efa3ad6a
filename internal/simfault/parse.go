package simfault

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// proxyPage is the body of the "html" option: what a proxy in front of an
// API sends when the API is down.
const proxyPage = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"

// Parse reads a fault from its one-line form, as given on a command line: a
// method (or *), a path (or *; a trailing * matches a prefix), then any of
//
//	503              respond with this status
//	times=2          only the next 2 matching requests
//	retry-after=3    send Retry-After: 3
//	latency=40s      wait this long first
//	html             an HTML body instead of the JSON error (as a proxy sends)
//	drop             close the connection without an answer
//	truncate         answer normally but cut the body in half
//
// For example "GET /api/v1/keys 503 times=2" or "POST * drop".
func Parse(s string) (Fault, error) {
	fields := strings.Fields(s)
	if len(fields) < 3 {
		return Fault{}, fmt.Errorf("fault %q: want METHOD PATH and at least one of STATUS, times=, retry-after=, latency=, html, drop, truncate", s)
	}
	var f Fault
	if fields[0] != "*" {
		f.Method = strings.ToUpper(fields[0])
	}
	if fields[1] != "*" {
		f.Path = fields[1]
	}
	for _, opt := range fields[2:] {
		name, value, hasValue := strings.Cut(opt, "=")
		var err error
		switch {
		case !hasValue && isDigits(opt):
			f.Status, err = strconv.Atoi(opt)
			if err == nil && (f.Status < 200 || f.Status > 599) {
				err = fmt.Errorf("status %d is not between 200 and 599", f.Status)
			}
		case name == "times" && hasValue:
			f.Times, err = strconv.Atoi(value)
			if err == nil && f.Times < 0 {
				err = fmt.Errorf("times=%d is negative", f.Times)
			}
		case name == "retry-after" && hasValue:
			f.RetryAfter = value
		case name == "latency" && hasValue:
			f.Latency, err = time.ParseDuration(value)
		case opt == "html":
			f.Body = proxyPage
			f.ContentType = "text/html"
		case opt == "drop":
			f.Drop = true
		case opt == "truncate":
			f.Truncate = true
		default:
			err = fmt.Errorf("unknown option %q", opt)
		}
		if err != nil {
			return Fault{}, fmt.Errorf("fault %q: %v", s, err)
		}
	}
	if f.Body != "" && f.Status == 0 {
		f.Status = 502
	}
	return f, nil
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
