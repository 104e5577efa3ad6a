package targon

import (
	"context"
	"net/http"

	"github.com/targon-dash/targon-dash/api"
)

// The /tha/v3 endpoints (reference/targon-v3.md). Organization paths name
// the organization by its slug, checked with provider.CheckID like a uid
// before it goes into a URL. A create is answered 200 or 201: both are a
// 2xx, which is all the client asks of an answer.

// V3Version asks GET /tha/v3/version, which needs no token (none is
// sent): an answer means the server speaks /tha/v3.
func (c *Client) V3Version(ctx context.Context) (Version, error) {
	var out Version
	err := c.do(ctx, call{v3: true, anonymous: true, method: http.MethodGet, segments: []string{"version"}}, &out)
	return out, err
}

// ListAPITokens returns one page of the user's personal API tokens
// (GET /tha/v3/me/api-tokens).
func (c *Client) ListAPITokens(ctx context.Context, opts ListOptions) (Page[APIToken], error) {
	var out Page[APIToken]
	err := c.do(ctx, call{v3: true, method: http.MethodGet, segments: []string{"me", "api-tokens"}, query: opts.query()}, &out)
	return out, err
}

// CreateAPIToken creates a personal API token named name
// (POST /tha/v3/me/api-tokens). Its secret, in Token, is checked with
// CheckSecret (providerV3's shape): a malformed or missing one is an
// *api.SecretError and an empty result. Never retried automatically.
func (c *Client) CreateAPIToken(ctx context.Context, name string) (APIToken, error) {
	var out newToken
	if err := c.do(ctx, call{v3: true, method: http.MethodPost, segments: []string{"me", "api-tokens"}, body: nameBody{name}}, &out); err != nil {
		return APIToken{}, err
	}
	if err := providerV3.CheckSecret(out.Token); err != nil {
		return APIToken{}, &api.SecretError{Done: "created", ID: api.CleanText(out.UID), Name: out.Name, Err: err}
	}
	return APIToken(out), nil
}

// RenameAPIToken sets the name of token uid (PATCH /tha/v3/me/api-tokens/{uid}).
func (c *Client) RenameAPIToken(ctx context.Context, uid, name string) (APIToken, error) {
	var out APIToken
	err := c.doKey(ctx, call{v3: true, method: http.MethodPatch, segments: []string{"me", "api-tokens", uid}, body: nameBody{name}}, &out, &out.UID)
	return out, err
}

// DeleteAPIToken deletes token uid (DELETE /tha/v3/me/api-tokens/{uid}).
func (c *Client) DeleteAPIToken(ctx context.Context, uid string) error {
	return c.doKey(ctx, call{v3: true, method: http.MethodDelete, segments: []string{"me", "api-tokens", uid}}, nil, nil)
}

// ListOrgs returns one page of the organizations the caller belongs to
// (GET /tha/v3/orgs).
func (c *Client) ListOrgs(ctx context.Context, opts ListOptions) (Page[Org], error) {
	var out Page[Org]
	err := c.do(ctx, call{v3: true, method: http.MethodGet, segments: []string{"orgs"}, query: opts.query()}, &out)
	return out, err
}

// OrgCredits returns organization slug's balance
// (GET /tha/v3/orgs/{slug}/credits).
func (c *Client) OrgCredits(ctx context.Context, slug string) (OrgCredits, error) {
	var out OrgCredits
	err := c.doOrg(ctx, slug, call{method: http.MethodGet, segments: []string{"credits"}}, &out)
	return out, err
}

// ListOrgSSHKeys returns one page of organization slug's SSH keys
// (GET /tha/v3/orgs/{slug}/ssh-keys).
func (c *Client) ListOrgSSHKeys(ctx context.Context, slug string, opts ListOptions) (Page[SSHKey], error) {
	var out Page[SSHKey]
	err := c.doOrg(ctx, slug, call{method: http.MethodGet, segments: []string{"ssh-keys"}, query: opts.query()}, &out)
	return out, err
}

