package openroutertest_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

func TestPaging(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithKeys(250), openroutertest.WithClock(func() time.Time { return fixedNow }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()

	// With disabled keys: 250 in pages of 100, 100 and 50, newest first,
	// each once; an offset past the end gives an empty array.
	var all []apiKey
	for _, off := range []int{0, 100, 200} {
		page := e.list(mgmt, fmt.Sprintf("?include_disabled=true&offset=%d", off))
		if want := min(100, 250-off); len(page) != want {
			t.Fatalf("offset %d: %d keys, want %d", off, len(page), want)
		}
		all = append(all, page...)
	}
	seen := map[string]bool{}
	disabled := 0
	for i, k := range all {
		if seen[k.Hash] {
			t.Fatalf("key %s listed twice", k.Name)
		}
		seen[k.Hash] = true
		if k.Disabled {
			disabled++
		}
		if i > 0 && k.CreatedAt >= all[i-1].CreatedAt {
			t.Fatalf("key %d (%s) is not older than key %d (%s)", i, k.CreatedAt, i-1, all[i-1].CreatedAt)
		}
	}
	if disabled != 10 || all[0].Name != "svc-00000" {
		t.Fatalf("%d disabled, first %q; want 10 and svc-00000", disabled, all[0].Name)
	}
	for _, q := range []string{"?include_disabled=true&offset=250", "?offset=240", "?offset=1000000"} {
		if page := e.list(mgmt, q); len(page) != 0 {
			t.Fatalf("%s: %d keys, want none", q, len(page))
		}
	}

	// Without include_disabled (or with false) the disabled ones are hidden,
	// and the offset counts only the listed keys.
	var enabled []apiKey
	for off := 0; ; off += 100 {
		page := e.list(mgmt, fmt.Sprintf("?offset=%d", off))
		enabled = append(enabled, page...)
		if len(page) < 100 {
			break
		}
	}
	if len(enabled) != 240 {
		t.Fatalf("%d enabled keys listed, want 240", len(enabled))
	}
	for _, k := range enabled {
		if k.Disabled {
			t.Fatalf("disabled key %s listed without include_disabled", k.Name)
		}
	}
	if a, b := e.list(mgmt, ""), e.list(mgmt, "?include_disabled=false&offset=0"); len(a) != 100 || a[0].Hash != b[0].Hash || a[99].Hash != b[99].Hash {
		t.Fatal("the defaults are not include_disabled=false&offset=0")
	}
	// A new key comes first.
	c := e.create(mgmt, map[string]any{"name": "newest"})
	if page := e.list(mgmt, "?include_disabled=true"); page[0].Hash != c.Data.Hash {
		t.Fatalf("first key after create: %s", page[0].Name)
	}

	// Workspaces: the default one explicitly, another one (empty), a bad id.
	if page := e.list(mgmt, "?include_disabled=true&workspace_id="+c.Data.WorkspaceID); len(page) != 100 {
		t.Fatalf("the default workspace: %d keys", len(page))
	}
	other := "0df9e665-d932-5740-b2c7-b52af166bc11"
	if page := e.list(mgmt, "?workspace_id="+other); len(page) != 0 {
		t.Fatalf("another workspace: %d keys", len(page))
	}
	e.create(mgmt, map[string]any{"name": "elsewhere", "workspace_id": other})
	if page := e.list(mgmt, "?workspace_id="+other); len(page) != 1 || page[0].WorkspaceID != other {
		t.Fatalf("another workspace after creating there: %+v", page)
	}

	for _, q := range []string{"?offset=-1", "?offset=abc", "?offset=1.5", "?offset=", "?offset=+3", "?offset=99999999999999999999"} {
		e.do(mgmt, "GET", pathKeys+q, nil).wantError(t, http.StatusBadRequest, "offset")
	}
	for _, q := range []string{"?include_disabled=yes", "?include_disabled=1", "?include_disabled="} {
		e.do(mgmt, "GET", pathKeys+q, nil).wantError(t, http.StatusBadRequest, "include_disabled")
	}
	e.do(mgmt, "GET", pathKeys+"?workspace_id=default", nil).wantError(t, http.StatusBadRequest, "workspace_id")
	e.do(mgmt, "GET", pathKeys+"?offset=%zz", nil).wantStatus(t, http.StatusBadRequest)
}

// Keys created in the same instant are still listed most recent first:
// the order is the order of creation, not of created_at's resolution.
func TestListMostRecentFirstWithinOneInstant(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithClock(func() time.Time { return fixedNow }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	var made []string
	for i := range 12 {
		made = append(made, e.create(mgmt, map[string]any{"name": fmt.Sprintf("k%02d", i)}).Data.Name)
	}
	page := e.list(mgmt, "")
	if len(page) != len(made) {
		t.Fatalf("%d keys listed, want %d", len(page), len(made))
	}
	for i, k := range page {
		if want := made[len(made)-1-i]; k.Name != want {
			t.Fatalf("key %d is %q, want %q (the most recent first)", i, k.Name, want)
		}
	}
}
