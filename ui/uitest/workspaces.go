package uitest

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/openrouter"
)

// Workspaced is an OpenRouter account on the simulator that is also an
// api.Workspaces and an api.Activity, with workspaces and activity made up
// here, for the views to be tried before (and apart from) the client's
// own: every key whose name is in Research lives in the workspace
// "Research", the others in "Default"; Activity gives each key (and the
// account, the sum of its keys) a month of spend over a few models, none
// for keys named in Idle. Keys, create and the rest go to the simulator;
// a created key comes back in the workspace and with the expiry asked for
// (Created records the specs).
type Workspaced struct {
	*openrouter.Account
	Research []string
	Idle     []string
	// Now is the clock the activity is laid out by (Now, when nil).
	Now func() time.Time
	// Refuse makes Activity answer ErrForbidden (an inference key).
	Refuse bool

	mu      sync.Mutex
	created []api.KeySpec
	asked   []string
}

// WorkspaceIDs of Workspaced.
const (
	DefaultSpace  = "ws-default-0001"
	ResearchSpace = "ws-research-0002"
)

// Workspaces lists Default (the default) and Research.
func (w *Workspaced) Workspaces(context.Context) ([]api.Workspace, error) {
	return []api.Workspace{{ID: DefaultSpace, Name: "Default", Default: true}, {ID: ResearchSpace, Name: "Research"}}, nil
}

// Keys walks the simulator's keys, each in its workspace.
func (w *Workspaced) Keys(ctx context.Context) iter.Seq2[[]api.Key, error] {
	return func(yield func([]api.Key, error) bool) {
		for page, err := range w.Account.Keys(ctx) {
			for i := range page {
				page[i].Workspace = w.spaceOf(page[i].Name)
			}
			if !yield(page, err) {
				return
			}
		}
	}
}

// spaceOf is the workspace of the key named name.
func (w *Workspaced) spaceOf(name string) string {
	for _, r := range w.Research {
		if r == name {
			return ResearchSpace
		}
	}
	return DefaultSpace
}

// CreateKey creates the key on the simulator and returns it in the
// workspace and with the expiry spec asks for.
func (w *Workspaced) CreateKey(ctx context.Context, spec api.KeySpec) (api.Secret, error) {
	w.mu.Lock()
	w.created = append(w.created, spec)
	w.mu.Unlock()
	s, err := w.Account.CreateKey(ctx, spec)
	if err == nil {
		s.Key.Workspace = spec.Workspace
		if s.Key.Workspace == "" {
			s.Key.Workspace = DefaultSpace
		}
		s.Key.ExpiresAt = spec.ExpiresAt
	}
	return s, err
}

// Created returns the specs of the keys created so far.
func (w *Workspaced) Created() []api.KeySpec {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]api.KeySpec(nil), w.created...)
}

// Asked returns the activity queries so far ("" for the account's), in
// the order they came.
func (w *Workspaced) Asked() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.asked...)
}

// activityModels are the models the made-up activity spends on.
var activityModels = []string{"openai/gpt-4.1", "anthropic/claude-sonnet-4", "google/gemini-2.5-flash"}

// Activity gives 30 days of made-up spend: for a key, a little every day
// on each model, more on the first, growing towards today; for the
// account, one row per day and model of the same shape, ten times as much.
func (w *Workspaced) Activity(_ context.Context, q api.ActivityQuery) ([]api.ActivityRow, error) {
	w.mu.Lock()
	w.asked = append(w.asked, q.KeyID)
	w.mu.Unlock()
	if w.Refuse {
		return nil, fmt.Errorf("only management keys may: %w", api.ErrForbidden)
	}
	now := Now
	if w.Now != nil {
		now = w.Now
	}
	if q.KeyID != "" && w.idle(q.KeyID) {
		return nil, nil
	}
	scale := 1
	if q.KeyID == "" {
		scale = 10
	}
	seed := 0
	if q.KeyID != "" {
		seed = int(q.KeyID[0])
	}
	today := now().UTC().Truncate(24 * time.Hour)
	var rows []api.ActivityRow
	for d := 1; d <= 30; d++ {
		for m, model := range activityModels {
			cents := scale * (31 - d) * (3 - m) * (1 + (d+seed)%4)
			rows = append(rows, api.ActivityRow{Day: today.AddDate(0, 0, -d), Model: model,
				Spend: api.Amount(fmt.Sprintf("%d.%02d", cents/100, cents%100)), Requests: int64(cents)})
		}
	}
	return rows, nil
}

// idle reports whether the key with hash id is one of Idle's. Its name is
// not in the query: the simulator is asked.
func (w *Workspaced) idle(id string) bool {
	if len(w.Idle) == 0 {
		return false
	}
	for page, err := range w.Account.Keys(context.Background()) {
		if err != nil {
			return false
		}
		for _, k := range page {
			if k.ID == id {
				for _, n := range w.Idle {
					if strings.EqualFold(n, k.Name) {
						return true
					}
				}
				return false
			}
		}
	}
	return false
}
