package sshkeys

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// A 1024-bit RSA key is refused for its size alone: its comment still
// names the key, so the form says only what is wrong with the key, keeps
// the cursor on it, and sends nothing.
func TestAddFormWeakRSAKeyBlamesOnlyTheKey(t *testing.T) {
	h := demo(t)
	h.Keys("n")
	f := h.form()
	f.Focus(fieldKey)
	h.Paste(rsaLine(t, 1024, "old@laptop"))
	if got := f.Value(fieldName); got != "old@laptop" {
		t.Errorf("name = %q, want the key's comment", got)
	}
	before := len(h.sim.Requests())
	h.Keys("enter")
	v := uitest.Plain(f.View())
	if strings.Contains(v, "a name is required") || f.FieldError(fieldName) != "" {
		t.Errorf("the name is blamed:\n%s", v)
	}
	if !strings.Contains(f.FieldError(fieldKey), "RSA keys must have at least 2048 bits (this one has 1024)") {
		t.Errorf("key error = %q", f.FieldError(fieldKey))
	}
	if f.Value(fieldName) != "old@laptop" {
		t.Errorf("name = %q after submit", f.Value(fieldName))
	}
	if n := len(h.sim.Requests()) - before; n != 0 {
		t.Errorf("%d requests sent", n)
	}
	// The cursor stays on the key: typing goes there, not into the name.
	h.Type("x")
	if !strings.HasSuffix(f.Value(fieldKey), "x") {
		t.Errorf("the cursor left the key: name %q", f.Value(fieldName))
	}
}
