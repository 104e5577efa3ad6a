package uitest

import (
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/ui/common"
)

// OpenRouter starts a demo OpenRouter simulator (the fixed Clock, seeded
// secrets) on loopback until the test ends, and returns it with the base
// URL a client uses (its URL + openroutertest.BasePath).
func OpenRouter(t testing.TB, opts ...openroutertest.Option) (*openroutertest.Server, string) {
	t.Helper()
	sim := openroutertest.NewDemo(append([]openroutertest.Option{openroutertest.WithClock(Now), openroutertest.WithSeededSecrets()}, opts...)...)
	return sim, Serve(t, sim) + openroutertest.BasePath
}

// OpenRouterAccount is an OpenRouter account of baseURL with token that
// never retries.
func OpenRouterAccount(t testing.TB, baseURL, token string) *openrouter.Account {
	t.Helper()
	acct, err := openrouter.New(baseURL, token, clientopt.WithRetry(clientopt.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	return acct
}

// NewOpenRouterCommon is NewCommon (100x30, the fixed Clock, a fake
// Clipboard) on an OpenRouter account of baseURL with token; NewAccount
// makes accounts of the same base URL.
func NewOpenRouterCommon(t testing.TB, baseURL, token string) (*common.Common, *Clipboard) {
	t.Helper()
	c, clip := NewCommon(nil)
	c.Account = OpenRouterAccount(t, baseURL, token)
	c.NewAccount = func(token string) (api.Account, error) {
		return openrouter.New(baseURL, token, clientopt.WithRetry(clientopt.NoRetry()))
	}
	return c, clip
}
