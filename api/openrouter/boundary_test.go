package openrouter_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/cleancheck"
	"github.com/targon-dash/targon-dash/api/openrouter"
)

// h is cleancheck.Hostile, for the bodies below.
const h = cleancheck.Hostile

// Hostile answers: every string the API sends carries escape sequences,
// bidi controls and zero-width characters. The secret of a create is a
// well-formed one (a malformed secret is an error: hostile_test.go); an
// answer about one key names the key asked about (ids_test.go).
var (
	hostileKey = strings.NewReplacer(
		`"hash":"h1"`, `"hash":"h`+h+`1"`,
		`"name":"n"`, `"name":"n`+h+`ame"`,
		`"label":"sk-or-v1-abc...xyz"`, `"label":"sk-or-v1-`+h+`abc...xyz"`,
		`"limit_reset":null`, `"limit_reset":"monthly`+h+`"`,
		`"creator_user_id":null`, `"creator_user_id":"user`+h+`"`,
		`"workspace_id":"w"`, `"workspace_id":"w`+h+`"`,
	).Replace(wireKey)
	hostileAnswer  = strings.Replace(hostileKey, `"hash":"h`+h+`1"`, `"hash":"`+hashA+`"`, 1)
	hostileCurrent = `{"data":{"label":"sk-or-v1-` + h + `abc","is_management_key":true,"is_free_tier":false,` +
		`"limit":10,"limit_remaining":5,"limit_reset":"daily` + h + `","usage":1,"usage_daily":1,"usage_weekly":1,"usage_monthly":1,` +
		`"expires_at":null,"creator_user_id":"user` + h + `","rate_limit":{"requests":10,"interval":"10s` + h + `","note":"n` + h + `"}}}`
	hostileWorkspace = `{"id":"` + workspaceB + `","name":"Re` + h + `search","slug":"re` + h + `search","description":"d` + h + `",` +
		`"created_at":"2025-08-24T10:30:00Z","updated_at":null,"created_by":"user` + h + `"}`
	hostileActivity = `{"date":"2025-08-24","model":"openai/` + h + `gpt","model_permaslug":"p` + h + `","endpoint_id":"e` + h + `",` +
		`"provider_name":"Open` + h + `AI","usage":0.015,"byok_usage_inference":0,"requests":5,"prompt_tokens":1,` +
		`"completion_tokens":1,"reasoning_tokens":0}`
	hostileError = `{"error":{"code":400,"message":"bad ` + h + `evil","metadata":{"reason":"x` + h + `"}}}`
)

// hostileOpenRouter answers every OpenRouter endpoint with a hostile body.
func hostileOpenRouter() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.EscapedPath()
		status, body := http.StatusOK, `{"data":`+hostileAnswer+`}`
		switch {
		case strings.HasSuffix(path, "/credits"):
			body = `{"data":{"total_credits":100,"total_usage":12.5}}`
		case strings.HasSuffix(path, "/key"):
			body = hostileCurrent
		case strings.HasSuffix(path, "/workspaces"):
			body = `{"data":[` + hostileWorkspace + `],"total_count":1}`
		case strings.HasSuffix(path, "/activity"):
			body = `{"data":[` + hostileActivity + `]}`
		case strings.HasSuffix(path, "/keys") && r.Method == http.MethodGet:
			body = `{"data":[]}`
			if r.URL.Query().Get("offset") == "" {
				body = `{"data":[` + hostileKey + `]}`
			}
		case strings.HasSuffix(path, "/keys"):
			status, body = http.StatusCreated, `{"data":`+hostileKey+`,"key":"sk-or-v1-`+strings.Repeat("0123456789abcdef", 4)+`"}`
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
	})
}

// openRouterCalls makes every call of the Account that returns a neutral
// value, and returns what each returned.
func openRouterCalls(a *openrouter.Account) cleancheck.Calls {
	ctx := context.Background()
	off := true
	return cleancheck.Calls{
		"Balance":    func() (any, error) { return a.Balance(ctx) },
		"Keys":       func() (any, error) { return cleancheck.Collect(a.Keys(ctx)) },
		"CreateKey":  func() (any, error) { return a.CreateKey(ctx, api.KeySpec{Name: "n"}) },
		"RenameKey":  func() (any, error) { return a.RenameKey(ctx, hashA, "n") },
		"UpdateKey":  func() (any, error) { return a.UpdateKey(ctx, hashA, api.KeyUpdate{Disabled: &off}) },
		"CurrentKey": func() (any, error) { return a.CurrentKey(ctx) },
		"Workspaces": func() (any, error) { return a.Workspaces(ctx) },
		"Activity":   func() (any, error) { return a.Activity(ctx, api.ActivityQuery{KeyID: hashA}) },
	}
}

// The sanitising boundary: every string field of every neutral value the
// OpenRouter adapter returns is already clean when the server sends
// hostile text in every string it has, and so is every error built from
// an error body; the UI draws them as they are. (openrouter.Error's
// Metadata is kept as sent: it is not display text, and no neutral value
// carries it.)
func TestEveryNeutralValueIsClean(t *testing.T) {
	cleancheck.ValuesClean(t, openRouterCalls(newAccount(t, hostileOpenRouter(), "tok")))
	cleancheck.ErrorsClean(t, openRouterCalls(newAccount(t, fixed(http.StatusBadRequest, hostileError), "tok")))
}
