package targontest

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// wireVersion is the body of GET /tha/v3/version.
type wireVersion struct {
	Name      string `json:"name"`
	Version   string `json:"version"`
	GitHash   string `json:"gitHash"`
	BuildDate string `json:"buildDate"`
}

// What GET /tha/v3/version reports: the reference saw a v3 server report
// "v3.7.0" in October 2026.
var version = wireVersion{
	Name:      "targon-tha",
	Version:   "v3.7.0",
	GitHash:   "5c1e0f2a9d7b34e8a6f0c2d9b18e7a4f3c5d6e70",
	BuildDate: "2026-10-06T14:22:05Z",
}

// wireAPIToken is a personal API token (ApiToken) as v3 sends it. Token
// is the secret in the create answer and null everywhere else (inferred
// by the reference: the CLI warns "copy this token now; it may not be
// shown again").
type wireAPIToken struct {
	UID       string  `json:"uid"`
	Name      string  `json:"name"`
	Token     *string `json:"token"`
	CreatedAt string  `json:"created_at"`
	UpdatedAt string  `json:"updated_at"`
}

// wireServiceToken is a ServiceToken: "No updated_at".
type wireServiceToken struct {
	UID       string       `json:"uid"`
	Name      string       `json:"name"`
	Token     *string      `json:"token"`
	CreatedBy *wireCreator `json:"created_by"`
	CreatedAt string       `json:"created_at"`
}

// wireCreator is a service token's created_by: "each optional".
type wireCreator struct {
	Username  string `json:"username,omitempty"`
	Email     string `json:"email,omitempty"`
	FirstName string `json:"first_name,omitempty"`
	LastName  string `json:"last_name,omitempty"`
}

// wireOrg is an Org.
type wireOrg struct {
	UID          string  `json:"uid"`
	Slug         string  `json:"slug"`
	Name         string  `json:"name"`
	OrgType      string  `json:"org_type"`
	Role         Role    `json:"role"`
	BillingEmail string  `json:"billing_email"`
	Credits      float64 `json:"credits"`
	Overage      int64   `json:"overage"`
	CreatedAt    string  `json:"created_at"`
	UpdatedAt    string  `json:"updated_at"`
}

// wireOrgCredits is the body of GET /tha/v3/orgs/{slug}/credits.
type wireOrgCredits struct {
	Credits  float64 `json:"credits"`
	Currency string  `json:"currency"`
}

// wireWallet is the body of GET /tha/v3/orgs/{slug}/wallet.
type wireWallet struct {
	Address string `json:"address"`
}

// wireMember is an item of GET /tha/v3/orgs/{slug}/members.
type wireMember struct {
	UID       string         `json:"uid"`
	User      wireMemberUser `json:"user"`
	Role      Role           `json:"role"`
	Status    string         `json:"status"`
	JoinedAt  *string        `json:"joined_at"` // null while INVITED (inferred)
	CreatedAt string         `json:"created_at"`
	UpdatedAt string         `json:"updated_at"`
}

// wireMemberUser is a member's user.
type wireMemberUser struct {
	Username string `json:"username"`
	Email    string `json:"email"`
}

// dollars turns cents into the float the API sends ("credits (float,
// whole USD)").
func dollars(cents int64) float64 { return float64(cents) / 100 }

// v3JSON is a v3 answer body: v with its null fields left out when the
// server omits nulls (WithV3OmitNulls), and marshalled as it is otherwise.
type v3JSON struct {
	v         any
	omitNulls bool
}

// MarshalJSON implements json.Marshaler.
func (b v3JSON) MarshalJSON() ([]byte, error) {
	raw, err := json.Marshal(b.v)
	if err != nil || !b.omitNulls {
		return raw, err
	}
	var tree any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber() // numbers stay as they were written
	if err := d.Decode(&tree); err != nil {
		return nil, err
	}
	return json.Marshal(dropNulls(tree))
}

// dropNulls removes the null members of every object in tree.
func dropNulls(tree any) any {
	switch t := tree.(type) {
	case map[string]any:
		for k, v := range t {
			if v == nil {
				delete(t, k)
			} else {
				t[k] = dropNulls(v)
			}
		}
	case []any:
		for i, v := range t {
			t[i] = dropNulls(v)
		}
	}
	return tree
}

// v3Codes are the reason codes of v3 errors. The reference: `{"error":
// "<message>", "reason": "<CODE>"}`; it names no code, so these follow the
// HTTP status (inferred).
var v3Codes = map[int]string{
	http.StatusBadRequest:            "BAD_REQUEST",
	http.StatusUnauthorized:          "UNAUTHORIZED",
	http.StatusForbidden:             "FORBIDDEN",
	http.StatusNotFound:              "NOT_FOUND",
	http.StatusMethodNotAllowed:      "METHOD_NOT_ALLOWED",
	http.StatusGone:                  "GONE",
	http.StatusRequestEntityTooLarge: "PAYLOAD_TOO_LARGE",
}

// v3 is e as v3 answers it: the message is what v2 sends as the reason,
// and the reason is a code.
func (e *apiError) v3() *apiError {
	code := v3Codes[e.status]
	if code == "" {
		code = "ERROR"
	}
	return &apiError{status: e.status, message: e.reason, reason: code}
}
