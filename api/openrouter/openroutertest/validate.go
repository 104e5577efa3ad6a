package openroutertest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// object is a request body: a JSON object, its members still encoded.
type object map[string]json.RawMessage

// decodeObject parses a request body, which must be a JSON object.
func decodeObject(body []byte) (object, *apiError) {
	var o object
	if err := json.Unmarshal(body, &o); err != nil {
		if json.Valid(body) {
			return nil, errNotJSONObject
		}
		return nil, errNotJSON
	}
	if o == nil { // the body was null
		return nil, errNotJSONObject
	}
	return o, nil
}

// isNull reports whether a member is JSON null.
func isNull(raw json.RawMessage) bool { return bytes.Equal(bytes.TrimSpace(raw), []byte("null")) }

// str reads a string member; null is refused.
func (o object) str(name string) (v string, present bool, err *apiError) {
	raw, ok := o[name]
	if !ok {
		return "", false, nil
	}
	if isNull(raw) || json.Unmarshal(raw, &v) != nil {
		return "", true, invalid(name, "Invalid "+name+": expected a string")
	}
	return v, true, nil
}

// nullableStr reads a member that is a string or null ("" for null).
func (o object) nullableStr(name string) (v string, present bool, err *apiError) {
	raw, ok := o[name]
	if !ok || isNull(raw) {
		return "", ok, nil
	}
	if json.Unmarshal(raw, &v) != nil {
		return "", true, invalid(name, "Invalid "+name+": expected a string or null")
	}
	return v, true, nil
}

// boolean reads a boolean member.
func (o object) boolean(name string) (v bool, present bool, err *apiError) {
	raw, ok := o[name]
	if !ok {
		return false, false, nil
	}
	if isNull(raw) || json.Unmarshal(raw, &v) != nil {
		return false, true, invalid(name, "Invalid "+name+": expected a boolean")
	}
	return v, true, nil
}

// limit reads the limit member: a number ≥ 0, or null (no limit).
func (o object) limit() (v *float64, present bool, err *apiError) {
	raw, ok := o["limit"]
	if !ok || isNull(raw) {
		return nil, ok, nil
	}
	var f float64
	if json.Unmarshal(raw, &f) != nil {
		return nil, true, invalid("limit", "Invalid limit: expected a number or null")
	}
	if f < 0 {
		return nil, true, invalid("limit", "Invalid limit: must be greater than or equal to 0")
	}
	return &f, true, nil
}

// limitReset reads the limit_reset member: daily, weekly, monthly or null
// ("" for null).
func (o object) limitReset() (v string, present bool, err *apiError) {
	v, present, err = o.nullableStr("limit_reset")
	switch {
	case err != nil:
	case v == "" && (!present || isNull(o["limit_reset"])),
		v == resetDaily, v == resetWeekly, v == resetMonthly:
		return v, present, nil
	}
	return "", true, invalid("limit_reset", "Invalid limit_reset: expected daily, weekly, monthly or null")
}

// spendingMembers are the members of a create or an update that set what a
// key may spend, each with whether the body holds it.
type spendingMembers struct {
	limit                       *float64
	reset                       string
	byok                        bool
	setLimit, setReset, setBYOK bool
}

// spending reads limit, limit_reset and include_byok_in_limit, in that
// order: the first invalid one is the error.
func (o object) spending() (sp spendingMembers, err *apiError) {
	if sp.limit, sp.setLimit, err = o.limit(); err != nil {
		return sp, err
	}
	if sp.reset, sp.setReset, err = o.limitReset(); err != nil {
		return sp, err
	}
	sp.byok, sp.setBYOK, err = o.boolean("include_byok_in_limit")
	return sp, err
}

// expiresAt reads the expires_at member: an ISO 8601 timestamp in UTC
// (ending in "Z"; "other timezones will be rejected") after now, or null
// (zero time).
func (o object) expiresAt(now time.Time) (time.Time, *apiError) {
	s, _, err := o.nullableStr("expires_at")
	if err != nil || s == "" {
		return time.Time{}, err
	}
	t, perr := time.Parse(time.RFC3339Nano, s)
	if perr != nil || !strings.HasSuffix(s, "Z") {
		return time.Time{}, invalid("expires_at", "Invalid expires_at: expected an ISO 8601 timestamp in UTC, like 2027-12-31T23:59:59Z")
	}
	if !t.After(now) {
		return time.Time{}, invalid("expires_at", "Invalid expires_at: must be in the future")
	}
	return t.UTC(), nil
}

// uuidPattern matches a UUID in its canonical text form.
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// workspaceID checks a workspace_id, which must be a UUID.
func workspaceID(s string) *apiError {
	if !uuidPattern.MatchString(s) {
		return invalid("workspace_id", "Invalid workspace_id: expected a UUID")
	}
	return nil
}

// offset parses the offset query parameter: an integer ≥ 0.
func offset(s string) (int, *apiError) {
	n, err := strconv.Atoi(s)
	if err != nil || s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, invalid("offset", "Invalid offset: expected an integer greater than or equal to 0")
	}
	return n, nil
}
