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

// A Targon v3 account has four tabs: Credits, API tokens (the provider's
// noun), SSH keys and Service tokens; "4" switches to the last, the help
// names each number's tab, and the status bar names the API version and
// the organization. At 60 columns every tab stays whole.
func TestV3Board(t *testing.T) {
	d := newDirect(t, func(o *Options) {
		s, _ := uitest.V3Session(true, nil)
		testAccounts(o).Session = s
	})
	d.size(80, 24)
	d.init()
	if len(d.m.views) != 4 {
		t.Fatalf("%d tabs, want 4", len(d.m.views))
	}
	bar := uitest.Plain(d.m.tabBar())
	for _, want := range []string{"1 Credits", "2 API tokens", "3 SSH keys", "4 Service tokens"} {
		if !strings.Contains(bar, want) {
			t.Errorf("tab bar lacks %q: %q", want, bar)
		}
	}
	d.keys("4")
	if d.m.tabs.Active() != 3 || d.m.views[3].Title() != "Service tokens" {
		t.Errorf("4 shows tab %d", d.m.tabs.Active())
	}
	var help []string
	for _, b := range d.m.fullHelp()[0] {
		if b.Enabled() {
			help = append(help, b.Help().Key+" "+b.Help().Desc)
		}
	}
	if got := strings.Join(help, ", "); !strings.Contains(got, "2 API tokens, 3 SSH keys, 4 service tokens") {
		t.Errorf("help: %q", got)
	}
	if s := uitest.Plain(d.m.statusBar()); !strings.Contains(s, "work · Targon v3 · Acme Robotics · api.targon.com") {
		t.Errorf("status bar: %q", s)
	}
	d.size(60, 15)
	if bar := uitest.Plain(d.m.tabBar()); !strings.Contains(bar, "4 Service tokens") || strings.Contains(bar, "…") {
		t.Errorf("tab bar at 60 columns: %q", bar)
	}
	if s := uitest.Plain(d.m.statusBar()); !strings.Contains(s, "work · Targon v3 · Acme Robotics") {
		t.Errorf("status bar at 60 columns: %q", s)
	}
}
