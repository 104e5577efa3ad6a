package openrouter

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// ListKeys returns one page of the account's API keys (GET /keys): at most
// the API's page size, newest first, after skipping opts.Offset.
func (c *Client) ListKeys(ctx context.Context, opts ListOptions) ([]APIKey, error) {
	var out keyList
	err := c.do(ctx, http.MethodGet, []string{"keys"}, rest.Request{Query: opts.query()}, &out)
	return out.Data, err
}

// query encodes the options; include_disabled is sent whenever it is set,
// offset when it is not 0.
func (o ListOptions) query() url.Values {
	q := url.Values{}
	if o.IncludeDisabled {
		q.Set("include_disabled", "true")
	}
	if o.Offset > 0 {
		q.Set("offset", strconv.Itoa(o.Offset))
	}
	if o.WorkspaceID != "" {
		q.Set("workspace_id", o.WorkspaceID)
	}
	return q
}

// CreateKey creates a key (POST /keys) and returns it with its plaintext
// secret, the only time the server sends it. The secret must have
// OpenRouter's shape ("sk-or-v1-" and 64 lowercase hex digits,
// provider.CheckSecret): anything else is an *api.SecretError (the key
// was created all the same: the message says so) and an empty result,
// since it would be copied and pasted into shells. Never retried
// automatically.
func (c *Client) CreateKey(ctx context.Context, r CreateRequest) (CreatedKey, error) {
	body, err := r.body()
	if err != nil {
		return CreatedKey{}, err
	}
	var out CreatedKey
	if err := c.do(ctx, http.MethodPost, []string{"keys"}, rest.Request{Body: body}, &out); err != nil {
		return CreatedKey{}, err
	}
	if err := provider.CheckSecret(out.Key); err != nil {
		return CreatedKey{}, &api.SecretError{Done: "created", ID: api.CleanText(out.Data.Hash), Name: out.Data.Name, Err: err}
	}
	return out, nil
}

// GetKey returns the key with the hash (GET /keys/{hash}).
func (c *Client) GetKey(ctx context.Context, hash string) (APIKey, error) {
	return keyData(ctx, c, http.MethodGet, hash, rest.Request{})
}

// UpdateKey changes the members of r that are set (PATCH /keys/{hash}) and
// returns the key as it now is. Retried like every PATCH: the same body
// twice has the same effect.
func (c *Client) UpdateKey(ctx context.Context, hash string, r UpdateRequest) (APIKey, error) {
	body, err := r.body()
	if err != nil {
		return APIKey{}, err
	}
	return keyData(ctx, c, http.MethodPatch, hash, rest.Request{Body: body})
}

// keyData sends a request about the key with the hash (/keys/{hash}) whose
// answer is that key. A hash outside OpenRouter's shape is never sent
// (provider.CheckID), and an answer about another key is an error:
// requests use ids exactly as the server sent them, and only those.
func keyData(ctx context.Context, c *Client, method, hash string, r rest.Request) (APIKey, error) {
	if err := provider.CheckID(hash); err != nil {
		return APIKey{}, err
	}
	k, err := getData[APIKey](ctx, c, method, []string{"keys", hash}, r, "its key")
	if err == nil {
		err = api.CheckAnswer(hash, k.Hash)
	}
	return k, err
}

// DeleteKey deletes the key with the hash (DELETE /keys/{hash}). A retry
// after a lost answer that finds the key gone counts as deleted.
func (c *Client) DeleteKey(ctx context.Context, hash string) error {
	if err := provider.CheckID(hash); err != nil {
		return err
	}
	var out deleted
	return c.do(ctx, http.MethodDelete, []string{"keys", hash}, rest.Request{}, &out)
}

// CurrentKey describes the key the client authenticates with (GET /key),
// the one endpoint an inference key may call too.
func (c *Client) CurrentKey(ctx context.Context) (CurrentKeyInfo, error) {
	return getData[CurrentKeyInfo](ctx, c, http.MethodGet, []string{"key"}, rest.Request{}, "the current key")
}

// Credits returns what the account bought and spent (GET /credits).
func (c *Client) Credits(ctx context.Context) (Credits, error) {
	return getData[Credits](ctx, c, http.MethodGet, []string{"credits"}, rest.Request{}, "the credits")
}

// getData sends a request whose answer is {"data": …} and returns the data,
// checked; what names it in the error for an answer without it.
func getData[T any, P checked[T]](ctx context.Context, c *Client, method string, segments []string, r rest.Request, what string) (T, error) {
	out := envelope[T, P]{what: what}
	if err := c.do(ctx, method, segments, r, &out); err != nil {
		var zero T
		return zero, err
	}
	return *out.Data, nil
}
