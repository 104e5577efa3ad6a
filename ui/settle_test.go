package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// pump delivers what cmd yields through Update, as the program does (so
// the boards' ownership of messages is exercised), and what follows,
// until nothing is left (timers aside).
func pump(t *testing.T, m *Model, cmd tea.Cmd) {
	t.Helper()
	queue := uitest.Run(t, cmd)
	for i := 0; len(queue) > 0 && i < 500; i++ {
		msg := queue[0]
		queue = queue[1:]
		_, next := m.Update(msg)
		queue = append(queue, uitest.Run(t, next)...)
	}
}

// An account on api_version "auto" settles before its views are built for
// good: on a server that serves /tha/v2 alone, the dashboard is today's
// v2 one (three tabs, R rolls); on a v3 server it has organizations and
// service tokens. Either way the keys list loads (the answers reach the
// board shown after the settle).
func TestAutoSettlesBeforeTheViewsLoad(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opts  []targontest.Option
		tabs  int
		rolls bool
		keys  string
	}{
		{"v2 only", []targontest.Option{targontest.WithoutV3()}, 3, true, "8 API keys"},
		{"v3", nil, 4, false, "8 API tokens"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sim := targontest.NewDemo(append(tc.opts, targontest.WithClock(uitest.Now))...)
			acct, err := targon.NewAuto(uitest.Serve(t, sim), sim.DemoKey(), targon.OrgChoice{}, clientopt.WithRetry(clientopt.NoRetry()))
			if err != nil {
				t.Fatal(err)
			}
			s := &api.Session{Account: acct, Profile: "default"}
			m, err := New(Options{Accounts: &uitest.Accounts{Session: s}, Clipboard: &uitest.Clipboard{}, Now: uitest.Now})
			if err != nil {
				t.Fatal(err)
			}
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			init := m.Init()
			m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'2'}}) // typed before the answer
			pump(t, m, init)
			if m.tabs.Active() != 1 {
				t.Fatalf("tab %d after settling; the 2 typed before was lost", m.tabs.Active())
			}
			if _, rolls := m.c.Account.(api.Roller); len(m.views) != tc.tabs || rolls != tc.rolls {
				t.Fatalf("%d tabs, rolls %v; want %d, %v", len(m.views), rolls, tc.tabs, tc.rolls)
			}
			if s.Account == api.Account(acct) {
				t.Error("the session still holds the unsettled account")
			}
			pump(t, m, func() tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'2'}} })
			if v := uitest.Plain(m.View()); !strings.Contains(v, tc.keys) {
				t.Fatalf("the keys did not load:\n%s", v)
			}
		})
	}
}
