package targontest_test

import (
	"net/http"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// v2Requests are requests to every v2 endpoint.
var v2Requests = []struct{ method, path string }{
	{"GET", pathCredits}, {"GET", pathAPIKeys}, {"POST", pathAPIKeys},
	{"PATCH", pathAPIKeys + "/key-000000000000"}, {"DELETE", pathAPIKeys + "/key-000000000000"},
	{"POST", pathAPIKeys + "/key-000000000000:roll"}, {"GET", pathSSHKeys}, {"POST", pathSSHKeys},
	{"GET", pathSSHKeys + "/shk-000000000000"}, {"GET", "/tha/v2/unknown"}, {"GET", "/tha/v2"},
}

func TestV2Switch(t *testing.T) {
	cases := []struct {
		mode   targontest.V2Mode
		status int
		code   string
		want   string
	}{
		{targontest.V2NotFound, http.StatusNotFound, "NOT_FOUND", "no such endpoint"},
		{targontest.V2Gone, http.StatusGone, "GONE", "/tha/v2 has been retired"},
	}
	for _, tc := range cases {
		t.Run(tc.code, func(t *testing.T) {
			sim := targontest.New(targontest.WithV2(tc.mode))
			e := newEnv(t, sim)
			for _, rq := range v2Requests {
				// With or without a token, before routing or auth.
				for _, token := range []string{"", sim.DemoKey()} {
					e.do(token, rq.method, rq.path, `{"name":"x"}`).wantV3Error(t, tc.status, tc.code, tc.want)
				}
			}
			// v3 is served as ever.
			e.do(sim.DemoKey(), "GET", pathOrgs, nil).wantStatus(t, http.StatusOK)
			e.do("", "GET", pathVersion, nil).wantStatus(t, http.StatusOK)
			// SetV2 turns v2 back on, keys and all.
			sim.SetV2(targontest.V2Served)
			e.do(sim.DemoKey(), "GET", pathCredits, nil).wantStatus(t, http.StatusOK)
			sim.SetV2(tc.mode)
			e.do(sim.DemoKey(), "GET", pathCredits, nil).wantV3Error(t, tc.status, tc.code, tc.want)
		})
	}
}

func TestWithoutV3(t *testing.T) {
	sim := targontest.New(targontest.WithoutV3())
	e := newEnv(t, sim)
	token := sim.DemoKey()
	for _, p := range []string{pathVersion, pathOrgs, pathAPITokens, orgPath("dev", "credits")} {
		// As any unknown path of a server before v3: v2's error body.
		apiErr := e.do(token, "GET", p, nil).wantError(t, http.StatusNotFound, "no such endpoint")
		if apiErr.Error != "not found" {
			t.Fatalf("error = %q", apiErr.Error)
		}
	}
	e.do(token, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)
}
