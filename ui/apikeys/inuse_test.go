package apikeys_test

import (
	"context"
	"iter"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// inUseAccount is an OpenRouter account (it replaces and disables keys)
// whose list marks the key named name as the one in use, as an adapter
// that can tell would.
type inUseAccount struct {
	*openrouter.Account
	name string
}

// Keys lists the account's keys, the one named a.name in use.
func (a inUseAccount) Keys(ctx context.Context) iter.Seq2[[]api.Key, error] {
	return func(yield func([]api.Key, error) bool) {
		for page, err := range a.Account.Keys(ctx) {
			for i := range page {
				page[i].InUse = page[i].Name == a.name
			}
			if !yield(page, err) {
				return
			}
		}
	}
}

// Disabling or replacing the key the dashboard is signed in with says so
// in the confirmation, as deleting and rolling it do; another key's
// confirmations do not.
func TestDisableAndReplaceWarnForTheKeyInUse(t *testing.T) {
	const inUse = "⚠ This dashboard is signed in with"
	const signedIn = "this dashboard is signed in with"
	for _, tc := range []struct {
		name, pick string
		warns      bool
	}{{"in use", "batch-embeddings", true}, {"another", "staging", false}} {
		t.Run(tc.name, func(t *testing.T) {
			sim, url := uitest.OpenRouter(t)
			c, _ := uitest.NewOpenRouterCommon(t, url, sim.DemoManagementKey())
			c.Account = inUseAccount{Account: c.Account.(*openrouter.Account), name: "batch-embeddings"}
			m := apikeys.New(c)
			v := &orView{t: t, c: c, m: m, sim: sim}
			v.d = uitest.NewDriver(t, c, m)
			v.d.Keys("/")
			v.d.Type(tc.pick)
			v.d.Keys("enter")
			if got := v.screen(); !strings.Contains(got, "▌") || !strings.Contains(got, "1 of 16") {
				t.Fatalf("%q not selected:\n%s", tc.pick, got)
			}

			screens := map[string]string{}
			v.d.Keys("x")
			screens["disable"] = v.screen()
			v.d.Keys("esc", "R")
			screens["replace"] = v.screen()
			v.d.Keys("enter", "enter")
			v.d.Keys("esc") // close the secret: the question follows
			screens["disable the old key"] = v.screen()
			for what, s := range screens {
				if got := strings.Contains(strings.ToLower(s), signedIn); got != tc.warns {
					t.Errorf("%s: warns of the key in use = %v, want %v:\n%s", what, got, tc.warns, s)
				}
			}
			if !strings.Contains(screens["replace"], inUse) && tc.warns {
				t.Errorf("replace lacks %q", inUse)
			}
		})
	}
}
