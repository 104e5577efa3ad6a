package openrouter

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// ActivityItem is one item of GET /activity: what one UTC day's requests
// to one model through one endpoint cost (the document's ActivityItem).
type ActivityItem struct {
	// Date is the UTC day as sent, "YYYY-MM-DD"; Day is that day at
	// midnight UTC, read by Check.
	Date string    `json:"date"`
	Day  time.Time `json:"-"`
	// Model is the model's slug ("openai/gpt-4.1"), ModelPermaslug its
	// versioned one.
	Model          string `json:"model"`
	ModelPermaslug string `json:"model_permaslug"`
	EndpointID     string `json:"endpoint_id"`
	ProviderName   string `json:"provider_name"`
	// Usage is what the requests cost in OpenRouter credits (USD);
	// BYOKUsageInference what they cost in external (BYOK) credits.
	Usage              api.Amount `json:"usage"`
	BYOKUsageInference api.Amount `json:"byok_usage_inference"`
	Requests           int64      `json:"requests"`
	PromptTokens       int64      `json:"prompt_tokens"`
	CompletionTokens   int64      `json:"completion_tokens"`
	ReasoningTokens    int64      `json:"reasoning_tokens"`
	// WorkspaceID is sent only when the request asks for group_by=workspace.
	WorkspaceID string `json:"workspace_id"`

	missing string
}

// UnmarshalJSON decodes an item, notes a missing member the dashboard
// needs, and marks negative amounts implausible (api.NotNegative).
func (it *ActivityItem) UnmarshalJSON(b []byte) error {
	type plain ActivityItem
	err := decodeNoting(b, (*plain)(it), &it.missing, "date", "model", "usage", "requests")
	it.Usage, it.BYOKUsageInference = api.NotNegative(it.Usage), api.NotNegative(it.BYOKUsageInference)
	return err
}

// Check requires the day (a date), the model, the cost and the count of
// requests (not negative), and cleans every display string.
func (it *ActivityItem) Check() error {
	if it.missing != "" {
		return fmt.Errorf("an activity item without %q", it.missing)
	}
	day, err := time.Parse(time.DateOnly, it.Date)
	if err != nil {
		return errors.New("an activity item whose date is not YYYY-MM-DD")
	}
	if it.Requests < 0 || it.PromptTokens < 0 || it.CompletionTokens < 0 || it.ReasoningTokens < 0 {
		return errors.New("an activity item with a negative count")
	}
	it.Day = day
	it.Model, it.ModelPermaslug = api.CleanText(it.Model), api.CleanText(it.ModelPermaslug)
	it.EndpointID, it.ProviderName = api.CleanText(it.EndpointID), api.CleanText(it.ProviderName)
	it.WorkspaceID = api.CleanText(it.WorkspaceID)
	return nil
}

// activityList is the answer of GET /activity: {"data": [item, …]}.
type activityList struct {
	Data []ActivityItem `json:"data"`
}

var _ rest.Checker = (*activityList)(nil)

// Check requires the list and checks every item.
func (l *activityList) Check() error {
	if l.Data == nil {
		return errors.New("activity without its data")
	}
	for i := range l.Data {
		if err := l.Data[i].Check(); err != nil {
			return fmt.Errorf("item %d of the activity is %w", i+1, err)
		}
	}
	return nil
}

// ActivityOptions narrows GET /activity; the zero value is the whole
// account, every day of the last 30 completed UTC days.
type ActivityOptions struct {
	// APIKeyHash is one key's hash (checked: provider.CheckID).
	APIKeyHash string
	// WorkspaceID is one workspace's id (checked: CheckWorkspaceID).
	WorkspaceID string
	// Date, when not zero, is one UTC day of the window.
	Date time.Time
}

// query encodes the options, checking the ids before they are sent.
func (o ActivityOptions) query() (url.Values, error) {
	q := url.Values{}
	if o.APIKeyHash != "" {
		if err := provider.CheckID(o.APIKeyHash); err != nil {
			return nil, err
		}
		q.Set("api_key_hash", o.APIKeyHash)
	}
	if o.WorkspaceID != "" {
		if err := CheckWorkspaceID(o.WorkspaceID); err != nil {
			return nil, err
		}
		q.Set("workspace_id", o.WorkspaceID)
	}
	if !o.Date.IsZero() {
		q.Set("date", o.Date.UTC().Format(time.DateOnly))
	}
	return q, nil
}

// Activity returns what the account spent over the last 30 completed UTC
// days (GET /activity), by day, model and endpoint, as the server orders
// it. Only a management key may read it: another gets an *Error that
// unwraps to api.ErrForbidden.
func (c *Client) Activity(ctx context.Context, o ActivityOptions) ([]ActivityItem, error) {
	q, err := o.query()
	if err != nil {
		return nil, err
	}
	var out activityList
	if err := c.do(ctx, http.MethodGet, []string{"activity"}, rest.Request{Query: q}, &out); err != nil {
		return nil, err
	}
	return out.Data, nil
}

// Activity returns the spend of the last 30 completed UTC days, of the
// whole account or of the key q.KeyID (its hash, checked before it is
// sent): one row per UTC day and model (the server's rows per endpoint
// summed), oldest day first, then by model. Spend is the usage in
// OpenRouter credits (USD), summed exactly; BYOK usage is not in it. A
// key that is not a management key gets an error unwrapping to
// api.ErrForbidden.
func (a *Account) Activity(ctx context.Context, q api.ActivityQuery) ([]api.ActivityRow, error) {
	items, err := a.Client().Activity(ctx, ActivityOptions{APIKeyHash: q.KeyID})
	if err != nil {
		return nil, err
	}
	return activityRows(items), nil
}

// daySum is the sum of the items of one day and model.
type daySum struct {
	row   api.ActivityRow
	spend *big.Rat
	scale int        // the most fractional digits of a part
	bad   api.Amount // the first part that is not a plausible number
}

// activityRows sums items by UTC day and model, in the order Activity
// gives. A day's Spend is exact decimal text with as many fractional
// digits as its most precise part; when a part is not a plausible number
// (unreadable, negative, beyond bounds) the Spend is that part as sent,
// for the UI to flag. Requests stop at the largest int64.
func activityRows(items []ActivityItem) []api.ActivityRow {
	type dayModel struct {
		day   time.Time
		model string
	}
	sums := map[dayModel]*daySum{}
	for _, it := range items {
		k := dayModel{it.Day, it.Model}
		s := sums[k]
		if s == nil {
			s = &daySum{row: api.ActivityRow{Day: it.Day, Model: it.Model}, spend: new(big.Rat)}
			sums[k] = s
		}
		s.add(it)
	}
	rows := make([]api.ActivityRow, 0, len(sums))
	for _, s := range sums {
		s.row.Spend = s.bad
		if s.bad == "" {
			s.row.Spend = api.Amount(s.spend.FloatString(s.scale))
		}
		rows = append(rows, s.row)
	}
	slices.SortFunc(rows, func(x, y api.ActivityRow) int {
		return cmp.Or(x.Day.Compare(y.Day), cmp.Compare(x.Model, y.Model))
	})
	return rows
}

// add adds one item to the sum.
func (s *daySum) add(it ActivityItem) {
	if it.Requests > math.MaxInt64-s.row.Requests {
		s.row.Requests = math.MaxInt64
	} else {
		s.row.Requests += it.Requests
	}
	if s.bad != "" {
		return
	}
	v, scale, ok := parseAmount(string(it.Usage))
	if !ok || v.Sign() < 0 {
		s.bad = it.Usage
		return
	}
	s.spend.Add(s.spend, v)
	s.scale = max(s.scale, scale)
}
