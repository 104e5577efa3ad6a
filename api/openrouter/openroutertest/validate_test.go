package openroutertest_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

func TestCreateValidation(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithClock(func() time.Time { return fixedNow }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	cases := []struct{ body, param string }{
		{`{}`, "name"},
		{`{"name": ""}`, "name"},
		{`{"name": null}`, "name"},
		{`{"name": 7}`, "name"},
		{`{"name": "x", "limit": -0.01}`, "limit"},
		{`{"name": "x", "limit": "5"}`, "limit"},
		{`{"name": "x", "limit": 1e400}`, "limit"},
		{`{"name": "x", "limit_reset": "yearly"}`, "limit_reset"},
		{`{"name": "x", "limit_reset": "Daily"}`, "limit_reset"},
		{`{"name": "x", "limit_reset": ""}`, "limit_reset"},
		{`{"name": "x", "include_byok_in_limit": "true"}`, "include_byok_in_limit"},
		{`{"name": "x", "expires_at": "2030-01-01T00:00:00+02:00"}`, "expires_at"},
		{`{"name": "x", "expires_at": "2030-01-01T00:00:00+00:00"}`, "expires_at"},
		{`{"name": "x", "expires_at": "2030-01-01"}`, "expires_at"},
		{`{"name": "x", "expires_at": "tomorrow"}`, "expires_at"},
		{`{"name": "x", "expires_at": "2025-06-01T11:59:59Z"}`, "expires_at"},
		{`{"name": "x", "expires_at": 1767225600}`, "expires_at"},
		{`{"name": "x", "creator_user_id": ""}`, "creator_user_id"},
		{`{"name": "x", "workspace_id": "ws-1"}`, "workspace_id"},
	}
	for _, c := range cases {
		r := e.do(mgmt, "POST", pathKeys, c.body)
		apiErr := r.wantError(t, http.StatusBadRequest, c.param)
		if apiErr.Error.Metadata["param"] != c.param {
			t.Fatalf("%s: metadata = %v, want param %q", c.body, apiErr.Error.Metadata, c.param)
		}
	}
	for _, body := range []string{``, `{`, `name=x`, `{"name": "x"} trailing`} {
		e.do(mgmt, "POST", pathKeys, body).wantError(t, http.StatusBadRequest, "Invalid JSON")
	}
	for _, body := range []string{`[]`, `"x"`, `null`, `3`} {
		e.do(mgmt, "POST", pathKeys, body).wantError(t, http.StatusBadRequest, "JSON object")
	}
	big := `{"name": "` + strings.Repeat("x", 1<<20) + `"}`
	e.do(mgmt, "POST", pathKeys, big).wantStatus(t, http.StatusRequestEntityTooLarge)
	if n := len(e.list(mgmt, "?include_disabled=true")); n != 0 {
		t.Fatalf("%d keys created by invalid requests", n)
	}

	// What is valid: nulls, zero, the UTC forms, unknown members ignored.
	for _, body := range []string{
		`{"name": "a", "limit": null, "limit_reset": null, "expires_at": null, "creator_user_id": null}`,
		`{"name": "b", "limit": 0, "limit_reset": "monthly", "include_byok_in_limit": false}`,
		`{"name": "c", "expires_at": "2030-01-01T00:00:00.123Z", "surprise": 1}`,
		`{"name": " "}`,
	} {
		e.do(mgmt, "POST", pathKeys, body).wantStatus(t, http.StatusCreated)
	}
}

func TestPatchValidation(t *testing.T) {
	sim := openroutertest.New()
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	_, hash := sim.AddInferenceKey("keep")
	cases := []struct{ body, param string }{
		{`{"name": 1}`, "name"},
		{`{"name": null}`, "name"},
		{`{"name": ""}`, "name"},
		{`{"disabled": "yes"}`, "disabled"},
		{`{"disabled": null}`, "disabled"},
		{`{"limit": -5}`, "limit"},
		{`{"limit_reset": "hourly"}`, "limit_reset"},
		{`{"include_byok_in_limit": 1}`, "include_byok_in_limit"},
		{`{"name": "changed", "limit": -1}`, "limit"}, // nothing is applied
	}
	for _, c := range cases {
		e.do(mgmt, "PATCH", pathKeys+"/"+hash, c.body).wantError(t, http.StatusBadRequest, c.param)
	}
	e.do(mgmt, "PATCH", pathKeys+"/"+hash, `nope`).wantError(t, http.StatusBadRequest, "Invalid JSON")
	e.do(mgmt, "PATCH", pathKeys+"/"+hash, `[1]`).wantError(t, http.StatusBadRequest, "JSON object")
	if k := e.get(mgmt, hash); k.Name != "keep" || k.Limit != nil || k.UpdatedAt != nil {
		t.Fatalf("invalid patches changed the key: %+v", k)
	}
	// Validation comes before the lookup; an unknown hash is 404.
	e.do(mgmt, "PATCH", pathKeys+"/"+strings.Repeat("a", 64), `{"limit": -1}`).wantStatus(t, http.StatusBadRequest)
	e.do(mgmt, "PATCH", pathKeys+"/"+strings.Repeat("a", 64), `{"limit": 1}`).wantError(t, http.StatusNotFound, "not found")
	e.do(mgmt, "GET", pathKeys+"/nope", nil).wantStatus(t, http.StatusNotFound)
}
