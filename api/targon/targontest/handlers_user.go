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
	p, err := parsePage(c.r.URL.Query(), listAPIKeys)
	if err != nil {
		return 0, nil, err
	}
	items, next := page(listAPIKeys, c.acct.apiKeys, p)
	out := wirePage[wireAPIKey]{Items: make([]wireAPIKey, len(items)), NextCursor: next}
	for i, k := range items {
		out.Items[i] = k.wire()
	}
	return http.StatusOK, out, nil
}

// createAPIKey serves POST /tha/v2/me/api-keys.
func (s *Server) createAPIKey(c *call) (int, any, *apiError) {
	obj, err := decodeObject(c.body, c.readErr)
	if err != nil {
		return 0, nil, err
	}
	name, err := obj.name()
	if err != nil {
		return 0, nil, err
	}
	now := s.now()
	return http.StatusOK, s.st.addAPIKey(c.acct, name, now, now, s.apiRand).wire(), nil
}

// renameAPIKey serves PATCH /tha/v2/me/api-keys/{key_uid}.
func (s *Server) renameAPIKey(c *call) (int, any, *apiError) {
	k, err := s.ownAPIKey(c)
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

// deleteAPIKey serves DELETE /tha/v2/me/api-keys/{key_uid}.
func (s *Server) deleteAPIKey(c *call) (int, any, *apiError) {
	k, err := s.ownAPIKey(c)
	if err != nil {
		return 0, nil, err
	}
	s.st.deleteAPIKey(k)
	return http.StatusNoContent, nil, nil
}

// rollAPIKey serves POST /tha/v2/me/api-keys/{key_uid}:roll.
func (s *Server) rollAPIKey(c *call) (int, any, *apiError) {
	k, err := s.ownAPIKey(c)
	if err != nil {
		return 0, nil, err
	}
	s.st.rollAPIKey(k, s.now(), s.apiRand)
	return http.StatusOK, k.wire(), nil
}

// ownAPIKey returns the API key named by the path if it belongs to the
// caller: 404 when there is no such key, 403 when it is another account's.
func (s *Server) ownAPIKey(c *call) (*apiKey, *apiError) {
	k := s.st.apiKeys[c.uid]
	switch {
	case k == nil:
		return nil, errAPIKeyNotFound
	case k.owner != c.acct:
		return nil, errForbidden
	}
	return k, nil
}
