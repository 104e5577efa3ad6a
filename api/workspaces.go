package api

import (
	"context"
	"time"
)

// This file is the part of the contract that OpenRouter's workspaces and
// activity add (reference/openrouter-more-openapi.yaml): an account's keys
// live in workspaces, and the spend of the last 30 completed UTC days can
// be read by day, model and key.

// Workspace is one workspace of an account.
type Workspace struct {
	// ID is the workspace's id exactly as the server sent it, checked
	// before it goes into a request.
	ID string
	// Name is its display name.
	Name string
	// Default marks the account's default workspace (where GET /keys
	// lists without a workspace_id, and where a key is created by default).
	Default bool
}

// Workspaces is an account whose keys live in workspaces. Its Account.Keys
// walks the keys of every workspace (Key.Workspace says whose), and its
// CreateKey puts the key in KeySpec.Workspace ("" for the default).
type Workspaces interface {
	// Workspaces lists every workspace, walking every page, the default
	// first.
	Workspaces(ctx context.Context) ([]Workspace, error)
}

// ActivityRow is the spend of one UTC day on one model (and, where the
// query names a key, by that key).
type ActivityRow struct {
	// Day is the UTC date (midnight UTC).
	Day time.Time
	// Model is the model's name as the server gives it.
	Model string
	// Spend is what the day's requests to Model cost, in the account's
	// currency.
	Spend Amount
	// Requests counts them.
	Requests int64
}

// ActivityQuery narrows an activity read; the zero value is the whole
// account.
type ActivityQuery struct {
	// KeyID, when set, is the hash of the one key to read (checked).
	KeyID string
}

// Activity is an account that can tell what was spent over the last 30
// completed UTC days (OpenRouter's GET /activity; a management key only:
// another key gets ErrForbidden).
type Activity interface {
	Activity(ctx context.Context, q ActivityQuery) ([]ActivityRow, error)
}
