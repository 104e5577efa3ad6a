package targontest

import "net/http"

// listAPITokens serves GET /tha/v3/me/api-tokens: the user's keys, the
// same ones v2 lists at /tha/v2/me/api-keys (the reference maps one to
// the other), with `token` null: "Lists carry no secret".
func (s *Server) listAPITokens(c *call) (int, any, *apiError) {
	return listV3(s, c, listAPITokens, c.acct.apiKeys, func(k *apiKey) wireAPIToken { return k.wireV3(false) })
}

// createAPIToken serves POST /tha/v3/me/api-tokens: the answer's `token`
// is the secret, shown this once.
func (s *Server) createAPIToken(c *call) (int, any, *apiError) {
	_, name, err := decodeNamed(c)
	if err != nil {
		return 0, nil, err
	}
	now := s.now()
	return s.created(s.st.addAPIKey(c.acct, name, now, now, s.apiRand).wireV3(true))
}

// renameAPIToken serves PATCH /tha/v3/me/api-tokens/{uid}.
func (s *Server) renameAPIToken(c *call, k *apiKey) (int, any, *apiError) {
	_, name, err := decodeNamed(c)
	if err != nil {
		return 0, nil, err
	}
	k.name = name
	k.touch(s.now())
	return http.StatusOK, s.v3Body(k.wireV3(false)), nil
}

// listServiceTokens serves GET /tha/v3/orgs/{slug}/tokens, to OWNERs and
// ADMINs (inferred).
func (s *Server) listServiceTokens(c *call, o *org, _ Role) (int, any, *apiError) {
	return listV3(s, c, listServiceTokens, o.tokens, (*serviceToken).wire)
}

// createServiceToken serves POST /tha/v3/orgs/{slug}/tokens: the answer's
// `token` is the secret ("it will not be shown again"); created_by is the
// caller, or null when a service token made it (inferred).
func (s *Server) createServiceToken(c *call, o *org, _ Role) (int, any, *apiError) {
	_, name, err := decodeNamed(c)
	if err != nil {
		return 0, nil, err
	}
	t := s.st.addServiceToken(o, c.acct, name, s.now(), s.apiRand)
	w := t.wire()
	w.Token = &t.secret
	return s.created(w)
}

// errServiceTokenNotFound answers for a service token not in the org.
var errServiceTokenNotFound = &apiError{http.StatusNotFound, "not found", "service token not found"}

// deleteServiceToken serves DELETE /tha/v3/orgs/{slug}/tokens/{uid}: "DELETE
// answers with no body". The token stops authenticating at once.
func (s *Server) deleteServiceToken(c *call, o *org, _ Role) (int, any, *apiError) {
	t := s.st.v3.svcTokens[c.uid]
	if t == nil || t.org != o {
		return 0, nil, errServiceTokenNotFound
	}
	s.st.deleteServiceToken(t)
	return http.StatusNoContent, nil, nil
}

// listOrgSSHKeys serves GET /tha/v3/orgs/{slug}/ssh-keys.
func (s *Server) listOrgSSHKeys(c *call, o *org, _ Role) (int, any, *apiError) {
	return listV3(s, c, listOrgSSHKeys, o.sshKeys, (*sshKey).wire)
}

// createOrgSSHKey serves POST /tha/v3/orgs/{slug}/ssh-keys, with "the v2
// object and bodies" and v2's validation; a key already in this org is
// refused, one in another org is not.
func (s *Server) createOrgSSHKey(c *call, o *org, _ Role) (int, any, *apiError) {
	name, pk, err := newSSHKeyIn(c, &o.sshRing)
	if err != nil {
		return 0, nil, err
	}
	now := s.now()
	return s.created(s.st.addToRing(&o.sshRing, s.st.v3.sshKeys, name, pk, now, now, s.apiRand).wire())
}

// onOrgSSHKey serves a request about the SSH key {uid} of the org; a key
// of another org is not found here.
func onOrgSSHKey(h keyHandler[*sshKey]) orgHandler {
	return func(s *Server, c *call, o *org, _ Role) (int, any, *apiError) {
		k := s.st.v3.sshKeys[c.uid]
		if k == nil || k.ring != &o.sshRing {
			return 0, nil, errSSHKeyNotFound
		}
		return h(s, c, k)
	}
}
