package ui

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// orSession is an OpenRouter session named name on the simulator at url
// with key, its key kept in the environment.
func orSession(t *testing.T, name, url, key string) *api.Session {
	t.Helper()
	return &api.Session{
		Account: uitest.OpenRouterAccount(t, url, key),
		NewAccount: func(token string) (api.Account, error) {
			return openrouter.New(url, token, clientopt.WithRetry(clientopt.NoRetry()))
		},
		Profile: name,
		Home:    api.KeyHome{Source: api.KeyFromEnv, Env: "OPENROUTER_MANAGEMENT_KEY"},
	}
}

// onOpenRouter starts the dashboard on an OpenRouter demo simulator,
// signed in with the management key (or the inference key).
func onOpenRouter(t *testing.T, inference bool) harnessOption {
	return func(o *Options, _ *targontest.Server) {
		sim, url := uitest.OpenRouter(t)
		key := sim.DemoManagementKey()
		if inference {
			key = sim.DemoInferenceKey()
		}
		testAccounts(o).Session = orSession(t, "work", url, key)
	}
}

// withPicker offers the Targon demo account ("default") and an
// OpenRouter account ("work") in the account switcher, and a broken one.
func withPicker(t *testing.T) harnessOption {
	return func(o *Options, _ *targontest.Server) { pickerOptions(t, o) }
}

func pickerOptions(t *testing.T, o *Options) {
	accounts := testAccounts(o)
	targonSession := accounts.Session
	orSim, orURL := uitest.OpenRouter(t)
	current := "default"
	accounts.ListChoices = func() ([]api.Choice, error) {
		return []api.Choice{
			{Name: "default", Provider: "Targon", Host: "api.targon.com", Current: current == "default", ID: "t"},
			{Name: "work", Provider: "OpenRouter", Host: "openrouter.ai", Current: current == "work", ID: "o"},
			{Name: "broken", Provider: "OpenRouter", Host: "?", Problem: "base_url: not a URL (config.toml line 7)", ID: "b"},
		}, nil
	}
	accounts.OpenChoice = func(ch api.Choice) (*api.Session, error) {
		current = ch.Name
		if ch.ID == "o" {
			return orSession(t, "work", orURL, orSim.DemoManagementKey()), nil
		}
		s := *targonSession
		s.Profile = "default"
		return &s, nil
	}
}

func TestOpenRouterCreditsAndCurrentKey(t *testing.T) {
	h := start(t, onOpenRouter(t, false))
	h.waitFor("Remaining", "This key", "management key")
	h.idle()
	view := h.final()
	for _, want := range []string{"1,250.00 USD", "Total", "Used", "work · OpenRouter · 127.0.0.1", "This month", "Expires"} {
		if !strings.Contains(view, want) {
			t.Fatalf("credits lack %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "3 SSH keys") {
		t.Fatalf("an OpenRouter account has no SSH keys tab:\n%s", view)
	}
}

func TestOpenRouterInferenceKey(t *testing.T) {
	h := start(t, onOpenRouter(t, true))
	h.waitFor("inference key")
	h.idle()
	h.keys("r") // a refresh does not turn it into an error
	h.idle()
	h.keys("2")
	h.waitFor("listing and managing API keys needs a management key")
	h.idle()
	h.keys("1")
	h.idle()
	view := h.final()
	for _, want := range []string{"credits need a management key", "This key · inference key", "targon-dash"} {
		if !strings.Contains(view, want) {
			t.Fatalf("lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "retry") {
		t.Fatalf("offers a retry that cannot help:\n%s", view)
	}
}

func TestOpenRouter401ShowsLogin(t *testing.T) {
	h := start(t, func(o *Options, s *targontest.Server) {
		onOpenRouter(t, false)(o, s)
		sessionOf(o).Account.SetToken("sk-or-v1-wrong")
	})
	h.waitFor("Sign in to OpenRouter")
	h.idle()
	view := h.final()
	for _, want := range []string{"OpenRouter did not accept the API key (401)", "OPENROUTER_MANAGEMENT_KEY", "OpenRouter console"} {
		if !strings.Contains(strings.Join(strings.Fields(view), " "), want) {
			t.Fatalf("login lacks %q:\n%s", want, view)
		}
	}
}

func TestAccountPickerSwitches(t *testing.T) {
	h := start(t, withPicker(t))
	h.waitFor("USD", "3 SSH keys")
	h.keys("P")
	h.waitFor("Switch account", "base_url: not a URL")
	h.keys("j", "enter") // work
	h.waitFor("work · OpenRouter", "This key")
	h.idle()
	var tabs int
	probe := func() {
		done := make(chan struct{})
		h.tm.Send(probeMsg{func(m *Model) { tabs = len(m.views); close(done) }})
		<-done
	}
	probe()
	if tabs != 2 {
		t.Fatalf("OpenRouter account has %d tabs, want 2", tabs)
	}
	h.keys("P")
	h.waitFor("(current)")
	h.keys("j", "j", "k", "k", "enter") // the broken one is skipped: back on default
	h.waitFor("default · Targon", "3 SSH keys")
	h.idle()
	probe()
	if tabs != 3 {
		t.Fatalf("Targon account has %d tabs, want 3", tabs)
	}
	view := h.final()
	if !strings.Contains(view, "default · Targon") {
		t.Fatalf("status bar:\n%s", view)
	}
}

func TestSwitchKeyAbsentWithoutAccounts(t *testing.T) {
	h := start(t)
	h.waitFor("USD")
	h.keys("P")
	h.idle()
	view := h.final()
	if strings.Contains(view, "Switch account") || strings.Contains(view, "switch account") {
		t.Fatalf("P acted or is hinted without accounts:\n%s", view)
	}
}

// Keys typed before the switcher's list arrives (P j enter in one burst)
// are played back once it is in: the second account opens.
func TestSwitcherKeepsKeysTypedWhileLoading(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	list := []api.Choice{{Name: "default", Provider: "Targon", Current: true, ID: "a"}, {Name: "work", Provider: "OpenRouter", ID: "b"}}
	var opened string
	p, load := newSwitcher(c, &uitest.Accounts{
		ListChoices: func() ([]api.Choice, error) { return list, nil },
		OpenChoice:  func(ch api.Choice) (*api.Session, error) { opened = ch.Name; return nil, nil },
	})
	p.Update(uitest.Key("j"))
	p.Update(uitest.Key("enter"))
	_, cmd := p.Update(load())
	if cmd == nil {
		t.Fatal("the early enter opened nothing")
	}
	for _, msg := range uitest.Run(t, cmd) {
		p.Update(msg)
	}
	if opened != "work" {
		t.Fatalf("opened %q, want work", opened)
	}
}
