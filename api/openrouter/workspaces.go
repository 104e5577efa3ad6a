package openrouter

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/internal/rest"
)

// Workspace is one workspace as GET /workspaces sends it: the members the
// dashboard uses (the document's others, its defaults and logging
// settings, are not read).
type Workspace struct {
	// ID names the workspace in requests (workspace_id): a UUID.
	ID   string `json:"id"`
	Name string `json:"name"`
	Slug string `json:"slug"`
	// Description and CreatedBy are nil when null.
	Description *string   `json:"description"`
	CreatedBy   *string   `json:"created_by"`
	CreatedAt   Timestamp `json:"created_at"`
	// UpdatedAt is zero when null.
	UpdatedAt Timestamp `json:"updated_at"`

	missing string
}

// UnmarshalJSON decodes a workspace and notes a missing id or name.
func (w *Workspace) UnmarshalJSON(b []byte) error {
	type plain Workspace
	return decodeNoting(b, (*plain)(w), &w.missing, "id", "name")
}

// Check requires the id and the name, and cleans every display string.
// The id is left as sent: requests name the workspace by it, once it
// passed CheckWorkspaceID.
func (w *Workspace) Check() error {
	if err := identified("a workspace", w.missing, "id", w.ID); err != nil {
		return err
	}
	w.Name, w.Slug = api.CleanText(w.Name), api.CleanText(w.Slug)
	w.Description, w.CreatedBy = cleanOptional(w.Description), cleanOptional(w.CreatedBy)
	return nil
}

// workspaceList is GET /workspaces: {"data": [workspace, …], "total_count"}.
type workspaceList struct {
	Data       []Workspace `json:"data"`
	TotalCount *int        `json:"total_count"`
}

var _ rest.Checker = (*workspaceList)(nil)

// Check requires the list and its total, and checks every workspace.
func (l *workspaceList) Check() error {
	if l.Data == nil || l.TotalCount == nil || *l.TotalCount < 0 {
		return errors.New("a list of workspaces without its data and total_count")
	}
	for i := range l.Data {
		if err := l.Data[i].Check(); err != nil {
			return fmt.Errorf("workspace %d of the page is %w", i+1, err)
		}
	}
	return nil
}

// WorkspacesPageSize is the page GET /workspaces is asked for: its
// documented maximum ("max 100"; the default is 50).
const WorkspacesPageSize = 100

// ListWorkspaces returns one page of the account's workspaces (GET
// /workspaces): at most limit after skipping offset, and the total_count
// the server says the account has.
func (c *Client) ListWorkspaces(ctx context.Context, offset, limit int) ([]Workspace, int, error) {
	q := url.Values{"limit": {strconv.Itoa(limit)}}
	if offset > 0 {
		q.Set("offset", strconv.Itoa(offset))
	}
	var out workspaceList
	if err := c.do(ctx, http.MethodGet, []string{"workspaces"}, rest.Request{Query: q}, &out); err != nil {
		return nil, 0, err
	}
	return out.Data, *out.TotalCount, nil
}

// WorkspacePages walks every workspace with api.WalkPages, a page of
// WorkspacesPageSize at a time (an account has a few, so one request is
// the rule): the offset of the next page is this one's plus its length,
// until a page is empty or reaches total_count. Each page gets its own
// deadline of timeout (api.PageTimeout when 0 or less).
func (c *Client) WorkspacePages(ctx context.Context, timeout time.Duration) iter.Seq2[[]Workspace, error] {
	return c.workspacePages(ctx, timeout, nil)
}

// workspacePages is WorkspacePages with every request made inside slot
// (nil: at once).
func (c *Client) workspacePages(ctx context.Context, timeout time.Duration, slot *slots) iter.Seq2[[]Workspace, error] {
	// An account's workspaces are few; a list of more than a thousand is
	// a server that does not stop.
	return api.WalkPages(ctx, api.WalkLimits{PageTimeout: timeout, Items: 1000}, func(ctx context.Context, cursor string) ([]Workspace, string, error) {
		offset := 0
		if cursor != "" {
			offset, _ = strconv.Atoi(cursor) // the walk's own text of an int
		}
		var ws []Workspace
		var total int
		err := slot.do(ctx, func() (err error) {
			ws, total, err = c.ListWorkspaces(ctx, offset, WorkspacesPageSize)
			return err
		})
		if err != nil {
			return nil, "", err
		}
		next := ""
		if len(ws) > 0 && offset+len(ws) < total {
			next = strconv.Itoa(offset + len(ws))
		}
		return ws, next, nil
	}, func(w Workspace) string { return w.ID })
}

// workspaceShape is the documented shape of a workspace id ("format:
// uuid"), which requests carry as workspace_id.
var workspaceShape = api.Shape{
	Pattern: regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`),
	Says:    "a UUID",
}

// workspaceIDs checks workspace ids as CheckID checks key hashes.
var workspaceIDs = api.Provider{Name: provider.Name, IDShape: workspaceShape}

// CheckWorkspaceID checks a workspace id before a request carries it: a
// UUID, as documented. The error unwraps to api.ErrInvalidID and never
// holds the id.
func CheckWorkspaceID(id string) error { return workspaceIDs.CheckID(id) }

// Workspaces lists every workspace, the default first and the others in
// the server's order. The default is the one whose id GET /keys (without
// workspace_id) gave its keys in the last walk of Keys; before one has, or
// when the default workspace has no keys, it is the first listed (the
// account's first workspace; inferred, the document does not say). A
// workspace whose id is not a UUID is left out (its keys cannot be asked
// for; Keys reports it).
func (a *Account) Workspaces(ctx context.Context) ([]api.Workspace, error) {
	var all []Workspace
	for page, err := range a.Client().workspacePages(ctx, a.PageTimeout(), a.slots) {
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
	}
	def := a.defaultWorkspace(all)
	out := make([]api.Workspace, 0, len(all))
	for _, w := range all {
		if CheckWorkspaceID(w.ID) != nil {
			continue
		}
		nw := api.Workspace{ID: w.ID, Name: w.Name, Default: w.ID == def}
		if nw.Default {
			out = append([]api.Workspace{nw}, out...)
		} else {
			out = append(out, nw)
		}
	}
	return out, nil
}

// defaultWorkspace is the id of the default workspace among ws: the one
// the last walk of Keys learned, when ws has it, else the first of ws with
// a valid id.
func (a *Account) defaultWorkspace(ws []Workspace) string {
	learned, first := a.learnedDefault(), ""
	for _, w := range ws {
		if CheckWorkspaceID(w.ID) != nil {
			continue
		}
		if learned != "" && strings.EqualFold(w.ID, learned) {
			return w.ID
		}
		if first == "" {
			first = w.ID
		}
	}
	return first
}
