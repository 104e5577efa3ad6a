package targontest_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestV3PersonalOrg(t *testing.T) {
	sim := targontest.New(targontest.WithClock(func() time.Time { return fixedNow }))
	e := newEnv(t, sim)
	token := sim.DemoKey()
	if sim.DemoOrg() != "dev" {
		t.Fatalf("DemoOrg = %q", sim.DemoOrg())
	}
	orgs, _ := listAllV3[orgInfo](e, token, pathOrgs, "50")
	if len(orgs) != 1 {
		t.Fatalf("orgs = %+v", orgs)
	}
	o := orgs[0]
	if o.Slug != "dev" || o.OrgType != "PERSONAL" || o.Role != "OWNER" || o.Credits.String() != "500" ||
		o.Overage.String() != "0" || o.BillingEmail != "dev@example.com" || o.Name == "" || o.UID == "" {
		t.Fatalf("PERSONAL org = %+v", o)
	}
	checkTime(t, o.CreatedAt)
	checkTime(t, o.UpdatedAt)
	var one orgInfo
	e.getV3(token, orgPath("dev"), &one)
	if one != o {
		t.Fatalf("GET org = %+v, listed %+v", one, o)
	}
	var c credits
	e.getV3(token, orgPath("dev", "credits"), &c)
	if c.Credits.String() != "500" || c.Currency != "USD" {
		t.Fatalf("credits = %+v", c)
	}
	if err := sim.SetOrgCredits("dev", 2499); err != nil {
		t.Fatal(err)
	}
	e.getV3(token, orgPath("dev", "credits"), &c)
	if c.Credits.String() != "24.99" {
		t.Fatalf("credits = %+v, want 24.99", c)
	}
	var w struct {
		Address string `json:"address"`
	}
	e.getV3(token, orgPath("dev", "wallet"), &w)
	if len(w.Address) != 48 || w.Address[0] != '5' {
		t.Fatalf("wallet = %+v", w)
	}
	// v2's credits are kept apart from the PERSONAL org's.
	var v2 credits
	e.getV3(token, pathCredits, &v2)
	if v2.Credits.String() != "50000" {
		t.Fatalf("v2 credits = %+v", v2)
	}
}

