package openrouter_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// fixed answers every request with status and body.
func fixed(status int, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
	})
}

// list answers GET /keys with the keys, all on the first page, and GET
// /workspaces with none (noWorkspaces).
func list(keys ...string) http.Handler {
	return noWorkspaces(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := `{"data":[]}`
		if r.URL.Query().Get("offset") == "" {
			body = `{"data":[` + strings.Join(keys, ",") + `]}`
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(body))
	}))
}

// noWorkspaces answers GET /workspaces with none, as if the account had
// the default workspace alone, and every other request with h.
func noWorkspaces(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/workspaces") {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"data":[],"total_count":0}`))
	})
}

// A key as the API sends it, with every required member.
const wireKey = `{"hash":"h1","name":"n","label":"sk-or-v1-abc...xyz","disabled":false,"limit":null,"limit_remaining":null,"limit_reset":null,"include_byok_in_limit":false,"usage":0,"usage_daily":0,"usage_weekly":0,"usage_monthly":0,"byok_usage":0,"byok_usage_daily":0,"byok_usage_weekly":0,"byok_usage_monthly":0,"created_at":"2025-01-15T10:30:00.000Z","updated_at":null,"creator_user_id":null,"workspace_id":"w"}`

// A create whose secret is malformed is an *api.SecretError saying the key
// exists; the secret is never returned.
func TestMalformedSecret(t *testing.T) {
	for name, secret := range map[string]string{
		"empty":     `""`,
		"escape":    `"sk-or-v1-\u001b]52;c;aGk=\u0007abcdefabcdef"`,
		"space":     `"sk-or-v1-abc def0123456789"`,
		"short":     `"sk-or-v1-x"`,
		"non-ascii": `"sk-or-v1-ßßßßßßßßßßßßß"`,
	} {
		t.Run(name, func(t *testing.T) {
			a := newAccount(t, fixed(201, `{"data":`+wireKey+`,"key":`+secret+`}`), "tok")
			s, err := a.CreateKey(context.Background(), api.KeySpec{Name: "n"})
			var se *api.SecretError
			if !errors.As(err, &se) || !errors.Is(err, api.ErrMalformedSecret) || se.ID != "h1" || se.Done != "created" {
				t.Fatalf("err = %v", err)
			}
			if s.Value != "" || !strings.Contains(err.Error(), "created the key") {
				t.Errorf("secret %q, message %q", s.Value, err)
			}
		})
	}
}

// Anything but the expected 2xx shape is a DecodeError with a short
// message, never an empty value.
func TestWrongShapes(t *testing.T) {
	ctx := context.Background()
	withoutHash := strings.Replace(wireKey, `"hash":"h1",`, ``, 1)
	withoutDisabled := strings.Replace(wireKey, `"disabled":false,`, ``, 1)
	nullName := strings.Replace(wireKey, `"name":"n"`, `"name":null`, 1)
	for _, c := range []struct {
		name, body string
		call       func(api.Account) error
	}{
		{"list is an array", `[` + wireKey + `]`, func(a api.Account) error { _, err := allKeys(a); return err }},
		{"list without data", `{"keys":[]}`, func(a api.Account) error { _, err := allKeys(a); return err }},
		{"list item without hash", `{"data":[` + withoutHash + `]}`, func(a api.Account) error { _, err := allKeys(a); return err }},
		{"list item without disabled", `{"data":[` + withoutDisabled + `]}`, func(a api.Account) error { _, err := allKeys(a); return err }},
		{"list item null", `{"data":[null]}`, func(a api.Account) error { _, err := allKeys(a); return err }},
		{"key with null name", `{"data":` + nullName + `}`, func(a api.Account) error { _, err := a.RenameKey(ctx, hashA, "n"); return err }},
		{"rename without data", `{}`, func(a api.Account) error { _, err := a.RenameKey(ctx, hashA, "n"); return err }},
		{"create without key", `{"data":` + wireKey + `}`, func(a api.Account) error { _, err := a.CreateKey(ctx, api.KeySpec{Name: "n"}); return err }},
		{"create without data", `{"key":"sk-or-v1-0123456789abcdef"}`, func(a api.Account) error { _, err := a.CreateKey(ctx, api.KeySpec{Name: "n"}); return err }},
		{"credits without usage", `{"data":{"total_credits":5}}`, func(a api.Account) error { _, err := a.Balance(ctx); return err }},
		{"current key without kind", `{"data":{"label":"x"}}`, func(a api.Account) error { _, err := a.(api.CurrentKeyer).CurrentKey(ctx); return err }},
		{"delete not confirmed", `{"deleted":false}`, func(a api.Account) error { return a.DeleteKey(ctx, hashA) }},
		{"delete empty object", `{}`, func(a api.Account) error { return a.DeleteKey(ctx, hashA) }},
		{"HTML 200", `<html><body>Welcome</body></html>`, func(a api.Account) error { _, err := a.Balance(ctx); return err }},
	} {
		t.Run(c.name, func(t *testing.T) {
			status := 200
			if strings.HasPrefix(c.name, "create") {
				status = 201
			}
			a := newAccount(t, fixed(status, c.body), "tok")
			err := c.call(a)
			var de *api.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, want a DecodeError", err)
			}
			// Short: at most the request (its path with a 64-digit hash) and a
			// line of explanation.
			if len(err.Error()) > 200 || strings.Contains(err.Error(), "<html") {
				t.Errorf("message %q", err)
			}
		})
	}
}

