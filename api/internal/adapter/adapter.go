// Package adapter is what the provider adapters (api/targon,
// api/openrouter) share in making their client an api.Account: Base, the
// methods every provider's Account has alike (its client, the provider's
// description, base URL, token and page deadline), Open, a provider's New,
// and MapPages, which turns a walk of wire items into a walk of neutral
// ones.
//
// It imports only api, api/clientopt and the standard library; only the
// provider packages under api/ import it.
package adapter

import (
	"iter"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
)

// Open returns the account newAccount makes of the client newClient makes
// for baseURL and token: a provider's New.
func Open[C, A any](newClient func(baseURL, token string, opts ...clientopt.Option) (C, error), newAccount func(C) A,
	baseURL, token string, opts ...clientopt.Option) (A, error) {
	c, err := newClient(baseURL, token, opts...)
	if err != nil {
		var none A
		return none, err
	}
	return newAccount(c), nil
}

// Client is what Base needs of a provider's client.
type Client interface {
	BaseURL() string
	SetToken(token string)
	HasToken() bool
}

// Base is the part of a provider's Account that is the same for every
// provider; the Account embeds it and adds the calls that differ. Its
// methods are the Account's.
type Base[C Client] struct {
	client      C
	provider    api.Provider
	pageTimeout time.Duration
}

// NewBase returns the Base of an account that uses client and is described
// by provider.
func NewBase[C Client](client C, provider api.Provider) Base[C] {
	return Base[C]{client: client, provider: provider}
}

// Client is the concrete client the account uses.
func (b *Base[C]) Client() C { return b.client }

// Provider describes the account's provider.
func (b *Base[C]) Provider() api.Provider { return b.provider }

// BaseURL is the API base URL.
func (b *Base[C]) BaseURL() string { return b.client.BaseURL() }

// SetToken replaces the key the account authenticates with.
func (b *Base[C]) SetToken(token string) { b.client.SetToken(token) }

// HasToken reports whether a key is set.
func (b *Base[C]) HasToken() bool { return b.client.HasToken() }

// SetPageTimeout sets the deadline of each page of a list, retries
// included (api.PageTimeout when d is 0 or less); tests shorten it.
func (b *Base[C]) SetPageTimeout(d time.Duration) { b.pageTimeout = d }

// PageTimeout is the deadline SetPageTimeout set: 0 until it is called.
func (b *Base[C]) PageTimeout() time.Duration { return b.pageTimeout }

// MapPages maps every item of every page of seq with f; a page that comes
// with an error is passed on with it.
func MapPages[T, U any](seq iter.Seq2[[]T, error], f func(T) U) iter.Seq2[[]U, error] {
	return func(yield func([]U, error) bool) {
		for page, err := range seq {
			var out []U
			if page != nil {
				out = make([]U, len(page))
				for i, it := range page {
					out[i] = f(it)
				}
			}
			if !yield(out, err) {
				return
			}
		}
	}
}
