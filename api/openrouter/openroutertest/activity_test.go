package openroutertest_test

import (
	"math"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

// activityItem is the ActivityItem schema, decoded strictly.
type activityItem struct {
	Date               string  `json:"date"`
	Model              string  `json:"model"`
	ModelPermaslug     string  `json:"model_permaslug"`
	EndpointID         string  `json:"endpoint_id"`
	ProviderName       string  `json:"provider_name"`
	Usage              float64 `json:"usage"`
	BYOKUsageInference float64 `json:"byok_usage_inference"`
	Requests           int     `json:"requests"`
	PromptTokens       int     `json:"prompt_tokens"`
	CompletionTokens   int     `json:"completion_tokens"`
	ReasoningTokens    int     `json:"reasoning_tokens"`
	WorkspaceID        *string `json:"workspace_id"`
}

// requiredActivityFields are ActivityItem's required properties.
var requiredActivityFields = []string{"date", "model", "model_permaslug", "endpoint_id", "provider_name", "usage",
	"byok_usage_inference", "requests", "prompt_tokens", "completion_tokens", "reasoning_tokens"}

// activity fetches GET /activity with the query.
func (e *env) activity(token, query string) []activityItem {
	return getArray[activityItem](e, token, pathActivity+query)
}

// allKeys lists every key of every workspace, disabled ones too.
func (e *env) allKeys(token string) []apiKey {
	e.t.Helper()
	var keys []apiKey
	for _, w := range e.workspaces(token, "?limit=100").Data {
		keys = append(keys, e.list(token, "?include_disabled=true&workspace_id="+w.ID)...)
	}
	return keys
}

// near reports whether two sums of amounts agree to within float noise.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// Clocks that put the week and the month in every relation: the 1st of a
// month on a Sunday, a Monday (a week that began today), mid-week
// mid-month, and a week that began in the month before.
var activityClocks = []time.Time{
	fixedNow,
	time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC),
	time.Date(2025, 6, 18, 8, 30, 0, 0, time.UTC),
	time.Date(2025, 7, 2, 23, 59, 0, 0, time.UTC),
}

// Each key's rows add up to its usage figures: the days of this week
// before today to usage_weekly - usage_daily, of this month to
// usage_monthly - usage_daily, all 30 to no more than usage -
// usage_daily; the same for BYOK.
func TestActivityMatchesUsage(t *testing.T) {
	for _, now := range activityClocks {
		sim := openroutertest.NewDemo(openroutertest.WithClock(func() time.Time { return now }))
		e := newEnv(t, sim)
		mgmt := sim.DemoManagementKey()
		today := now.Truncate(24 * time.Hour)
		weekStart := today.AddDate(0, 0, -(int(today.Weekday())+6)%7).Format(time.DateOnly)
		monthStart := today.AddDate(0, 0, 1-today.Day()).Format(time.DateOnly)
		spenders := 0
		for _, k := range e.allKeys(mgmt) {
			var week, month, all, bWeek, bMonth, bAll float64
			for _, r := range e.activity(mgmt, "?api_key_hash="+k.Hash) {
				all, bAll = all+r.Usage, bAll+r.BYOKUsageInference
				if r.Date >= weekStart {
					week, bWeek = week+r.Usage, bWeek+r.BYOKUsageInference
				}
				if r.Date >= monthStart {
					month, bMonth = month+r.Usage, bMonth+r.BYOKUsageInference
				}
			}
			if !near(week, k.UsageWeekly-k.UsageDaily) || !near(month, k.UsageMonthly-k.UsageDaily) || all > k.Usage-k.UsageDaily+1e-6 ||
				!near(bWeek, k.BYOKUsageWeekly-k.BYOKUsageDaily) || !near(bMonth, k.BYOKUsageMonthly-k.BYOKUsageDaily) || bAll > k.BYOKUsage-k.BYOKUsageDaily+1e-6 {
				t.Fatalf("%s, %s: rows sum to week %v, month %v, 30 days %v (BYOK %v %v %v); key %+v",
					now, k.Name, week, month, all, bWeek, bMonth, bAll, k)
			}
			if all > 0 {
				spenders++
			}
			if k.Disabled && (k.UsageDaily != 0 || k.UsageWeekly != 0 || k.UsageMonthly != 0) {
				t.Fatalf("%s: the disabled key %s spends: %+v", now, k.Name, k)
			}
		}
		if spenders < 8 {
			t.Fatalf("%s: only %d keys spent in the last 30 days", now, spenders)
		}
	}
}

