package targontest

import "net/http"

// listSSHKeys serves GET /tha/v2/ssh-keys.
func (s *Server) listSSHKeys(c *call) (int, any, *apiError) {
	return listPage[wireSSHKey](c, listSSHKeys, c.acct.sshKeys)
}

// createSSHKey serves POST /tha/v2/ssh-keys.
func (s *Server) createSSHKey(c *call) (int, any, *apiError) {
	name, pk, err := newSSHKeyIn(c, &c.acct.sshRing)
	if err != nil {
		return 0, nil, err
	}
	now := s.now()
	return http.StatusOK, s.st.addSSHKey(c.acct, name, pk, now, now, s.apiRand).wire(), nil
}

// newSSHKeyIn reads and checks the body of a request that adds an SSH key
// to ring: `{"name", "ssh_key"}`, a public key ring does not have yet.
func newSSHKeyIn(c *call, ring *sshRing) (string, parsedKey, *apiError) {
	obj, name, err := decodeNamed(c)
	if err != nil {
		return "", parsedKey{}, err
	}
	raw, present, ok := obj.str("ssh_key")
	switch {
	case !ok:
		return "", parsedKey{}, badBody(reasonSSHKeyType)
	case !present:
		return "", parsedKey{}, badBody(reasonSSHKeyRequired)
	}
	pk, reason := parsePublicKey(raw)
	if reason != "" {
		return "", parsedKey{}, badBody(reason)
	}
	if ring.sshBlobs[pk.blob] != nil {
		return "", parsedKey{}, badBody(reasonDuplicateKey)
	}
	return name, pk, nil
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
