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
	uid     string // the {key_uid} or {ssh_key_uid} path parameter
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

// resolve finds the route for a request path. Each segment is decoded on
// its own, so "%2F" inside a uid stays in the uid and "%3Aroll" reads as
// ":roll".
func resolve(escapedPath string) (route, string, bool) {
	rawSegs := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	segs := make([]string, len(rawSegs))
	for i, raw := range rawSegs {
		seg, err := url.PathUnescape(raw)
		if err != nil {
			return nil, "", false
		}
		segs[i] = seg
	}
	if len(segs) < 3 || segs[0] != "tha" || segs[1] != "v2" {
		return nil, "", false
	}
	switch rest := segs[2:]; {
	case len(rest) == 2 && rest[0] == "me" && rest[1] == "credits":
		return routeCredits, "", true
	case len(rest) == 2 && rest[0] == "me" && rest[1] == "api-keys":
		return routeAPIKeys, "", true
	case len(rest) == 3 && rest[0] == "me" && rest[1] == "api-keys" && rest[2] != "":
		uid, verb, hasVerb := strings.Cut(rest[2], ":")
		switch {
		case !hasVerb:
			return routeAPIKey, uid, true
		case verb == "roll":
			return routeAPIKeyRoll, uid, true
		}
		return nil, "", false
	case len(rest) == 1 && rest[0] == "ssh-keys":
		return routeSSHKeys, "", true
	case len(rest) == 2 && rest[0] == "ssh-keys" && rest[1] != "":
		return routeSSHKey, rest[1], true
	}
	return nil, "", false
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
	rt, uid, ok := resolve(r.URL.EscapedPath())
	if !ok {
		writeError(w, http.StatusNotFound, "not found", "no such endpoint: "+r.Method+" "+r.URL.Path)
		return
	}
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	h := rt[method]
	if h == nil {
		w.Header().Set("Allow", rt.allow())
		writeError(w, http.StatusMethodNotAllowed, "method not allowed",
			r.Method+" is not allowed here; allowed: "+rt.allow())
		return
	}

	c := &call{r: r, uid: uid}
	if r.Method == http.MethodPost || r.Method == http.MethodPatch {
		// Read before taking the lock: the network may be slow.
		c.body, c.readErr = io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	}

	s.mu.Lock()
	status, body, apiErr := s.dispatch(h, c)
	s.mu.Unlock()
	switch {
	case apiErr != nil:
		apiErr.write(w)
	case body == nil:
		w.WriteHeader(status)
	default:
		writeJSON(w, status, body)
	}
}

// dispatch authenticates c and runs h. It runs with s.mu held.
func (s *Server) dispatch(h handler, c *call) (int, any, *apiError) {
	acct, err := s.authenticate(c.r)
	if err != nil {
		return 0, nil, err
	}
	c.acct = acct
	return h(s, c)
}

// authenticate returns the account whose API key r presents as a bearer
// token. It runs with s.mu held.
func (s *Server) authenticate(r *http.Request) (*account, *apiError) {
	scheme, token, found := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	token = strings.TrimSpace(token)
	if !found || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return nil, errUnauthorized
	}
	k := s.st.tokens[token]
	if k == nil {
		return nil, errUnauthorized
	}
	return k.owner, nil
}