func TestActivityRows(t *testing.T) {
	sim := openroutertest.NewDemo(openroutertest.WithClock(func() time.Time { return activityClocks[1] }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	r := e.do(mgmt, "GET", pathActivity, nil)
	r.wantStatus(t, http.StatusOK)
	rows := e.activity(mgmt, "")
	for i := range rows {
		m := fields(t, r.body, i)
		for _, f := range requiredActivityFields {
			if _, ok := m[f]; !ok {
				t.Fatalf("row %d lacks %s", i, f)
			}
		}
		if _, ok := m["workspace_id"]; ok {
			t.Fatal("workspace_id without group_by=workspace")
		}
	}
	// 30 completed days, newest first, today not among them; several
	// models; every row plausible.
	dates, models := map[string]bool{}, map[string]bool{}
	var total float64
	for i, row := range rows {
		dates[row.Date], models[row.Model] = true, true
		total += row.Usage
		if i > 0 && row.Date > rows[i-1].Date {
			t.Fatal("rows are not newest first")
		}
		if row.Requests < 1 || row.PromptTokens <= 0 || row.CompletionTokens <= 0 || row.Usage+row.BYOKUsageInference <= 0 ||
			row.ModelPermaslug == "" || row.ProviderName == "" || len(row.EndpointID) != 36 {
			t.Fatalf("row %+v", row)
		}
	}
	if len(dates) != 30 || !dates["2026-11-22"] || !dates["2026-10-24"] || dates["2026-11-23"] || len(models) < 4 {
		t.Fatalf("%d dates, %d models", len(dates), len(models))
	}
	// The account's rows are the sum of its keys'.
	var perKey float64
	for _, k := range e.allKeys(mgmt) {
		for _, row := range e.activity(mgmt, "?api_key_hash="+k.Hash) {
			perKey += row.Usage
		}
	}
	if !near(total, perKey) {
		t.Fatalf("the account's rows sum to %v, its keys' to %v", total, perKey)
	}

	// group_by=workspace splits rows and names the workspace; workspace_id
	// keeps one.
	split := e.activity(mgmt, "?group_by=workspace")
	byWorkspace := map[string]float64{}
	for _, row := range split {
		if row.WorkspaceID == nil {
			t.Fatal("a row without workspace_id under group_by=workspace")
		}
		byWorkspace[*row.WorkspaceID] += row.Usage
	}
	list := e.workspaces(mgmt, "").Data
	if len(byWorkspace) != 2 || len(split) <= len(rows) {
		t.Fatalf("group_by=workspace: %d workspaces, %d rows (%d unsplit)", len(byWorkspace), len(split), len(rows))
	}
	for _, w := range list {
		var sum float64
		for _, row := range e.activity(mgmt, "?workspace_id="+w.ID) {
			sum += row.Usage
		}
		if !near(sum, byWorkspace[w.ID]) || sum == 0 {
			t.Fatalf("workspace %s: %v filtered, %v grouped", w.Name, sum, byWorkspace[w.ID])
		}
	}
}

func TestActivityFilters(t *testing.T) {
	now := activityClocks[2]
	sim := openroutertest.NewDemo(openroutertest.WithClock(func() time.Time { return now }))
	e := newEnv(t, sim)
	mgmt := sim.DemoManagementKey()
	for _, row := range e.activity(mgmt, "?date=2025-06-10") {
		if row.Date != "2025-06-10" {
			t.Fatalf("date=2025-06-10 gave a row of %s", row.Date)
		}
	}
	if len(e.activity(mgmt, "?date=2025-05-19")) == 0 || len(e.activity(mgmt, "?date=2025-06-17")) == 0 {
		t.Fatal("the first or last day of the window has no rows")
	}
	// Today is not completed; the day before the window is not in it.
	for _, q := range []string{"?date=2025-06-18", "?date=2025-05-18", "?date=2025-6-10", "?date=yesterday", "?date="} {
		e.do(mgmt, "GET", pathActivity+q, nil).wantError(t, http.StatusBadRequest, "date")
	}
	for _, q := range []string{"?api_key_hash=abc123", "?api_key_hash=" + string(make([]byte, 0)), "?api_key_hash=zz" + sixtyTwo} {
		e.do(mgmt, "GET", pathActivity+q, nil).wantError(t, http.StatusBadRequest, "api_key_hash")
	}
	if rows := e.activity(mgmt, "?api_key_hash=ab"+sixtyTwo); len(rows) != 0 {
		t.Fatalf("an unknown hash matches %d rows", len(rows))
	}
	e.do(mgmt, "GET", pathActivity+"?group_by=model", nil).wantError(t, http.StatusBadRequest, "group_by")
	e.do(mgmt, "GET", pathActivity+"?workspace_id=research", nil).wantError(t, http.StatusBadRequest, "workspace_id")
	e.do(mgmt, "GET", pathActivity+"?workspace_id=0df9e665-d932-5740-b2c7-b52af166bc11", nil).wantError(t, http.StatusNotFound, "Workspace not found")

	// user_id: the account's own user has every row, another none.
	creator := deref(e.list(mgmt, "")[0].CreatorUserID).(string)
	if all, mine := e.activity(mgmt, ""), e.activity(mgmt, "?user_id="+creator); len(all) != len(mine) {
		t.Fatalf("user_id of the account's user: %d rows of %d", len(mine), len(all))
	}
	if rows := e.activity(mgmt, "?user_id=user_someoneelse"); len(rows) != 0 {
		t.Fatalf("another user's id matches %d rows", len(rows))
	}

	// Management keys only, as documented: "Only management keys can
	// perform this operation".
	e.do(sim.DemoInferenceKey(), "GET", pathActivity, nil).wantError(t, http.StatusForbidden, "Only management keys can perform this operation")
	e.do("", "GET", pathActivity, nil).wantError(t, http.StatusUnauthorized, "No auth credentials found")
	e.do(mgmt, "POST", pathActivity, "{}").wantError(t, http.StatusMethodNotAllowed, "Method Not Allowed")

	// What a key spent stays in the activity after it is deleted.
	keys := e.list(mgmt, "")
	before := e.activity(mgmt, "?api_key_hash="+keys[2].Hash)
	e.do(mgmt, "DELETE", pathKeys+"/"+keys[2].Hash, nil).wantStatus(t, http.StatusOK)
	if after := e.activity(mgmt, "?api_key_hash="+keys[2].Hash); len(before) == 0 || !slices.Equal(before, after) {
		t.Fatalf("a deleted key's activity: %d rows before, %d after", len(before), len(after))
	}
}

// sixtyTwo is 62 hex digits: with two more, a well-formed key hash.
const sixtyTwo = "00112233445566778899aabbccddeeff00112233445566778899aabbccddee"
