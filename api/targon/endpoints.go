package targon

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/targon-dash/targon-dash/api"
)

// Credits returns the account's balance (GET /me/credits).
func (c *Client) Credits(ctx context.Context) (Credits, error) {
	var out Credits
	err := c.do(ctx, call{method: http.MethodGet, segments: []string{"me", "credits"}}, &out)
	return out, err
}

// ListAPIKeys returns one page of the account's API keys (GET /me/api-keys).
func (c *Client) ListAPIKeys(ctx context.Context, opts ListOptions) (Page[APIKey], error) {
	var out Page[APIKey]
	err := c.do(ctx, call{method: http.MethodGet, segments: []string{"me", "api-keys"}, query: opts.query()}, &out)
	return out, err
}

// CreateAPIKey creates a key named name (POST /me/api-keys). The result holds
// the new secret in KeyRaw, checked with provider.CheckSecret: a malformed
// one is an *api.SecretError and an empty result. Never retried
// automatically.
func (c *Client) CreateAPIKey(ctx context.Context, name string) (APIKey, error) {
	var out newKey
	if err := c.do(ctx, call{method: http.MethodPost, segments: []string{"me", "api-keys"}, body: nameBody{name}}, &out); err != nil {
		return APIKey{}, err
	}
	return checkSecret(out, "created")
}

// RenameAPIKey sets the name of key uid (PATCH /me/api-keys/{uid}).
func (c *Client) RenameAPIKey(ctx context.Context, uid, name string) (APIKey, error) {
	var out APIKey
	err := c.doKey(ctx, call{method: http.MethodPatch, segments: []string{"me", "api-keys", uid}, body: nameBody{name}}, &out, &out.UID)
	return out, err
}

// DeleteAPIKey deletes key uid (DELETE /me/api-keys/{uid}).
func (c *Client) DeleteAPIKey(ctx context.Context, uid string) error {
	return c.doKey(ctx, call{method: http.MethodDelete, segments: []string{"me", "api-keys", uid}}, nil, nil)
}

// RollAPIKey replaces the secret of key uid (POST /me/api-keys/{uid}:roll);
// the old secret stops working at once. The new secret is checked like
// CreateAPIKey's. Never retried automatically.
func (c *Client) RollAPIKey(ctx context.Context, uid string) (APIKey, error) {
	var out newKey
	if err := c.doKey(ctx, call{method: http.MethodPost, segments: []string{"me", "api-keys", uid}, verb: "roll"}, &out, &out.UID); err != nil {
		return APIKey{}, err
	}
	return checkSecret(out, "rolled")
}

// ListSSHKeys returns one page of the account's SSH keys (GET /ssh-keys).
func (c *Client) ListSSHKeys(ctx context.Context, opts ListOptions) (Page[SSHKey], error) {
	var out Page[SSHKey]
	err := c.do(ctx, call{method: http.MethodGet, segments: []string{"ssh-keys"}, query: opts.query()}, &out)
	return out, err
}

// CreateSSHKey registers an OpenSSH public key line under name
// (POST /ssh-keys). Never retried automatically.
func (c *Client) CreateSSHKey(ctx context.Context, name, publicKey string) (SSHKey, error) {
	var out SSHKey
	body := sshKeyBody{name, publicKey}
	err := c.do(ctx, call{method: http.MethodPost, segments: []string{"ssh-keys"}, body: body}, &out)
	return out, err
}

// GetSSHKey returns SSH key uid (GET /ssh-keys/{uid}).
func (c *Client) GetSSHKey(ctx context.Context, uid string) (SSHKey, error) {
	var out SSHKey
	err := c.doKey(ctx, call{method: http.MethodGet, segments: []string{"ssh-keys", uid}}, &out, &out.UID)
	return out, err
}

// RenameSSHKey sets the name of SSH key uid (PATCH /ssh-keys/{uid}).
func (c *Client) RenameSSHKey(ctx context.Context, uid, name string) (SSHKey, error) {
	var out SSHKey
	err := c.doKey(ctx, call{method: http.MethodPatch, segments: []string{"ssh-keys", uid}, body: nameBody{name}}, &out, &out.UID)
	return out, err
}

// DeleteSSHKey deletes SSH key uid (DELETE /ssh-keys/{uid}).
func (c *Client) DeleteSSHKey(ctx context.Context, uid string) error {
	return c.doKey(ctx, call{method: http.MethodDelete, segments: []string{"ssh-keys", uid}}, nil, nil)
}

// nameBody is the request body of create and rename.
type nameBody struct {
	Name string `json:"name"`
}

// query encodes limit and cursor, leaving out zero values.
func (o ListOptions) query() url.Values {
	q := url.Values{}
	if o.Limit > 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	if o.Cursor != "" {
		q.Set("cursor", o.Cursor)
	}
	return q
}

// doKey sends r, a request about one key, whose uid is the last of
// r.segments, and decodes a 2xx answer into out (when not nil). A uid
// outside Targon's documented shape is never sent (provider.CheckID), and
// an answer whose uid (answered, when not nil) names another key is an
// error: requests use ids exactly as the server sent them, and only those.
func (c *Client) doKey(ctx context.Context, r call, out any, answered *string) error {
	uid := r.segments[len(r.segments)-1]
	if err := provider.CheckID(uid); err != nil {
		return err
	}
	if err := c.do(ctx, r, out); err != nil {
		return err
	}
	if answered != nil {
		return api.CheckAnswer(uid, *answered)
	}
	return nil
}

// checkSecret returns k as an APIKey when its secret has Targon's shape
// (provider.CheckSecret), or an *api.SecretError.
func checkSecret(k newKey, done string) (APIKey, error) {
	if err := provider.CheckSecret(k.KeyRaw); err != nil {
		return APIKey{}, &api.SecretError{Done: done, ID: api.CleanText(k.UID), Name: k.Name, Err: err}
	}
	return APIKey(k), nil
}
