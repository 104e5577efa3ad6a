package openroutertest

import (
	"crypto/sha1"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// workspace is one of the account's workspaces.
type workspace struct {
	id, name, slug string
	description    string // "" is null
	textModel      string // default_text_model; "" is null
	imageModel     string // default_image_model; "" is null
	providerSort   string // default_provider_sort; "" is null
	createdAt      time.Time
	updatedAt      time.Time // zero until first updated
	createdBy      string    // "" is null
}

// wireWorkspace is a Workspace as GET /workspaces and GET
// /workspaces/{id} send it: every property of the schema.
type wireWorkspace struct {
	ID                              string   `json:"id"`
	DefaultGuardrailID              string   `json:"default_guardrail_id"`
	Name                            string   `json:"name"`
	Slug                            string   `json:"slug"`
	Description                     *string  `json:"description"`
	DefaultTextModel                *string  `json:"default_text_model"`
	DefaultImageModel               *string  `json:"default_image_model"`
	DefaultProviderSort             *string  `json:"default_provider_sort"`
	IsObservabilityIOLoggingEnabled bool     `json:"is_observability_io_logging_enabled"`
	IsObservabilityBroadcastEnabled bool     `json:"is_observability_broadcast_enabled"`
	IsDataDiscountLoggingEnabled    bool     `json:"is_data_discount_logging_enabled"`
	IOLoggingSamplingRate           float64  `json:"io_logging_sampling_rate"`
	IOLoggingAPIKeyIDs              *[]int64 `json:"io_logging_api_key_ids"`
	IncludeBYOKInBudgets            bool     `json:"include_byok_in_budgets"`
	CreatedAt                       string   `json:"created_at"`
	UpdatedAt                       *string  `json:"updated_at"`
	CreatedBy                       *string  `json:"created_by"`
}

// wireWorkspaces is the body of GET /workspaces.
type wireWorkspaces struct {
	Data       []wireWorkspace `json:"data"`
	TotalCount int             `json:"total_count"`
}

func toWireWorkspace(w *workspace) wireWorkspace {
	return wireWorkspace{
		ID:                  w.id,
		DefaultGuardrailID:  guardrailID(w.id),
		Name:                w.name,
		Slug:                w.slug,
		Description:         optString(w.description),
		DefaultTextModel:    optString(w.textModel),
		DefaultImageModel:   optString(w.imageModel),
		DefaultProviderSort: optString(w.providerSort),
		// Logging as a new workspace has it: "Null means all keys are
		// logged", "1 means 100% of requests are logged".
		IsDataDiscountLoggingEnabled: true,
		IOLoggingSamplingRate:        1,
		CreatedAt:                    formatTime(w.createdAt),
		UpdatedAt:                    optTime(w.updatedAt),
		CreatedBy:                    optString(w.createdBy),
	}
}

// guardrailID is a workspace's default_guardrail_id: "Deterministic ID
// derived from the workspace ID". How it is derived is not said; a
// name-based (version 5) UUID of the workspace ID is inferred.
func guardrailID(workspaceID string) string {
	sum := sha1.Sum([]byte("default-guardrail:" + workspaceID))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// Paging of GET /workspaces: limit "default: 50", "maximum: 100".
const (
	workspacesDefaultLimit = 50
	workspacesMaxLimit     = 100
)

// listWorkspaces serves GET /workspaces: the account's workspaces, oldest
// first (the default workspace, the account's first, leads; the order is
// inferred), limit at most after skipping offset, with total_count.
// A limit outside 1 to 100 or a bad offset gets 400 (inferred: the
// document lists no 400, but its schema bounds both).
func (s *Server) listWorkspaces(c *call) (int, any, *apiError) {
	q, err := parseQuery(c)
	if err != nil {
		return 0, nil, err
	}
	skip, limit := 0, workspacesDefaultLimit
	if v, ok := q["offset"]; ok {
		if skip, err = offset(v[0]); err != nil {
			return 0, nil, err
		}
	}
	if v, ok := q["limit"]; ok {
		n, perr := strconv.Atoi(v[0])
		if perr != nil || strings.Trim(v[0], "0123456789") != "" || n < 1 || n > workspacesMaxLimit {
			return 0, nil, invalid("limit", "Invalid limit: expected an integer from 1 to 100")
		}
		limit = n
	}
	page := []wireWorkspace{}
	for i := skip; i < len(s.workspaces) && len(page) < limit; i++ {
		page = append(page, toWireWorkspace(s.workspaces[i]))
	}
	return http.StatusOK, wireWorkspaces{Data: page, TotalCount: len(s.workspaces)}, nil
}

// getWorkspace serves GET /workspaces/{id}: "a single workspace by ID or
// slug", 404 for any other.
func (s *Server) getWorkspace(c *call) (int, any, *apiError) {
	w := s.workspaceByID(c.hash)
	if w == nil {
		for _, x := range s.workspaces {
			if x.slug == c.hash {
				w = x
			}
		}
	}
	if w == nil {
		return 0, nil, errWorkspaceNotFound
	}
	return http.StatusOK, data[wireWorkspace]{toWireWorkspace(w)}, nil
}

// workspaceByID is the account's workspace with the id (any case), or
// nil.
func (s *Server) workspaceByID(id string) *workspace {
	for _, w := range s.workspaces {
		if strings.EqualFold(w.id, id) {
			return w
		}
	}
	return nil
}

// addWorkspace adds a workspace created at the time given, its slug made
// from its name. It runs with s.mu held or before the server is shared.
func (s *Server) addWorkspace(id, name, description string, created time.Time) *workspace {
	slug := s.uniqueSlug(slugOf(name))
	w := &workspace{id: id, name: name, slug: slug, description: description, createdAt: created, createdBy: s.user}
	s.workspaces = append(s.workspaces, w)
	return w
}

// slugOf is a "URL-friendly slug" of name: lower-case letters and digits,
// words joined by hyphens.
func slugOf(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		default:
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "workspace"
	}
	return b.String()
}

// DefaultWorkspace returns the ID of the account's default workspace: the
// one GET /keys lists without workspace_id and POST /keys creates in.
func (s *Server) DefaultWorkspace() string { return s.workspace }

// AddWorkspace adds a workspace, created now, and returns its ID. Its
// slug is made from the name (made unique with a number if needed).
func (s *Server) AddWorkspace(name string) (id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addWorkspace(newUUID(s.extra.Uint64), name, "", s.now()).id
}

// uniqueSlug is slug, or slug with a number if a workspace has it.
func (s *Server) uniqueSlug(slug string) string {
	taken := func(x string) bool {
		for _, w := range s.workspaces {
			if w.slug == x {
				return true
			}
		}
		return false
	}
	try := slug
	for i := 2; taken(try); i++ {
		try = slug + "-" + strconv.Itoa(i)
	}
	return try
}
