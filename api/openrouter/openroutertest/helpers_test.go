package openroutertest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

// Paths of the API.
const (
	pathKeys    = "/api/v1/keys"
	pathKey     = "/api/v1/key"
	pathCredits = "/api/v1/credits"
)

// apiKey, currentKey, credits and apiError are the wire shapes of the
// reference, decoded strictly so that an unexpected field fails the test.
type apiKey struct {
	Hash               string   `json:"hash"`
	Name               string   `json:"name"`
	Label              string   `json:"label"`
	Disabled           bool     `json:"disabled"`
	Limit              *float64 `json:"limit"`
	LimitRemaining     *float64 `json:"limit_remaining"`
	LimitReset         *string  `json:"limit_reset"`
	IncludeBYOKInLimit bool     `json:"include_byok_in_limit"`
	Usage              float64  `json:"usage"`
	UsageDaily         float64  `json:"usage_daily"`
	UsageWeekly        float64  `json:"usage_weekly"`
	UsageMonthly       float64  `json:"usage_monthly"`
	BYOKUsage          float64  `json:"byok_usage"`
	BYOKUsageDaily     float64  `json:"byok_usage_daily"`
	BYOKUsageWeekly    float64  `json:"byok_usage_weekly"`
	BYOKUsageMonthly   float64  `json:"byok_usage_monthly"`
	CreatedAt          string   `json:"created_at"`
	UpdatedAt          *string  `json:"updated_at"`
	ExpiresAt          *string  `json:"expires_at"`
	CreatorUserID      *string  `json:"creator_user_id"`
	WorkspaceID        string   `json:"workspace_id"`
}

type currentKey struct {
	Label              string   `json:"label"`
	Limit              *float64 `json:"limit"`
	LimitRemaining     *float64 `json:"limit_remaining"`
	LimitReset         *string  `json:"limit_reset"`
	IncludeBYOKInLimit bool     `json:"include_byok_in_limit"`
	Usage              float64  `json:"usage"`
	UsageDaily         float64  `json:"usage_daily"`
	UsageWeekly        float64  `json:"usage_weekly"`
	UsageMonthly       float64  `json:"usage_monthly"`
	BYOKUsage          float64  `json:"byok_usage"`
	BYOKUsageDaily     float64  `json:"byok_usage_daily"`
	BYOKUsageWeekly    float64  `json:"byok_usage_weekly"`
	BYOKUsageMonthly   float64  `json:"byok_usage_monthly"`
	IsFreeTier         bool     `json:"is_free_tier"`
	IsManagementKey    bool     `json:"is_management_key"`
	IsProvisioningKey  bool     `json:"is_provisioning_key"`
	CreatorUserID      *string  `json:"creator_user_id"`
	ExpiresAt          *string  `json:"expires_at"`
	RateLimit          struct {
		Requests int    `json:"requests"`
		Interval string `json:"interval"`
		Note     string `json:"note"`
	} `json:"rate_limit"`
}

type credits struct {
	TotalCredits float64 `json:"total_credits"`
	TotalUsage   float64 `json:"total_usage"`
}

type data[T any] struct {
	Data T `json:"data"`
}

type created struct {
	Data apiKey `json:"data"`
	Key  string `json:"key"`
}

type apiError struct {
	Error struct {
		Code     int            `json:"code"`
		Message  string         `json:"message"`
		Metadata map[string]any `json:"metadata"`
	} `json:"error"`
}

// Fields the reference requires of a key object (list items, GET, PATCH
// and POST data), and of GET /key's data.
var (
	requiredKeyFields = []string{"hash", "name", "label", "disabled", "limit", "limit_remaining", "limit_reset",
		"include_byok_in_limit", "usage", "usage_daily", "usage_weekly", "usage_monthly", "byok_usage",
		"byok_usage_daily", "byok_usage_weekly", "byok_usage_monthly", "created_at", "updated_at",
		"creator_user_id", "workspace_id"}
	requiredCurrentFields = []string{"label", "limit", "usage", "usage_daily", "usage_weekly", "usage_monthly",
		"byok_usage", "byok_usage_daily", "byok_usage_weekly", "byok_usage_monthly", "is_free_tier",
		"is_management_key", "is_provisioning_key", "limit_remaining", "limit_reset", "include_byok_in_limit",
		"creator_user_id", "rate_limit"}
)

