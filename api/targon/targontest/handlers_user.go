package targontest

import "net/http"

// getCredits serves GET /tha/v2/me/credits.
func (s *Server) getCredits(c *call) (int, any, *apiError) {
	if s.usage && c.acct == s.primary {
		// Spend a little between reads, as a busy account would; the first
		// read shows the starting balance.
		if s.creditReads > 0 {
			c.acct.credits = max(0, c.acct.credits-int64(80+s.rng.IntN(540)))
		}
		s.creditReads++
	}
	return http.StatusOK, wireCredits{Credits: c.acct.credits, Currency: c.acct.currency}, nil
}

// listAPIKeys serves GET /tha/v2/me/api-keys.
func (s *Server) listAPIKeys(c *call) (int, any, *apiError) {
	return listPage[wireAPIKey](c, listAPIKeys, c.acct.apiKeys)
}

// createAPIKey serves POST /tha/v2/me/api-keys.
func (s *Server) createAPIKey(c *call) (int, any, *apiError) {
	_, name, err := decodeNamed(c)
	if err != nil {
		return 0, nil, err
	}
	now := s.now()
	return http.StatusOK, s.st.addAPIKey(c.acct, name, now, now, s.apiRand).wire(), nil
}

// deleteAPIKey serves DELETE /tha/v2/me/api-keys/{key_uid}.
func (s *Server) deleteAPIKey(_ *call, k *apiKey) (int, any, *apiError) {
	s.st.deleteAPIKey(k)
	return http.StatusNoContent, nil, nil
}

// rollAPIKey serves POST /tha/v2/me/api-keys/{key_uid}:roll.
func (s *Server) rollAPIKey(_ *call, k *apiKey) (int, any, *apiError) {
	s.st.rollAPIKey(k, s.now(), s.apiRand)
	return http.StatusOK, k.wire(), nil
}
