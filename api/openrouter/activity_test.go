package openrouter_test

import (
	"context"
	"errors"
	"math/big"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

// activityPath is the path of GET /activity on the simulator.
const activityPath = openroutertest.BasePath + "/activity"

// The demo's month of activity, whole and for one key: one row per UTC day
// and model, oldest first, within the last 30 completed days, with the
// server's rows per endpoint summed exactly (spend and requests).
func TestActivityAgainstSimulator(t *testing.T) {
	now := time.Date(2026, 9, 15, 13, 0, 0, 0, time.UTC)
	sim := openroutertest.NewDemo(openroutertest.WithClock(func() time.Time { return now }))
	a := newAccount(t, sim, sim.DemoManagementKey())
	ctx := context.Background()

	rows, err := a.Activity(ctx, api.ActivityQuery{})
	if err != nil || len(rows) == 0 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	raw, err := a.Client().Activity(ctx, openrouter.ActivityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sameTotals(t, "account", rows, raw)
	first, last := now.Truncate(24*time.Hour).AddDate(0, 0, -30), now.Truncate(24*time.Hour).AddDate(0, 0, -1)
	for i, r := range rows {
		if r.Day.Before(first) || r.Day.After(last) || r.Day.Location() != time.UTC || r.Model == "" {
			t.Errorf("row %+v outside %s … %s", r, first, last)
		}
		if i > 0 && (r.Day.Before(rows[i-1].Day) || r.Day.Equal(rows[i-1].Day) && r.Model <= rows[i-1].Model) {
			t.Errorf("rows %d and %d out of order: %+v, %+v", i-1, i, rows[i-1], r)
		}
	}

	keys, err := allKeys(a)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := byName(keys, "production-chat")
	sim.ResetRequests()
	mine, err := a.Activity(ctx, api.ActivityQuery{KeyID: k.ID})
	if err != nil || len(mine) == 0 {
		t.Fatalf("production-chat: %d rows, %v", len(mine), err)
	}
	reqs := sim.Requests()
	if q, _ := url.ParseQuery(reqs[0].Query); len(reqs) != 1 || reqs[0].Path != activityPath || q.Get("api_key_hash") != k.ID || len(q) != 1 {
		t.Errorf("requests %+v, want GET /activity?api_key_hash=%s", reqs, k.ID)
	}
	raw, err = a.Client().Activity(ctx, openrouter.ActivityOptions{APIKeyHash: k.ID})
	if err != nil {
		t.Fatal(err)
	}
	sameTotals(t, "production-chat", mine, raw)
	if total(mine).Cmp(total(rows)) >= 0 {
		t.Errorf("one key spent %v of the account's %v", total(mine), total(rows))
	}
}

// sameTotals checks that rows hold what the raw items hold: the same
// spend and requests in all, and one row per day and model.
func sameTotals(t *testing.T, what string, rows []api.ActivityRow, raw []openrouter.ActivityItem) {
	t.Helper()
	want, wantReqs := new(big.Rat), int64(0)
	pairs := map[string]bool{}
	for _, it := range raw {
		v, _ := new(big.Rat).SetString(string(it.Usage))
		want.Add(want, v)
		wantReqs += it.Requests
		pairs[it.Date+" "+it.Model] = true
	}
	var reqs int64
	for _, r := range rows {
		reqs += r.Requests
	}
	if total(rows).Cmp(want) != 0 || reqs != wantReqs || len(rows) != len(pairs) {
		t.Errorf("%s: %d rows, %v spent in %d requests; want %d rows, %v in %d", what, len(rows), total(rows), reqs, len(pairs), want, wantReqs)
	}
}

// total is the spend of rows, exactly.
func total(rows []api.ActivityRow) *big.Rat {
	sum := new(big.Rat)
	for _, r := range rows {
		v, ok := new(big.Rat).SetString(string(r.Spend))
		if !ok {
			panic("spend " + string(r.Spend))
		}
		sum.Add(sum, v)
	}
	return sum
}

// Only a management key may read activity; a hash outside OpenRouter's
// shape is never sent.
func TestActivityRefusals(t *testing.T) {
	sim := openroutertest.NewDemo()
	_, err := newAccount(t, sim, sim.DemoInferenceKey()).Activity(context.Background(), api.ActivityQuery{})
	if !errors.Is(err, api.ErrForbidden) {
		t.Errorf("inference key: %v", err)
	}
	a := newAccount(t, sim, sim.DemoManagementKey())
	sim.ResetRequests()
	if _, err := a.Activity(context.Background(), api.ActivityQuery{KeyID: "abc&user_id=x"}); !errors.Is(err, api.ErrInvalidID) || len(sim.Requests()) != 0 {
		t.Errorf("bad hash: %v after %d requests", err, len(sim.Requests()))
	}
}

// Rows per endpoint of one day and model are summed exactly; an
// unreadable or negative usage is passed on for the UI to flag; answers
// without a readable date, without a member the rows need, or with a
// negative count are errors.
func TestActivityRows(t *testing.T) {
	item := func(date, model, usage, requests string) string {
		return `{"date":"` + date + `","model":"` + model + `","model_permaslug":"p","endpoint_id":"e","provider_name":"P",` +
			`"usage":` + usage + `,"byok_usage_inference":0,"requests":` + requests + `,"prompt_tokens":1,"completion_tokens":1,"reasoning_tokens":0}`
	}
	body := `{"data":[` + strings.Join([]string{
		item("2025-08-24", "b/m", "0.1", "2"), item("2025-08-23", "a/m", "1e-3", "1"),
		item("2025-08-24", "b/m", "0.2", "3"), item("2025-08-24", "a/m", `"NaN"`, "1"),
		item("2025-08-24", "a/m", "5", "1"), item("2025-08-22", "c/m", "-1", "1"),
	}, ",") + `]}`
	rows, err := newAccount(t, noWorkspaces(fixed(http.StatusOK, body)), "tok").Activity(context.Background(), api.ActivityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2025, 8, d, 0, 0, 0, 0, time.UTC) }
	want := []api.ActivityRow{
		{Day: day(22), Model: "c/m", Spend: api.NotNegative("-1"), Requests: 1},
		{Day: day(23), Model: "a/m", Spend: "0.001", Requests: 1},
		{Day: day(24), Model: "a/m", Spend: api.AmountUnreadable, Requests: 2},
		{Day: day(24), Model: "b/m", Spend: "0.3", Requests: 5},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows %+v\nwant %+v", rows, want)
	}

	for name, bad := range map[string]string{
		"date":     item("24/08/2025", "m", "1", "1"),
		"no model": strings.Replace(item("2025-08-24", "m", "1", "1"), `"model":"m",`, "", 1),
		"no usage": item("2025-08-24", "m", "null", "1"),
		"negative": item("2025-08-24", "m", "1", "-1"),
	} {
		_, err := newAccount(t, fixed(http.StatusOK, `{"data":[`+bad+`]}`), "tok").Activity(context.Background(), api.ActivityQuery{})
		if err == nil || !strings.Contains(err.Error(), "activity") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
