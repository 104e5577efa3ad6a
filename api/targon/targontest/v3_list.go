package targontest

import "net/http"

// listV3 serves a page of items (ascending by sequence number) as a v3
// list: `{"items": [...], "next_cursor": …}`, newest first like v2's,
// with "limit" and "cursor" as v2 takes them; the last page ends as
// WithV3ListEnd says (null by default).
func listV3[T sequenced, W any](s *Server, c *call, kind listKind, items []T, wire func(T) W) (int, any, *apiError) {
	p, err := parsePage(c.r.URL.Query(), kind)
	if err != nil {
		return 0, nil, err
	}
	got, next := page(kind, items, p)
	out := make([]W, len(got))
	for i, it := range got {
		out[i] = wire(it)
	}
	body := map[string]any{"items": out}
	switch {
	case next != "":
		body["next_cursor"] = next
	case s.v3.listEnd == ListEndEmpty:
		body["next_cursor"] = ""
	case s.v3.listEnd == ListEndNull:
		body["next_cursor"] = nil
	}
	return http.StatusOK, s.v3Body(body), nil
}

// v3Body is v as a v3 answer: with WithV3OmitNulls its null fields are
// left out.
func (s *Server) v3Body(v any) any { return v3JSON{v: v, omitNulls: s.v3.omitNulls} }

// created answers a v3 create with the status WithV3CreateStatus set.
func (s *Server) created(v any) (int, any, *apiError) {
	return s.v3.createStatus, s.v3Body(v), nil
}

// wireV3 is k as a personal API token; secret says whether to show it
// (only in the create answer).
func (k *apiKey) wireV3(secret bool) wireAPIToken {
	w := wireAPIToken{UID: k.uid, Name: k.name, CreatedAt: formatTime(k.created), UpdatedAt: formatTime(k.updated)}
	if secret {
		w.Token = &k.raw
	}
	return w
}

// wire is t as the API lists it: no secret.
func (t *serviceToken) wire() wireServiceToken {
	w := wireServiceToken{UID: t.uid, Name: t.name, CreatedAt: formatTime(t.created)}
	if u := t.creator; u != nil {
		w.CreatedBy = &wireCreator{Username: u.username, Email: u.email, FirstName: u.firstName, LastName: u.lastName}
	}
	return w
}

// wireOrgAs is o as a caller with role sees it.
func wireOrgAs(o *org, role Role) wireOrg {
	return wireOrg{
		UID: o.uid, Slug: o.slug, Name: o.name, OrgType: o.orgType, Role: role, BillingEmail: o.billingEmail,
		Credits: dollars(o.cents), Overage: o.overage, CreatedAt: formatTime(o.created), UpdatedAt: formatTime(o.updated),
	}
}

// wire is m as the members list shows it.
func (m *membership) wire() wireMember {
	w := wireMember{
		UID: m.uid, User: wireMemberUser{Username: m.user.username, Email: m.user.email}, Role: m.role,
		Status: m.status, CreatedAt: formatTime(m.created), UpdatedAt: formatTime(m.updated),
	}
	if !m.joined.IsZero() {
		w.JoinedAt = ptr(formatTime(m.joined))
	}
	return w
}

func ptr[T any](v T) *T { return &v }
