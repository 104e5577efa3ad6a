package targon

import (
	"errors"
	"strings"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// This file holds the wire types of Targon's organization-scoped /tha/v3
// (reference/targon-v3.md). Decoding is liberal where the reference says
// "inferred": a list's next_cursor may be null, "" or absent at the end
// (Page decodes all three to ""), a token's secret may be null or absent,
// and a service token's created_by, and each of its fields, may be missing.

// Version is the answer of GET /tha/v3/version, which needs no token.
type Version struct {
	Name      string `json:"name"`
	Version   string `json:"version"`
	GitHash   string `json:"gitHash"`
	BuildDate string `json:"buildDate"`
}

// APIToken is one of the user's personal API tokens (ApiToken). Token is
// the secret: set only in the answer of a create, null (here "") in lists.
type APIToken struct {
	UID       string    `json:"uid"`
	Name      string    `json:"name"`
	Token     string    `json:"token"`
	CreatedAt Timestamp `json:"created_at"`
	UpdatedAt Timestamp `json:"updated_at"`
}

// ServiceToken is one of an organization's service tokens. Token is the
// secret, set only in the answer of a create. It has no updated_at.
type ServiceToken struct {
	UID       string    `json:"uid"`
	Name      string    `json:"name"`
	Token     string    `json:"token"`
	CreatedBy *Creator  `json:"created_by"`
	CreatedAt Timestamp `json:"created_at"`
}

// Creator is who created a service token; every field is optional.
type Creator struct {
	Username  string `json:"username"`
	Email     string `json:"email"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
}

// Org is one organization the caller belongs to.
type Org struct {
	UID  string `json:"uid"`
	Slug string `json:"slug"`
	Name string `json:"name"`
	// OrgType is "PERSONAL" for the user's own organization.
	OrgType string `json:"org_type"`
	// Role is the caller's: "OWNER", "ADMIN" or "MEMBER".
	Role         string     `json:"role"`
	BillingEmail string     `json:"billing_email"`
	Credits      api.Amount `json:"credits"`
	CreatedAt    Timestamp  `json:"created_at"`
	UpdatedAt    Timestamp  `json:"updated_at"`
}

// OrgTypePersonal is the org_type of the user's own organization.
const OrgTypePersonal = "PERSONAL"

// OrgCredits is the answer of GET /tha/v3/orgs/{slug}/credits: a float in
// whole USD, kept as its decimal text.
type OrgCredits = Credits

// Every v3 answer type is a rest.Checker, like the v2 ones.
var (
	_ rest.Checker = (*Version)(nil)
	_ rest.Checker = (*APIToken)(nil)
	_ rest.Checker = (*ServiceToken)(nil)
	_ rest.Checker = (*Org)(nil)
	_ rest.Checker = (*newToken)(nil)
	_ rest.Checker = (*newServiceToken)(nil)
)

// Check requires a version and cleans every field.
func (v *Version) Check() error {
	for _, s := range []*string{&v.Name, &v.Version, &v.GitHash, &v.BuildDate} {
		*s = api.CleanText(*s)
	}
	if v.Version == "" && v.Name == "" {
		return errors.New("a version answer without a name or version")
	}
	return nil
}

// Check requires a uid and cleans the name; a token in a list or a rename
// is never shown, so it is dropped.
func (t *APIToken) Check() error {
	t.Token = ""
	return checkKey("an API token", t.UID, &t.Name)
}

// newToken is the answer of a create: APIToken with its secret left
// exactly as sent, for the endpoint to check with CheckSecret.
type newToken APIToken

// Check is APIToken's check with Token left alone.
func (t *newToken) Check() error { return keepingSecret(&t.Token, (*APIToken)(t).Check) }

// Check requires a uid and cleans every display string; the secret is
// dropped, as in APIToken's.
func (t *ServiceToken) Check() error {
	t.Token = ""
	texts := []*string{&t.Name}
	if c := t.CreatedBy; c != nil {
		texts = append(texts, &c.Username, &c.Email, &c.FirstName, &c.LastName)
	}
	return checkKey("a service token", t.UID, texts...)
}

// newServiceToken is the answer of a create, its secret left as sent.
type newServiceToken ServiceToken

// Check is ServiceToken's check with Token left alone.
func (t *newServiceToken) Check() error { return keepingSecret(&t.Token, (*ServiceToken)(t).Check) }

// keepingSecret is check, which drops the secret a list carries, run on
// the answer of a create: *secret is put back as sent afterwards.
func keepingSecret(secret *string, check func() error) error {
	raw := *secret
	err := check()
	*secret = raw
	return err
}

// Check requires a slug and cleans every display string. The slug is left
// as sent: requests name the organization by it, once it passed
// provider.CheckID.
func (o *Org) Check() error {
	if o.Slug == "" {
		return errors.New("an organization without a slug")
	}
	for _, s := range []*string{&o.UID, &o.Name, &o.OrgType, &o.Role, &o.BillingEmail} {
		*s = api.CleanText(*s)
	}
	return nil
}

// Who is the creator as one line: "Alice Moreau <alice@acme.dev>", the
// username where there is no name, "" when the server said nothing.
func (c *Creator) Who() string {
	if c == nil {
		return ""
	}
	name := strings.TrimSpace(c.FirstName + " " + c.LastName)
	if name == "" {
		name = c.Username
	}
	switch {
	case name == "":
		return c.Email
	case c.Email == "":
		return name
	}
	return name + " <" + c.Email + ">"
}
