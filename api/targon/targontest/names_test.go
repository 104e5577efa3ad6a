package targontest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// nameCases are request bodies with a name, and the outcome for every
// endpoint that takes one.
var nameCases = []struct {
	name     string
	body     any    // request body; a string is sent as is
	wantName string // stored name when accepted
	reason   string // reason substring when refused
}{
	{name: "plain", body: map[string]any{"name": "prod"}, wantName: "prod"},
	{name: "trimmed", body: map[string]any{"name": "  prod  "}, wantName: "prod"},
	{name: "unicode", body: map[string]any{"name": "clé de Zoë 🔑 日本"}, wantName: "clé de Zoë 🔑 日本"},
	{name: "64 runes", body: map[string]any{"name": strings.Repeat("é", 64)}, wantName: strings.Repeat("é", 64)},
	{name: "inner spaces", body: map[string]any{"name": "targon-dash (this laptop)"}, wantName: "targon-dash (this laptop)"},
	{name: "unknown fields ignored", body: map[string]any{"name": "x", "extra": []int{1}}, wantName: "x"},
	{name: "65 runes", body: map[string]any{"name": strings.Repeat("é", 65)}, reason: "at most 64 characters"},
	{name: "empty", body: map[string]any{"name": ""}, reason: "name must not be empty"},
	{name: "whitespace", body: map[string]any{"name": "   "}, reason: "only whitespace"},
	{name: "nbsp only", body: map[string]any{"name": "\u00a0\u00a0"}, reason: "only whitespace"},
	{name: "newline", body: map[string]any{"name": "a\nb"}, reason: "control characters"},
	{name: "trailing newline", body: map[string]any{"name": "ab\n"}, reason: "control characters"},
	{name: "tab", body: map[string]any{"name": "a\tb"}, reason: "control characters"},
	{name: "escape", body: map[string]any{"name": "a\x1b[31mb"}, reason: "control characters"},
	{name: "missing", body: map[string]any{"other": "x"}, reason: "name is required"},
	{name: "null", body: map[string]any{"name": nil}, reason: "name is required"},
	{name: "number", body: map[string]any{"name": 42}, reason: "name must be a string"},
	{name: "invalid JSON", body: `{"name": "x"`, reason: "not valid JSON"},
	{name: "trailing garbage", body: `{"name": "x"} {}`, reason: "not valid JSON"},
	{name: "array", body: `["x"]`, reason: "JSON object"},
	{name: "empty body", body: ``, reason: "empty"},
}

func TestNameValidation(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	token := sim.DemoKey()
	apiTarget := e.createAPIKey(token, "target")
	sshTarget := e.createSSHKey(token, "target", newED25519(t, "t@host"))

	endpoints := []struct {
		name   string
		method string
		path   string
		body   func(any) any
	}{
		{"create API key", "POST", pathAPIKeys, func(b any) any { return b }},
		{"rename API key", "PATCH", pathAPIKeys + "/" + apiTarget.UID, func(b any) any { return b }},
		{"create SSH key", "POST", pathSSHKeys, func(b any) any {
			if m, ok := b.(map[string]any); ok {
				m2 := map[string]any{"ssh_key": newED25519(t, "")}
				for k, v := range m {
					m2[k] = v
				}
				return m2
			}
			return b
		}},
		{"rename SSH key", "PATCH", pathSSHKeys + "/" + sshTarget.UID, func(b any) any { return b }},
	}
	for _, ep := range endpoints {
		for _, tc := range nameCases {
			t.Run(ep.name+"/"+tc.name, func(t *testing.T) {
				body := ep.body(tc.body)
				if s, ok := body.(string); ok && s == "" {
					body = nil
				}
				r := e.do(token, ep.method, ep.path, body)
				if tc.reason != "" {
					apiErr := r.wantError(t, http.StatusBadRequest, tc.reason)
					if apiErr.Error != "invalid request body" {
						t.Fatalf("error = %q, want \"invalid request body\"", apiErr.Error)
					}
					return
				}
				r.wantStatus(t, http.StatusOK)
				var got struct {
					Name string `json:"name"`
				}
				if err := jsonUnmarshal(r.body, &got); err != nil {
					t.Fatal(err)
				}
				if got.Name != tc.wantName {
					t.Fatalf("name = %q, want %q", got.Name, tc.wantName)
				}
			})
		}
	}
}

func TestBodyTooLarge(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	big := `{"name":"x","pad":"` + strings.Repeat("a", 1<<20) + `"}`
	r := e.do(sim.DemoKey(), "POST", pathAPIKeys, big)
	if r.status != http.StatusRequestEntityTooLarge && r.status != http.StatusBadRequest {
		t.Fatalf("status = %d, want 413 or 400", r.status)
	}
	r.apiError(t)
	// Just under the limit is fine.
	ok := `{"name":"x","pad":"` + strings.Repeat("a", 1<<20-40) + `"}`
	e.do(sim.DemoKey(), "POST", pathAPIKeys, ok).wantStatus(t, http.StatusOK)
}
