package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// goldenSizes are the sizes every screen is drawn at: the design size and
// the minimum (DESIGN.md, "Sizes").
var goldenSizes = []struct{ w, h int }{{80, 24}, {MinWidth, MinHeight}}

// goldenScreen is one screen of the golden suite: how to reach it, and
// what to do with the view before comparing (e.g. hide a random secret).
type goldenScreen struct {
	name string
	opts []harnessOption
	// with is an option that needs the test (a simulator it serves).
	with  func(t *testing.T) harnessOption
	setup func(t *testing.T)
	drive func(h *harness)
	// fix rewrites the final view; nil keeps it.
	fix func(t *testing.T, h *harness, view string) string
}

// openAPIKeys switches to the API keys view and waits for its rows.
func openAPIKeys(h *harness) {
	h.keys("2")
	h.waitFor("production")
	h.idle()
}

// openSSHKeys switches to the SSH keys view and waits for its rows.
func openSSHKeys(h *harness) {
	h.keys("3")
	h.waitFor("work-laptop")
	h.idle()
}

// goldenScreens lists every view and dialog.
var goldenScreens = []goldenScreen{
	{name: "credits", drive: func(h *harness) { h.waitFor("USD") }},
	{name: "api-keys", drive: openAPIKeys},
	{name: "ssh-keys", drive: openSSHKeys},
	{name: "api-keys-sorted", drive: func(h *harness) { openAPIKeys(h); h.keys("j", "s", "s"); h.waitFor("NAME ▲") }},
	{name: "help", drive: func(h *harness) { h.waitFor("USD"); h.keys("?"); h.waitFor("Keys") }},
	{name: "help-api-keys", drive: func(h *harness) { openAPIKeys(h); h.keys("?"); h.waitFor("Keys") }},
	{name: "new-key-form", drive: func(h *harness) {
		openAPIKeys(h)
		h.keys("n")
		h.typeText("ci-bot")
		h.waitFor("ci-bot")
	}},
	{name: "rename-form", drive: func(h *harness) { openAPIKeys(h); h.keys("j", "e"); h.waitFor("Rename") }},
	{name: "confirm-delete", drive: func(h *harness) { openAPIKeys(h); h.keys("j", "d"); h.waitFor("Delete") }},
	{name: "confirm-roll", drive: func(h *harness) { openAPIKeys(h); h.keys("j", "R"); h.waitFor("Roll") }},
	{name: "confirm-roll-in-use", drive: func(h *harness) { openAPIKeys(h); h.keys("R"); h.waitFor("Roll") }},
	{name: "secret", drive: func(h *harness) {
		openAPIKeys(h)
		h.keys("n")
		h.typeText("ci-bot")
		h.keys("enter")
		h.waitFor("copied")
	}, fix: hideSecret},
	{name: "api-key-details", drive: func(h *harness) { openAPIKeys(h); h.keys("j", "enter"); h.waitFor("UID") }},
	{name: "ssh-key-details", drive: func(h *harness) { openSSHKeys(h); h.keys("enter"); h.waitFor("SHA256") }},
	{name: "ssh-confirm-delete", drive: func(h *harness) { openSSHKeys(h); h.keys("d"); h.waitFor("Delete") }},
	{name: "ssh-add-form", drive: func(h *harness) { openSSHKeys(h); h.keys("n"); h.waitFor("Public key") }},
	{name: "import-picker", setup: fakeSSHDir, drive: func(h *harness) { openSSHKeys(h); h.keys("i"); h.waitFor("Import") }},
	{name: "login", opts: []harnessOption{signedOut}, drive: func(h *harness) { h.waitFor("Sign in") }},
	{name: "account-picker", with: withPicker, drive: func(h *harness) { h.waitFor("USD"); h.keys("P"); h.waitFor("broken") }},
	{name: "or-credits", with: orManagement, drive: func(h *harness) { h.waitFor("Remaining", "Expires") }},
	{name: "or-credits-inference", with: orInference, drive: func(h *harness) { h.waitFor("inference key", "Expires") }},
	{name: "or-api-keys", with: orManagement, drive: openORKeys},
	{name: "or-new-key-form", with: orManagement, drive: func(h *harness) {
		openORKeys(h)
		h.keys("n")
		h.typeText("ci-bot")
		h.keys("tab", "tab") // past the workspace (the default) to the limit
		h.typeText("25")
		h.keys("tab", "right", "right", "right")
		h.waitFor("monthly")
	}},
	{name: "or-confirm-replace", with: orManagement, drive: func(h *harness) { openORKeys(h); h.keys("j", "j", "j", "j", "R"); h.waitFor("Replace") }},
	{name: "or-disable-old", with: orManagement, drive: func(h *harness) {
		openORKeys(h)
		h.keys("j", "j", "j", "j", "R", "enter", "enter")
		h.waitFor("copied via")
		h.idle()
		h.keys("esc")
		h.waitFor("Disable the old key now?")
	}},
	{name: "or-api-key-details", with: orManagement, drive: func(h *harness) { openORKeys(h); h.keys("j", "j", "j", "j", "enter"); h.waitFor("Hash") }},
	{name: "read-only-api-keys", opts: []harnessOption{readOnly}, drive: openAPIKeys},
	{name: "read-only-or-api-keys", opts: []harnessOption{readOnly}, with: orManagement, drive: openORKeys},
}

