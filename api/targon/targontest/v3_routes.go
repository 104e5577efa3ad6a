package targontest

import (
	"net/http"
	"strings"
)

// Routes of /tha/v3 (the reference's tables). There is no roll: "v2's POST
// /tha/v2/me/api-keys/{uid}:roll has no v3 successor", and service tokens
// have "no rename, no roll".
var (
	routeVersion   = route{http.MethodGet: (*Server).getVersion}
	routeAPITokens = route{http.MethodGet: asUser((*Server).listAPITokens), http.MethodPost: asUser((*Server).createAPIToken)}
	routeAPIToken  = route{
		http.MethodPatch:  asUser(onAPIKey((*Server).renameAPIToken)),
		http.MethodDelete: asUser(onAPIKey((*Server).deleteAPIKey)),
	}
	routeOrgs       = route{http.MethodGet: (*Server).listOrgs}
	routeOrg        = route{http.MethodGet: inOrg(false, (*Server).getOrg)}
	routeOrgCredits = route{http.MethodGet: inOrg(false, (*Server).getOrgCredits)}
	routeOrgWallet  = route{http.MethodGet: inOrg(false, (*Server).getOrgWallet)}
	routeOrgMembers = route{http.MethodGet: inOrg(false, (*Server).listMembers)}
	routeOrgSSHKeys = route{http.MethodGet: inOrg(false, (*Server).listOrgSSHKeys), http.MethodPost: inOrg(true, (*Server).createOrgSSHKey)}
	routeOrgSSHKey  = route{
		http.MethodGet:    inOrg(false, onOrgSSHKey((*Server).getSSHKey)),
		http.MethodPatch:  inOrg(true, onOrgSSHKey(rename[wireSSHKey])),
		http.MethodDelete: inOrg(true, onOrgSSHKey((*Server).deleteSSHKey)),
	}
	routeOrgTokens = route{http.MethodGet: inOrg(true, (*Server).listServiceTokens), http.MethodPost: inOrg(true, (*Server).createServiceToken)}
	routeOrgToken  = route{http.MethodDelete: inOrg(true, (*Server).deleteServiceToken)}
)

// resolveV3 finds the target of the segments after /tha/v3. A uid with a
// ":verb" names nothing: v3 has no custom verbs.
func resolveV3(rest []string) target {
	if len(rest) > 0 && strings.Contains(rest[len(rest)-1], ":") {
		return target{}
	}
	switch {
	case len(rest) == 1 && rest[0] == "version":
		return target{rt: routeVersion, public: true}
	case len(rest) == 2 && rest[0] == "me" && rest[1] == "api-tokens":
		return target{rt: routeAPITokens}
	case len(rest) == 3 && rest[0] == "me" && rest[1] == "api-tokens" && rest[2] != "":
		return target{rt: routeAPIToken, uid: rest[2]}
	case len(rest) == 1 && rest[0] == "orgs":
		return target{rt: routeOrgs}
	case len(rest) >= 2 && rest[0] == "orgs" && rest[1] != "":
		t := resolveOrg(rest[2:])
		t.slug = rest[1]
		return t
	}
	return target{}
}

// resolveOrg finds the target of the segments after /tha/v3/orgs/{slug}.
func resolveOrg(rest []string) target {
	switch {
	case len(rest) == 0:
		return target{rt: routeOrg}
	case len(rest) == 1:
		return target{rt: map[string]route{
			"credits": routeOrgCredits, "wallet": routeOrgWallet, "members": routeOrgMembers,
			"ssh-keys": routeOrgSSHKeys, "tokens": routeOrgTokens,
		}[rest[0]]}
	case len(rest) == 2 && rest[1] != "" && rest[0] == "ssh-keys":
		return target{rt: routeOrgSSHKey, uid: rest[1]}
	case len(rest) == 2 && rest[1] != "" && rest[0] == "tokens":
		return target{rt: routeOrgToken, uid: rest[1]}
	}
	return target{}
}

// retired answers a request for a surface the server does not serve: with
// WithV2(V2NotFound) or WithV2(V2Gone) every /tha/v2 path (answered the v3
// way, by a server that moved on), and with WithoutV3 every /tha/v3 path
// (answered as any unknown path, as before v3). It reports whether it
// answered.
func (s *Server) retired(w http.ResponseWriter, r *http.Request, t target) bool {
	s.mu.Lock()
	mode, off := s.v3.v2, s.v3.off
	s.mu.Unlock()
	switch {
	case t.api == "v2" && mode == V2NotFound:
		s.fail(w, target{api: "v3"}, &apiError{http.StatusNotFound, "not found", "no such endpoint: " + r.Method + " " + r.URL.Path})
	case t.api == "v2" && mode == V2Gone:
		s.fail(w, target{api: "v3"}, &apiError{http.StatusGone, "gone", "/tha/v2 has been retired; use /tha/v3"})
	case t.api == "v3" && off:
		s.fail(w, target{}, &apiError{http.StatusNotFound, "not found", "no such endpoint: " + r.Method + " " + r.URL.Path})
	default:
		return false
	}
	return true
}

// authenticateV3 finds who c's bearer token belongs to: a user, by one of
// the user's API tokens (the same keys as v2's: the reference infers "the
// CLI 3.0.0 kept the file and sends it unchanged"), or a service token.
// It runs with s.mu held.
func (s *Server) authenticateV3(c *call) *apiError {
	token, ok := bearerToken(c.r)
	if !ok {
		return errUnauthorized
	}
	if k := s.st.tokens[token]; k != nil {
		c.acct = k.owner
		return nil
	}
	if t := s.st.v3.svcSecrets[token]; t != nil {
		c.svc = t
		return nil
	}
	return errUnauthorized
}

// errServiceToken refuses a service token where only a user may act.
var errServiceToken = &apiError{http.StatusForbidden, "forbidden", "a service token acts only within its organization; personal API tokens need a user's token"}

// asUser serves h to users only: a service token has no "me". Inferred:
// the reference says only that a service token "acts within its own org".
func asUser(h handler) handler {
	return func(s *Server, c *call) (int, any, *apiError) {
		if c.svc != nil {
			return 0, nil, errServiceToken
		}
		return h(s, c)
	}
}

// orgHandler serves a request about the organization the path names, as
// seen by a caller with role.
type orgHandler func(s *Server, c *call, o *org, role Role) (int, any, *apiError)

// errOrgNotFound answers for an org that does not exist or that the caller
// cannot see.
var errOrgNotFound = &apiError{http.StatusNotFound, "not found", "organization not found"}

// inOrg makes h a handler of the organization {slug} for its members, and
// with manage only for its OWNERs and ADMINs. An organization the caller
// is not an ACTIVE member of is not found (inferred: the reference lists
// only "the orgs the caller belongs to", so others are not shown); a
// service token sees only its own org, where it acts as an ADMIN
// (inferred: it "acts within its own org").
func inOrg(manage bool, h orgHandler) handler {
	return func(s *Server, c *call) (int, any, *apiError) {
		o := s.st.v3.bySlug[c.slug]
		if o == nil {
			return 0, nil, errOrgNotFound
		}
		role := RoleAdmin
		if c.svc == nil {
			m := c.acct.activeMembership(o)
			if m == nil {
				return 0, nil, errOrgNotFound
			}
			role = m.role
		} else if c.svc.org != o {
			return 0, nil, errOrgNotFound
		}
		if manage && !role.manages() {
			return 0, nil, &apiError{http.StatusForbidden, "forbidden",
				"this needs the OWNER or ADMIN role in " + o.slug + "; yours is " + string(role)}
		}
		return h(s, c, o, role)
	}
}
