package openroutertest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// timeFormat is the API's timestamp layout: ISO 8601 in UTC with
// milliseconds, as JavaScript's toISOString writes it.
const timeFormat = "2006-01-02T15:04:05.000Z"

// formatTime renders t the way the API does.
func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// optTime renders t, or null when it is zero.
func optTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := formatTime(t)
	return &s
}

// optString is s, or null when it is empty.
func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// wireKey is an API key as GET/PATCH /keys/{hash}, POST /keys and the
// items of GET /keys send it: every property of the schema, null where the
// schema allows it.
type wireKey struct {
	Hash     string `json:"hash"`
	Name     string `json:"name"`
	Label    string `json:"label"`
	Disabled bool   `json:"disabled"`
	wireSpending
	CreatedAt     string  `json:"created_at"`
	UpdatedAt     *string `json:"updated_at"`
	ExpiresAt     *string `json:"expires_at"`
	CreatorUserID *string `json:"creator_user_id"`
	WorkspaceID   string  `json:"workspace_id"`
}

// wireSpending is what a key may spend and has spent, as both a key and
// the current key (GET /key) send it.
type wireSpending struct {
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
}

func toWire(k *key) wireKey {
	return wireKey{
		Hash:          k.hash,
		Name:          k.name,
		Label:         k.label(),
		Disabled:      k.disabled,
		wireSpending:  spendingOf(k),
		CreatedAt:     formatTime(k.createdAt),
		UpdatedAt:     optTime(k.updatedAt),
		ExpiresAt:     optTime(k.expiresAt),
		CreatorUserID: optString(k.creator),
		WorkspaceID:   k.workspace,
	}
}

// spendingOf is what k may spend and has spent, as the API sends it.
func spendingOf(k *key) wireSpending {
	u := k.usage
	return wireSpending{
		Limit:              k.limit,
		LimitRemaining:     k.limitRemaining(),
		LimitReset:         optString(k.limitReset),
		IncludeBYOKInLimit: k.byokLimit,
		Usage:              u.Total,
		UsageDaily:         u.Daily,
		UsageWeekly:        u.Weekly,
		UsageMonthly:       u.Monthly,
		BYOKUsage:          u.BYOK,
		BYOKUsageDaily:     u.BYOKDaily,
		BYOKUsageWeekly:    u.BYOKWeekly,
		BYOKUsageMonthly:   u.BYOKMonthly,
	}
}

// wireCurrentKey is the data of GET /key.
type wireCurrentKey struct {
	Label string `json:"label"`
	wireSpending
	IsFreeTier        bool          `json:"is_free_tier"`
	IsManagementKey   bool          `json:"is_management_key"`
	IsProvisioningKey bool          `json:"is_provisioning_key"`
	CreatorUserID     *string       `json:"creator_user_id"`
	ExpiresAt         *string       `json:"expires_at"`
	RateLimit         wireRateLimit `json:"rate_limit"`
}

// wireRateLimit is the deprecated rate_limit of GET /key.
type wireRateLimit struct {
	Requests int    `json:"requests"`
	Interval string `json:"interval"`
	Note     string `json:"note"`
}

func toWireCurrent(k *key) wireCurrentKey {
	return wireCurrentKey{
		Label:        k.label(),
		wireSpending: spendingOf(k),
		// The simulated account has bought credits, so no key is on the
		// free tier.
		IsFreeTier:        false,
		IsManagementKey:   k.management,
		IsProvisioningKey: k.management,
		CreatorUserID:     optString(k.creator),
		ExpiresAt:         optTime(k.expiresAt),
		// "Legacy rate limit information about a key. Will always return -1."
		RateLimit: wireRateLimit{Requests: -1, Interval: "10s", Note: "This field is deprecated and safe to ignore."},
	}
}

// wireCredits is the data of GET /credits.
type wireCredits struct {
	TotalCredits float64 `json:"total_credits"`
	TotalUsage   float64 `json:"total_usage"`
}

