package targontest

import "net/http"

// storedKey is a stored key of either kind, W its wire form.
type storedKey[W any] interface {
	sequenced
	meta() *keyMeta
	wire() W
}

// listPage serves a page of items, one of the caller's lists of the given
// kind, as the API sends it.
func listPage[W any, K storedKey[W]](c *call, kind listKind, items []K) (int, any, *apiError) {
	p, err := parsePage(c.r.URL.Query(), kind)
	if err != nil {
		return 0, nil, err
	}
	keys, next := page(kind, items, p)
	out := wirePage[W]{Items: make([]W, len(keys)), NextCursor: next}
	for i, k := range keys {
		out.Items[i] = k.wire()
	}
	return http.StatusOK, out, nil
}

// decodeNamed reads c's body, which must be a JSON object with a valid
// name, and returns it and the name.
func decodeNamed(c *call) (object, string, *apiError) {
	obj, err := decodeObject(c.body, c.readErr)
	if err != nil {
		return nil, "", err
	}
	name, err := obj.name()
	if err != nil {
		return nil, "", err
	}
	return obj, name, nil
}

// keyHandler serves a request about one key of the caller, K's kind.
type keyHandler[K any] func(s *Server, c *call, k K) (int, any, *apiError)

// onAPIKey serves a request about the API key that the path names.
func onAPIKey(h keyHandler[*apiKey]) handler {
	return onKey(func(st *store) map[string]*apiKey { return st.apiKeys }, errAPIKeyNotFound, h)
}

// onSSHKey serves a request about the SSH key that the path names.
func onSSHKey(h keyHandler[*sshKey]) handler {
	return onKey(func(st *store) map[string]*sshKey { return st.sshKeys }, errSSHKeyNotFound, h)
}

// onKey makes h a handler of the key of keys that the path names, when it
// belongs to the caller: notFound when there is no such key, 403 when it is
// another account's.
func onKey[K interface{ meta() *keyMeta }](keys func(*store) map[string]K, notFound *apiError, h keyHandler[K]) handler {
	return func(s *Server, c *call) (int, any, *apiError) {
		k, found := keys(&s.st)[c.uid]
		switch {
		case !found:
			return 0, nil, notFound
		case k.meta().owner != c.acct:
			return 0, nil, errForbidden
		}
		return h(s, c, k)
	}
}

// rename serves a PATCH of k: the body's name becomes k's, and the answer
// is k as the API sends it.
func rename[W any, K storedKey[W]](s *Server, c *call, k K) (int, any, *apiError) {
	_, name, err := decodeNamed(c)
	if err != nil {
		return 0, nil, err
	}
	m := k.meta()
	m.name = name
	m.touch(s.now())
	return http.StatusOK, k.wire(), nil
}
