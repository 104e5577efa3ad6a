package targontest

import (
	"net/http"
	"slices"
)

// getVersion serves GET /tha/v3/version, which "needs no token".
func (s *Server) getVersion(*call) (int, any, *apiError) {
	return http.StatusOK, version, nil
}

// listOrgs serves GET /tha/v3/orgs: "the orgs the caller belongs to"
// (ACTIVE memberships; a service token belongs to its own org only).
func (s *Server) listOrgs(c *call) (int, any, *apiError) {
	var ms []*membership
	if c.svc != nil {
		ms = []*membership{{seq: c.svc.org.seq, org: c.svc.org, role: RoleAdmin}}
	} else {
		ms = c.acct.activeMemberships()
	}
	return listV3(s, c, listOrgs, ms, func(m *membership) wireOrg { return wireOrgAs(m.org, m.role) })
}

// activeMemberships are u's ACTIVE memberships, ascending by seq.
func (u *account) activeMemberships() []*membership {
	var out []*membership
	for _, m := range u.memberships {
		if m.status == statusActive {
			out = append(out, m)
		}
	}
	return out
}

// getOrg serves GET /tha/v3/orgs/{slug}.
func (s *Server) getOrg(_ *call, o *org, role Role) (int, any, *apiError) {
	return http.StatusOK, wireOrgAs(o, role), nil
}

// getOrgCredits serves GET /tha/v3/orgs/{slug}/credits: `{"credits":
// <float>, "currency": "USD"}`. With WithUsage the org spends 0.80 to
// 6.19 USD before every read after the first.
func (s *Server) getOrgCredits(_ *call, o *org, _ Role) (int, any, *apiError) {
	if s.usage {
		if o.creditReads > 0 {
			o.cents = max(0, o.cents-int64(80+s.rng3.IntN(540)))
		}
		o.creditReads++
	}
	return http.StatusOK, wireOrgCredits{Credits: dollars(o.cents), Currency: "USD"}, nil
}

// getOrgWallet serves GET /tha/v3/orgs/{slug}/wallet.
func (s *Server) getOrgWallet(_ *call, o *org, _ Role) (int, any, *apiError) {
	return http.StatusOK, wireWallet{Address: o.wallet}, nil
}

// The filters GET /tha/v3/orgs/{slug}/members takes.
var (
	memberRoles    = []string{string(RoleOwner), string(RoleAdmin), string(RoleMember)}
	memberStatuses = []string{statusActive, statusInvited, "SUSPENDED"}
)

// listMembers serves GET /tha/v3/orgs/{slug}/members?role=&status=, for
// every member to read (inferred: the reference lists it for "read-only
// use" and names no role).
func (s *Server) listMembers(c *call, o *org, _ Role) (int, any, *apiError) {
	q := c.r.URL.Query()
	role, status := q.Get("role"), q.Get("status")
	if role != "" && !slices.Contains(memberRoles, role) {
		return 0, nil, badQuery("role must be one of OWNER, ADMIN, MEMBER")
	}
	if status != "" && !slices.Contains(memberStatuses, status) {
		return 0, nil, badQuery("status must be one of ACTIVE, INVITED, SUSPENDED")
	}
	var ms []*membership
	for _, m := range o.members {
		if (role == "" || string(m.role) == role) && (status == "" || m.status == status) {
			ms = append(ms, m)
		}
	}
	return listV3(s, c, listMembers, ms, (*membership).wire)
}
