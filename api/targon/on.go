package targon

import "context"

// on is f's call on what get gives first: the settled account of an Auto
// or one of its capabilities, the slug of a V3Account's organization.
// get's failure (a failed detection, a version without the capability, no
// organization) is the call's error.
func on[A, R any](ctx context.Context, get func(context.Context) (A, error), f func(A) (R, error)) (R, error) {
	v, err := get(ctx)
	if err != nil {
		var zero R
		return zero, err
	}
	return f(v)
}

// onErr is on for a call that returns only an error.
func onErr[A any](ctx context.Context, get func(context.Context) (A, error), f func(A) error) error {
	_, err := on(ctx, get, func(v A) (struct{}, error) { return struct{}{}, f(v) })
	return err
}
