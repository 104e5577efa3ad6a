package openroutertest_test

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

const (
	pathWorkspaces = "/api/v1/workspaces"
	pathActivity   = "/api/v1/activity"
)

// workspace and workspaces are the wire shapes of the Workspace schema and
// of GET /workspaces, decoded strictly.
type workspace struct {
	ID                              string   `json:"id"`
	DefaultGuardrailID              string   `json:"default_guardrail_id"`
	Name                            string   `json:"name"`
	Slug                            string   `json:"slug"`
	Description                     *string  `json:"description"`
	DefaultTextModel                *string  `json:"default_text_model"`
	DefaultImageModel               *string  `json:"default_image_model"`
	DefaultProviderSort             *string  `json:"default_provider_sort"`
	IsObservabilityIOLoggingEnabled bool     `json:"is_observability_io_logging_enabled"`
	IsObservabilityBroadcastEnabled bool     `json:"is_observability_broadcast_enabled"`
	IsDataDiscountLoggingEnabled    bool     `json:"is_data_discount_logging_enabled"`
	IOLoggingSamplingRate           float64  `json:"io_logging_sampling_rate"`
	IOLoggingAPIKeyIDs              *[]int64 `json:"io_logging_api_key_ids"`
	IncludeBYOKInBudgets            bool     `json:"include_byok_in_budgets"`
	CreatedAt                       string   `json:"created_at"`
	UpdatedAt                       *string  `json:"updated_at"`
	CreatedBy                       *string  `json:"created_by"`
}

type workspaces struct {
	Data       []workspace `json:"data"`
	TotalCount int         `json:"total_count"`
}

// requiredWorkspaceFields are the Workspace schema's required properties.
var requiredWorkspaceFields = []string{"id", "default_guardrail_id", "name", "slug", "description",
	"default_text_model", "default_image_model", "default_provider_sort", "is_observability_io_logging_enabled",
	"is_observability_broadcast_enabled", "is_data_discount_logging_enabled", "io_logging_sampling_rate",
	"io_logging_api_key_ids", "created_at", "updated_at", "created_by"}

// workspaces fetches one page of GET /workspaces.
func (e *env) workspaces(token, query string) workspaces {
	e.t.Helper()
	r := e.do(token, "GET", pathWorkspaces+query, nil)
	r.wantStatus(e.t, http.StatusOK)
	var w workspaces
	r.decode(e.t, &w)
	if w.Data == nil {
		e.t.Fatalf("GET /workspaces%s: data is %s, want an array", query, r.body)
	}
	return w
}

