package targontest

import (
	"encoding/json"
	"net/http"

	"github.com/targon-dash/targon-dash/internal/simfault"
)

// Fault makes the server misbehave for matching requests, the way a real
// deployment sometimes does: error statuses, rate limiting, an HTML page
// from a proxy, a slow answer, a dropped connection, a cut-off body. See
// [simfault.Fault] for its fields; a Path such as "/tha/v2/me/api-keys*"
// matches by prefix.
//
// Faults are matched in the order they were injected; the first match
// applies and no other fault is consulted for that request. Faulted
// requests are recorded by [Server.Requests] like any other.
type Fault = simfault.Fault

// ParseFault reads a fault from its one-line form, used by
// `targon-dash demo-server --fault`; see [simfault.Parse] for the syntax.
// For example "GET /tha/v2/me/api-keys 503 times=2" or "POST * drop".
func ParseFault(s string) (Fault, error) { return simfault.Parse(s) }

// faultBody is Targon's error body for an injected status; a 401 also gets
// the API's bearer challenge.
func faultBody(h http.Header, status int) []byte {
	if status == http.StatusUnauthorized {
		h.Set("WWW-Authenticate", `Bearer realm="targon"`)
	}
	b, _ := json.Marshal(statusError(status))
	return append(b, '\n')
}
