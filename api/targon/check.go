package targon

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
	_ rest.Checker = (*Credits)(nil)
	_ rest.Checker = (*APIKey)(nil)
	_ rest.Checker = (*SSHKey)(nil)
	_ rest.Checker = (*Page[APIKey])(nil)
	_ rest.Checker = (*newKey)(nil)
)

// Check requires a numeric balance and cleans the currency.
func (c *Credits) Check() error {
	if c.Amount == "" {
		return errors.New("a balance without a numeric credits value")
	}
	c.Currency = api.CleanText(c.Currency)
	return nil
}

// Check requires a uid and cleans every display string, KeyRaw included:
// in a list or a rename it is only ever shown masked. The uid is left as
// sent: requests name the key by it, once it passed provider.CheckID.
func (k *APIKey) Check() error { return checkKey("an API key", k.UID, &k.Name, &k.KeyRaw) }

// newKey is the answer of a create or a roll. It decodes like APIKey, but
// its secret is left exactly as sent: cleaning could turn a hostile value
// into a plausible one, so the endpoint validates it with ValidateSecret
// instead.
type newKey APIKey

// Check is APIKey's check with KeyRaw left alone.
func (k *newKey) Check() error {
	raw := k.KeyRaw
	err := (*APIKey)(k).Check()
	k.KeyRaw = raw
	return err
}

// Check requires a uid and cleans every display string (the uid is left
// as sent, as in APIKey's).
func (k *SSHKey) Check() error { return checkKey("an SSH key", k.UID, &k.Name, &k.PublicKeyRaw) }

// checkKey requires the uid of a key (what names its kind in the error)
// and cleans the key's display strings.
func checkKey(what, uid string, texts ...*string) error {
	if uid == "" {
		return errors.New(what + " without a uid")
	}
	for _, t := range texts {
		*t = api.CleanText(*t)
	}
	return nil
}

// Check requires an items array and checks every item. The cursor is not
// display text and is sent back as it came.
func (p *Page[T]) Check() error {
	if p.Items == nil {
		return errors.New("a page without an items list")
	}
	for i := range p.Items {
		if ch, ok := any(&p.Items[i]).(rest.Checker); ok {
			if err := ch.Check(); err != nil {
				return fmt.Errorf("item %d of the page is %w", i+1, err)
			}
		}
	}
	return nil
}
