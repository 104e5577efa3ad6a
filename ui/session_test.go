package ui

import (
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/login"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The root tells Accounts (Use) which session it uses only when it
// switches to one: an open cancelled with esc is never reported. After a
// sign-in that saved the key it reports the session again, its key now
// kept in the credentials file.
func TestUseReportsSwitchesAndSignIns(t *testing.T) {
	orSim, orURL := uitest.OpenRouter(t)
	start := testSession(t, "http://127.0.0.1:1", "", api.KeyNone)
	start.ID = "t"
	work := orSession(t, "work", orURL, orSim.DemoManagementKey())
	work.ID = "o"
	work.Home = api.KeyHome{File: "credentials-work"}
	work.Account.SetToken("") // the login screen comes first
	list := []api.Choice{{Name: "default", Provider: "Targon", Current: true, ID: "t"}, {Name: "work", Provider: "OpenRouter", ID: "o"}}
	accounts := &uitest.Accounts{
		Session:     start,
		ListChoices: func() ([]api.Choice, error) { return list, nil },
		OpenChoice:  func(api.Choice) (*api.Session, error) { return work, nil },
	}
	m, err := New(Options{Accounts: accounts, Now: uitest.Now})
	if err != nil {
		t.Fatal(err)
	}
	m.Update(login.DoneMsg{Key: "tgn_typed"}) // signed in, key not saved
	accounts.Used()
	// P, the list, j enter: work opens; esc cancels before it is in.
	m.Update(uitest.Key("P"))
	sw, ok := m.modals.Top().(*switcher)
	if !ok {
		t.Fatalf("P opened %T", m.modals.Top())
	}
	m.Update(choicesMsg{to: sw, choices: list})
	m.Update(uitest.Key("j"))
	m.Update(uitest.Key("enter"))
	gen := sw.opening
	m.Update(uitest.Key("esc"))
	m.Update(openedMsg{to: sw, gen: gen, name: "work", session: work})
	if reported := accounts.Used(); len(reported) != 0 {
		t.Fatalf("a cancelled open was reported: %+v", reported)
	}

	m.Update(switchMsg{session: work, name: "work"})
	reported := accounts.Used()
	if len(reported) != 1 || reported[0] != work || reported[0].ID != "o" || reported[0].Account != work.Account {
		t.Fatalf("after the switch reported %+v, want work (ID o)", reported)
	}
	if m.c.Session != work {
		t.Fatal("the root holds a copy of the session switched to, not the one Accounts opened")
	}
	m.Update(login.DoneMsg{Key: orSim.DemoManagementKey(), Saved: true})
	reported = accounts.Used()
	if len(reported) != 1 {
		t.Fatalf("the saved sign-in was not reported: %+v", reported)
	}
	if got := reported[0]; got.ID != "o" || got.Home.Source != api.KeyFromFile || got.Home.File != "credentials-work" || !got.Account.HasToken() {
		t.Fatalf("after the saved sign-in reported ID %q, Home %+v, token set %v", got.ID, got.Home, got.Account.HasToken())
	}
}