// response is what a request got back.
type response struct {
	status int
	header http.Header
	body   []byte
}

// env is a simulator served over real HTTP.
type env struct {
	t   *testing.T
	sim *openroutertest.Server
	url string
}

// fixedNow is the clock of tests that need stable dates.
var fixedNow = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

func newEnv(t *testing.T, sim *openroutertest.Server) *env {
	t.Helper()
	ts := httptest.NewServer(sim)
	t.Cleanup(ts.Close)
	return &env{t: t, sim: sim, url: ts.URL}
}

// do sends a request with token as bearer ("" for none). body may be nil,
// a string (sent as is) or a value encoded as JSON.
func (e *env) do(token, method, path string, body any) response {
	e.t.Helper()
	r, err := e.try(token, method, path, body)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	return r
}

// try is do for use off the test goroutine.
func (e *env) try(token, method, path string, body any) (response, error) {
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			return response{}, err
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, e.url+path, rd)
	if err != nil {
		return response{}, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: b}, err
}

// decode unmarshals the body strictly into v.
func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if err := strictUnmarshal(r.body, v); err != nil {
		t.Fatalf("decoding %s (status %d) into %T: %v", r.body, r.status, v, err)
	}
}

func strictUnmarshal(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	return d.Decode(v)
}

// wantStatus fails unless r has the status; an error status must come with
// OpenRouter's error body, its code the status.
func (r response) wantStatus(t *testing.T, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	if status >= 400 {
		r.apiError(t)
	}
}

// apiError checks and returns the error body.
func (r response) apiError(t *testing.T) apiError {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Fatalf("error Content-Type = %q, want application/json", ct)
	}
	var e apiError
	r.decode(t, &e)
	if e.Error.Code != r.status || e.Error.Message == "" {
		t.Fatalf("error body %s: want code %d and a message", r.body, r.status)
	}
	return e
}

// wantError fails unless r is an error with the status and a message
// containing want.
func (r response) wantError(t *testing.T, status int, want string) apiError {
	t.Helper()
	r.wantStatus(t, status)
	e := r.apiError(t)
	if !strings.Contains(e.Error.Message, want) {
		t.Fatalf("message = %q, want it to contain %q", e.Error.Message, want)
	}
	return e
}

// create creates a key from body (a map) and returns the answer.
func (e *env) create(token string, body any) created {
	e.t.Helper()
	r := e.do(token, "POST", pathKeys, body)
	r.wantStatus(e.t, http.StatusCreated)
	var c created
	r.decode(e.t, &c)
	return c
}

// get fetches one key.
func (e *env) get(token, hash string) apiKey {
	e.t.Helper()
	r := e.do(token, "GET", pathKeys+"/"+hash, nil)
	r.wantStatus(e.t, http.StatusOK)
	var d data[apiKey]
	r.decode(e.t, &d)
	return d.Data
}

// list fetches one page of keys.
func (e *env) list(token, query string) []apiKey { return getArray[apiKey](e, token, pathKeys+query) }

// getArray fetches path, which must answer 200 with {"data": [...]}.
func getArray[T any](e *env, token, path string) []T {
	e.t.Helper()
	r := e.do(token, "GET", path, nil)
	r.wantStatus(e.t, http.StatusOK)
	var d data[[]T]
	r.decode(e.t, &d)
	if d.Data == nil {
		e.t.Fatalf("GET %s: data is %s, want an array", path, r.body)
	}
	return d.Data
}

// current fetches GET /key.
func (e *env) current(token string) currentKey {
	e.t.Helper()
	r := e.do(token, "GET", pathKey, nil)
	r.wantStatus(e.t, http.StatusOK)
	var d data[currentKey]
	r.decode(e.t, &d)
	return d.Data
}

// fields returns the member names and raw values of the object at the
// JSON pointer-like path ("data", or "data" then an index).
func fields(t *testing.T, body []byte, index int) map[string]json.RawMessage {
	t.Helper()
	var outer struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &outer); err != nil {
		t.Fatal(err)
	}
	raw := outer.Data
	if index >= 0 {
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			t.Fatal(err)
		}
		raw = items[index]
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func ptr[T any](v T) *T { return &v }

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
