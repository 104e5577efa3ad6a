package openroutertest

import (
	"net/http"
	"net/url"
)

// pageSize is how many keys GET /keys returns at most ("List the most
// recent 100 API keys").
const pageSize = 100

// listKeys serves GET /keys: the account's inference keys, newest first,
// 100 at most, after skipping offset; disabled keys only with
// include_disabled=true.
func (s *Server) listKeys(c *call) (int, any, *apiError) {
	q, err := parseQuery(c)
	if err != nil {
		return 0, nil, err
	}
	includeDisabled := false
	if v, ok := q["include_disabled"]; ok {
		switch v[0] {
		case "true":
			includeDisabled = true
		case "false":
		default:
			return 0, nil, invalid("include_disabled", "Invalid include_disabled: expected true or false")
		}
	}
	skip := 0
	if v, ok := q["offset"]; ok {
		if skip, err = offset(v[0]); err != nil {
			return 0, nil, err
		}
	}
	// "By default, keys in the default workspace are returned." A
	// workspace_id is a filter: one that is not the account's (unknown,
	// or another account's) lists no keys; the document names no error
	// for it (GET /keys answers 200, 400, 401, 429 or 500).
	workspace := s.workspace
	if v, ok := q["workspace_id"]; ok {
		if err := workspaceID(v[0]); err != nil {
			return 0, nil, err
		}
		workspace = v[0]
	}

	page := []wireKey{}
	for _, k := range s.st.newestFirst() {
		if k.workspace != workspace || (k.disabled && !includeDisabled) {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		page = append(page, toWire(k))
		if len(page) == pageSize {
			break
		}
	}
	return http.StatusOK, data[[]wireKey]{page}, nil
}

// parseQuery parses c's query string; a malformed one is a 400.
func parseQuery(c *call) (url.Values, *apiError) {
	q, err := url.ParseQuery(c.r.URL.RawQuery)
	if err != nil {
		return nil, &apiError{status: http.StatusBadRequest, message: "Invalid query string"}
	}
	return q, nil
}

// createKey serves POST /keys: a new inference key, sent with its
// plaintext secret (the only time it is).
func (s *Server) createKey(c *call) (int, any, *apiError) {
	o, err := decodeObject(c.body)
	if err != nil {
		return 0, nil, err
	}
	now := s.now()
	name, present, err := o.str("name")
	switch {
	case err != nil:
		return 0, nil, err
	case !present:
		return 0, nil, invalid("name", "Invalid name: required")
	case name == "":
		return 0, nil, invalid("name", "Invalid name: must not be empty")
	}
	sp, err := o.spending()
	if err != nil {
		return 0, nil, err
	}
	expires, err := o.expiresAt(now)
	if err != nil {
		return 0, nil, err
	}
	creator, workspace, err := s.owner(o)
	if err != nil {
		return 0, nil, err
	}

	secret := newSecret(s.apiRand)
	k := &key{
		hash:       hashOf(secret),
		secret:     secret,
		name:       name,
		limit:      sp.limit,
		limitReset: sp.reset,
		byokLimit:  sp.byok,
		createdAt:  now,
		expiresAt:  expires,
		creator:    creator,
		workspace:  workspace,
	}
	s.st.add(k)
	return http.StatusCreated, wireCreated{Data: toWire(k), Key: secret}, nil
}

// owner reads who a new key is for from a create's body: creator_user_id
// (the server's user when absent or null, never "") and workspace_id (the
// default workspace when absent).
func (s *Server) owner(o object) (creator, workspace string, err *apiError) {
	creator, creatorGiven, err := o.nullableStr("creator_user_id")
	if err != nil {
		return "", "", err
	}
	if creatorGiven && creator == "" && !isNull(o["creator_user_id"]) {
		return "", "", invalid("creator_user_id", "Invalid creator_user_id: must not be empty")
	}
	if creator == "" {
		creator = s.user
	}
	workspace, workspaceGiven, err := o.str("workspace_id")
	if err != nil {
		return "", "", err
	}
	if !workspaceGiven {
		workspace = s.workspace
	} else if err := workspaceID(workspace); err != nil {
		return "", "", err
	}
	return creator, workspace, nil
}

// getKey serves GET /keys/{hash}.
func (s *Server) getKey(c *call) (int, any, *apiError) {
	k := s.st.inference(c.hash)
	if k == nil {
		return 0, nil, errKeyNotFound
	}
	return http.StatusOK, data[wireKey]{toWire(k)}, nil
}

// updateKey serves PATCH /keys/{hash}: every member present is applied
// (limit null removes the limit, limit_reset null the reset); nothing is
// changed unless all are valid.
func (s *Server) updateKey(c *call) (int, any, *apiError) {
	o, err := decodeObject(c.body)
	if err != nil {
		return 0, nil, err
	}
	name, setName, err := o.str("name")
	switch {
	case err != nil:
		return 0, nil, err
	case setName && name == "":
		// A key has a name: create refuses an empty one, and so does an
		// update (400, as OpenRouter answers).
		return 0, nil, invalid("name", "Invalid name: must not be empty")
	}
	disabled, setDisabled, err := o.boolean("disabled")
	if err != nil {
		return 0, nil, err
	}
	sp, err := o.spending()
	if err != nil {
		return 0, nil, err
	}
	k := s.st.inference(c.hash)
	if k == nil {
		return 0, nil, errKeyNotFound
	}
	if setName {
		k.name = name
	}
	if setDisabled {
		k.disabled = disabled
	}
	if sp.setLimit {
		k.limit = sp.limit
	}
	if sp.setReset {
		k.limitReset = sp.reset
	}
	if sp.setBYOK {
		k.byokLimit = sp.byok
	}
	k.updatedAt = s.now()
	return http.StatusOK, data[wireKey]{toWire(k)}, nil
}

// deleteKey serves DELETE /keys/{hash}.
func (s *Server) deleteKey(c *call) (int, any, *apiError) {
	k := s.st.inference(c.hash)
	if k == nil {
		return 0, nil, errKeyNotFound
	}
	s.st.remove(k)
	return http.StatusOK, wireDeleted{Deleted: true}, nil
}

// currentKey serves GET /key: the key that authenticated, management or
// inference.
func (s *Server) currentKey(c *call) (int, any, *apiError) {
	return http.StatusOK, data[wireCurrentKey]{toWireCurrent(c.caller)}, nil
}

// credits serves GET /credits.
func (s *Server) credits(*call) (int, any, *apiError) {
	return http.StatusOK, data[wireCredits]{wireCredits{TotalCredits: s.totalCredits, TotalUsage: s.totalUsage}}, nil
}
