package openroutertest

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// maxBodyBytes bounds request bodies; a longer one is refused with 413.
const maxBodyBytes = 1 << 20

// call is one authenticated API request as a handler sees it.
type call struct {
	r      *http.Request
	caller *key   // the key that authenticated
	hash   string // the {hash} path parameter, or the {id} of a workspace
	body   []byte
}

// handler serves one endpoint. It runs with s.mu held and returns the
// status and body to send, or an error.
type handler func(s *Server, c *call) (int, any, *apiError)

// route is one path of the API: its handlers by method, and whether an
// inference key may call it (only GET /key). Every other endpoint says
// "Management key required"; GET /workspaces and GET /workspaces/{id} list
// no 403 among their answers, but an inference key is refused there with
// the same 403 as on the others (inferred: the 403 GET /activity and POST
// /keys document for it).
type route struct {
	methods        map[string]handler
	inferenceKeyOK bool
}

// The routes of the API.
var (
	routeKeys       = &route{methods: map[string]handler{http.MethodGet: (*Server).listKeys, http.MethodPost: (*Server).createKey}}
	routeKey        = &route{methods: map[string]handler{http.MethodGet: (*Server).getKey, http.MethodPatch: (*Server).updateKey, http.MethodDelete: (*Server).deleteKey}}
	routeCurrentKey = &route{methods: map[string]handler{http.MethodGet: (*Server).currentKey}, inferenceKeyOK: true}
	routeCredits    = &route{methods: map[string]handler{http.MethodGet: (*Server).credits}}
	routeWorkspaces = &route{methods: map[string]handler{http.MethodGet: (*Server).listWorkspaces}}
	routeWorkspace  = &route{methods: map[string]handler{http.MethodGet: (*Server).getWorkspace}}
	routeActivity   = &route{methods: map[string]handler{http.MethodGet: (*Server).activity}}
)

// resolve finds the route for an escaped request path, and the {hash} or
// {id} it names. Each segment is decoded on its own.
func resolve(escapedPath string) (*route, string, bool) {
	rest, ok := strings.CutPrefix(escapedPath, BasePath+"/")
	if !ok {
		return nil, "", false
	}
	var segs []string
	for _, raw := range strings.Split(rest, "/") {
		seg, err := url.PathUnescape(raw)
		if err != nil {
			return nil, "", false
		}
		segs = append(segs, seg)
	}
	switch {
	case len(segs) == 1 && segs[0] == "keys":
		return routeKeys, "", true
	case len(segs) == 2 && segs[0] == "keys" && segs[1] != "":
		return routeKey, segs[1], true
	case len(segs) == 1 && segs[0] == "key":
		return routeCurrentKey, "", true
	case len(segs) == 1 && segs[0] == "credits":
		return routeCredits, "", true
	case len(segs) == 1 && segs[0] == "workspaces":
		return routeWorkspaces, "", true
	case len(segs) == 2 && segs[0] == "workspaces" && segs[1] != "":
		return routeWorkspace, segs[1], true
	case len(segs) == 1 && segs[0] == "activity":
		return routeActivity, "", true
	}
	return nil, "", false
}

// allow is the value of the Allow header for rt.
func (rt *route) allow() string {
	var methods []string
	for m := range rt.methods {
		methods = append(methods, m)
		if m == http.MethodGet {
			methods = append(methods, http.MethodHead)
		}
	}
	slices.Sort(methods)
	return strings.Join(methods, ", ")
}

// serveAPI routes r, authenticates it and runs its handler. The order of
// checks is a real server's: the path (404), the method (405), the key
// (401), its kind (403), then the handler's own validation (400) and
// lookup (404).
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	rt, hash, ok := resolve(r.URL.EscapedPath())
	if !ok {
		errNotFoundPath.write(w)
		return
	}
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	h := rt.methods[method]
	if h == nil {
		w.Header().Set("Allow", rt.allow())
		errMethodNotFound.write(w)
		return
	}

	c := &call{r: r, hash: hash}
	if r.Method == http.MethodPost || r.Method == http.MethodPatch {
		// Read before taking the lock: the network may be slow.
		var err error
		c.body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			errBodyTooLarge.write(w)
			return
		} else if err != nil {
			return // the client went away
		}
	}

	s.mu.Lock()
	status, body, apiErr := s.dispatch(rt, h, c)
	s.mu.Unlock()
	if apiErr != nil {
		apiErr.write(w)
		return
	}
	writeJSON(w, status, body)
}

// dispatch authenticates c and runs h. It runs with s.mu held.
func (s *Server) dispatch(rt *route, h handler, c *call) (int, any, *apiError) {
	k, err := s.authenticate(c.r)
	if err != nil {
		return 0, nil, err
	}
	if !k.management && !rt.inferenceKeyOK {
		return 0, nil, errNotManagement
	}
	c.caller = k
	return h(s, c)
}

// authenticate returns the key r presents as a bearer token. It runs with
// s.mu held.
//
// A disabled or expired key answers 401, not 403: the reference lists only
// 401 and 500 for GET /key, the one endpoint every key may call, so a key
// that no longer works is a failed authentication ("invalid credentials"),
// and a client sends its user to sign in again.
func (s *Server) authenticate(r *http.Request) (*key, *apiError) {
	scheme, token, found := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	token = strings.TrimSpace(token)
	if !found || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return nil, errNoCredentials
	}
	k := s.st.bySecret[token]
	switch {
	case k == nil:
		return nil, errUnknownKey
	case k.disabled:
		return nil, errDisabledKey
	case k.expired(s.now()):
		return nil, errExpiredKey
	}
	return k, nil
}
