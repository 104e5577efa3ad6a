package targon_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/cleancheck"
	"github.com/targon-dash/targon-dash/api/targon"
)

// h is cleancheck.Hostile, for the bodies below.
const h = cleancheck.Hostile

// Hostile answers: every string the API sends carries escape sequences,
// bidi controls and zero-width characters. The secret of a create or roll
// is a well-formed one (a malformed secret is an error: hostile_test.go).
// The answers about one key name the key asked about (key-1, shk-1): one
// about another key is an error (ids_test.go).
const (
	hostileAPIKey  = `{"uid":"key-` + h + `1","name":"prod` + h + `","key_raw":"tgn_` + h + `…a1b2","created_at":"2025-01-15T10:30:00Z","updated_at":"2025-01-16T10:30:00Z"}`
	hostileNewKey  = `{"uid":"key-` + h + `2","name":"ci` + h + `","key_raw":"tgn_0123456789abcdefXYZ"}`
	hostileRolled  = `{"uid":"key-1","name":"ci` + h + `","key_raw":"tgn_0123456789abcdefXYZ"}`
	hostileAnswer  = `{"uid":"key-1","name":"prod` + h + `","key_raw":"tgn_` + h + `…a1b2","created_at":"2025-01-15T10:30:00Z"}`
	hostileSSH1    = `{"uid":"shk-1","name":"lap` + h + `top","public_key_raw":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG` + h + ` me@host` + h + `"}`
	hostileSSHKey  = `{"uid":"shk-` + h + `1","name":"lap` + h + `top","public_key_raw":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG` + h + ` me@host` + h + `"}`
	hostileCredits = `{"credits":12.5,"currency":"US` + h + `D"}`
	hostileError   = `{"error":"bad` + h + `","reason":"name ` + h + `evil"}`
)

// hostileTargon answers every Targon endpoint with a hostile body.
func hostileTargon() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := strings.TrimPrefix(r.URL.EscapedPath(), "/tha/v2/")
		body := hostileSSH1
		switch {
		case path == "me/credits":
			body = hostileCredits
		case path == "me/api-keys" && r.Method == http.MethodGet:
			body = `{"items":[` + hostileAPIKey + `],"next_cursor":null}`
		case path == "me/api-keys":
			body = hostileNewKey
		case strings.HasSuffix(path, ":roll"):
			body = hostileRolled
		case strings.HasPrefix(path, "me/api-keys/"):
			body = hostileAnswer
		case path == "ssh-keys" && r.Method == http.MethodPost:
			body = hostileSSHKey
		case path == "ssh-keys" && r.Method == http.MethodGet:
			body = `{"items":[` + hostileSSHKey + `],"next_cursor":null}`
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(body))
	})
}

// targonCalls makes every call of the Account that returns a neutral
// value, and returns what each returned.
func targonCalls(a *targon.Account) cleancheck.Calls {
	ctx := context.Background()
	return cleancheck.Calls{
		"Balance":      func() (any, error) { return a.Balance(ctx) },
		"Keys":         func() (any, error) { return cleancheck.Collect(a.Keys(ctx)) },
		"CreateKey":    func() (any, error) { return a.CreateKey(ctx, api.KeySpec{Name: "ci"}) },
		"RenameKey":    func() (any, error) { return a.RenameKey(ctx, "key-1", "prod") },
		"RollKey":      func() (any, error) { return a.RollKey(ctx, "key-1") },
		"SSHKeys":      func() (any, error) { return cleancheck.Collect(a.SSHKeys(ctx)) },
		"SSHKey":       func() (any, error) { return a.SSHKey(ctx, "shk-1") },
		"AddSSHKey":    func() (any, error) { return a.AddSSHKey(ctx, "laptop", "ssh-ed25519 AAAA me@host") },
		"RenameSSHKey": func() (any, error) { return a.RenameSSHKey(ctx, "shk-1", "laptop") },
	}
}

// The sanitising boundary: every string field of every neutral value the
// Targon adapter returns is already clean when the server sends hostile
// text in every string it has, and so is every error built from an
// error body; the UI draws them as they are.
func TestEveryNeutralValueIsClean(t *testing.T) {
	cleancheck.ValuesClean(t, targonCalls(newTestAccount(t, hostileTargon(), "tgn_0123456789abcdef")))
	cleancheck.ErrorsClean(t, targonCalls(newTestAccount(t, fixedStatus(http.StatusBadRequest, hostileError), "tgn_0123456789abcdef")))
}

// fixedStatus answers every request with status and body.
func fixedStatus(status int, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
	})
}
