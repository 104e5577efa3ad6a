package openroutertest

import (
	"strconv"
	"time"
)

// demoResearchKeys are the keys of NewDemo's second workspace: one with a
// weekly limit, one with BYOK usage, one expiring within a week, one
// expired, and one enabled but unused for over a month. What they spent
// is part of what the account used besides its default workspace's keys
// (demoDeletedUsage), so the credits are those of the first release.
var demoResearchKeys = []seedKey{
	{name: "legacy-webhook", spend: 3.5, age: ago(204, 1, 1), idle: ago(47, 0, 0)},
	{name: "eval-harness", limit: 40, hasLimit: true, reset: resetWeekly, spend: 22, age: ago(150, 4, 10), touched: ago(20, 3, 0)},
	{name: "notebook (bob)", byok: true, spend: 9, byokSpend: 6, age: ago(61, 7, 44)},
	{name: "demo-day-2026", spend: 7, age: ago(41, 6, 30), expiredAgo: ago(5, 9, 0)},
	{name: "partner-trial", limit: 10, hasLimit: true, spend: 4, age: ago(12, 2, 5), expiresIn: ago(3, 5, 0)},
}

// addDemoWorkspace adds NewDemo's second workspace, "Research", and its
// keys, drawn from s.extra. It runs before the server is shared.
func (s *Server) addDemoWorkspace(now time.Time) {
	w := s.addWorkspace(newUUID(s.extra.Uint64), "Research", "Evaluations, notebooks and partner trials", now.Add(-ago(158, 2, 40)))
	w.textModel = "anthropic/claude-sonnet-4"
	w.providerSort = "price"
	w.updatedAt = now.Add(-ago(33, 1, 12))
	for _, sk := range demoResearchKeys {
		sk.workspace = w.id
		s.seedKeyFrom(s.extra, sk, now)
	}
}

// addNumberedWorkspaces adds WithWorkspaces' n workspaces, named for their
// place among the account's ("Workspace 2" on), created a day apart, the
// last yesterday, and returns their ids. It runs before the server is
// shared.
func (s *Server) addNumberedWorkspaces(n int, now time.Time) []string {
	var ids []string
	for i := range n {
		name := "Workspace " + strconv.Itoa(len(s.workspaces)+1)
		ids = append(ids, s.addWorkspace(newUUID(s.extra.Uint64), name, "", now.Add(-time.Duration(n-i)*24*time.Hour)).id)
	}
	return ids
}
