package ui

import (
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// TestListToolsFlow drives the running program (teatest) through issue
// 13's list tools on a read-only dashboard: sort by name, reverse, copy the
// selected key's uid, and a delete refused with one line and no request.
func TestListToolsFlow(t *testing.T) {
	h := start(t, func(o *Options, _ *targontest.Server) {
		o.ReadOnly, o.ReadOnlyReason = true, "--read-only"
	})
	h.waitFor("READ-ONLY", "USD")
	h.keys("2")
	h.waitFor("production-inference", "CREATED ▼")
	h.keys("s", "s") // created → updated → name
	h.waitFor("NAME ▲")
	h.keys("S")
	h.waitFor("NAME ▼")
	h.keys("c")
	h.waitFor("copied via")
	h.keys("d")
	h.waitFor("read-only: deleting keys is off (--read-only)")
	h.idle()
	if n := countRequests(h.sim, "DELETE", "/tha/v2/me/api-keys/*"); n != 0 {
		t.Fatalf("%d DELETE requests on a read-only dashboard", n)
	}
	// The cursor stayed on the first key through both sorts: the key in use.
	if copied := h.clip.Copied(); len(copied) != 1 || copied[0] != "key-fc878d792290" {
		t.Fatalf("copied %q, want the selected key's uid", copied)
	}
}
