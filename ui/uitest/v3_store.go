package uitest

import (
	"iter"
	"slices"

	"github.com/targon-dash/targon-dash/api"
)

// This file holds what the fake V3Account does the same way for each of
// its lists (API tokens, service tokens, SSH keys): every call is counted
// and may fail (Fail) before it touches the list, under the account's lock.

// The ids of the fake's list items.
func keyID(k api.Key) string                   { return k.ID }
func serviceTokenID(t api.ServiceToken) string { return t.ID }
func sshKeyID(k api.SSHKey) string             { return k.ID }

// guarded counts a call of method and, unless a failure is set for it,
// returns what f does; both under the account's lock.
func guarded[R any](a *V3Account, method string, f func() (R, error)) (R, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.call(method); err != nil {
		var zero R
		return zero, err
	}
	return f()
}

// one yields items as one page, or err.
func one[T any](items []T, err error) iter.Seq2[[]T, error] {
	return func(yield func([]T, error) bool) { yield(items, err) }
}

// newestFirst is a call of method listing *items, newest first, as one
// page (or the failure set for method).
func newestFirst[T any](a *V3Account, method string, items *[]T) iter.Seq2[[]T, error] {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := slices.Clone(*items)
	slices.Reverse(out)
	return one(out, a.call(method))
}

// edit is a call of method that applies set to the item of *items with id
// and returns it changed, or api.ErrNotFound; a nil set fetches the item.
func edit[T any](a *V3Account, method string, items *[]T, id string, idOf func(T) string, set func(*T)) (T, error) {
	return guarded(a, method, func() (T, error) {
		i := slices.IndexFunc(*items, func(t T) bool { return idOf(t) == id })
		if i < 0 {
			var zero T
			return zero, api.ErrNotFound
		}
		if set != nil {
			set(&(*items)[i])
		}
		return (*items)[i], nil
	})
}

// remove is a call of method that deletes the item with id from *items
// (gone already counts as deleted).
func remove[T any](a *V3Account, method string, items *[]T, id string, idOf func(T) string) error {
	_, err := guarded(a, method, func() (struct{}, error) {
		*items = slices.DeleteFunc(*items, func(t T) bool { return idOf(t) == id })
		return struct{}{}, nil
	})
	return err
}