// Server text is cleaned at the boundary: names, labels, error messages.
func TestHostileTextCleaned(t *testing.T) {
	hostile := strings.NewReplacer(`"name":"n"`, `"name":"evil\u001b]52;c;aGk=\u0007\u202ename\u200b"`,
		`"label":"sk-or-v1-abc...xyz"`, `"label":"sk-or\u001b[2Jv1\u0085-abc"`).Replace(wireKey)
	a := newAccount(t, list(hostile), "tok")
	keys, err := allKeys(a)
	if err != nil || len(keys) != 1 {
		t.Fatalf("keys %+v, %v", keys, err)
	}
	if keys[0].Name != "evilname" || keys[0].Masked != "sk-orv1-abc" {
		t.Errorf("name %q, masked %q", keys[0].Name, keys[0].Masked)
	}
	b := newAccount(t, fixed(400, `{"error":{"code":400,"message":"bad\u001b[31m\nthing\u0007 `+strings.Repeat("x", 500)+`"}}`), "tok")
	_, err = b.CreateKey(context.Background(), api.KeySpec{Name: "n"})
	var se api.StatusError
	if !errors.As(err, &se) || strings.ContainsAny(se.ServerMessage(), "\x1b\n\a") || !strings.HasPrefix(se.ServerMessage(), "bad thing") || len([]rune(se.ServerMessage())) > 200 {
		t.Errorf("message %q", se.ServerMessage())
	}
	// An error body whose code and metadata are odd keeps its message.
	c := newAccount(t, fixed(403, `{"error":{"code":"forbidden","message":"no","metadata":"x"}}`), "tok")
	_, err = c.Balance(context.Background())
	if !errors.Is(err, api.ErrForbidden) || !errors.As(err, &se) || se.ServerMessage() != "no" {
		t.Errorf("odd error body: %v", err)
	}
}

// Timestamps are read liberally; an unreadable one is the zero time, not
// a failed list.
func TestLiberalTimes(t *testing.T) {
	for in, want := range map[string]time.Time{
		`"2025-01-15T10:30:00.000Z"`:   time.Date(2025, 1, 15, 10, 30, 0, 0, time.UTC),
		`"2025-01-15T10:30:00+02:00"`:  time.Date(2025, 1, 15, 8, 30, 0, 0, time.UTC),
		`"2025-01-15 10:30:00.123456"`: time.Date(2025, 1, 15, 10, 30, 0, 123456000, time.UTC),
		`"2025-01-15T10:30:00"`:        time.Date(2025, 1, 15, 10, 30, 0, 0, time.UTC),
		`"yesterday"`:                  {},
		`1736937000`:                   {},
		`null`:                         {},
	} {
		body := strings.Replace(wireKey, `"created_at":"2025-01-15T10:30:00.000Z"`, `"created_at":`+in, 1)
		a := newAccount(t, list(body), "tok")
		keys, err := allKeys(a)
		if err != nil || len(keys) != 1 || !keys[0].CreatedAt.Equal(want) {
			t.Errorf("created_at %s: %+v, %v; want %v", in, keys, err, want)
		}
	}
}
