package targontest

import "net/http"

// listSSHKeys serves GET /tha/v2/ssh-keys.
func (s *Server) listSSHKeys(c *call) (int, any, *apiError) {
	p, err := parsePage(c.r.URL.Query(), listSSHKeys)
	if err != nil {
		return 0, nil, err
	}
	items, next := page(listSSHKeys, c.acct.sshKeys, p)
	out := wirePage[wireSSHKey]{Items: make([]wireSSHKey, len(items)), NextCursor: next}
	for i, k := range items {
		out.Items[i] = k.wire()
	}
	return http.StatusOK, out, nil
}

// createSSHKey serves POST /tha/v2/ssh-keys.
func (s *Server) createSSHKey(c *call) (int, any, *apiError) {
	obj, err := decodeObject(c.body, c.readErr)
	if err != nil {
		return 0, nil, err
	}
	name, err := obj.name()
	if err != nil {
		return 0, nil, err
	}
	raw, present, ok := obj.str("ssh_key")
	switch {
	case !ok:
		return 0, nil, badBody(reasonSSHKeyType)
	case !present:
		return 0, nil, badBody(reasonSSHKeyRequired)
	}
	pk, reason := parsePublicKey(raw)
	if reason != "" {
		return 0, nil, badBody(reason)
	}
	if c.acct.sshBlobs[pk.blob] != nil {
		return 0, nil, badBody(reasonDuplicateKey)
	}
	now := s.now()
	return http.StatusOK, s.st.addSSHKey(c.acct, name, pk, now, now, s.apiRand).wire(), nil
}

// getSSHKey serves GET /tha/v2/ssh-keys/{ssh_key_uid}.
func (s *Server) getSSHKey(c *call) (int, any, *apiError) {
	k, err := s.ownSSHKey(c)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, k.wire(), nil
}

// renameSSHKey serves PATCH /tha/v2/ssh-keys/{ssh_key_uid}.
func (s *Server) renameSSHKey(c *call) (int, any, *apiError) {
	k, err := s.ownSSHKey(c)
	if err != nil {
		return 0, nil, err
	}
	obj, err := decodeObject(c.body, c.readErr)
	if err != nil {
		return 0, nil, err
	}
	name, err := obj.name()
	if err != nil {
		return 0, nil, err
	}
	k.name = name
	k.touch(s.now())
	return http.StatusOK, k.wire(), nil
}

// deleteSSHKey serves DELETE /tha/v2/ssh-keys/{ssh_key_uid}.
func (s *Server) deleteSSHKey(c *call) (int, any, *apiError) {
	k, err := s.ownSSHKey(c)
	if err != nil {
		return 0, nil, err
	}
	s.st.deleteSSHKey(k)
	return http.StatusNoContent, nil, nil
}

// ownSSHKey returns the SSH key named by the path if it belongs to the
// caller: 404 when there is no such key, 403 when it is another account's.
func (s *Server) ownSSHKey(c *call) (*sshKey, *apiError) {
	k := s.st.sshKeys[c.uid]
	switch {
	case k == nil:
		return nil, errSSHKeyNotFound
	case k.owner != c.acct:
		return nil, errForbidden
	}
	return k, nil
}
