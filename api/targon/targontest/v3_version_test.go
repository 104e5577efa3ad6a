package targontest_test

import (
	"net/http"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestV3Version(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	// "GET /tha/v3/version needs no token": none, a bad one or a good one.
	for _, token := range []string{"", "tgn_nope", sim.DemoKey()} {
		var v struct {
			Name      string `json:"name"`
			Version   string `json:"version"`
			GitHash   string `json:"gitHash"`
			BuildDate string `json:"buildDate"`
		}
		e.getV3(token, pathVersion, &v)
		if v.Name == "" || v.Version != "v3.7.0" || len(v.GitHash) != 40 {
			t.Fatalf("version = %+v", v)
		}
		checkTime(t, v.BuildDate)
	}
	r := e.do("", "HEAD", pathVersion, nil)
	if r.status != http.StatusOK || len(r.body) != 0 {
		t.Fatalf("HEAD = %d %q", r.status, r.body)
	}
	r = e.do("", "POST", pathVersion, nil)
	r.wantV3Error(t, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "allowed: GET, HEAD")
	if got := r.header.Get("Allow"); got != "GET, HEAD" {
		t.Fatalf("Allow = %q", got)
	}
}

func TestV3Auth(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	good := sim.DemoKey()
	gone := e.createToken(good, "to delete")
	e.do(good, "DELETE", pathAPITokens+"/"+gone.UID, nil).wantStatus(t, http.StatusNoContent)
	slug := sim.DemoOrg()
	endpoints := []struct{ method, path string }{
		{"GET", pathAPITokens}, {"POST", pathAPITokens},
		{"PATCH", pathAPITokens + "/key-000000000000"}, {"DELETE", pathAPITokens + "/key-000000000000"},
		{"GET", pathOrgs}, {"GET", orgPath(slug)}, {"GET", orgPath("nobody")},
		{"GET", orgPath(slug, "credits")}, {"GET", orgPath(slug, "wallet")}, {"GET", orgPath(slug, "members")},
		{"GET", orgPath(slug, "ssh-keys")}, {"POST", orgPath(slug, "ssh-keys")},
		{"GET", orgPath(slug, "ssh-keys", "shk-000000000000")}, {"PATCH", orgPath(slug, "ssh-keys", "shk-000000000000")},
		{"DELETE", orgPath(slug, "ssh-keys", "shk-000000000000")},
		{"GET", orgPath(slug, "tokens")}, {"POST", orgPath(slug, "tokens")},
		{"DELETE", orgPath(slug, "tokens", "stk-000000000000")},
	}
	headers := map[string]string{
		"missing": "", "basic": "Basic " + good, "no scheme": good, "unknown": "Bearer tgn_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"deleted": "Bearer " + *gone.Token,
	}
	for name, h := range headers {
		for _, ep := range endpoints {
			t.Run(name+"/"+ep.method+" "+ep.path, func(t *testing.T) {
				hdr := http.Header{}
				if h != "" {
					hdr.Set("Authorization", h)
				}
				r := e.doHeader(ep.method, ep.path, `{"name":""}`, hdr)
				r.wantV3Error(t, http.StatusUnauthorized, "UNAUTHORIZED", "invalid or missing API key")
				if r.header.Get("WWW-Authenticate") == "" {
					t.Fatal("401 without WWW-Authenticate")
				}
			})
		}
	}
}

func TestV3UnknownPathsAndMethods(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	token := sim.DemoKey()
	slug := sim.DemoOrg()
	k := e.createToken(token, "k")
	notFound := []struct{ method, path, want string }{
		{"GET", "/tha/v3", "no such endpoint"},
		{"GET", "/tha/v3/me", "no such endpoint"},
		{"GET", "/tha/v3/me/api-tokens/", "no such endpoint"},
		{"POST", pathAPITokens + "/" + k.UID + ":roll", "no such endpoint"},
		{"POST", pathAPITokens + "/" + k.UID + "%3Aroll", "no such endpoint"},
		{"GET", "/tha/v3/orgs/", "no such endpoint"},
		{"GET", orgPath(slug, "nothing"), "no such endpoint"},
		{"GET", orgPath(slug, "credits", "x"), "no such endpoint"},
		{"GET", orgPath(slug, "ssh-keys", ""), "no such endpoint"},
		{"GET", "/tha/v3/me/credits", "no such endpoint"},
		{"GET", "/tha/v3/ssh-keys", "no such endpoint"},
		{"GET", orgPath("a%2Fb"), "organization not found"},
		{"GET", orgPath("nobody", "credits"), "organization not found"},
		{"PATCH", pathAPITokens + "/key-ffffffffffff", "API key not found"},
		{"GET", orgPath(slug, "ssh-keys", "shk-ffffffffffff"), "SSH key not found"},
		{"DELETE", orgPath(slug, "tokens", "stk-ffffffffffff"), "service token not found"},
	}
	for _, tc := range notFound {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			e.do(token, tc.method, tc.path, `{"name":"x"}`).wantV3Error(t, http.StatusNotFound, "NOT_FOUND", tc.want)
		})
	}
	notAllowed := []struct{ method, path, allow string }{
		{"DELETE", pathAPITokens, "GET, HEAD, POST"},
		{"GET", pathAPITokens + "/" + k.UID, "DELETE, PATCH"},
		{"POST", pathAPITokens + "/" + k.UID, "DELETE, PATCH"},
		{"POST", pathOrgs, "GET, HEAD"},
		{"PATCH", orgPath(slug), "GET, HEAD"},
		{"POST", orgPath(slug, "credits"), "GET, HEAD"},
		{"PUT", orgPath(slug, "ssh-keys"), "GET, HEAD, POST"},
		{"POST", orgPath(slug, "ssh-keys", "shk-1"), "DELETE, GET, HEAD, PATCH"},
		{"PATCH", orgPath(slug, "tokens", "stk-1"), "DELETE"},
		{"GET", orgPath(slug, "tokens", "stk-1"), "DELETE"},
		{"DELETE", orgPath(slug, "tokens"), "GET, HEAD, POST"},
	}
	for _, tc := range notAllowed {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			r := e.do(token, tc.method, tc.path, nil)
			r.wantV3Error(t, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", "allowed")
			if got := r.header.Get("Allow"); got != tc.allow {
				t.Fatalf("Allow = %q, want %q", got, tc.allow)
			}
		})
	}
}
