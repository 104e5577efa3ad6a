package targontest

import (
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// call is one authenticated API request as a handler sees it.
type call struct {
	r       *http.Request
	acct    *account
	uid     string        // the {key_uid}, {ssh_key_uid} or v3 {uid} path parameter
	slug    string        // the v3 {slug} path parameter
	svc     *serviceToken // the v3 service token presented; acct is nil then
	body    []byte
	readErr error
}

// handler serves one endpoint. It runs with s.mu held and returns the
// status and body to send, or an error.
type handler func(s *Server, c *call) (int, any, *apiError)

// route is the set of methods a path accepts.
type route map[string]handler

// Routes of the API; {uid} is filled in by resolve.
var (
	routeCredits    = route{http.MethodGet: (*Server).getCredits}
	routeAPIKeys    = route{http.MethodGet: (*Server).listAPIKeys, http.MethodPost: (*Server).createAPIKey}
	routeAPIKey     = route{http.MethodPatch: onAPIKey(rename[wireAPIKey]), http.MethodDelete: onAPIKey((*Server).deleteAPIKey)}
	routeAPIKeyRoll = route{http.MethodPost: onAPIKey((*Server).rollAPIKey)}
	routeSSHKeys    = route{http.MethodGet: (*Server).listSSHKeys, http.MethodPost: (*Server).createSSHKey}
	routeSSHKey     = route{
		http.MethodGet:    onSSHKey((*Server).getSSHKey),
		http.MethodPatch:  onSSHKey(rename[wireSSHKey]),
		http.MethodDelete: onSSHKey((*Server).deleteSSHKey),
	}
)

// target is what a request path names: its route and parameters, and the
// surface it belongs to.
type target struct {
	rt     route  // nil: no such endpoint
	uid    string // {uid}, {key_uid} or {ssh_key_uid}
	slug   string // v3's {slug}
	api    string // "v2", "v3" or "" for neither
	public bool   // no token needed (GET /tha/v3/version)
}

// resolve finds the target of a request path. Each segment is decoded on
// its own, so "%2F" inside a uid stays in the uid and "%3Aroll" reads as
// ":roll".
func resolve(escapedPath string) target {
	rawSegs := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	segs := make([]string, len(rawSegs))
	for i, raw := range rawSegs {
		seg, err := url.PathUnescape(raw)
		if err != nil {
			return target{}
		}
		segs[i] = seg
	}
	if len(segs) < 2 || segs[0] != "tha" {
		return target{}
	}
	switch segs[1] {
	case "v2":
		rt, uid := resolveV2(segs[2:])
		return target{rt: rt, uid: uid, api: "v2"}
	case "v3":
		t := resolveV3(segs[2:])
		t.api = "v3"
		return t
	}
	return target{}
}

// resolveV2 finds the route of the segments after /tha/v2.
func resolveV2(rest []string) (route, string) {
	switch {
	case len(rest) == 2 && rest[0] == "me" && rest[1] == "credits":
		return routeCredits, ""
	case len(rest) == 2 && rest[0] == "me" && rest[1] == "api-keys":
		return routeAPIKeys, ""
	case len(rest) == 3 && rest[0] == "me" && rest[1] == "api-keys" && rest[2] != "":
		uid, verb, hasVerb := strings.Cut(rest[2], ":")
		switch {
		case !hasVerb:
			return routeAPIKey, uid
		case verb == "roll":
			return routeAPIKeyRoll, uid
		}
		return nil, ""
	case len(rest) == 1 && rest[0] == "ssh-keys":
		return routeSSHKeys, ""
	case len(rest) == 2 && rest[0] == "ssh-keys" && rest[1] != "":
		return routeSSHKey, rest[1]
	}
	return nil, ""
}

// allow is the value of the Allow header for rt.
func (rt route) allow() string {
	var methods []string
	for m := range rt {
		methods = append(methods, m)
		if m == http.MethodGet {
			methods = append(methods, http.MethodHead)
		}
	}
	slices.Sort(methods)
	return strings.Join(methods, ", ")
}

// serveAPI routes r, authenticates it and runs its handler.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	t := resolve(r.URL.EscapedPath())
	if s.retired(w, r, t) {
		return
	}
	if t.rt == nil {
		s.fail(w, t, &apiError{http.StatusNotFound, "not found", "no such endpoint: " + r.Method + " " + r.URL.Path})
		return
	}
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	h := t.rt[method]
	if h == nil {
		w.Header().Set("Allow", t.rt.allow())
		s.fail(w, t, &apiError{http.StatusMethodNotAllowed, "method not allowed",
			r.Method + " is not allowed here; allowed: " + t.rt.allow()})
		return
	}

	c := &call{r: r, uid: t.uid, slug: t.slug}
	if r.Method == http.MethodPost || r.Method == http.MethodPatch {
		// Read before taking the lock: the network may be slow.
		c.body, c.readErr = io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	}

	s.mu.Lock()
	status, body, apiErr := s.dispatch(h, c, t)
	s.mu.Unlock()
	switch {
	case apiErr != nil:
		s.fail(w, t, apiErr)
	case body == nil:
		w.WriteHeader(status)
	default:
		writeJSON(w, status, body)
	}
}

// fail sends e, the v3 way on a v3 path.
func (s *Server) fail(w http.ResponseWriter, t target, e *apiError) {
	if t.api == "v3" {
		e = e.v3()
	}
	e.write(w)
}

// dispatch authenticates c (unless t is public) and runs h. It runs with
// s.mu held.
func (s *Server) dispatch(h handler, c *call, t target) (int, any, *apiError) {
	var err *apiError
	switch {
	case t.public:
	case t.api == "v3":
		err = s.authenticateV3(c)
	default:
		c.acct, err = s.authenticate(c.r)
	}
	if err != nil {
		return 0, nil, err
	}
	return h(s, c)
}

// authenticate returns the account whose API key r presents as a bearer
// token. It runs with s.mu held.
func (s *Server) authenticate(r *http.Request) (*account, *apiError) {
	token, ok := bearerToken(r)
	if !ok {
		return nil, errUnauthorized
	}
	k := s.st.tokens[token]
	if k == nil {
		return nil, errUnauthorized
	}
	return k.owner, nil
}

// bearerToken is the token of r's "Authorization: Bearer" header.
func bearerToken(r *http.Request) (string, bool) {
	scheme, token, found := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	token = strings.TrimSpace(token)
	if !found || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", false
	}
	return token, true
}
