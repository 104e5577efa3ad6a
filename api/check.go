package api

import (
	"errors"
	"fmt"
)

// checker is a decoded answer that checks its own shape and cleans its
// display strings in place. The client calls check after decoding every
// 2xx body, so nothing reaches a caller half-empty or with raw server text.
type checker interface {
	check() error
}

// check requires a numeric balance and cleans the currency.
func (c *Credits) check() error {
	if c.Amount == "" {
		return errors.New("a balance without a numeric credits value")
	}
	c.Currency = CleanText(c.Currency)
	return nil
}

// check requires a uid and cleans every display string, KeyRaw included:
// in a list or a rename it is only ever shown masked.
func (k *APIKey) check() error {
	if k.UID == "" {
		return errors.New("an API key without a uid")
	}
	k.UID, k.Name, k.KeyRaw = CleanText(k.UID), CleanText(k.Name), CleanText(k.KeyRaw)
	return nil
}

// newKey is the answer of a create or a roll. It decodes like APIKey, but
// its secret is left exactly as sent: cleaning could turn a hostile value
// into a plausible one, so the endpoint validates it with ValidateSecret
// instead.
type newKey APIKey

// check is APIKey's check with KeyRaw left alone.
func (k *newKey) check() error {
	raw := k.KeyRaw
	err := (*APIKey)(k).check()
	k.KeyRaw = raw
	return err
}

// check requires a uid and cleans every display string.
func (k *SSHKey) check() error {
	if k.UID == "" {
		return errors.New("an SSH key without a uid")
	}
	k.UID, k.Name, k.PublicKeyRaw = CleanText(k.UID), CleanText(k.Name), CleanText(k.PublicKeyRaw)
	return nil
}

// check requires an items array and checks every item. The cursor is not
// display text and is sent back as it came.
func (p *Page[T]) check() error {
	if p.Items == nil {
		return errors.New("a page without an items list")
	}
	for i := range p.Items {
		if ch, ok := any(&p.Items[i]).(checker); ok {
			if err := ch.check(); err != nil {
				return fmt.Errorf("item %d of the page is %w", i+1, err)
			}
		}
	}
	return nil
}
