package ui

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// onV3 starts the dashboard on a fake Targon v3 account acting in acme
// (team) or in alice's PERSONAL org.
func onV3(team bool) harnessOption {
	return func(o *Options, _ *targontest.Server) {
		s, _ := uitest.V3Session(team, nil)
		testAccounts(o).Session = s
	}
}

// openV3Tokens switches to the API tokens and waits for their rows.
func openV3Tokens(h *harness) {
	h.keys("2")
	h.waitFor("laptop-cli")
	h.idle()
}

// openServiceTokens switches to the service tokens and waits for their
// rows.
func openServiceTokens(h *harness) {
	h.keys("4")
	h.waitFor("grafana-exporter")
	h.idle()
}

// hideV3Secret is hideSecret for the fake v3 account's secrets.
func hideV3Secret(t *testing.T, h *harness, view string) string {
	secret := h.clip.Last()
	if secret == "" || !strings.Contains(view, secret) {
		t.Fatalf("secret %q not copied or not shown:\n%s", secret, view)
	}
	return view
}

// v3Screens are the golden screens of a Targon v3 account.
var v3Screens = []goldenScreen{
	{name: "v3-credits", opts: []harnessOption{onV3(true)}, drive: func(h *harness) { h.waitFor("12,480.55", "(personal)") }},
	{name: "v3-credits-low", opts: []harnessOption{onV3(false)}, drive: func(h *harness) { h.waitFor("low balance", "Acme") }},
	{name: "v3-api-tokens", opts: []harnessOption{onV3(true)}, drive: openV3Tokens},
	{name: "v3-confirm-replace", opts: []harnessOption{onV3(true)}, drive: func(h *harness) { openV3Tokens(h); h.keys("R"); h.waitFor("Replace") }},
	{name: "v3-delete-old", opts: []harnessOption{onV3(true)}, drive: func(h *harness) {
		openV3Tokens(h)
		h.keys("R", "y")
		h.waitFor("copied via")
		h.idle()
		h.keys("esc")
		h.waitFor("Delete the old token now?")
	}},
	{name: "v3-confirm-delete", opts: []harnessOption{onV3(true)}, drive: func(h *harness) { openV3Tokens(h); h.keys("j", "d"); h.waitFor("Delete") }},
	{name: "v3-service-tokens", opts: []harnessOption{onV3(true)}, drive: openServiceTokens},
	{name: "v3-service-token-secret", opts: []harnessOption{onV3(true)}, drive: func(h *harness) {
		openServiceTokens(h)
		h.keys("n")
		h.typeText("nightly-eval")
		h.keys("enter")
		h.waitFor("copied via")
	}, fix: hideV3Secret},
	{name: "v3-service-token-delete", opts: []harnessOption{onV3(true)}, drive: func(h *harness) { openServiceTokens(h); h.keys("d"); h.waitFor("Delete") }},
	{name: "v3-help-service-tokens", opts: []harnessOption{onV3(true)}, drive: func(h *harness) { openServiceTokens(h); h.keys("?"); h.waitFor("Keys") }},
	{name: "v3-ssh-keys", opts: []harnessOption{onV3(true)}, drive: func(h *harness) { h.keys("3"); h.waitFor("work-laptop"); h.idle() }},
}

func init() { goldenScreens = append(goldenScreens, v3Screens...) }
