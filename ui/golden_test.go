package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api/apitest"
	"github.com/targon-dash/targon-dash/config"
)

// TestGoldenScreens draws every view and dialog at 100x30 with the ASCII
// profile and compares them with testdata/TestGoldenScreens/*.golden
// (regenerate with go test ./ui -update).
func TestGoldenScreens(t *testing.T) {
	cases := []struct {
		name  string
		drive func(h *harness)
	}{
		{"credits", func(h *harness) { h.waitFor("USD") }},
		{"api-keys", func(h *harness) { h.keys("2"); h.waitFor("production-inference") }},
		{"ssh-keys", func(h *harness) { h.keys("3"); h.waitFor("work-laptop") }},
		{"help", func(h *harness) { h.waitFor("USD"); h.keys("?"); h.waitFor("Keys") }},
		{"new-key-form", func(h *harness) {
			h.keys("2")
			h.waitFor("production-inference")
			h.keys("n")
			h.typeText("ci-bot")
			h.waitFor("ci-bot")
		}},
		{"rename-form", func(h *harness) {
			h.keys("2")
			h.waitFor("production-inference")
			h.keys("j", "e")
			h.waitFor("Rename")
		}},
		{"confirm-delete", func(h *harness) {
			h.keys("2")
			h.waitFor("production-inference")
			h.keys("j", "d")
			h.waitFor("Delete API key")
		}},
		{"confirm-roll-in-use", func(h *harness) {
			h.keys("2")
			h.waitFor("production-inference")
			h.keys("R")
			h.waitFor("Roll the secret")
		}},
		{"api-key-details", func(h *harness) {
			h.keys("2")
			h.waitFor("production-inference")
			h.keys("j", "enter")
			h.waitFor("UID")
		}},
		{"ssh-key-details", func(h *harness) {
			h.keys("3")
			h.waitFor("work-laptop")
			h.keys("enter")
			h.waitFor("SHA256")
		}},
		{"ssh-add-form", func(h *harness) {
			h.keys("3")
			h.waitFor("work-laptop")
			h.keys("n")
			h.waitFor("Public key")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := start(t)
			tc.drive(h)
			h.idle()
			h.requireGolden(h.final())
		})
	}
}

// TestGoldenSecret shows the secret modal after creating a key. The secret
// is random, so it is replaced by a placeholder of the same length.
func TestGoldenSecret(t *testing.T) {
	h := start(t)
	h.keys("2")
	h.waitFor("production-inference")
	h.keys("n")
	h.typeText("ci-bot")
	h.keys("enter")
	h.waitFor("copied via")
	h.idle()
	view := h.final()
	secret := h.clip.Last()
	if secret == "" || !strings.Contains(view, secret) {
		t.Fatalf("secret %q not copied or not shown:\n%s", secret, view)
	}
	h.requireGolden(strings.ReplaceAll(view, secret, "tgn_"+strings.Repeat("X", len(secret)-4)))
}

// TestGoldenImportPicker shows the ~/.ssh picker with one usable key and
// one refused (RSA 1024) key.
func TestGoldenImportPicker(t *testing.T) {
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".ssh"), 0o700); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"id_ed25519.pub": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO+0aIljtLDSvk9+NQXt8eFNzMiniC6EtCu0AFwJU7Mr me@laptop\n",
		"old_rsa.pub":    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDE0jRxVUeHx+G9j1fDc0UjSd0hI9kS1Z0D3GFqEq4K0LxZqZ4p5g5M0sRkU0H7sO2lL1qHqfJ2g0lU3oQfWqCz4v3k0v2cXH8bGJmM7pI0pZwzrYpV2Tf8W2x1f0H3JqHkqvE2w8dVqN3bD0Nq0h2g5qJ6lXc7m6wqQ8oV1wHqLw== old@box\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(home, ".ssh", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	h := start(t)
	h.keys("3")
	h.waitFor("work-laptop")
	h.keys("i")
	h.waitFor("Import")
	h.idle()
	h.requireGolden(h.final())
}

func TestGoldenTooSmall(t *testing.T) {
	h := start(t)
	h.waitFor("USD")
	h.tm.Send(tea.WindowSizeMsg{Width: 50, Height: 12})
	h.waitFor("too small")
	h.requireGolden(h.final())
}

func TestGoldenLogin(t *testing.T) {
	h := start(t, func(o *Options, _ *apitest.Server) {
		o.Client.SetToken("")
		o.Settings.SetAPIKey("")
		o.Settings.KeySource = config.KeyNone
		o.StartDemo = func() (string, string, error) { return "", "", nil }
	})
	h.waitFor("Sign in")
	h.requireGolden(h.final())
}
