package main

// The three-workspace case of the OpenRouter part: the simulator itself,
// served on loopback from this process (the demo server has one extra
// workspace with a handful of keys; this has the keys dealt over every
// workspace), with openroutertest.WithWorkspaces. It is the same trial as
// against the demo server (openrouter.go), with its own target: 10,000
// keys over three workspaces in ≤ 0.25 × a sequential walk of them all.

import (
	"fmt"
	"net/http/httptest"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
)

// orTargetWorkspaces is DESIGN.md's target over three workspaces.
const orTargetWorkspaces = 0.25

// runORWorkspaces serves the simulator with o.orWSKeys keys dealt over
// o.orWorkspaces workspaces (the default and o.orWorkspaces − 1 more),
// o.orLatency a request, and runs the OpenRouter case against it. It
// returns run's exit status.
func runORWorkspaces(o options) int {
	sim := openroutertest.New(openroutertest.WithKeys(o.orWSKeys),
		openroutertest.WithWorkspaces(o.orWorkspaces-1), openroutertest.WithLatency(o.orLatency))
	srv := httptest.NewServer(sim) // 127.0.0.1
	defer srv.Close()
	o.orURL, o.orKey = srv.URL+openroutertest.BasePath, sim.DemoManagementKey()
	progress("OpenRouter: the simulator in this process at %s: %d keys over %d workspaces, %s a request", srv.URL, o.orWSKeys, o.orWorkspaces, o.orLatency)
	return runORCase(o, orCase{name: fmt.Sprintf("OpenRouter, %d workspaces", o.orWorkspaces), target: orTargetWorkspaces})
}
