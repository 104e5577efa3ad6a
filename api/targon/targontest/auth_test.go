package targontest_test

import (
	"net/http"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestAuth(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	good := sim.DemoKey()
	rolled := e.createAPIKey(good, "to roll")
	e.do(good, "POST", pathAPIKeys+"/"+rolled.UID+":roll", nil).wantStatus(t, http.StatusOK)
	deleted := e.createAPIKey(good, "to delete")
	e.do(good, "DELETE", pathAPIKeys+"/"+deleted.UID, nil).wantStatus(t, http.StatusNoContent)

	headers := []struct {
		name   string
		header string // "" sends none
		status int
	}{
		{"valid", "Bearer " + good, http.StatusOK},
		{"lower-case scheme", "bearer " + good, http.StatusOK},
		{"missing", "", http.StatusUnauthorized},
		{"empty bearer", "Bearer ", http.StatusUnauthorized},
		{"basic scheme", "Basic " + good, http.StatusUnauthorized},
		{"token without scheme", good, http.StatusUnauthorized},
		{"unknown key", "Bearer tgn_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", http.StatusUnauthorized},
		{"rolled key", "Bearer " + rolled.KeyRaw, http.StatusUnauthorized},
		{"deleted key", "Bearer " + deleted.KeyRaw, http.StatusUnauthorized},
		{"key with suffix", "Bearer " + good + "x", http.StatusUnauthorized},
	}
	// Every endpoint, with requests that would otherwise fail for other
	// reasons (unknown uid, bad limit, bad body): auth is checked first.
	endpoints := []struct {
		method, path string
		body         any
		okStatus     int
	}{
		{"GET", pathCredits, nil, http.StatusOK},
		{"GET", pathAPIKeys + "?limit=abc", nil, http.StatusBadRequest},
		{"POST", pathAPIKeys, `{"name":""}`, http.StatusBadRequest},
		{"PATCH", pathAPIKeys + "/key-000000000000", `{"name":"x"}`, http.StatusNotFound},
		{"DELETE", pathAPIKeys + "/key-000000000000", nil, http.StatusNotFound},
		{"POST", pathAPIKeys + "/key-000000000000:roll", nil, http.StatusNotFound},
		{"GET", pathSSHKeys + "?cursor=nope", nil, http.StatusBadRequest},
		{"POST", pathSSHKeys, `{}`, http.StatusBadRequest},
		{"GET", pathSSHKeys + "/shk-000000000000", nil, http.StatusNotFound},
		{"PATCH", pathSSHKeys + "/shk-000000000000", `{"name":"x"}`, http.StatusNotFound},
		{"DELETE", pathSSHKeys + "/shk-000000000000", nil, http.StatusNotFound},
	}
	for _, h := range headers {
		for _, ep := range endpoints {
			t.Run(h.name+"/"+ep.method+" "+ep.path, func(t *testing.T) {
				hdr := http.Header{}
				if h.header != "" {
					hdr.Set("Authorization", h.header)
				}
				r := e.doHeader(ep.method, ep.path, ep.body, hdr)
				want := h.status
				if want == http.StatusOK {
					want = ep.okStatus
				}
				if want == http.StatusUnauthorized {
					apiErr := r.wantError(t, http.StatusUnauthorized, "invalid or missing API key")
					if apiErr.Error != "unauthorized" {
						t.Fatalf("error = %q", apiErr.Error)
					}
					return
				}
				r.wantStatus(t, want)
			})
		}
	}
}
