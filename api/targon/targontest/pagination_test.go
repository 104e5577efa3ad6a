package targontest_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestPaginationWalksEveryLimit(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(120), targontest.WithSSHKeys(45), targontest.WithClock(newClock().Now))
	e := newEnv(t, sim)
	token := sim.DemoKey()

	// The reference order: one walk at the largest page size.
	allAPI, _ := listAll[apiKey](e, token, pathAPIKeys, "100")
	allSSH, _ := listAll[sshKey](e, token, pathSSHKeys, "100")
	if len(allAPI) != 121 || len(allSSH) != 45 {
		t.Fatalf("have %d API keys and %d SSH keys, want 121 and 45", len(allAPI), len(allSSH))
	}
	// Newest first: creation dates never increase down the list.
	for i := 1; i < len(allAPI); i++ {
		if allAPI[i].CreatedAt > allAPI[i-1].CreatedAt {
			t.Fatalf("API keys out of order at %d: %s after %s", i, allAPI[i].CreatedAt, allAPI[i-1].CreatedAt)
		}
	}
	for i := 1; i < len(allSSH); i++ {
		if allSSH[i].CreatedAt > allSSH[i-1].CreatedAt {
			t.Fatalf("SSH keys out of order at %d", i)
		}
	}
	if allAPI[0].KeyRaw != token {
		t.Fatalf("newest key is %q, want the primary key (created last)", allAPI[0].Name)
	}

	for limit := 1; limit <= 100; limit++ {
		got, pages := listAll[apiKey](e, token, pathAPIKeys, strconv.Itoa(limit))
		if want := (len(allAPI) + limit - 1) / limit; pages != want {
			t.Fatalf("limit %d: %d pages, want %d", limit, pages, want)
		}
		if fmt.Sprint(got) != fmt.Sprint(allAPI) {
			t.Fatalf("limit %d: walk differs from the reference order", limit)
		}
		gotSSH, pages := listAll[sshKey](e, token, pathSSHKeys, strconv.Itoa(limit))
		if want := (len(allSSH) + limit - 1) / limit; pages != want {
			t.Fatalf("ssh limit %d: %d pages, want %d (no empty last page)", limit, pages, want)
		}
		if fmt.Sprint(gotSSH) != fmt.Sprint(allSSH) {
			t.Fatalf("ssh limit %d: walk differs from the reference order", limit)
		}
	}
}

func TestPaginationDefaultsAndEmpty(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(30))
	e := newEnv(t, sim)
	for _, q := range []string{"", "?limit=", "?cursor=", "?limit=&cursor="} {
		var p page[apiKey]
		e.do(sim.DemoKey(), "GET", pathAPIKeys+q, nil).decode(t, &p)
		if len(p.Items) != 20 || p.NextCursor == "" {
			t.Fatalf("%q: %d items, cursor %q; want the default 20 and a cursor", q, len(p.Items), p.NextCursor)
		}
	}
	r := e.do(sim.DemoKey(), "GET", pathSSHKeys, nil)
	r.wantStatus(t, http.StatusOK)
	if !strings.Contains(string(r.body), `"items":[]`) || !strings.Contains(string(r.body), `"next_cursor":""`) {
		t.Fatalf("empty list = %s, want items [] and next_cursor \"\"", r.body)
	}
}

func TestPaginationBadParameters(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(5), targontest.WithSSHKeys(5))
	e := newEnv(t, sim)
	token := sim.DemoKey()

	var first page[sshKey]
	e.do(token, "GET", pathSSHKeys+"?limit=2", nil).decode(t, &first)
	sshCursor := first.NextCursor
	tampered := []byte(sshCursor)
	tampered[len(tampered)-3] ^= 1

	cases := []struct{ name, query, reason string }{
		{"limit 0", "limit=0", "limit"},
		{"limit 101", "limit=101", "limit"},
		{"limit negative", "limit=-1", "limit"},
		{"limit abc", "limit=abc", "limit"},
		{"limit fraction", "limit=1.5", "limit"},
		{"limit huge", "limit=99999999999999999999", "limit"},
		{"cursor garbage", "cursor=garbage", "cursor"},
		{"cursor not base64", "cursor=%25%25%25", "cursor"},
		{"cursor tampered", "cursor=" + url.QueryEscape(string(tampered)), "cursor"},
		{"cursor of the other list", "cursor=" + url.QueryEscape(sshCursor), "cursor"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			apiErr := e.do(token, "GET", pathAPIKeys+"?"+tc.query, nil).wantError(t, http.StatusBadRequest, tc.reason)
			if apiErr.Error != "invalid query parameters" {
				t.Fatalf("error = %q", apiErr.Error)
			}
		})
	}
	// The SSH cursor is fine where it came from.
	e.do(token, "GET", pathSSHKeys+"?limit=2&cursor="+url.QueryEscape(sshCursor), nil).wantStatus(t, http.StatusOK)
}

func TestPaginationSurvivesChangesBetweenPages(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(19))
	e := newEnv(t, sim)
	token := sim.DemoKey()
	all, _ := listAll[apiKey](e, token, pathAPIKeys, "100") // 20 keys, newest first

	get := func(cursor string) page[apiKey] {
		t.Helper()
		var p page[apiKey]
		e.do(token, "GET", pathAPIKeys+"?limit=5&cursor="+url.QueryEscape(cursor), nil).decode(t, &p)
		return p
	}
	del := func(k apiKey) {
		t.Helper()
		e.do(token, "DELETE", pathAPIKeys+"/"+k.UID, nil).wantStatus(t, http.StatusNoContent)
	}

	p1 := get("")
	if fmt.Sprint(p1.Items) != fmt.Sprint(all[:5]) {
		t.Fatal("first page is not the 5 newest keys")
	}
	// Between pages: delete the item the cursor names, one on the page
	// already seen, and the first of the next page; create new keys.
	del(all[4])
	del(all[2])
	del(all[5])
	e.createAPIKey(token, "created between pages")

	var rest []apiKey
	for c := p1.NextCursor; c != ""; {
		p := get(c)
		rest = append(rest, p.Items...)
		c = p.NextCursor
	}
	if fmt.Sprint(rest) != fmt.Sprint(all[6:]) {
		t.Fatalf("after changes the walk gave %d keys, want the %d surviving older ones in order", len(rest), len(all[6:]))
	}

	// Deleting everything after the cursor ends the walk cleanly.
	p1 = get("")
	for _, k := range all[6:] {
		del(k)
	}
	var tail page[apiKey]
	e.do(token, "GET", pathAPIKeys+"?limit=5&cursor="+url.QueryEscape(p1.NextCursor), nil).decode(t, &tail)
	if len(tail.Items) != 0 || tail.NextCursor != "" {
		t.Fatalf("tail = %+v, want empty last page", tail)
	}
}
