package targontest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestRollPathForms(t *testing.T) {
	for _, suffix := range []string{":roll", "%3Aroll", "%3aroll"} {
		t.Run(suffix, func(t *testing.T) {
			sim := targontest.New()
			e := newEnv(t, sim)
			k := e.createAPIKey(sim.DemoKey(), "roll me")
			r := e.do(sim.DemoKey(), "POST", pathAPIKeys+"/"+k.UID+suffix, nil)
			r.wantStatus(t, http.StatusOK)
			var rolled apiKey
			r.decode(t, &rolled)
			if rolled.UID != k.UID || rolled.KeyRaw == k.KeyRaw {
				t.Fatalf("rolled = %+v", rolled)
			}
			// The log keeps the path as it was sent.
			var found bool
			for _, req := range sim.Requests() {
				found = found || (req.Method == "POST" && req.Path == pathAPIKeys+"/"+k.UID+suffix)
			}
			if !found {
				t.Fatalf("request log lacks POST %s: %+v", pathAPIKeys+"/"+k.UID+suffix, sim.Requests())
			}
		})
	}
}

func TestUnknownPathsAndMethods(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	token := sim.DemoKey()
	k := e.createAPIKey(token, "k")
	s := e.createSSHKey(token, "s", newED25519(t, ""))

	notFound := []struct {
		method, path, reason string
	}{
		{"GET", "/", "no such endpoint"},
		{"GET", "/tha/v2", "no such endpoint"},
		{"GET", "/tha/v1/me/credits", "no such endpoint"},
		{"GET", "/tha/v2/me", "no such endpoint"},
		{"GET", "/tha/v2/me/credits/extra", "no such endpoint"},
		{"GET", "/tha/v2/me/api-keys/", "no such endpoint"},
		{"GET", "/tha/v2/ssh-keys/", "no such endpoint"},
		{"GET", "/tha/v2/ssh-keys/" + s.UID + "/extra", "no such endpoint"},
		{"POST", pathAPIKeys + "/" + k.UID + ":rotate", "no such endpoint"},
		{"POST", pathAPIKeys + "/" + k.UID + ":", "no such endpoint"},
		{"POST", pathAPIKeys + "/" + k.UID + ":roll/x", "no such endpoint"},
		{"PATCH", pathAPIKeys + "/key-ffffffffffff", "API key not found"},
		{"PATCH", pathAPIKeys + "/a%2Fb", "API key not found"},
		{"DELETE", pathAPIKeys + "/..", "API key not found"},
		{"POST", pathAPIKeys + "/:roll", "API key not found"},
		{"GET", pathSSHKeys + "/shk-ffffffffffff", "SSH key not found"},
		{"GET", pathSSHKeys + "/" + k.UID, "SSH key not found"},
		{"DELETE", pathSSHKeys + "/shk%201", "SSH key not found"},
	}
	for _, tc := range notFound {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			apiErr := e.do(token, tc.method, tc.path, `{"name":"x"}`).wantError(t, http.StatusNotFound, tc.reason)
			if apiErr.Error != "not found" {
				t.Fatalf("error = %q", apiErr.Error)
			}
		})
	}

	notAllowed := []struct {
		method, path, allow string
	}{
		{"POST", pathCredits, "GET, HEAD"},
		{"DELETE", pathCredits, "GET, HEAD"},
		{"PUT", pathAPIKeys, "GET, HEAD, POST"},
		{"DELETE", pathAPIKeys, "GET, HEAD, POST"},
		{"GET", pathAPIKeys + "/" + k.UID, "DELETE, PATCH"},
		{"POST", pathAPIKeys + "/" + k.UID, "DELETE, PATCH"},
		{"PUT", pathAPIKeys + "/" + k.UID, "DELETE, PATCH"},
		{"GET", pathAPIKeys + "/" + k.UID + ":roll", "POST"},
		{"PATCH", pathAPIKeys + "/" + k.UID + ":roll", "POST"},
		{"DELETE", pathAPIKeys + "/" + k.UID + "%3Aroll", "POST"},
		{"PATCH", pathSSHKeys, "GET, HEAD, POST"},
		{"POST", pathSSHKeys + "/" + s.UID, "DELETE, GET, HEAD, PATCH"},
		{"PUT", pathSSHKeys + "/" + s.UID, "DELETE, GET, HEAD, PATCH"},
	}
	for _, tc := range notAllowed {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			r := e.do(token, tc.method, tc.path, nil)
			apiErr := r.wantError(t, http.StatusMethodNotAllowed, "allowed")
			if apiErr.Error != "method not allowed" {
				t.Fatalf("error = %q", apiErr.Error)
			}
			if got := r.header.Get("Allow"); got != tc.allow {
				t.Fatalf("Allow = %q, want %q", got, tc.allow)
			}
		})
	}
	// Nothing above changed the keys.
	e.do(k.KeyRaw, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)
	e.do(token, "GET", pathSSHKeys+"/"+s.UID, nil).wantStatus(t, http.StatusOK)
}

func TestHead(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	r := e.do(sim.DemoKey(), "HEAD", pathCredits, nil)
	if r.status != http.StatusOK || len(r.body) != 0 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Fatalf("HEAD = %d %q %v", r.status, r.body, r.header)
	}
}

func TestRoutingComesBeforeAuth(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	// An unknown endpoint is 404 and a wrong method 405 even without a key;
	// on a known endpoint the key is checked before anything else.
	e.do("", "GET", "/tha/v2/nothing", nil).wantStatus(t, http.StatusNotFound)
	e.do("", "PUT", pathCredits, nil).wantStatus(t, http.StatusMethodNotAllowed)
	e.do("", "GET", pathSSHKeys+"/shk-ffffffffffff", nil).wantStatus(t, http.StatusUnauthorized)
}
