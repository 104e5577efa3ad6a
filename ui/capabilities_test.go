package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// plainAccount is an account with none of the optional capabilities: only
// api.Account's methods show through the embedded interface.
type plainAccount struct{ api.Account }

// renamedAccount is an account whose provider has another name.
type renamedAccount struct {
	api.Account
	name string
}

func (r renamedAccount) Provider() api.Provider {
	p := r.Account.Provider()
	p.Name = r.name
	return p
}

// Tabs come from the account's capabilities: without api.SSHKeys there is
// no SSH keys tab, "3" does nothing, and the help lists only "1" and "2".
func TestTabsFollowCapabilities(t *testing.T) {
	d := newDirect(t, func(o *Options) { sessionOf(o).Account = plainAccount{sessionOf(o).Account} })
	d.size(100, 30)
	d.init()
	if len(d.m.views) != 2 {
		t.Fatalf("%d tabs, want Credits and API keys", len(d.m.views))
	}
	if bar := uitest.Plain(d.m.tabBar()); !strings.Contains(bar, "2 API keys") || strings.Contains(bar, "SSH") || strings.Contains(bar, "3 ") {
		t.Errorf("tab bar: %q", bar)
	}
	d.keys("2", "3")
	if d.m.tabs.Active() != 1 {
		t.Errorf("active tab %d after 2 then 3, want 1 (there is no third tab)", d.m.tabs.Active())
	}
	var tabs []string
	for _, b := range d.m.fullHelp()[0] {
		if b.Enabled() {
			tabs = append(tabs, b.Help().Key)
		}
	}
	if got := strings.Join(tabs, " "); got != "1 2 tab shift+tab" {
		t.Errorf("enabled tab keys in the help: %q", got)
	}

	// The full Targon account has all three.
	d = newDirect(t)
	d.size(100, 30)
	d.init()
	d.keys("3")
	if len(d.m.views) != 3 || d.m.tabs.Active() != 2 {
		t.Errorf("Targon: %d tabs, active %d; want 3 and the SSH keys tab", len(d.m.views), d.m.tabs.Active())
	}
}

// R rolls only where the account is an api.Roller; elsewhere the binding
// is disabled, so it is neither hinted nor answered.
func TestRollNeedsARoller(t *testing.T) {
	d := newDirect(t, func(o *Options) { sessionOf(o).Account = plainAccount{sessionOf(o).Account} })
	d.size(100, 30)
	d.init()
	d.keys("2", "R")
	if d.m.modals.Len() != 0 {
		t.Fatalf("R opened %T on an account that cannot roll", d.m.modals.Top())
	}
	v := d.m.views[1].(*apikeys.Model)
	for _, b := range append(v.ShortHelp(), v.FullHelp()[0]...) {
		if b.Enabled() && key.Matches(uitest.Key("R"), b) {
			t.Error("the roll binding is offered")
		}
	}
	if strings.Contains(uitest.Plain(d.m.helpLine()), "roll") {
		t.Errorf("help line offers roll: %q", uitest.Plain(d.m.helpLine()))
	}
}

// The provider's name in the UI comes from the account: the login screen
// and error lines say whose API it is.
func TestProviderNameFromTheAccount(t *testing.T) {
	d := newDirect(t, func(o *Options) {
		sessionOf(o).Account.SetToken("")
		sessionOf(o).Account = renamedAccount{sessionOf(o).Account, "Acme"}
	})
	d.size(100, 30)
	d.init()
	if v := uitest.Plain(d.m.View()); !strings.Contains(v, "Sign in to Acme") || strings.Contains(v, "Targon") {
		t.Errorf("login screen does not name the account's provider:\n%s", v)
	}
	if got := d.m.c.ErrorText(context.DeadlineExceeded); got != "the Acme API did not answer in time" {
		t.Errorf("ErrorText = %q", got)
	}
}
