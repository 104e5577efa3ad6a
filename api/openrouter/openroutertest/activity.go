package openroutertest

import (
	"cmp"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

// wireActivity is an item of GET /activity (ActivityItem): every required
// property, and workspace_id "only present when `group_by=workspace` is
// passed".
type wireActivity struct {
	Date               string  `json:"date"`
	Model              string  `json:"model"`
	ModelPermaslug     string  `json:"model_permaslug"`
	EndpointID         string  `json:"endpoint_id"`
	ProviderName       string  `json:"provider_name"`
	Usage              float64 `json:"usage"`
	BYOKUsageInference float64 `json:"byok_usage_inference"`
	Requests           int64   `json:"requests"`
	PromptTokens       int64   `json:"prompt_tokens"`
	CompletionTokens   int64   `json:"completion_tokens"`
	ReasoningTokens    int64   `json:"reasoning_tokens"`
	WorkspaceID        string  `json:"workspace_id,omitempty"`
}

// activityFilter is what a GET /activity asks for.
type activityFilter struct {
	date        day // 0: every day of the window
	hash        string
	user        string
	workspace   string
	byWorkspace bool
}

// hashPattern matches an API key hash: "SHA-256 hex string".
var hashPattern = regexp.MustCompile(`^[0-9a-fA-F]{64}$`)

// errWorkspaceNotFound answers a workspace_id that is not the account's.
var errWorkspaceNotFound = &apiError{status: http.StatusNotFound, message: "Workspace not found"}

// readActivityFilter checks the query of a GET /activity against the
// window of days it may ask about.
func (s *Server) readActivityFilter(c *call, first, last day) (activityFilter, *apiError) {
	var f activityFilter
	q, err := parseQuery(c)
	if err != nil {
		return f, err
	}
	if v, ok := q["date"]; ok {
		// "Filter by a single UTC date in the last 30 days (YYYY-MM-DD
		// format)." A date outside them (today included: it is not
		// completed) is refused with 400 (inferred: the document names
		// no status for it).
		t, perr := time.Parse(time.DateOnly, v[0])
		if perr != nil || dayOf(t) < first || dayOf(t) > last {
			return f, invalid("date", "Invalid date: expected a UTC date in the last 30 days, YYYY-MM-DD, from "+first.String()+" to "+last.String())
		}
		f.date = dayOf(t)
	}
	if v, ok := q["api_key_hash"]; ok {
		if !hashPattern.MatchString(v[0]) {
			return f, invalid("api_key_hash", "Invalid api_key_hash: expected a SHA-256 hex string")
		}
		f.hash = strings.ToLower(v[0])
	}
	if v, ok := q["user_id"]; ok {
		f.user = v[0]
	}
	if v, ok := q["group_by"]; ok {
		if v[0] != "workspace" {
			return f, invalid("group_by", "Invalid group_by: expected workspace")
		}
		f.byWorkspace = true
	}
	if v, ok := q["workspace_id"]; ok {
		if err := workspaceID(v[0]); err != nil {
			return f, err
		}
		// "The workspace must belong to the authenticated account." Which
		// status another one gets is not said; 404 is inferred.
		if s.workspaceByID(v[0]) == nil {
			return f, errWorkspaceNotFound
		}
		f.workspace = strings.ToLower(v[0])
	}
	return f, nil
}

// matches reports whether the activity of h on d is asked for.
func (f activityFilter) matches(h *history, d day) bool {
	return (f.date == 0 || d == f.date) &&
		(f.hash == "" || h.hash == f.hash) &&
		(f.user == "" || h.creator == f.user) &&
		(f.workspace == "" || strings.EqualFold(h.workspace, f.workspace))
}

// activityRowKey is what GET /activity groups by: "by date, model, and
// endpoint", and by workspace with group_by=workspace.
type activityRowKey struct {
	d         day
	model     int
	workspace string
}

// activity serves GET /activity: what the account's keys spent on each of
// the last 30 completed UTC days, one row per day and endpoint (and
// workspace, with group_by=workspace), filtered by date, api_key_hash,
// user_id and workspace_id. An individual account's keys are all its
// user's, so user_id matches every row or none (inferred: "Only applicable
// for organization accounts"). A hash no key has, or had, matches nothing:
// the parameter is a filter. Rows come newest day first, then by usage,
// largest first (inferred; the document gives no order).
func (s *Server) activity(c *call) (int, any, *apiError) {
	today := dayOf(s.now())
	first, last := today-activityDays, today-1
	f, err := s.readActivityFilter(c, first, last)
	if err != nil {
		return 0, nil, err
	}
	sums := map[activityRowKey]*usageRow{}
	for _, h := range s.histories {
		for i := range h.credits {
			d := h.first + day(i)
			if d < first || d > last || !f.matches(h, d) {
				continue
			}
			for _, r := range rowsOf(h, i) {
				k := activityRowKey{d: d, model: r.model}
				if f.byWorkspace {
					k.workspace = h.workspace
				}
				addRow(sums, k, r)
			}
		}
	}
	return http.StatusOK, data[[]wireActivity]{sortedActivity(sums)}, nil
}

// addRow adds r to the sum kept under k.
func addRow(sums map[activityRowKey]*usageRow, k activityRowKey, r usageRow) {
	sum := sums[k]
	if sum == nil {
		sum = &usageRow{model: r.model}
		sums[k] = sum
	}
	sum.credits += r.credits
	sum.byok += r.byok
	sum.requests += r.requests
	sum.prompt += r.prompt
	sum.complete += r.complete
	sum.reasoning += r.reasoning
}

// sortedActivity is the rows of sums as the API sends them, in order.
func sortedActivity(sums map[activityRowKey]*usageRow) []wireActivity {
	keys := make([]activityRowKey, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b activityRowKey) int {
		return cmp.Or(
			cmp.Compare(b.d, a.d),
			cmp.Compare(sums[b].credits+sums[b].byok, sums[a].credits+sums[a].byok),
			cmp.Compare(catalog[a.model].slug, catalog[b.model].slug),
			cmp.Compare(a.workspace, b.workspace))
	})
	rows := make([]wireActivity, 0, len(keys))
	for _, k := range keys {
		r, m := sums[k], catalog[k.model]
		rows = append(rows, wireActivity{
			Date: k.d.String(), Model: m.slug, ModelPermaslug: m.permaslug, EndpointID: m.endpoint,
			ProviderName: m.provider, Usage: usd(r.credits), BYOKUsageInference: usd(r.byok),
			Requests: r.requests, PromptTokens: r.prompt, CompletionTokens: r.complete,
			ReasoningTokens: r.reasoning, WorkspaceID: k.workspace,
		})
	}
	return rows
}
