package targontest

import "time"

// The people of NewDemo's v3 side. alice is the primary account's user.
var (
	demoAlice = profile{username: "alice", email: "alice@acme.dev", firstName: "Alice", lastName: "Moreau"}
	demoBob   = profile{username: "bob", email: "bob@acme.dev", firstName: "Bob", lastName: "Okafor"}
	demoCarol = profile{username: "carol", email: "carol@acme.dev"} // no names given: "each optional"
	demoDave  = profile{username: "dave", email: "dave@acme.dev", firstName: "Dave", lastName: "Lindqvist"}
)

// seedOrgKey is an SSH key an org of NewDemo starts with.
type seedOrgKey struct {
	name string
	line string
	age  time.Duration
}

// seedServiceToken is a service token an org of NewDemo starts with;
// creator "" is created_by null.
type seedServiceToken struct {
	name    string
	creator string
	age     time.Duration
}

// demoOrgSeed is one organization of NewDemo.
type demoOrgSeed struct {
	slug, name, billing string
	cents               int64
	age                 time.Duration
	keys                []seedOrgKey
	tokens              []seedServiceToken
}

// The PERSONAL org is low on credits (the CLI "warns under $25"); acme is
// the team that pays for production.
var (
	demoPersonal = demoOrgSeed{
		cents: 1840, age: ago(301, 5, 12),
		keys: []seedOrgKey{
			{"work-laptop", demoKeyWorkLaptop, ago(211, 1, 44)},
			{"home-desktop", demoKeyHomeDesktop, ago(74, 8, 21)},
			{"yubikey-5c", demoKeyYubikey, ago(19, 4, 50)},
		},
		tokens: []seedServiceToken{{"home-lab-backup", "alice", ago(40, 2, 9)}},
	}
	demoTeam = demoOrgSeed{
		slug: "acme", name: "Acme Robotics", billing: "billing@acme.dev", cents: 1248055, age: ago(240, 3, 30),
		keys: []seedOrgKey{
			{"build-server", demoKeyBuildServer, ago(236, 6, 5)},
			{"ci-runner", demoKeyCIRunner, ago(149, 3, 33)},
		},
		tokens: []seedServiceToken{
			{"prod-inference", "bob", ago(231, 7, 2)},
			// Made by another service token, so created_by is null.
			{"grafana-exporter", "", ago(160, 1, 48)},
			{"ci-deploy", "alice", ago(96, 4, 17)},
			{"batch-eval", "carol", ago(21, 9, 3)},
		},
	}
)

// demoMembers are acme's members, in the order they joined.
var demoMembers = []struct {
	who    profile
	role   Role
	status string
	age    time.Duration
}{
	{demoBob, RoleOwner, statusActive, ago(240, 3, 30)},
	{demoAlice, RoleAdmin, statusActive, ago(201, 0, 12)},
	{demoCarol, RoleMember, statusActive, ago(130, 2, 0)},
	{demoDave, RoleMember, statusInvited, ago(3, 6, 41)},
}

// seedDemoV3 gives NewDemo's primary account its v3 side: alice, her
// PERSONAL org and the team acme with its members, SSH keys and service
// tokens, and acme extra generated SSH keys (WithSSHKeys). Everything
// comes from rng3, so the v2 data stays as it was.
func (s *Server) seedDemoV3(now time.Time, extraKeys int) {
	rnd := s.rng3.Uint64
	s.st.setProfile(s.primary, demoAlice, demoPersonal.cents, now.Add(-demoPersonal.age), rnd)
	users := map[string]*account{"alice": s.primary}
	team := s.st.newOrg(demoTeam.slug, demoTeam.name, orgTeam, demoTeam.billing, demoTeam.cents, now.Add(-demoTeam.age), rnd)
	for _, m := range demoMembers {
		u := users[m.who.username]
		if u == nil {
			u = s.st.newAccount(0, s.currency)
			s.st.setProfile(u, m.who, 0, now.Add(-m.age), rnd)
			users[m.who.username] = u
		}
		s.st.join(team, u, m.role, m.status, now.Add(-m.age), rnd)
	}
	s.seedOrg(s.primary.personal, demoPersonal, users, now, nil)
	s.seedOrg(team, demoTeam, users, now, s.generatedOrgKeys(extraKeys, now))
	s.demoOrg = team
}

// seedOrg adds seed's SSH keys with the extra ones, and its service
// tokens, to o, oldest first.
func (s *Server) seedOrg(o *org, seed demoOrgSeed, users map[string]*account, now time.Time, extra []pendingKey) {
	for _, k := range seed.keys {
		pk, reason := parsePublicKey(k.line)
		if reason != "" {
			panic("targontest: invalid demo SSH key " + k.name + ": " + reason)
		}
		created := now.Add(-k.age)
		extra = append(extra, pendingKey{name: k.name, created: created, updated: created, ssh: &pk})
	}
	s.addOrgKeys(o, extra)
	for _, t := range seed.tokens {
		s.st.addServiceToken(o, users[t.creator], t.name, now.Add(-t.age), s.rng3.Uint64)
	}
}
