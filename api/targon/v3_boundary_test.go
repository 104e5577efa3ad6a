package targon_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/internal/cleancheck"
	"github.com/targon-dash/targon-dash/api/targon"
)

// Hostile v3 answers: every string carries escapes; the org's slug and
// the ids are well-formed (they go into URLs), so the calls get that far.
const (
	hostileOrg       = `{"uid":"o` + h + `1","slug":"acme","name":"Acme` + h + `","org_type":"TEAM` + h + `","role":"ADMIN` + h + `","billing_email":"b` + h + `@x","credits":12.5}`
	hostileToken     = `{"uid":"tok-1","name":"ci` + h + `","token":null,"created_at":"2025-01-15T10:30:00Z"}`
	hostileNewToken  = `{"uid":"tok-1","name":"ci` + h + `","token":"tgn_0123456789abcdefXYZ"}`
	hostileSvcToken  = `{"uid":"svc-1","name":"ci` + h + `","token":null,"created_by":{"username":"bo` + h + `b","email":"b` + h + `@x","first_name":"B` + h + `","last_name":"O` + h + `"}}`
	hostileNewSvcTok = `{"uid":"svc-1","name":"ci` + h + `","token":"tgn_0123456789abcdefXYZ","created_by":null}`
)

// hostileTargonV3 answers every /tha/v3 endpoint with a hostile body.
func hostileTargonV3() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := strings.TrimPrefix(r.URL.EscapedPath(), "/tha/v3/")
		get := r.Method == http.MethodGet
		body := hostileSSH1
		switch {
		case path == "orgs":
			body = `{"items":[` + hostileOrg + `]}`
		case path == "orgs/acme/credits":
			body = hostileCredits
		case path == "me/api-tokens" && get:
			body = `{"items":[` + hostileToken + `],"next_cursor":""}`
		case path == "me/api-tokens":
			body = hostileNewToken
		case strings.HasPrefix(path, "me/api-tokens/"):
			body = hostileToken
		case path == "orgs/acme/tokens" && get:
			body = `{"items":[` + hostileSvcToken + `]}`
		case path == "orgs/acme/tokens":
			body = hostileNewSvcTok
		case path == "orgs/acme/ssh-keys" && get:
			body = `{"items":[` + hostileSSHKey + `],"next_cursor":null}`
		case path == "orgs/acme/ssh-keys":
			body = hostileSSHKey
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(body))
	})
}

// targonV3Calls makes every call of a V3Account that returns a neutral
// value.
func targonV3Calls(a *targon.V3Account) cleancheck.Calls {
	ctx := context.Background()
	return cleancheck.Calls{
		"Balance":            func() (any, error) { return a.Balance(ctx) },
		"Orgs":               func() (any, error) { return a.Orgs(ctx) },
		"Keys":               func() (any, error) { return cleancheck.Collect(a.Keys(ctx)) },
		"CreateKey":          func() (any, error) { return a.CreateKey(ctx, api.KeySpec{Name: "ci"}) },
		"RenameKey":          func() (any, error) { return a.RenameKey(ctx, "tok-1", "ci") },
		"SSHKeys":            func() (any, error) { return cleancheck.Collect(a.SSHKeys(ctx)) },
		"SSHKey":             func() (any, error) { return a.SSHKey(ctx, "shk-1") },
		"RenameSSHKey":       func() (any, error) { return a.RenameSSHKey(ctx, "shk-1", "laptop") },
		"ServiceTokens":      func() (any, error) { return cleancheck.Collect(a.ServiceTokens(ctx)) },
		"CreateServiceToken": func() (any, error) { return a.CreateServiceToken(ctx, "ci") },
	}
}

// The v3 adapter's sanitising boundary, as TestEveryNeutralValueIsClean's.
func TestEveryV3NeutralValueIsClean(t *testing.T) {
	open := func(h http.Handler) *targon.V3Account {
		a, err := targon.NewV3(serveURL(t, h), "tgn_0123456789abcdef", targon.OrgChoice{Slug: "acme"}, clientopt.WithRetry(fastRetry))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := open(hostileTargonV3())
	cleancheck.ValuesClean(t, targonV3Calls(a))
	if a.Org().Name == "" || len(cleancheck.Unclean(a.Org())) > 0 {
		t.Errorf("Org() = %+v: %v", a.Org(), cleancheck.Unclean(a.Org()))
	}
	cleancheck.ErrorsClean(t, targonV3Calls(open(fixedStatus(http.StatusBadRequest, hostileError))))
}