// orManagement and orInference start on the OpenRouter demo with its
// management key or its inference key.
func orManagement(t *testing.T) harnessOption { return onOpenRouter(t, false) }
func orInference(t *testing.T) harnessOption  { return onOpenRouter(t, true) }

// openORKeys switches to the OpenRouter API keys and waits for its rows.
func openORKeys(h *harness) {
	h.keys("2")
	h.waitFor("hackathon")
	h.idle()
}

// TestGoldenScreens draws every view and dialog at 80x24 and 60x15 with the
// ASCII profile and compares them with
// testdata/TestGoldenScreens/WxH/NAME.golden (regenerate with
// go test ./ui -update).
func TestGoldenScreens(t *testing.T) {
	for _, size := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			for _, sc := range goldenScreens {
				t.Run(sc.name, func(t *testing.T) {
					if sc.setup != nil {
						sc.setup(t)
					}
					opts := sc.opts
					if sc.with != nil {
						opts = append(append([]harnessOption(nil), opts...), sc.with(t))
					}
					h := start(t, opts...)
					h.tm.Send(tea.WindowSizeMsg{Width: size.w, Height: size.h})
					sc.drive(h)
					h.idle()
					view := h.final()
					if sc.fix != nil {
						view = sc.fix(t, h, view)
					}
					h.requireGolden(view)
				})
			}
		})
	}
}

// hideSecret replaces the random secret of a new key by a placeholder of
// the same length, after checking it was copied and shown.
func hideSecret(t *testing.T, h *harness, view string) string {
	secret := h.clip.Last()
	if secret == "" || !strings.Contains(view, secret) {
		t.Fatalf("secret %q not copied or not shown:\n%s", secret, view)
	}
	return strings.ReplaceAll(view, secret, "tgn_"+strings.Repeat("X", len(secret)-4))
}

// fakeSSHDir makes a home whose ~/.ssh holds one usable key, one refused
// (RSA 1024) key and a private key saved as .pub by mistake.
func fakeSSHDir(t *testing.T) {
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".ssh"), 0o700); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"id_ed25519.pub": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO+0aIljtLDSvk9+NQXt8eFNzMiniC6EtCu0AFwJU7Mr me@laptop\n",
		"old_rsa.pub":    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDE0jRxVUeHx+G9j1fDc0UjSd0hI9kS1Z0D3GFqEq4K0LxZqZ4p5g5M0sRkU0H7sO2lL1qHqfJ2g0lU3oQfWqCz4v3k0v2cXH8bGJmM7pI0pZwzrYpV2Tf8W2x1f0H3JqHkqvE2w8dVqN3bD0Nq0h2g5qJ6lXc7m6wqQ8oV1wHqLw== old@box\n",
		"oops.pub":       "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(home, ".ssh", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
}

// signedOut starts without a key, on the login screen.
func signedOut(o *Options, _ *targontest.Server) {
	sessionOf(o).Account.SetToken("")
	sessionOf(o).Home.Source = api.KeyNone
	testAccounts(o).StartDemo = func() (*api.Session, error) { return nil, errors.New("no demo in this test") }
}

// TestGoldenTooSmall is the notice below the minimum size.
func TestGoldenTooSmall(t *testing.T) {
	h := start(t)
	h.waitFor("USD")
	h.tm.Send(tea.WindowSizeMsg{Width: 50, Height: 12})
	h.waitFor("too small")
	h.requireGolden(h.final())
}
