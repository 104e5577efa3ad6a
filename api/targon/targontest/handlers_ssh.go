package targontest

import "net/http"

// listSSHKeys serves GET /tha/v2/ssh-keys.
func (s *Server) listSSHKeys(c *call) (int, any, *apiError) {
	return listPage[wireSSHKey](c, listSSHKeys, c.acct.sshKeys)
}

// createSSHKey serves POST /tha/v2/ssh-keys.
func (s *Server) createSSHKey(c *call) (int, any, *apiError) {
	obj, name, err := decodeNamed(c)
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
func (s *Server) getSSHKey(_ *call, k *sshKey) (int, any, *apiError) {
	return http.StatusOK, k.wire(), nil
}

// deleteSSHKey serves DELETE /tha/v2/ssh-keys/{ssh_key_uid}.
func (s *Server) deleteSSHKey(_ *call, k *sshKey) (int, any, *apiError) {
	s.st.deleteSSHKey(k)
	return http.StatusNoContent, nil, nil
}
