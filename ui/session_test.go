package ui

import (
	"testing"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/login"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// The root tells main (Options.SessionChanged) which session it uses only
// when it switches to one: an open cancelled with esc is never reported.
// After a sign-in that saved the key it reports the session again, its
// key now kept in the credentials file.
func TestSessionChangedReportsSwitchesAndSignIns(t *testing.T) {
	orSim, orURL := uitest.OpenRouter(t)
	start := testSession(t, "http://127.0.0.1:1", "", common.KeyNone)
	start.ID = "t"
	work := orSession(t, "work", orURL, orSim.DemoManagementKey())
	work.ID = "o"
	work.Home = common.KeyHome{File: "credentials-work"}
	work.Account.SetToken("") // the login screen comes first
	list := []AccountChoice{{Name: "default", Provider: "Targon", Current: true, ID: "t"}, {Name: "work", Provider: "OpenRouter", ID: "o"}}
	var reported []Session
	m, err := New(Options{
		Session:        start,
		Accounts:       func() ([]AccountChoice, error) { return list, nil },
		OpenAccount:    func(AccountChoice) (Session, error) { return work, nil },
		SessionChanged: func(s Session) { reported = append(reported, s) },
		Now:            uitest.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	m.Update(login.DoneMsg{Key: "tgn_typed"}) // signed in, key not saved
	reported = nil
	// P, the list, j enter: work opens; esc cancels before it is in.
	m.Update(uitest.Key("P"))
	pk, ok := m.modals.Top().(*picker)
	if !ok {
		t.Fatalf("P opened %T", m.modals.Top())
	}
	m.Update(choicesMsg{to: pk, choices: list})
	m.Update(uitest.Key("j"))
	m.Update(uitest.Key("enter"))
	gen := pk.opening
	m.Update(uitest.Key("esc"))
	m.Update(openedMsg{to: pk, gen: gen, name: "work", session: work})
	if len(reported) != 0 {
		t.Fatalf("a cancelled open was reported: %+v", reported)
	}

	m.Update(switchMsg{session: work, name: "work"})
	if len(reported) != 1 || reported[0].ID != "o" || reported[0].Account != work.Account {
		t.Fatalf("after the switch reported %+v, want work (ID o)", reported)
	}
	m.Update(login.DoneMsg{Key: orSim.DemoManagementKey(), Saved: true})
	if len(reported) != 2 {
		t.Fatalf("the saved sign-in was not reported: %+v", reported)
	}
	if got := reported[1]; got.ID != "o" || got.Home.Source != common.KeyFromFile || got.Home.File != "credentials-work" || !got.Account.HasToken() {
		t.Fatalf("after the saved sign-in reported ID %q, Home %+v, token set %v", got.ID, got.Home, got.Account.HasToken())
	}
}