// data wraps a response body: {"data": ...}.
type data[T any] struct {
	Data T `json:"data"`
}

// wireCreated is the body of POST /keys.
type wireCreated struct {
	Data wireKey `json:"data"`
	Key  string  `json:"key"`
}

// wireDeleted is the body of DELETE /keys/{hash}.
type wireDeleted struct {
	Deleted bool `json:"deleted"`
}

// wireError is OpenRouter's error body.
type wireError struct {
	Error wireErrorData `json:"error"`
}

type wireErrorData struct {
	Code     int            `json:"code"`
	Message  string         `json:"message"`
	Metadata map[string]any `json:"metadata,omitempty"`
}

// apiError is an error a handler answers with.
type apiError struct {
	status   int
	message  string
	metadata map[string]any
}

func (e *apiError) Error() string { return strconv.Itoa(e.status) + " " + e.message }

// body is e's JSON error body.
func (e *apiError) body() wireError {
	return wireError{wireErrorData{Code: e.status, Message: e.message, Metadata: e.metadata}}
}

// write sends e as the response.
func (e *apiError) write(w http.ResponseWriter) { writeJSON(w, e.status, e.body()) }

// invalid is a 400 for a bad parameter: the message names it, and the
// metadata too, so a client can point at the field.
func invalid(param, message string) *apiError {
	return &apiError{http.StatusBadRequest, message, map[string]any{"param": param}}
}

// Errors shared by several handlers. The messages are OpenRouter's where
// they are known.
var (
	errNoCredentials  = &apiError{status: http.StatusUnauthorized, message: "No auth credentials found"}
	errUnknownKey     = &apiError{status: http.StatusUnauthorized, message: "User not found."}
	errDisabledKey    = &apiError{status: http.StatusUnauthorized, message: "API key is disabled"}
	errExpiredKey     = &apiError{status: http.StatusUnauthorized, message: "API key has expired"}
	errNotManagement  = &apiError{status: http.StatusForbidden, message: "Only management keys can perform this operation"}
	errKeyNotFound    = &apiError{status: http.StatusNotFound, message: "API key not found"}
	errBodyTooLarge   = &apiError{status: http.StatusRequestEntityTooLarge, message: "Request body too large"}
	errNotJSON        = &apiError{status: http.StatusBadRequest, message: "Invalid JSON in request body"}
	errNotJSONObject  = &apiError{status: http.StatusBadRequest, message: "Request body must be a JSON object"}
	errNotFoundPath   = &apiError{status: http.StatusNotFound, message: "Not Found"}
	errMethodNotFound = &apiError{status: http.StatusMethodNotAllowed, message: "Method Not Allowed"}
)

// statusMessages are the messages sent for a status that a fault injects
// without a body of its own.
var statusMessages = map[int]string{
	http.StatusBadRequest:          "Bad Request",
	http.StatusUnauthorized:        "No auth credentials found",
	http.StatusPaymentRequired:     "Insufficient credits",
	http.StatusForbidden:           "Only management keys can perform this operation",
	http.StatusNotFound:            "Not Found",
	http.StatusTooManyRequests:     "Rate limit exceeded",
	http.StatusInternalServerError: "Internal Server Error",
	http.StatusBadGateway:          "Bad Gateway",
	http.StatusServiceUnavailable:  "Service Unavailable",
	http.StatusGatewayTimeout:      "Gateway Timeout",
}

// faultBody is the error body for an injected status.
func faultBody(_ http.Header, status int) []byte {
	msg, ok := statusMessages[status]
	if !ok {
		msg = http.StatusText(status)
	}
	b, _ := json.Marshal((&apiError{status: status, message: msg}).body())
	return append(b, '\n')
}

// writeJSON sends v as the JSON body of a response with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"error":{"code":500,"message":"Internal Server Error"}}`)
	}
	body = append(body, '\n')
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}