// CreateOrgSSHKey registers an OpenSSH public key line under name in
// organization slug (POST /tha/v3/orgs/{slug}/ssh-keys). Never retried
// automatically.
func (c *Client) CreateOrgSSHKey(ctx context.Context, slug, name, publicKey string) (SSHKey, error) {
	var out SSHKey
	body := sshKeyBody{name, publicKey}
	err := c.doOrg(ctx, slug, call{method: http.MethodPost, segments: []string{"ssh-keys"}, body: body}, &out)
	return out, err
}

// GetOrgSSHKey returns SSH key uid of organization slug.
func (c *Client) GetOrgSSHKey(ctx context.Context, slug, uid string) (SSHKey, error) {
	var out SSHKey
	err := c.doOrgKey(ctx, slug, call{method: http.MethodGet, segments: []string{"ssh-keys", uid}}, &out, &out.UID)
	return out, err
}

// RenameOrgSSHKey sets the name of SSH key uid of organization slug.
func (c *Client) RenameOrgSSHKey(ctx context.Context, slug, uid, name string) (SSHKey, error) {
	var out SSHKey
	err := c.doOrgKey(ctx, slug, call{method: http.MethodPatch, segments: []string{"ssh-keys", uid}, body: nameBody{name}}, &out, &out.UID)
	return out, err
}

// DeleteOrgSSHKey deletes SSH key uid of organization slug.
func (c *Client) DeleteOrgSSHKey(ctx context.Context, slug, uid string) error {
	return c.doOrgKey(ctx, slug, call{method: http.MethodDelete, segments: []string{"ssh-keys", uid}}, nil, nil)
}

// ListServiceTokens returns one page of organization slug's service
// tokens (GET /tha/v3/orgs/{slug}/tokens).
func (c *Client) ListServiceTokens(ctx context.Context, slug string, opts ListOptions) (Page[ServiceToken], error) {
	var out Page[ServiceToken]
	err := c.doOrg(ctx, slug, call{method: http.MethodGet, segments: []string{"tokens"}, query: opts.query()}, &out)
	return out, err
}

// CreateServiceToken creates a service token named name in organization
// slug (POST /tha/v3/orgs/{slug}/tokens); its secret is checked like
// CreateAPIToken's. Never retried automatically.
func (c *Client) CreateServiceToken(ctx context.Context, slug, name string) (ServiceToken, error) {
	var out newServiceToken
	if err := c.doOrg(ctx, slug, call{method: http.MethodPost, segments: []string{"tokens"}, body: nameBody{name}}, &out); err != nil {
		return ServiceToken{}, err
	}
	if err := providerV3.CheckSecret(out.Token); err != nil {
		return ServiceToken{}, &api.SecretError{Done: "created", ID: api.CleanText(out.UID), Name: out.Name, Err: err}
	}
	return ServiceToken(out), nil
}

// DeleteServiceToken deletes service token uid of organization slug.
func (c *Client) DeleteServiceToken(ctx context.Context, slug, uid string) error {
	return c.doOrgKey(ctx, slug, call{method: http.MethodDelete, segments: []string{"tokens", uid}}, nil, nil)
}

// sshKeyBody is the request body of adding an SSH key (v2 and v3 alike).
type sshKeyBody struct {
	Name   string `json:"name"`
	SSHKey string `json:"ssh_key"`
}

// doOrg sends r under /tha/v3/orgs/{slug}, once slug passed CheckID.
func (c *Client) doOrg(ctx context.Context, slug string, r call, out any) error {
	if err := checkSlug(slug); err != nil {
		return err
	}
	r.v3, r.segments = true, append([]string{"orgs", slug}, r.segments...)
	return c.do(ctx, r, out)
}

// doOrgKey is doOrg for a request about one item (doKey).
func (c *Client) doOrgKey(ctx context.Context, slug string, r call, out any, answered *string) error {
	if err := checkSlug(slug); err != nil {
		return err
	}
	r.v3, r.segments = true, append([]string{"orgs", slug}, r.segments...)
	return c.doKey(ctx, r, out, answered)
}
