package targontest_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// Paths of /tha/v3.
const (
	pathVersion   = "/tha/v3/version"
	pathAPITokens = "/tha/v3/me/api-tokens"
	pathOrgs      = "/tha/v3/orgs"
)

// orgPath is the path of org slug, with more segments after it.
func orgPath(slug string, more ...string) string {
	return pathOrgs + "/" + strings.Join(append([]string{slug}, more...), "/")
}

// The v3 wire shapes, decoded strictly so an unexpected field fails.
type apiToken struct {
	UID       string  `json:"uid"`
	Name      string  `json:"name"`
	Token     *string `json:"token"`
	CreatedAt string  `json:"created_at"`
	UpdatedAt string  `json:"updated_at"`
}

type serviceToken struct {
	UID       string   `json:"uid"`
	Name      string   `json:"name"`
	Token     *string  `json:"token"`
	CreatedBy *creator `json:"created_by"`
	CreatedAt string   `json:"created_at"`
}

type creator struct {
	Username  string `json:"username"`
	Email     string `json:"email"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
}

type orgInfo struct {
	UID          string      `json:"uid"`
	Slug         string      `json:"slug"`
	Name         string      `json:"name"`
	OrgType      string      `json:"org_type"`
	Role         string      `json:"role"`
	BillingEmail string      `json:"billing_email"`
	Credits      json.Number `json:"credits"`
	Overage      json.Number `json:"overage"`
	CreatedAt    string      `json:"created_at"`
	UpdatedAt    string      `json:"updated_at"`
}

type member struct {
	UID  string `json:"uid"`
	User struct {
		Username string `json:"username"`
		Email    string `json:"email"`
	} `json:"user"`
	Role      string  `json:"role"`
	Status    string  `json:"status"`
	JoinedAt  *string `json:"joined_at"`
	CreatedAt string  `json:"created_at"`
	UpdatedAt string  `json:"updated_at"`
}

type pageV3[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

// wantV3Error fails unless r is a v3 error: the status, `{"error",
// "reason"}` with reason the code and error containing want.
func (r response) wantV3Error(t *testing.T, status int, code, want string) apiError {
	t.Helper()
	e := r.wantError(t, status, code)
	if e.Reason != code || !strings.Contains(e.Error, want) {
		t.Fatalf("error body = %+v, want reason %q and error containing %q", e, code, want)
	}
	return e
}

// rawFields decodes r's body as an object of raw fields.
func (r response) rawFields(t *testing.T) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("%s: %v", r.body, err)
	}
	return m
}

// created POSTs body to path and decodes the 201 answer.
func created[T any](e *env, token, path string, body any) T {
	e.t.Helper()
	r := e.do(token, "POST", path, body)
	r.wantStatus(e.t, http.StatusCreated)
	var v T
	r.decode(e.t, &v)
	return v
}

// createToken creates a personal API token over v3 and returns it.
func (e *env) createToken(token, name string) apiToken {
	e.t.Helper()
	k := created[apiToken](e, token, pathAPITokens, map[string]string{"name": name})
	if k.Token == nil || !strings.HasPrefix(*k.Token, "tgn_") {
		e.t.Fatalf("create answer %+v has no secret", k)
	}
	return k
}

// createServiceToken creates a service token of org slug.
func (e *env) createServiceToken(token, slug, name string) serviceToken {
	e.t.Helper()
	k := created[serviceToken](e, token, orgPath(slug, "tokens"), map[string]string{"name": name})
	if k.Token == nil || !strings.HasPrefix(*k.Token, "tgn_") {
		e.t.Fatalf("create answer %+v has no secret", k)
	}
	return k
}

// createOrgSSHKey adds an SSH key to org slug.
func (e *env) createOrgSSHKey(token, slug, name, pub string) sshKey {
	e.t.Helper()
	return created[sshKey](e, token, orgPath(slug, "ssh-keys"), map[string]string{"name": name, "ssh_key": pub})
}

// getV3 sends an authenticated GET and decodes the 200 answer into v.
func (e *env) getV3(token, path string, v any) response {
	e.t.Helper()
	r := e.do(token, "GET", path, nil)
	r.wantStatus(e.t, http.StatusOK)
	r.decode(e.t, v)
	return r
}

// listAllV3 walks every page of a v3 list with the given limit; the last
// page must say so with "next_cursor": null.
func listAllV3[T any](e *env, token, path, limit string) (items []T, pages int) {
	e.t.Helper()
	cursor := ""
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	for pages < 10000 {
		q := sep + "limit=" + limit
		if cursor != "" {
			q += "&cursor=" + cursor
		}
		var p pageV3[T]
		r := e.getV3(token, path+q, &p)
		pages++
		items = append(items, p.Items...)
		if p.NextCursor == nil {
			if !bytes.Contains(r.body, []byte(`"next_cursor":null`)) {
				e.t.Fatalf("last page %s does not end with next_cursor null", r.body)
			}
			return items, pages
		}
		if *p.NextCursor == "" || len(p.Items) == 0 {
			e.t.Fatalf("page %s: bad next_cursor or empty page", r.body)
		}
		cursor = *p.NextCursor
	}
	e.t.Fatal("pagination does not end")
	return nil, 0
}

// names are the names of items.
func names[T any](items []T, name func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = name(it)
	}
	return out
}
