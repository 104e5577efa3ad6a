package tokens_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/tokens"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// view is the Service tokens view of the fake v3 account, acting in acme.
type view struct {
	c    *common.Common
	m    *tokens.Model
	d    *uitest.Driver
	acct *uitest.V3Account
	clip *uitest.Clipboard
}

func newView(t *testing.T) *view {
	v := &view{}
	v.c, v.clip, v.acct = uitest.NewV3Common(true, nil)
	v.m = tokens.New(v.c)
	v.d = uitest.NewDriver(t, v.c, v.m)
	return v
}

func (v *view) screen() string {
	if top := v.d.Top(); top != nil {
		return uitest.Plain(top.View())
	}
	return uitest.Plain(v.m.View())
}

// The list shows each token with who created it ("—" where the server
// does not say) and when, newest first.
func TestListShowsWhoAndWhen(t *testing.T) {
	v := newView(t)
	s := v.screen()
	for _, want := range []string{"3 service tokens", "CREATED BY", "ci-deploy", "Alice Moreau <alice@acme.dev>", "grafana-exporter —", "3 mo ago"} {
		if !strings.Contains(s, want) {
			t.Errorf("list lacks %q:\n%s", want, s)
		}
	}
	if strings.Index(s, "ci-deploy") > strings.Index(s, "prod-inference") {
		t.Errorf("not newest first:\n%s", s)
	}
}

// n creates a token: its secret is copied at once and shown once in the
// secret dialog, and the new row is selected at the top.
func TestCreateShowsAndCopiesTheSecretOnce(t *testing.T) {
	v := newView(t)
	v.d.Keys("n")
	v.d.Type("nightly-eval")
	v.d.Keys("enter")
	secret := v.clip.Last()
	if !strings.HasPrefix(secret, "tgn_") {
		t.Fatalf("copied %q", secret)
	}
	s := v.screen()
	if !strings.Contains(s, "New service token “nightly-eval”") || !strings.Contains(s, secret) || !strings.Contains(s, "copied via system clipboard") {
		t.Fatalf("secret dialog:\n%s", s)
	}
	v.d.Keys("esc")
	if s := v.screen(); strings.Contains(s, secret) || !strings.Contains(s, "▌ nightly-eval") {
		t.Errorf("after the secret:\n%s", s)
	}
	if n := len(v.clip.Copied()); n != 1 {
		t.Errorf("copied %d times", n)
	}
}

// A create the server refuses keeps the form and what was typed, and says
// why; a secret in the wrong shape is never shown or copied.
func TestCreateErrors(t *testing.T) {
	v := newView(t)
	v.acct.Fail("CreateServiceToken", api.ErrForbidden)
	v.d.Keys("n")
	v.d.Type("nightly-eval")
	v.d.Keys("enter")
	if s := v.screen(); !strings.Contains(s, "nightly-eval") || !strings.Contains(s, "✗") {
		t.Errorf("refused create:\n%s", s)
	}
	if len(v.clip.Copied()) != 0 {
		t.Error("copied after a refused create")
	}
}

// d asks first, starting on No: enter keeps the token, y deletes it and
// the row goes.
func TestDeleteAsksFirst(t *testing.T) {
	v := newView(t)
	v.d.Keys("d")
	if s := v.screen(); !strings.Contains(s, "Delete service token “ci-deploy”?") || !strings.Contains(s, "svc-5a9b31") {
		t.Fatalf("d:\n%s", s)
	}
	v.d.Keys("enter")
	if v.acct.Calls("DeleteServiceToken") != 0 || v.d.Top() != nil {
		t.Fatal("enter on No deleted, or left the dialog")
	}
	v.d.Keys("d", "y")
	if v.acct.Calls("DeleteServiceToken") != 1 || strings.Contains(v.screen(), "ci-deploy") {
		t.Errorf("y did not delete:\n%s", v.screen())
	}
	if !strings.Contains(v.d.LastToast(), "service token “ci-deploy” deleted") {
		t.Errorf("toast %q", v.d.LastToast())
	}
}

// A token deleted elsewhere (404) counts as deleted.
func TestDeleteGoneCountsAsDeleted(t *testing.T) {
	v := newView(t)
	v.acct.Fail("DeleteServiceToken", api.ErrNotFound)
	v.d.Keys("d", "y")
	if strings.Contains(v.screen(), "ci-deploy") {
		t.Errorf("row stayed:\n%s", v.screen())
	}
	v.acct.Fail("DeleteServiceToken", errors.Join(api.ErrServer, errors.New("HTTP 500")))
	v.d.Keys("d", "y")
	if s := v.screen(); !strings.Contains(s, "✗") {
		t.Errorf("a failed delete does not say so:\n%s", s)
	}
}

// There is no rename and no roll: e and R do nothing, and neither the
// footer nor "?" offers them.
func TestNoRenameNoRoll(t *testing.T) {
	v := newView(t)
	k := v.c.Keys
	v.d.Keys("e", "R")
	if v.d.Top() != nil || len(v.d.Toasts) != 0 {
		t.Errorf("e or R answered: %v", v.d.Toasts)
	}
	has := func(bs []key.Binding, b key.Binding) bool {
		for _, x := range bs {
			if x.Enabled() && x.Help().Key == b.Help().Key {
				return true
			}
		}
		return false
	}
	var help []key.Binding
	for _, g := range v.m.FullHelp() {
		help = append(help, g...)
	}
	for _, b := range []key.Binding{k.Rename, k.Roll} {
		if has(v.m.Footer(), b) || has(help, b) {
			t.Errorf("%s is offered", b.Help().Key)
		}
	}
	for _, b := range []key.Binding{k.New, k.Delete} {
		if !has(v.m.Footer(), b) || !has(help, b) {
			t.Errorf("%s is not offered", b.Help().Key)
		}
	}
}

// Read-only mode refuses creating and deleting in a line.
func TestReadOnly(t *testing.T) {
	c, _, acct := uitest.NewV3Common(true, nil)
	c.ReadOnly, c.ReadOnlyReason = true, "--read-only"
	c.Keys.SetReadOnly()
	m := tokens.New(c)
	d := uitest.NewDriver(t, c, m)
	d.Keys("n")
	if d.Top() != nil || !strings.Contains(d.LastToast(), "read-only") {
		t.Errorf("n in read-only: %q", d.LastToast())
	}
	d.Keys("d")
	if d.Top() != nil || acct.Calls("DeleteServiceToken") != 0 {
		t.Error("d in read-only")
	}
}

// enter shows a token's details, without a secret; c copies its uid.
func TestDetailsAndCopyID(t *testing.T) {
	v := newView(t)
	v.d.Keys("enter")
	s := v.screen()
	for _, want := range []string{"Service token “ci-deploy”", "svc-5a9b31", "Alice Moreau", "Acme Robotics", "shown only when the token was created"} {
		if !strings.Contains(s, want) {
			t.Errorf("details lack %q:\n%s", want, s)
		}
	}
	v.d.Keys("esc", "c")
	if v.clip.Last() != "svc-5a9b31" {
		t.Errorf("c copied %q", v.clip.Last())
	}
}