func TestWorkspacesPaging(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithClock(func() time.Time { return fixedNow }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	var ids []string
	for i := range 119 {
		ids = append(ids, sim.AddWorkspace(fmt.Sprintf("Team %d", i)))
	}
	ids = append([]string{sim.DefaultWorkspace()}, ids...)

	// "default: 50", "maximum: 100"; the default workspace first, then
	// the order of creation.
	first := e.workspaces(mgmt, "")
	if len(first.Data) != 50 || first.TotalCount != 120 || first.Data[0].ID != sim.DefaultWorkspace() {
		t.Fatalf("first page: %d workspaces, total %d", len(first.Data), first.TotalCount)
	}
	var got []string
	for off := 0; off < 120; off += 100 {
		page := e.workspaces(mgmt, fmt.Sprintf("?limit=100&offset=%d", off))
		for _, w := range page.Data {
			got = append(got, w.ID)
		}
	}
	if !slices.Equal(got, ids) {
		t.Fatalf("walking by 100 gave %d workspaces, not the %d made, in order", len(got), len(ids))
	}
	if p := e.workspaces(mgmt, "?offset=119&limit=5"); len(p.Data) != 1 || p.TotalCount != 120 {
		t.Fatalf("last page: %+v", p)
	}
	if p := e.workspaces(mgmt, "?offset=500"); len(p.Data) != 0 || p.TotalCount != 120 {
		t.Fatalf("past the end: %+v", p)
	}
	if p := e.workspaces(mgmt, "?limit=1"); len(p.Data) != 1 {
		t.Fatalf("limit=1: %d", len(p.Data))
	}
	for _, q := range []string{"?limit=0", "?limit=101", "?limit=abc", "?limit=", "?limit=-1", "?limit=1.5"} {
		e.do(mgmt, "GET", pathWorkspaces+q, nil).wantError(t, http.StatusBadRequest, "limit")
	}
	for _, q := range []string{"?offset=-1", "?offset=x"} {
		e.do(mgmt, "GET", pathWorkspaces+q, nil).wantError(t, http.StatusBadRequest, "offset")
	}
}

func TestWorkspaceFieldsAndLookup(t *testing.T) {
	sim := openroutertest.NewDemo(openroutertest.WithClock(func() time.Time { return fixedNow }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	r := e.do(mgmt, "GET", pathWorkspaces, nil)
	r.wantStatus(t, http.StatusOK)
	for i := range 2 {
		m := fields(t, r.body, i)
		for _, f := range requiredWorkspaceFields {
			if _, ok := m[f]; !ok {
				t.Fatalf("workspace %d lacks %s: %s", i, f, r.body)
			}
		}
	}
	list := e.workspaces(mgmt, "")
	if list.TotalCount != 2 || len(list.Data) != 2 {
		t.Fatalf("the demo has %d workspaces, want 2", list.TotalCount)
	}
	def, research := list.Data[0], list.Data[1]
	if def.ID != sim.DefaultWorkspace() || research.Name != "Research" || research.Slug != "research" ||
		deref(research.Description) == nil || deref(research.CreatedBy) == nil {
		t.Fatalf("workspaces %+v", list.Data)
	}
	if def.DefaultGuardrailID == research.DefaultGuardrailID || def.DefaultGuardrailID == def.ID {
		t.Fatal("default_guardrail_id is not derived from each workspace's id")
	}
	// "Get a single workspace by ID or slug."
	for _, id := range []string{research.ID, research.Slug} {
		r := e.do(mgmt, "GET", pathWorkspaces+"/"+id, nil)
		r.wantStatus(t, http.StatusOK)
		var d data[workspace]
		r.decode(t, &d)
		if !reflect.DeepEqual(d.Data, research) {
			t.Fatalf("GET /workspaces/%s = %+v", id, d.Data)
		}
		for _, f := range requiredWorkspaceFields {
			if _, ok := fields(t, r.body, -1)[f]; !ok {
				t.Fatalf("GET /workspaces/%s lacks %s", id, f)
			}
		}
	}
	for _, id := range []string{"nope", "0df9e665-d932-5740-b2c7-b52af166bc11"} {
		e.do(mgmt, "GET", pathWorkspaces+"/"+id, nil).wantError(t, http.StatusNotFound, "not found")
	}

	// Management keys only; the usual 401s; GET only.
	inference := sim.DemoInferenceKey()
	for _, p := range []string{pathWorkspaces, pathWorkspaces + "/research"} {
		e.do(inference, "GET", p, nil).wantError(t, http.StatusForbidden, "Only management keys")
		e.do("", "GET", p, nil).wantError(t, http.StatusUnauthorized, "No auth credentials found")
		r := e.do(mgmt, "POST", p, `{"name":"x"}`)
		r.wantError(t, http.StatusMethodNotAllowed, "Method Not Allowed")
		if r.header.Get("Allow") != "GET, HEAD" {
			t.Fatalf("POST %s: Allow %q", p, r.header.Get("Allow"))
		}
	}
}

// GET /keys lists one workspace: the default one without workspace_id.
func TestKeysByWorkspace(t *testing.T) {
	sim := openroutertest.New(openroutertest.WithClock(func() time.Time { return fixedNow }),
		openroutertest.WithWorkspaces(2), openroutertest.WithKeys(30))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	list := e.workspaces(mgmt, "")
	if list.TotalCount != 3 || list.Data[1].Name != "Workspace 2" || list.Data[2].Slug != "workspace-3" {
		t.Fatalf("WithWorkspaces(2): %+v", list)
	}
	all := 0
	for i, w := range list.Data {
		keys := e.list(mgmt, "?include_disabled=true&workspace_id="+w.ID)
		if len(keys) != 10 {
			t.Fatalf("workspace %d has %d keys, want 10 of the 30 dealt round-robin", i, len(keys))
		}
		for _, k := range keys {
			if k.WorkspaceID != w.ID {
				t.Fatalf("workspace %s lists %s of %s", w.ID, k.Name, k.WorkspaceID)
			}
		}
		all += len(keys)
	}
	if def := e.list(mgmt, "?include_disabled=true"); len(def) != 10 || def[0].WorkspaceID != sim.DefaultWorkspace() {
		t.Fatalf("without workspace_id: %d keys", len(def))
	}

	// NewDemo's own second workspace gets none of WithKeys' keys.
	demo := openroutertest.NewDemo(openroutertest.WithKeys(30))
	de := newEnv(t, demo)
	if n := len(de.list(demo.DemoManagementKey(), "?include_disabled=true")); n != 41 {
		t.Fatalf("NewDemo with 30 keys has %d in its default workspace, want 11 + 30", n)
	}

	// POST /keys takes the workspace; "Defaults to the default workspace".
	second := list.Data[1].ID
	c := e.create(mgmt, map[string]any{"name": "in-two", "workspace_id": second, "expires_at": "2025-06-08T00:00:00Z"})
	if c.Data.WorkspaceID != second || deref(c.Data.ExpiresAt) != "2025-06-08T00:00:00.000Z" {
		t.Fatalf("created %+v", c.Data)
	}
	if k := e.list(mgmt, "?workspace_id="+second); k[0].Hash != c.Data.Hash {
		t.Fatal("the new key is not first in its workspace")
	}
	for _, k := range e.list(mgmt, "?include_disabled=true") {
		if k.Hash == c.Data.Hash {
			t.Fatal("a key of another workspace is listed without workspace_id")
		}
	}
	if d := e.create(mgmt, map[string]any{"name": "default"}); d.Data.WorkspaceID != sim.DefaultWorkspace() {
		t.Fatalf("created without workspace_id in %s", d.Data.WorkspaceID)
	}
	// An id that is no workspace of the account filters everything out.
	if k := e.list(mgmt, "?workspace_id=6f1c2b4a-0000-4000-8000-000000000000"); len(k) != 0 {
		t.Fatalf("an unknown workspace lists %d keys", len(k))
	}
	e.do(mgmt, "GET", pathKeys+"?workspace_id=research", nil).wantError(t, http.StatusBadRequest, "workspace_id")
}

// An expired key is still listed, as it was, and no longer authenticates.
func TestExpiredKeyListed(t *testing.T) {
	now := fixedNow
	sim := openroutertest.New(openroutertest.WithClock(func() time.Time { return now }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	c := e.create(mgmt, map[string]any{"name": "week", "expires_at": "2025-06-08T12:00:00Z"})
	e.current(c.Key)
	now = time.Date(2025, 6, 8, 12, 0, 0, 0, time.UTC)
	e.do(c.Key, "GET", pathKey, nil).wantError(t, http.StatusUnauthorized, "expired")
	keys := e.list(mgmt, "")
	if len(keys) != 1 || keys[0].Hash != c.Data.Hash || keys[0].Disabled || deref(keys[0].ExpiresAt) != "2025-06-08T12:00:00.000Z" {
		t.Fatalf("after expiry GET /keys gives %+v", keys)
	}
	if k := e.get(mgmt, c.Data.Hash); !reflect.DeepEqual(k, keys[0]) {
		t.Fatalf("GET /keys/{hash} %+v", k)
	}
}
