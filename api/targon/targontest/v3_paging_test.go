package targontest_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestV3Paging(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(44))
	e := newEnv(t, sim)
	token := sim.DemoKey()
	for _, limit := range []string{"1", "20", "50", "100"} {
		items, pages := listAllV3[apiToken](e, token, pathAPITokens, limit)
		seen := map[string]bool{}
		for _, it := range items {
			if seen[it.UID] || it.Token != nil {
				t.Fatalf("limit %s: %+v repeated or with a secret", limit, it)
			}
			seen[it.UID] = true
		}
		var n int
		fmt.Sscan(limit, &n)
		if len(items) != 45 || pages != (45+n-1)/n {
			t.Fatalf("limit %s: %d items in %d pages", limit, len(items), pages)
		}
	}
	// Without a limit, a page has 20.
	var p pageV3[apiToken]
	e.getV3(token, pathAPITokens, &p)
	if len(p.Items) != 20 || p.NextCursor == nil {
		t.Fatalf("default page: %d items, next %v", len(p.Items), p.NextCursor)
	}
	// A v3 cursor is good only for its own list.
	var v2 page[apiKey]
	e.getV3(token, pathAPIKeys+"?limit=1", &v2)
	bad := []string{"?limit=0", "?limit=101", "?limit=x", "?cursor=nope", "?cursor=" + v2.NextCursor}
	for _, q := range bad {
		e.do(token, "GET", pathAPITokens+q, nil).wantV3Error(t, http.StatusBadRequest, "BAD_REQUEST", "")
	}
	e.do(token, "GET", orgPath("dev", "tokens")+"?cursor="+*p.NextCursor, nil).
		wantV3Error(t, http.StatusBadRequest, "BAD_REQUEST", "not a valid pagination cursor")
	// An empty list is one page ending in null.
	empty, pages := listAllV3[serviceToken](e, token, orgPath("dev", "tokens"), "50")
	if len(empty) != 0 || pages != 1 {
		t.Fatalf("empty list: %+v in %d pages", empty, pages)
	}
}

func TestV3ListEndAndNulls(t *testing.T) {
	cases := []struct {
		name     string
		opts     []targontest.Option
		wantNext string // the raw next_cursor of the last page; "" for absent
		wantTok  string // the raw token of a listed token; "" for absent
	}{
		{"default", nil, "null", "null"},
		{"empty", []targontest.Option{targontest.WithV3ListEnd(targontest.ListEndEmpty)}, `""`, "null"},
		{"absent", []targontest.Option{targontest.WithV3ListEnd(targontest.ListEndAbsent)}, "", "null"},
		{"omit nulls", []targontest.Option{targontest.WithV3OmitNulls()}, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sim := targontest.NewDemo(tc.opts...)
			e := newEnv(t, sim)
			r := e.do(sim.DemoKey(), "GET", pathAPITokens+"?limit=100", nil)
			r.wantStatus(t, http.StatusOK)
			raw := r.rawFields(t)
			if string(raw["next_cursor"]) != tc.wantNext {
				t.Fatalf("next_cursor = %s, want %q: %s", raw["next_cursor"], tc.wantNext, r.body)
			}
			var p struct {
				Items      []map[string]any `json:"items"`
				NextCursor any              `json:"next_cursor"`
			}
			r.decode(t, &p)
			tok, present := p.Items[0]["token"]
			if (tc.wantTok == "") == present || tok != nil {
				t.Fatalf("token = %v (present %v): %s", tok, present, r.body)
			}
			// created_by null (a token made by a token) is left out too.
			r = e.do(sim.DemoKey(), "GET", orgPath("acme", "tokens")+"?limit=100", nil)
			r.decode(t, &p)
			var absent int
			for _, it := range p.Items {
				if _, ok := it["created_by"]; !ok {
					absent++
				}
			}
			if want := map[bool]int{true: 0, false: 1}[tc.wantTok != ""]; absent != want {
				t.Fatalf("%d service tokens without created_by, want %d: %s", absent, want, r.body)
			}
		})
	}
}

func TestV3CreateStatus(t *testing.T) {
	sim := targontest.New(targontest.WithV3CreateStatus(http.StatusOK))
	e := newEnv(t, sim)
	token := sim.DemoKey()
	e.do(token, "POST", pathAPITokens, map[string]string{"name": "a"}).wantStatus(t, http.StatusOK)
	e.do(token, "POST", orgPath("dev", "tokens"), map[string]string{"name": "a"}).wantStatus(t, http.StatusOK)
	e.do(token, "POST", orgPath("dev", "ssh-keys"), map[string]string{"name": "a", "ssh_key": newED25519(t, "")}).wantStatus(t, http.StatusOK)
	// v2 is not affected, nor does a bad status stick.
	e.do(token, "POST", pathAPIKeys, map[string]string{"name": "a"}).wantStatus(t, http.StatusOK)
	sim = targontest.New(targontest.WithV3CreateStatus(http.StatusAccepted))
	e = newEnv(t, sim)
	e.do(sim.DemoKey(), "POST", pathAPITokens, map[string]string{"name": "a"}).wantStatus(t, http.StatusCreated)
}
