package ui

import (
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
	secret := h.clip.last()
	if secret == "" || !strings.Contains(view, secret) {
		t.Fatalf("secret %q not copied or not shown:\n%s", secret, view)
	}
	h.requireGolden(strings.ReplaceAll(view, secret, "tgn_"+strings.Repeat("X", len(secret)-4)))
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
