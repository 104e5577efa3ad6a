package ui

import (
	"strings"
	"testing"
)

// From the login screen, ctrl+p (P is typed into the key box) opens the
// account switcher over it; esc there comes back to the login screen with
// nothing typed; choosing an account switches to it.
func TestLoginOpensAccountSwitcher(t *testing.T) {
	h := start(t, signedOut, withPicker(t))
	h.waitFor("Sign in to Targon")
	h.keys("ctrl+p")
	h.waitFor("Switch account", "broken")
	h.keys("esc")
	h.waitFor("ctrl+p switch account")
	h.keys("ctrl+p")
	h.waitFor("Switch account", "broken")
	h.keys("j", "enter")
	h.waitFor("Switched to work")
	h.idle()
	if v := h.final(); strings.Contains(v, "Sign in") {
		t.Errorf("still on the login screen:\n%s", v)
	}
}

// Signed in with an OpenRouter inference key, the API keys view offers
// signing in with another key: K opens the login screen, which says why,
// and esc there goes back to the view with the key in use.
func TestInferenceKeyOffersSignIn(t *testing.T) {
	h := start(t, onOpenRouter(t, true))
	h.waitFor("inference key")
	h.keys("2")
	h.waitFor("K signs in with another key")
	h.idle()
	h.keys("K")
	h.waitFor("Sign in to OpenRouter", "inference key: it cannot list", "esc back")
	h.keys("esc")
	h.waitFor("K signs in with another key")
	h.idle()
	if v := h.final(); strings.Contains(v, "Sign in to") {
		t.Errorf("esc did not leave the login screen:\n%s", v)
	}
}
