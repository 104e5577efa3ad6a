package targontest

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// timeFormat is the API's timestamp layout: RFC 3339, UTC, whole seconds.
const timeFormat = "2006-01-02T15:04:05Z"

// wireCredits is the body of GET /tha/v2/me/credits.
type wireCredits struct {
	Credits  int64  `json:"credits"`
	Currency string `json:"currency"`
}

// wireAPIKey is an API key object as the API sends it.
type wireAPIKey struct {
	UID       string `json:"uid"`
	Name      string `json:"name"`
	KeyRaw    string `json:"key_raw"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

// wireSSHKey is an SSH key object as the API sends it.
type wireSSHKey struct {
	UID          string `json:"uid"`
	Name         string `json:"name"`
	PublicKeyRaw string `json:"public_key_raw"`
	CreatedAt    string `json:"created_at"`
	UpdatedAt    string `json:"updated_at"`
}

// wirePage is one page of a list endpoint.
type wirePage[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// wireError is the body of every error response.
type wireError struct {
	Error  string `json:"error"`
	Reason string `json:"reason"`
}

// formatTime renders t the way the API does.
func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// writeJSON sends v as the JSON body of a response with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"error":"internal server error","reason":"could not encode the response"}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

// writeError sends the API's error body.
func writeError(w http.ResponseWriter, status int, message, reason string) {
	writeJSON(w, status, wireError{Error: message, Reason: reason})
}

// apiError is an error a handler answers with.
type apiError struct {
	status  int
	message string
	reason  string
}

func (e *apiError) Error() string { return e.message + ": " + e.reason }

// write sends e as the response.
func (e *apiError) write(w http.ResponseWriter) {
	if e.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="targon"`)
	}
	writeError(w, e.status, e.message, e.reason)
}

// badBody is a 400 for an invalid request body.
func badBody(reason string) *apiError {
	return &apiError{http.StatusBadRequest, "invalid request body", reason}
}

// badQuery is a 400 for invalid query parameters.
func badQuery(reason string) *apiError {
	return &apiError{http.StatusBadRequest, "invalid query parameters", reason}
}

// Errors shared by several handlers.
var (
	errUnauthorized   = &apiError{http.StatusUnauthorized, "unauthorized", "invalid or missing API key"}
	errForbidden      = &apiError{http.StatusForbidden, "forbidden", "not allowed"}
	errAPIKeyNotFound = &apiError{http.StatusNotFound, "not found", "API key not found"}
	errSSHKeyNotFound = &apiError{http.StatusNotFound, "not found", "SSH key not found"}
)

// defaultMessages are the error and reason sent for a status that a fault
// injects without a body of its own.
var defaultMessages = map[int][2]string{
	http.StatusBadRequest:          {"bad request", "the request could not be processed"},
	http.StatusUnauthorized:        {"unauthorized", "invalid or missing API key"},
	http.StatusForbidden:           {"forbidden", "not allowed"},
	http.StatusNotFound:            {"not found", "the requested resource was not found"},
	http.StatusConflict:            {"conflict", "the resource was modified concurrently"},
	http.StatusTooManyRequests:     {"too many requests", "rate limit exceeded, slow down and retry later"},
	http.StatusInternalServerError: {"internal server error", "an unexpected error occurred"},
	http.StatusBadGateway:          {"bad gateway", "the upstream service returned an invalid response"},
	http.StatusServiceUnavailable:  {"service unavailable", "the service is temporarily unavailable, retry later"},
	http.StatusGatewayTimeout:      {"gateway timeout", "the upstream service did not answer in time"},
}

// statusError is the JSON error body for status when nothing more specific
// is known.
func statusError(status int) wireError {
	if m, ok := defaultMessages[status]; ok {
		return wireError{Error: m[0], Reason: m[1]}
	}
	text := http.StatusText(status)
	if text == "" {
		text = "error"
	}
	return wireError{Error: strings.ToLower(text), Reason: "simulated failure"}
}
