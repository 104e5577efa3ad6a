package accounts

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/config"
)

// writeTestFile writes a file under dir, creating directories.
func writeTestFile(t *testing.T, dir, rel, content string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSessionPerProvider: the settings' provider picks the client, and the
// session says where the key is kept and saves a key there.
func TestSessionPerProvider(t *testing.T) {
	dir := t.TempDir()
	or := &config.Settings{Provider: config.ProviderOpenRouter, Profile: "router", BaseURL: "https://or.example.com/api/v1",
		KeySource: config.KeyFromEnv, KeyEnvVar: "OPENROUTER_API_KEY", CredentialsPath: filepath.Join(dir, "credentials-router")}
	or.SetAPIKey("sk-or-v1-abc")
	s, err := wiring{}.session(or, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Account.Provider().Name; got != "OpenRouter" {
		t.Errorf("provider = %q, want OpenRouter", got)
	}
	if want := (api.KeyHome{Source: api.KeyFromEnv, Env: "OPENROUTER_API_KEY", File: or.CredentialsPath}); s.Home != want {
		t.Errorf("Home = %+v, want %+v", s.Home, want)
	}
	if s.Profile != "router" || !s.Account.HasToken() {
		t.Errorf("Profile %q, HasToken %v", s.Profile, s.Account.HasToken())
	}
	if err := s.SaveKey("sk-or-v1-new"); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(or.CredentialsPath); err != nil || strings.TrimSpace(string(b)) != "sk-or-v1-new" {
		t.Errorf("saved key file: %q, %v", b, err)
	}
	checker, err := s.NewAccount("sk-or-v1-other")
	if err != nil || checker.Provider().Name != "OpenRouter" || checker.BaseURL() != or.BaseURL {
		t.Errorf("NewAccount: %v, %v", checker, err)
	}

	tg := &config.Settings{Profile: "default", BaseURL: "https://api.targon.example", KeySource: config.KeyFromEnv}
	s, err = wiring{}.session(tg, false)
	if err != nil {
		t.Fatal(err)
	}
	if s.Account.Provider().Name != "Targon" || s.Home.Env != "TARGON_API_KEY" || s.SaveKey != nil {
		t.Errorf("Targon session: provider %q, Home %+v, SaveKey set %v", s.Account.Provider().Name, s.Home, s.SaveKey != nil)
	}
	if _, err := (wiring{}).session(&config.Settings{Provider: "acme", BaseURL: "https://x.example"}, false); err == nil {
		t.Error("an unknown provider was wired")
	}
}

// switcherEnv is a home with a Targon profile "work" (current, its key in
// the environment), a profile "broken" with a bad base_url and an OpenRouter account "router" with a key file, its
// API served by an OpenRouter simulator.
func switcherEnv(t *testing.T) (config.Environment, *openroutertest.Server) {
	t.Helper()
	home := t.TempDir()
	sim := openroutertest.NewDemo()
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	writeTestFile(t, home, ".targon/config.toml", "current = \"work\"\n[profiles.work]\nbase_url = \"https://work.example.com\"\n[profiles.broken]\nbase_url = \"ftp://nowhere\"\n")
	writeTestFile(t, home, ".config/targon-dash/config.toml",
		"[accounts.router]\nprovider = \"openrouter\"\nbase_url = \""+srv.URL+openroutertest.BasePath+"\"\n")
	writeTestFile(t, home, ".config/targon-dash/credentials-router", sim.DemoManagementKey()+"\n")
	vars := map[string]string{"TARGON_API_KEY": "tgn_work"}
	return config.Environment{HomeDir: home, Getenv: func(k string) string { return vars[k] }}, sim
}

// find returns the choice named name, failing the test without it.
func find(t *testing.T, list []api.Choice, name string) api.Choice {
	t.Helper()
	for _, c := range list {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no choice %q in %+v", name, list)
	return api.Choice{}
}

// currentNames lists the names of the choices marked current.
func currentNames(list []api.Choice) []string {
	var out []string
	for _, c := range list {
		if c.Current {
			out = append(out, c.Name)
		}
	}
	return out
}

// TestSwitcherSwitchesAndKeepsCurrent: the Book lists the Targon profile
// and the dashboard's accounts, opens the OpenRouter one (which then works
// over HTTP), marks whichever is open as current, and reopens the start
// account as it was left.
func TestSwitcherSwitchesAndKeepsCurrent(t *testing.T) {
	env, _ := switcherEnv(t)
	p := openBook(t, Config{Env: env})
	startSession := p.Start()

	list, err := p.List()
	if err != nil {
		t.Fatal(err)
	}
	work, router, broken := find(t, list, "work"), find(t, list, "router"), find(t, list, "broken")
	if work.Provider != "Targon" || work.Host != "work.example.com" || !work.Current {
		t.Errorf("work = %+v, want Targon at work.example.com, current", work)
	}
	if router.Provider != "OpenRouter" || router.Current || router.Problem != "" || !strings.HasPrefix(router.Host, "127.0.0.1:") {
		t.Errorf("router = %+v, want OpenRouter on loopback, not current", router)
	}
	if broken.Problem == "" || strings.Contains(broken.Problem, "\n") {
		t.Errorf("broken = %+v, want a one-line problem", broken)
	}
	if _, err := p.Open(broken); err == nil {
		t.Error("a choice with a problem was opened")
	}

	s := switched(t, p, router)
	if s.Account.Provider().Name != "OpenRouter" || s.Profile != "router" || s.Home.Source != api.KeyFromFile {
		t.Errorf("router session: provider %q, profile %q, home %+v", s.Account.Provider().Name, s.Profile, s.Home)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := s.Account.Balance(ctx); err != nil {
		t.Fatalf("the opened OpenRouter account: %v", err)
	}
	if list, err = p.List(); err != nil {
		t.Fatal(err)
	}
	if got := currentNames(list); len(got) != 1 || got[0] != "router" {
		t.Errorf("current after the switch = %v, want [router]", got)
	}

	// Back to the start account: the same account, with the key it has now.
	startSession.Account.SetToken("tgn_rolled")
	back := switched(t, p, find(t, list, "work"))
	if back != startSession || back.Account != startSession.Account {
		t.Error("the start account was not reopened as it was left")
	}
	if list, err = p.List(); err != nil {
		t.Fatal(err)
	}
	if got := currentNames(list); len(got) != 1 || got[0] != "work" {
		t.Errorf("current after switching back = %v, want [work]", got)
	}
}

// TestDemoSwitcher: with --demo the switcher offers exactly the demo
// accounts (Targon v2, Targon v3 in each of its two organizations,
// OpenRouter), all served in-process, and switches between them.
func TestDemoSwitcher(t *testing.T) {
	p := openBook(t, Config{Demo: true, Env: emptyEnv(t)})
	startSession := p.Start()
	list, err := p.List()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range list {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, "; "); got != "demo; demo-v3 · alice (personal); demo-v3 · acme (team, ADMIN); demo-openrouter" || !list[0].Current {
		t.Fatalf("demo choices = %s, want the Targon demo (current), the v3 demo's two organizations and the OpenRouter demo", got)
	}
	if _, ok := startSession.Account.(api.Orgs); ok {
		t.Errorf("the v2 demo is a %T; it is pinned to v2", startSession.Account)
	}
	s := switched(t, p, list[3])
	if s.Home.Source != api.KeyFromDemo || s.SaveKey != nil {
		t.Errorf("demo session: Home %+v, SaveKey set %v", s.Home, s.SaveKey != nil)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := s.Account.Balance(ctx); err != nil {
		t.Fatalf("OpenRouter demo: %v", err)
	}
	var n int
	for page, err := range s.Account.Keys(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		n += len(page)
	}
	if n == 0 {
		t.Error("the OpenRouter demo lists no keys")
	}
	if list, err = p.List(); err != nil {
		t.Fatal(err)
	}
	if got := currentNames(list); len(got) != 1 || got[0] != list[3].Name {
		t.Errorf("current = %v, want [%s]", got, list[3].Name)
	}
	if _, ok := startSession.Account.(api.SSHKeys); !ok {
		t.Error("the Targon demo has no SSH keys")
	}
}

// TestDemoJoinsTheSwitcher: "try the demo" at the login screen opens the
// Targon demo, and the switcher then lists both demo accounts after the
// real ones, the Targon demo current.
func TestDemoJoinsTheSwitcher(t *testing.T) {
	env, _ := switcherEnv(t)
	p := openBook(t, Config{Env: env})
	s, err := p.Demo()
	if err != nil {
		t.Fatal(err)
	}
	p.Use(s) // the UI switched to it
	if s.Account.Provider().Name != "Targon" || s.Home.Source != api.KeyFromDemo {
		t.Errorf("demo session: %q, %+v", s.Account.Provider().Name, s.Home)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := s.Account.Balance(ctx); err != nil {
		t.Fatalf("Targon demo: %v", err)
	}
	list, err := p.List()
	if err != nil {
		t.Fatal(err)
	}
	find(t, list, "work")
	if got := currentNames(list); len(got) != 1 || got[0] != "demo" {
		t.Errorf("current = %v, want [demo]", got)
	}
	if or := find(t, list, "demo-openrouter"); or.Provider != "OpenRouter" {
		t.Errorf("demo-openrouter = %+v", or)
	}
}

// TestDemoServersFrozenClock: with a frozen clock both simulators make
// new keys from their seeded sources, so two runs hand out the same
// secrets (screenshots depend on it).
func TestDemoServersFrozenClock(t *testing.T) {
	clock, err := DemoClock(func(string) string { return "2025-06-01T12:00:00Z" })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// created returns the secrets of a key created on each demo account.
	created := func() [2]string {
		d, err := startDemoServers(clock)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		var out [2]string
		for i, id := range []string{demoTargonID, demoOpenRouterID} {
			s, err := wiring{}.session(d.settings(id), false)
			if err != nil {
				t.Fatal(err)
			}
			sec, err := s.Account.CreateKey(ctx, api.KeySpec{Name: "picture"})
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			out[i] = sec.Value
		}
		if !strings.HasSuffix(d.openrouter.url, openroutertest.BasePath) {
			t.Errorf("OpenRouter demo URL %q does not end in %s", d.openrouter.url, openroutertest.BasePath)
		}
		return out
	}
	if a, b := created(), created(); a != b {
		t.Errorf("a frozen demo made different secrets: %q, then %q", a, b)
	}
}

// TestDemoStartsOnOpenRouter: --demo --provider openrouter starts on the
// OpenRouter demo, which the switcher marks current.
func TestDemoStartsOnOpenRouter(t *testing.T) {
	p := openBook(t, Config{Demo: true, Flags: config.Flags{Provider: config.ProviderOpenRouter}, Env: emptyEnv(t)})
	if name := p.Start().Account.Provider().Name; name != "OpenRouter" {
		t.Fatalf("starts on %s", name)
	}
	list, err := p.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 4 || list[0].Current || !list[3].Current {
		t.Fatalf("demo choices = %+v, want the OpenRouter demo current", list)
	}
}

// switched opens choice as the UI does when the user picks it in the
// switcher and the open completes: the Book opens it, the UI switches to
// it and says so (Use).
func switched(t *testing.T, p *Book, choice api.Choice) *api.Session {
	t.Helper()
	s, err := p.Open(choice)
	if err != nil {
		t.Fatal(err)
	}
	p.Use(s)
	return s
}

// openBook opens the accounts of cfg, closed when the test ends.
func openBook(t *testing.T, cfg Config) *Book {
	t.Helper()
	b, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	b.listTimeout = 300 * time.Millisecond // the profiles at example.com are not served
	return b
}

// emptyEnv is an empty home and no environment variables.
func emptyEnv(t *testing.T) config.Environment {
	return config.Environment{Getenv: func(string) string { return "" }, HomeDir: t.TempDir()}
}

// An open the UI never switched to (the user pressed esc while it was
// opening) leaves the current account as it was: the switcher still marks
// it, and choosing the other account opens it, not just closes.
func TestCancelledOpenKeepsCurrent(t *testing.T) {
	env, _ := switcherEnv(t)
	p := openBook(t, Config{Env: env})
	list, err := p.List()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Open(find(t, list, "router")); err != nil { // then esc
		t.Fatal(err)
	}
	if list, err = p.List(); err != nil {
		t.Fatal(err)
	}
	if got := currentNames(list); len(got) != 1 || got[0] != "work" {
		t.Fatalf("current after a cancelled open = %v, want [work]", got)
	}
	s := switched(t, p, find(t, list, "router"))
	if s.ID != find(t, list, "router").ID {
		t.Errorf("opened session's ID = %q", s.ID)
	}
	if list, err = p.List(); err != nil {
		t.Fatal(err)
	}
	if got := currentNames(list); len(got) != 1 || got[0] != "router" {
		t.Fatalf("current after the switch = %v, want [router]", got)
	}
}

// A key saved at the login screen stays saved after switching away and
// back: the UI changes the shared session's key and home and says it uses
// it, and the account reopens as it was left.
func TestSavedLoginSurvivesSwitch(t *testing.T) {
	env, _ := switcherEnv(t)
	env.Getenv = func(string) string { return "" } // work has no key
	p := openBook(t, Config{Env: env})
	startSession := p.Start()
	if startSession.Account.HasToken() || startSession.Home.Source != api.KeyNone {
		t.Fatalf("the start session has a key: %+v", startSession.Home)
	}

	// The login screen saves a key: the UI sets the token on the account
	// and the home on the session, and says it uses it.
	s := p.Start()
	if s.ID == "" {
		t.Fatal("the start session has no ID")
	}
	s.Account.SetToken("tgn_saved")
	s.Home.Source = api.KeyFromFile
	p.Use(s)

	list, err := p.List()
	if err != nil {
		t.Fatal(err)
	}
	switched(t, p, find(t, list, "router"))
	back := switched(t, p, find(t, list, "work"))
	if back.Home.Source != api.KeyFromFile || !back.Account.HasToken() {
		t.Errorf("work reopens with Home %+v, token set %v; want the key kept in the credentials file", back.Home, back.Account.HasToken())
	}
	if back != startSession || back.Account != startSession.Account {
		t.Error("work was not reopened as it was left")
	}
}

// The switcher's text comes from config files and is drawn: List hands it
// over clean (no bidi controls, no escapes), names and problems alike.
func TestListCleansText(t *testing.T) {
	env, _ := switcherEnv(t)
	writeTestFile(t, env.HomeDir, ".targon/config.toml", "current = \"work\"\n[profiles.work]\nbase_url = \"https://work.example.com\"\n"+
		"[profiles.\"ev\u202eil\"]\nbase_url = \"https://evil.example.com\"\n[profiles.bad]\nbase_url = \"ftp://x\u202ey\"\n")
	p := openBook(t, Config{Env: env})
	list, err := p.List()
	if err != nil {
		t.Fatal(err)
	}
	evil := find(t, list, "evil")
	bad := find(t, list, "bad")
	for _, c := range []api.Choice{evil, bad} {
		for _, s := range []string{c.Name, c.Provider, c.Host, c.Problem} {
			if s != api.CleanText(s) || strings.ContainsAny(s, "\u202e\u001b") {
				t.Errorf("choice %q: text %q is not clean", c.Name, s)
			}
		}
	}
	if bad.Problem == "" {
		t.Errorf("bad = %+v, want a problem", bad)
	}
}
