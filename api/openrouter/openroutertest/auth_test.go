package openroutertest_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

// managementEndpoints are every endpoint but GET /key, with a valid body.
func managementEndpoints(hash string) [][3]string {
	return [][3]string{
		{"GET", pathKeys, ""},
		{"POST", pathKeys, `{"name":"x"}`},
		{"GET", pathKeys + "/" + hash, ""},
		{"PATCH", pathKeys + "/" + hash, `{"name":"y"}`},
		{"DELETE", pathKeys + "/" + hash, ""},
		{"GET", pathCredits, ""},
	}
}

func TestAuth(t *testing.T) {
	now := fixedNow
	sim := openroutertest.New(openroutertest.WithClock(func() time.Time { return now }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	inference, hash := sim.AddInferenceKey("app")

	all := append(managementEndpoints(hash), [3]string{"GET", pathKey, ""})
	for _, ep := range all {
		var body any
		if ep[2] != "" {
			body = ep[2]
		}
		e.do("", ep[0], ep[1], body).wantError(t, http.StatusUnauthorized, "No auth credentials found")
		e.do("sk-or-v1-"+hash, ep[0], ep[1], body).wantError(t, http.StatusUnauthorized, "User not found")
	}
	for _, ep := range managementEndpoints(hash) {
		var body any
		if ep[2] != "" {
			body = ep[2]
		}
		e.do(inference, ep[0], ep[1], body).wantError(t, http.StatusForbidden, "Only management keys can perform this operation")
	}
	if k := e.get(mgmt, hash); k.Name != "app" {
		t.Fatalf("the inference key's 403s changed it: %+v", k)
	}

	// Malformed Authorization headers.
	for _, h := range []string{"Basic " + mgmt, mgmt, "Bearer", "Bearer  "} {
		req, _ := http.NewRequest("GET", e.url+pathKey, nil)
		req.Header.Set("Authorization", h)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("Authorization %q: status %d", h, resp.StatusCode)
		}
	}
	// The scheme is case-insensitive.
	req, _ := http.NewRequest("GET", e.url+pathKey, nil)
	req.Header.Set("Authorization", "bearer "+mgmt)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Fatalf("lower-case bearer: %v %v", resp, err)
	}

	// A disabled key fails authentication (401) for its own requests.
	e.do(mgmt, "PATCH", pathKeys+"/"+hash, map[string]any{"disabled": true}).wantStatus(t, http.StatusOK)
	e.do(inference, "GET", pathKey, nil).wantError(t, http.StatusUnauthorized, "disabled")

	// An expired key too; it stays listed.
	c := e.create(mgmt, map[string]any{"name": "temp", "expires_at": "2025-06-02T00:00:00Z"})
	if deref(c.Data.ExpiresAt) != "2025-06-02T00:00:00.000Z" {
		t.Fatalf("expires_at = %v", deref(c.Data.ExpiresAt))
	}
	if cur := e.current(c.Key); deref(cur.ExpiresAt) != "2025-06-02T00:00:00.000Z" {
		t.Fatalf("GET /key expires_at = %v", deref(cur.ExpiresAt))
	}
	now = time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC)
	e.do(c.Key, "GET", pathKey, nil).wantError(t, http.StatusUnauthorized, "expired")
	e.get(mgmt, c.Data.Hash)

	// A deleted key is unknown.
	e.do(mgmt, "DELETE", pathKeys+"/"+c.Data.Hash, nil).wantStatus(t, http.StatusOK)
	e.do(c.Key, "GET", pathKey, nil).wantError(t, http.StatusUnauthorized, "User not found")

	// Another management key manages the same keys.
	other := sim.AddManagementKey("second")
	if k := e.get(other, hash); !k.Disabled {
		t.Fatalf("second management key sees %+v", k)
	}
}

func TestRoutes(t *testing.T) {
	sim := openroutertest.New()
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	for _, p := range []string{"/", "/keys", "/api/v1", "/api/v1/", "/api/v2/keys", "/api/v1/keys/", "/api/v1/keys/a/b",
		"/api/v1/keyz", "/api/v1/auth/key", "/api/v1/credits/x"} {
		e.do(mgmt, "GET", p, nil).wantError(t, http.StatusNotFound, "Not Found")
	}
	// Unknown paths answer 404 before authentication.
	e.do("", "GET", "/api/v1/nope", nil).wantStatus(t, http.StatusNotFound)

	cases := []struct{ method, path, allow string }{
		{"PUT", pathKeys, "GET, HEAD, POST"},
		{"DELETE", pathKeys, "GET, HEAD, POST"},
		{"POST", pathKeys + "/abc", "DELETE, GET, HEAD, PATCH"},
		{"PATCH", pathKey, "GET, HEAD"},
		{"POST", pathCredits, "GET, HEAD"},
	}
	for _, c := range cases {
		r := e.do(mgmt, c.method, c.path, nil)
		r.wantError(t, http.StatusMethodNotAllowed, "Method Not Allowed")
		if got := r.header.Get("Allow"); got != c.allow {
			t.Fatalf("%s %s: Allow = %q, want %q", c.method, c.path, got, c.allow)
		}
	}
	// HEAD is GET without a body.
	if r := e.do(mgmt, "HEAD", pathCredits, nil); r.status != 200 || len(r.body) != 0 {
		t.Fatalf("HEAD: %d %q", r.status, r.body)
	}
	// An escaped hash is decoded.
	_, hash := sim.AddInferenceKey("k")
	e.get(mgmt, fmt.Sprintf("%%%02X", hash[0])+hash[1:])
}
