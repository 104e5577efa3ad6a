package targontest

import (
	"fmt"
	"regexp"
	"time"
)

// SetV2 changes how the server answers /tha/v2 paths from now on (see
// WithV2).
func (s *Server) SetV2(mode V2Mode) {
	s.mu.Lock()
	s.v3.v2 = mode
	s.mu.Unlock()
}

// DemoOrg returns the slug of the v3 organization a client of the primary
// account should use: "acme", the team org of NewDemo, or with New the
// primary user's PERSONAL org, "dev".
func (s *Server) DemoOrg() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.demoOrg.slug
}

// AddOrg adds a team organization with the given slug, name and credits
// (in US cents), and makes the primary account's user a member with role.
// It fails when the slug is taken or not a valid slug, or role is not one
// of RoleOwner, RoleAdmin and RoleMember.
func (s *Server) AddOrg(slug, name string, role Role, cents int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !role.valid() {
		return fmt.Errorf("targontest: unknown role %q", role)
	}
	if !validSlug(slug) || s.st.v3.bySlug[slug] != nil || s.st.v3.usernames[slug] != nil {
		return fmt.Errorf("targontest: slug %q is taken or invalid", slug)
	}
	now := s.now()
	o := s.st.newOrg(slug, name, orgTeam, "billing@"+slug+".example.com", cents, now, s.rng3.Uint64)
	s.st.join(o, s.primary, role, statusActive, now, s.rng3.Uint64)
	return nil
}

// AddMember makes the user whose API key is key (as AddAccount returns
// it) an ACTIVE member of the organization slug with role, or changes the
// role of a member. It fails for an unknown key, slug or role.
func (s *Server) AddMember(slug, key string, role Role) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, k := s.st.v3.bySlug[slug], s.st.tokens[key]
	switch {
	case o == nil:
		return fmt.Errorf("targontest: no org %q", slug)
	case k == nil:
		return fmt.Errorf("targontest: no user with that key")
	case !role.valid():
		return fmt.Errorf("targontest: unknown role %q", role)
	}
	for _, m := range o.members {
		if m.user == k.owner {
			m.role, m.status = role, statusActive
			return nil
		}
	}
	s.st.join(o, k.owner, role, statusActive, s.now(), s.rng3.Uint64)
	return nil
}

// SetOrgCredits sets the credits of the organization slug, in US cents
// (the API sends them as a float of US dollars: 2499 is 24.99).
func (s *Server) SetOrgCredits(slug string, cents int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.st.v3.bySlug[slug]
	if o == nil {
		return fmt.Errorf("targontest: no org %q", slug)
	}
	o.cents = cents
	return nil
}

// slugPattern is what AddOrg takes as a slug. The reference says only "a
// slug is never empty and has no /"; lower-case letters, digits and inner
// hyphens are what the CLI's slugs look like.
var slugPattern = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$`)

func validSlug(slug string) bool { return slugPattern.MatchString(slug) }

// generatedOrgKeys are n generated SSH keys for an org (WithSSHKeys),
// from rng3.
func (s *Server) generatedOrgKeys(n int, now time.Time) []pendingKey {
	var pending []pendingKey
	for i := 1; i <= n; i++ {
		age := time.Hour + time.Duration(s.rng3.Int64N(int64(generatedSpan)))
		created := now.Add(-age).Truncate(time.Second)
		name := fmt.Sprintf("%s-%04d", generatedSSHKeyPrefixes[i%len(generatedSSHKeyPrefixes)], i)
		pk := generatedSSHKey(s.rng3.Uint64, generatedSSHKeyUsers[i%len(generatedSSHKeyUsers)]+"@"+name)
		pending = append(pending, pendingKey{name: name, created: created, updated: created, ssh: &pk})
	}
	return pending
}

// addOrgKeys adds the SSH keys pending to o, oldest first so that creation
// order and dates agree; a public key o has already is skipped.
func (s *Server) addOrgKeys(o *org, pending []pendingKey) {
	sortPending(pending)
	for _, p := range pending {
		if o.sshBlobs[p.ssh.blob] == nil {
			s.st.addToRing(&o.sshRing, s.st.v3.sshKeys, p.name, *p.ssh, p.created, p.updated, s.rng3.Uint64)
		}
	}
}
