package openrouter

import (
	"errors"
	"fmt"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// Every answer type is a rest.Checker: the client calls Check after
// decoding every 2xx body, so nothing reaches a caller half-empty or with
// raw server text.
var (
	_ rest.Checker = (*APIKey)(nil)
	_ rest.Checker = (*CurrentKeyInfo)(nil)
	_ rest.Checker = (*Credits)(nil)
	_ rest.Checker = (*CreatedKey)(nil)
	_ rest.Checker = (*envelope[APIKey, *APIKey])(nil)
	_ rest.Checker = (*keyList)(nil)
	_ rest.Checker = (*deleted)(nil)
)

// Check requires the members that identify and describe a key (hash, name,
// label, disabled) and cleans every display string. Nothing else is
// required: a key without its usage figures is still worth listing. The
// hash is left as sent: requests name the key by it, once it passed
// provider.CheckID.
func (k *APIKey) Check() error {
	if err := identified("an API key", k.missing, "hash", k.Hash); err != nil {
		return err
	}
	k.Name, k.Label = api.CleanText(k.Name), api.CleanText(k.Label)
	k.LimitReset, k.WorkspaceID = api.CleanText(k.LimitReset), api.CleanText(k.WorkspaceID)
	k.CreatorUserID = cleanOptional(k.CreatorUserID)
	return nil
}

// Check requires the label and the key's kind, and cleans every display
// string.
func (k *CurrentKeyInfo) Check() error {
	if k.missing != "" {
		return fmt.Errorf("a current key without %q", k.missing)
	}
	k.Label, k.LimitReset = api.CleanText(k.Label), api.CleanText(k.LimitReset)
	k.RateLimit.Interval, k.RateLimit.Note = api.CleanText(k.RateLimit.Interval), api.CleanText(k.RateLimit.Note)
	k.CreatorUserID = cleanOptional(k.CreatorUserID)
	return nil
}

// cleanOptional cleans a nullable display string (nil stays nil).
func cleanOptional(s *string) *string {
	if s == nil {
		return nil
	}
	c := api.CleanText(*s)
	return &c
}

// Check requires both amounts.
func (c *Credits) Check() error {
	if c.TotalCredits == "" || c.TotalUsage == "" {
		return errors.New("credits without total_credits and total_usage")
	}
	return nil
}

// Check requires the key and its secret; the secret is left exactly as
// sent (cleaning could turn a hostile value into a plausible one), and
// CreateKey checks its shape instead.
func (c *CreatedKey) Check() error {
	if c.missing != "" {
		return fmt.Errorf("a created key without %q", c.missing)
	}
	if err := c.Data.Check(); err != nil {
		return fmt.Errorf("a created key that is %w", err)
	}
	return nil
}

// envelope is {"data": …}, how OpenRouter wraps one key (GET and PATCH
// /keys/{hash}), the current key (GET /key) or the credits (GET /credits).
// what names the data in the error for an answer without it.
type envelope[T any, P checked[T]] struct {
	Data P `json:"data"`
	what string
}

// checked is a pointer to an answer type T, which checks itself.
type checked[T any] interface {
	*T
	rest.Checker
}

// Check requires the data and checks it.
func (d *envelope[T, P]) Check() error {
	if d.Data == nil {
		return errors.New("an answer without " + d.what)
	}
	return d.Data.Check()
}

// keyList is {"data": [key, …]}: GET /keys.
type keyList struct {
	Data []APIKey `json:"data"`
}

// Check requires the list and checks every key.
func (l *keyList) Check() error {
	if l.Data == nil {
		return errors.New("a list without its data")
	}
	for i := range l.Data {
		if err := l.Data[i].Check(); err != nil {
			return fmt.Errorf("key %d of the page is %w", i+1, err)
		}
	}
	return nil
}

// deleted is the answer of DELETE /keys/{hash}: {"deleted": true}.
type deleted struct {
	Deleted *bool `json:"deleted"`
}

// Check requires "deleted": true.
func (d *deleted) Check() error {
	if d.Deleted == nil || !*d.Deleted {
		return errors.New(`a delete that does not say "deleted": true`)
	}
	return nil
}

// identified requires what a decoded item needs to be named in requests:
// every required member (missing is the first one absent, noted by
// decodeNoting) and a non-empty id, called idName. what names the item in
// the error ("an API key").
func identified(what, missing, idName, id string) error {
	if missing != "" {
		return fmt.Errorf("%s without %q", what, missing)
	}
	if id == "" {
		return fmt.Errorf("%s with an empty %s", what, idName)
	}
	return nil
}
