package apikeys_test

import (
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// v3View is the API tokens view of a fake Targon v3 account.
type v3View struct {
	t     *testing.T
	c     *common.Common
	m     *apikeys.Model
	d     *uitest.Driver
	acct  *uitest.V3Account
	clip  *uitest.Clipboard
	saved []string
}

// newV3View opens the view; inUse, when set, is the uid of the token the
// dashboard knows it signs in with (it made and adopted it).
func newV3View(t *testing.T, inUse string) *v3View {
	v := &v3View{t: t}
	v.c, v.clip, v.acct = uitest.NewV3Common(true, &v.saved)
	v.c.Minted.Use(inUse)
	v.m = apikeys.New(v.c)
	v.d = uitest.NewDriver(t, v.c, v.m)
	return v
}

// filter shows only the rows that match text, the first selected.
func (v *v3View) filter(text string) {
	v.d.Keys("/")
	v.d.Type(text)
	v.d.Keys("enter")
}

func (v *v3View) screen() string {
	if top := v.d.Top(); top != nil {
		return uitest.Plain(top.View())
	}
	return uitest.Plain(v.m.View())
}

// The tab and every dialog say "API token", the provider's noun; the list
// has no masked key column (v3 lists carry no secret).
func TestV3TokensAreCalledTokens(t *testing.T) {
	v := newV3View(t, "")
	if v.m.Title() != "API tokens" {
		t.Errorf("title %q", v.m.Title())
	}
	list := v.screen()
	if !strings.Contains(list, "3 API tokens") || strings.Contains(list, "KEY") {
		t.Errorf("list:\n%s", list)
	}
	for _, k := range []string{"n", "e", "d", "R", "enter"} {
		v.d.Keys(k)
		if s := v.screen(); (k != "e" && !strings.Contains(s, "token")) || strings.Contains(s, "API key") || strings.Contains(s, "roll") {
			t.Errorf("%s:\n%s", k, s)
		}
		v.d.Keys("esc")
	}
}

// Every token's delete confirmation says that deleting the one in use signs
// the dashboard out: the list cannot tell which one it is.
func TestV3DeleteWarnsOfTheTokenInUse(t *testing.T) {
	v := newV3View(t, "")
	pick(t, v.d, v.m, "laptop-cli")
	v.d.Keys("d")
	if s := v.screen(); !strings.Contains(s, "If this dashboard is signed in with this token, deleting it signs you out") {
		t.Errorf("delete of a token not known in use:\n%s", s)
	}
	v.d.Keys("enter") // No is highlighted
	if !v.acct.HasKey("tok-7f3a91c2") || v.acct.Calls("DeleteKey") != 0 {
		t.Fatal("enter on the confirmation deleted the token")
	}

	v = newV3View(t, "tok-7f3a91c2")
	v.filter("laptop-cli")
	if !strings.Contains(v.screen(), "● laptop-cli · in use") {
		t.Errorf("the token in use is not marked:\n%s", v.screen())
	}
	v.d.Keys("d")
	if s := v.screen(); !strings.Contains(s, "This is the token this dashboard is signed in with: deleting it signs you out") {
		t.Errorf("delete of the token in use:\n%s", s)
	}
}

// R replaces a token that is not known to be in use: a new token with its
// name, its secret copied and shown once, then "Delete the old token now?"
// starting on No; the dashboard keeps its token.
func TestV3ReplaceAsksToDeleteTheOld(t *testing.T) {
	v := newV3View(t, "")
	pick(t, v.d, v.m, "production-inference")
	v.d.Keys("R")
	if s := v.screen(); !strings.Contains(s, "Replace API token “production-inference”?") {
		t.Fatalf("R:\n%s", s)
	}
	v.d.Keys("y")
	secret := v.clip.Last()
	if s := v.screen(); secret == "" || !strings.Contains(s, secret) || !strings.Contains(s, "replaces tok-2b8e44d0") {
		t.Fatalf("secret %q not shown:\n%s", secret, s)
	}
	if v.acct.Token() != uitest.V3Token || len(v.saved) != 0 {
		t.Errorf("the dashboard switched to the new token (%q, saved %q)", v.acct.Token(), v.saved)
	}
	v.d.Keys("esc")
	if s := v.screen(); !strings.Contains(s, "Delete the old token now?") {
		t.Fatalf("after the secret:\n%s", s)
	}
	v.d.Keys("enter")
	if !v.acct.HasKey("tok-2b8e44d0") {
		t.Fatal("the default answer deleted the old token")
	}
	if got := strings.Count(v.screen(), "production-inference"); got != 2 {
		t.Errorf("%d rows named production-inference, want the old and the new:\n%s", got, v.screen())
	}

	pick(t, v.d, v.m, "production-inference")
	v.d.Keys("R", "y", "esc", "y")
	if v.acct.HasKey("tok-2b8e44d0") && v.acct.HasKey("tok-new001") {
		t.Error("y on the question left both old tokens")
	}
}

// Replacing the token the dashboard signs in with switches the dashboard
// to the new one at once and saves it where the old one came from; the new
// one is marked in use, and deleting the old one then signs nobody out.
func TestV3ReplaceTheTokenInUse(t *testing.T) {
	v := newV3View(t, "tok-c19d07aa")
	v.filter("notebook")
	v.d.Keys("R")
	if s := v.screen(); !strings.Contains(s, "it switches to the new one at once") || !strings.Contains(s, "saved to credentials-work") {
		t.Errorf("replace of the token in use:\n%s", s)
	}
	v.d.Keys("y")
	secret := v.clip.Last()
	if v.acct.Token() != secret || len(v.saved) != 1 || v.saved[0] != secret {
		t.Fatalf("token %q, saved %q; want the new %q", v.acct.Token(), v.saved, secret)
	}
	if s := v.screen(); !strings.Contains(s, "now uses the new key and saved it") {
		t.Errorf("secret dialog does not say where the token went:\n%s", s)
	}
	v.d.Keys("esc")
	if s := v.screen(); !strings.Contains(s, "Delete the old token now?") || strings.Contains(s, "signs you out") {
		t.Errorf("the old token, no longer in use:\n%s", s)
	}
	v.d.Keys("y")
	if v.acct.HasKey("tok-c19d07aa") {
		t.Fatal("old token not deleted")
	}
	list := v.screen()
	if !strings.Contains(list, "● notebook · in use") || strings.Count(list, "notebook") != 1 {
		t.Errorf("the new token is not the one in use:\n%s", list)
	}
	if v.c.Minted.InUse() != "tok-new001" {
		t.Errorf("in use %q", v.c.Minted.InUse())
	}
}

// A token the dashboard created is marked in use once the dashboard signs
// in with it, and survives a refresh.
func TestV3CreatedTokenInUseAfterSignIn(t *testing.T) {
	v := newV3View(t, "")
	v.d.Keys("n")
	v.d.Type("ci-bot")
	v.d.Keys("enter")
	secret := v.clip.Last()
	if !strings.Contains(v.screen(), secret) {
		t.Fatalf("secret not shown:\n%s", v.screen())
	}
	v.d.Keys("esc")
	if strings.Contains(v.screen(), "in use") {
		t.Fatalf("a new token is marked in use before the dashboard uses it:\n%s", v.screen())
	}
	v.c.Minted.SignedIn(secret)
	v.d.Run(v.m.Refresh())
	if !strings.Contains(v.screen(), "● ci-bot · in use") {
		t.Errorf("after signing in with it:\n%s", v.screen())
	}
	v.c.Minted.SignedIn(uitest.V3Token)
	v.d.Run(v.m.Refresh())
	if strings.Contains(v.screen(), "in use") {
		t.Errorf("after signing in with another token:\n%s", v.screen())
	}
}