func TestV3Membership(t *testing.T) {
	sim := targontest.New()
	e := newEnv(t, sim)
	alice := sim.DemoKey()
	bob := sim.AddAccount(10)
	for _, add := range []struct {
		slug string
		role targontest.Role
	}{{"team-a", targontest.RoleAdmin}, {"team-m", targontest.RoleMember}, {"team-o", targontest.RoleOwner}} {
		if err := sim.AddOrg(add.slug, "Team "+add.slug, add.role, 123456); err != nil {
			t.Fatal(err)
		}
	}
	if err := sim.AddOrg("team-a", "again", targontest.RoleAdmin, 0); err == nil {
		t.Fatal("AddOrg took a slug twice")
	}
	if err := sim.AddOrg("Bad/Slug", "x", targontest.RoleAdmin, 0); err == nil {
		t.Fatal("AddOrg took an invalid slug")
	}
	orgs, _ := listAllV3[orgInfo](e, alice, pathOrgs, "2")
	got := names(orgs, func(o orgInfo) string { return o.Slug + ":" + o.Role + ":" + o.OrgType })
	want := []string{"team-o:OWNER:TEAM", "team-m:MEMBER:TEAM", "team-a:ADMIN:TEAM", "dev:OWNER:PERSONAL"}
	if !slices.Equal(got, want) {
		t.Fatalf("orgs = %q, want %q", got, want)
	}
	// bob sees only his PERSONAL org; alice's orgs are not found for him.
	bobOrgs, _ := listAllV3[orgInfo](e, bob, pathOrgs, "50")
	if len(bobOrgs) != 1 || bobOrgs[0].Slug != "user-2" || bobOrgs[0].OrgType != "PERSONAL" || bobOrgs[0].Credits.String() != "500" {
		t.Fatalf("bob's orgs = %+v", bobOrgs)
	}
	for _, p := range []string{orgPath("dev"), orgPath("team-a", "credits"), orgPath("team-m", "ssh-keys"), orgPath("team-o", "tokens")} {
		e.do(bob, "GET", p, nil).wantV3Error(t, http.StatusNotFound, "NOT_FOUND", "organization not found")
	}
	if err := sim.AddMember("team-a", bob, targontest.RoleMember); err != nil {
		t.Fatal(err)
	}
	var o orgInfo
	e.getV3(bob, orgPath("team-a"), &o)
	if o.Role != "MEMBER" || o.Credits.String() != "1234.56" {
		t.Fatalf("team-a as bob = %+v", o)
	}
	// A MEMBER reads the org, its credits, wallet, members and SSH keys,
	// and is refused every change and the service tokens.
	for _, p := range []string{orgPath("team-a"), orgPath("team-a", "credits"), orgPath("team-a", "wallet"),
		orgPath("team-a", "members"), orgPath("team-a", "ssh-keys")} {
		e.do(bob, "GET", p, nil).wantStatus(t, http.StatusOK)
	}
	key := e.createOrgSSHKey(alice, "team-a", "shared", newED25519(t, ""))
	refused := []struct{ method, path string }{
		{"POST", orgPath("team-a", "ssh-keys")}, {"PATCH", orgPath("team-a", "ssh-keys", key.UID)},
		{"DELETE", orgPath("team-a", "ssh-keys", key.UID)}, {"GET", orgPath("team-a", "tokens")},
		{"POST", orgPath("team-a", "tokens")}, {"DELETE", orgPath("team-a", "tokens", "stk-000000000000")},
	}
	for _, rq := range refused {
		e.do(bob, rq.method, rq.path, map[string]string{"name": "x"}).
			wantV3Error(t, http.StatusForbidden, "FORBIDDEN", "needs the OWNER or ADMIN role in team-a; yours is MEMBER")
	}
	e.getV3(bob, orgPath("team-a", "ssh-keys", key.UID), &sshKey{})
	// Promoted, bob may manage.
	if err := sim.AddMember("team-a", bob, targontest.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	e.createServiceToken(bob, "team-a", "bob's")
}

func TestV3Members(t *testing.T) {
	sim := targontest.NewDemo(targontest.WithClock(func() time.Time { return fixedNow }))
	e := newEnv(t, sim)
	token := sim.DemoKey()
	all, _ := listAllV3[member](e, token, orgPath("acme", "members"), "2")
	got := names(all, func(m member) string { return m.User.Username + ":" + m.Role + ":" + m.Status })
	want := []string{"dave:MEMBER:INVITED", "carol:MEMBER:ACTIVE", "alice:ADMIN:ACTIVE", "bob:OWNER:ACTIVE"}
	if !slices.Equal(got, want) {
		t.Fatalf("members = %q, want %q", got, want)
	}
	for _, m := range all {
		checkTime(t, m.CreatedAt)
		checkTime(t, m.UpdatedAt)
		if (m.JoinedAt == nil) != (m.Status == "INVITED") || m.User.Email == "" || m.UID == "" {
			t.Fatalf("member %+v", m)
		}
	}
	invited, _ := listAllV3[member](e, token, orgPath("acme", "members")+"?status=INVITED", "50")
	owners, _ := listAllV3[member](e, token, orgPath("acme", "members")+"?role=OWNER&status=ACTIVE", "50")
	if len(invited) != 1 || invited[0].User.Username != "dave" || len(owners) != 1 || owners[0].User.Username != "bob" {
		t.Fatalf("invited = %+v, owners = %+v", invited, owners)
	}
	e.do(token, "GET", orgPath("acme", "members")+"?role=BOSS", nil).wantV3Error(t, http.StatusBadRequest, "BAD_REQUEST", "role must be one of")
	e.do(token, "GET", orgPath("acme", "members")+"?status=gone", nil).wantV3Error(t, http.StatusBadRequest, "BAD_REQUEST", "status must be one of")
}
