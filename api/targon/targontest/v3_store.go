package targontest

import (
	"strconv"
	"strings"
	"time"
)

// Organization types, roles and membership states of /tha/v3. The
// reference: org_type `"PERSONAL"` is the one value seen; role is the
// caller's, `OWNER`, `ADMIN` or `MEMBER`; a member's status is `ACTIVE`,
// `INVITED` or `SUSPENDED`.
const (
	orgPersonal = "PERSONAL"
	// orgTeam is the type of every other organization. Inferred: the
	// reference names no value but PERSONAL.
	orgTeam = "TEAM"

	statusActive  = "ACTIVE"
	statusInvited = "INVITED"
)

// Role is a member's role in a /tha/v3 organization.
type Role string

// The roles the reference names.
const (
	// RoleOwner owns the organization.
	RoleOwner Role = "OWNER"
	// RoleAdmin manages the organization's SSH keys and service tokens.
	RoleAdmin Role = "ADMIN"
	// RoleMember may look but not change anything.
	RoleMember Role = "MEMBER"
)

// valid reports whether r is one of the roles the reference names.
func (r Role) valid() bool { return r == RoleOwner || r == RoleAdmin || r == RoleMember }

// manages reports whether r may change an organization's SSH keys and
// service tokens. Inferred: the reference does not say which roles may;
// OWNER and ADMIN may, MEMBER may only read.
func (r Role) manages() bool { return r == RoleOwner || r == RoleAdmin }

// profile is who a user is, as v3 shows it in created_by and members.
type profile struct {
	username, email     string
	firstName, lastName string
}

// org is a /tha/v3 organization: credits, SSH keys, service tokens and
// members.
type org struct {
	seq              uint64
	uid, slug, name  string
	orgType          string
	billingEmail     string
	cents            int64 // credits in US cents; the API sends USD as a float
	overage          int64
	created, updated time.Time
	wallet           string
	creditReads      int // see WithUsage
	sshRing
	members []*membership   // ascending by seq
	tokens  []*serviceToken // ascending by seq
}

func (o *org) sequence() uint64 { return o.seq }

// membership is a user's place in an organization.
type membership struct {
	seq              uint64
	uid              string
	user             *account
	org              *org
	role             Role
	status           string
	joined           time.Time // zero while INVITED
	created, updated time.Time
}

func (m *membership) sequence() uint64 { return m.seq }

// serviceToken is an organization's bearer token. The reference: "A
// service token is a Bearer token too; it acts within its own org."
type serviceToken struct {
	seq       uint64
	uid, name string
	secret    string
	created   time.Time
	org       *org
	creator   *account // nil: made by a service token, or seeded so
}

func (t *serviceToken) sequence() uint64 { return t.seq }

// v3Store holds what only /tha/v3 has. It is part of store.
type v3Store struct {
	orgs       []*org // ascending by seq
	bySlug     map[string]*org
	ids        map[string]bool          // uids of orgs and memberships
	sshKeys    map[string]*sshKey       // organizations' SSH keys by uid
	svcTokens  map[string]*serviceToken // by uid
	svcSecrets map[string]*serviceToken // by secret
	usernames  map[string]*account
}

func newV3Store() v3Store {
	return v3Store{
		bySlug: map[string]*org{}, ids: map[string]bool{}, sshKeys: map[string]*sshKey{},
		svcTokens: map[string]*serviceToken{}, svcSecrets: map[string]*serviceToken{}, usernames: map[string]*account{},
	}
}

// freeUsername is base, or base with a number, that no user has.
func (v *v3Store) freeUsername(base string) string {
	name := base
	for i := 2; v.usernames[name] != nil || v.bySlug[name] != nil; i++ {
		name = base + "-" + strconv.Itoa(i)
	}
	return name
}

// newOrg adds an organization with no members.
func (st *store) newOrg(slug, name, orgType, billing string, cents int64, created time.Time, rnd func() uint64) *org {
	o := &org{seq: st.nextSeq(), slug: slug, name: name, orgType: orgType, billingEmail: billing,
		cents: cents, created: created, updated: created, sshRing: newSSHRing()}
	o.uid = uniqueID("org-", rnd, func(id string) bool { return st.v3.ids[id] })
	st.v3.ids[o.uid] = true
	o.wallet = walletAddress(rnd)
	st.v3.orgs = append(st.v3.orgs, o)
	st.v3.bySlug[slug] = o
	return o
}

// join makes u a member of o with role and status.
func (st *store) join(o *org, u *account, role Role, status string, created time.Time, rnd func() uint64) *membership {
	m := &membership{seq: st.nextSeq(), user: u, org: o, role: role, status: status, created: created, updated: created}
	if status != statusInvited {
		m.joined = created
	}
	m.uid = uniqueID("mem-", rnd, func(id string) bool { return st.v3.ids[id] })
	st.v3.ids[m.uid] = true
	o.members = append(o.members, m)
	u.memberships = append(u.memberships, m)
	return m
}

// setProfile gives u a v3 identity and its PERSONAL org (inferred from the
// reference: every user has one PERSONAL org), named after the user.
func (st *store) setProfile(u *account, p profile, cents int64, created time.Time, rnd func() uint64) {
	p.username = st.v3.freeUsername(p.username)
	if p.email == "" {
		p.email = p.username + "@example.com"
	}
	u.profile = p
	st.v3.usernames[p.username] = u
	name := strings.TrimSpace(p.firstName + " " + p.lastName)
	if name == "" {
		name = p.username
	}
	u.personal = st.newOrg(p.username, name, orgPersonal, p.email, cents, created, rnd)
	st.join(u.personal, u, RoleOwner, statusActive, created, rnd)
}

// addServiceToken stores a new service token of o made by creator (nil
// for none).
func (st *store) addServiceToken(o *org, creator *account, name string, created time.Time, rnd func() uint64) *serviceToken {
	t := &serviceToken{seq: st.nextSeq(), name: name, created: created, org: o, creator: creator}
	t.uid = uniqueID("stk-", rnd, func(id string) bool { return st.v3.svcTokens[id] != nil })
	t.secret = st.newSecret(rnd)
	st.v3.svcTokens[t.uid] = t
	st.v3.svcSecrets[t.secret] = t
	o.tokens = append(o.tokens, t)
	return t
}

// deleteServiceToken removes t; its secret stops authenticating.
func (st *store) deleteServiceToken(t *serviceToken) {
	delete(st.v3.svcTokens, t.uid)
	delete(st.v3.svcSecrets, t.secret)
	t.org.tokens = removeSeq(t.org.tokens, t.seq)
}

// activeMembership is u's ACTIVE membership of o, or nil.
func (u *account) activeMembership(o *org) *membership {
	for _, m := range u.memberships {
		if m.org == o && m.status == statusActive {
			return m
		}
	}
	return nil
}

const base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// walletAddress is a made-up address that looks like the SS58 addresses of
// the Bittensor chain Targon bills on: "5" and 47 base58 characters.
func walletAddress(rnd func() uint64) string {
	b := []byte{'5'}
	for len(b) < 48 {
		v := rnd()
		for range 8 {
			if c := v & 63; c < uint64(len(base58)) && len(b) < 48 {
				b = append(b, base58[c])
			}
			v >>= 8
		}
	}
	return string(b)
}
