// Command perftrial is the timed trial behind DESIGN.md's "Performance
// targets": how long targon-dash takes to list a big account, compared with
// the plainest client that could do it.
//
// Against a running API (normally `targon-dash demo-server --api-keys 10000
// --ssh-keys 10000 --latency 50ms`), each round times two walks of both
// lists, 100 items a page:
//
//   - sequential: one targon.Client over ONE kept-alive connection
//     (MaxConnsPerHost 1) fetches every API-key page, then every SSH-key
//     page, one request at a time. With a latency L per request this takes
//     about (pages(API) + pages(SSH)) × L.
//   - dashboard: the real root model, ui.New, in a headless Bubble Tea
//     program with its renderer on (output counted, then discarded) and a
//     fresh client with the default transport settings. The clock runs from
//     starting the program until the root model's Update has returned for
//     the last page of both lists. The model is wrapped in a probe that
//     forwards every message and watches the list.PageMsg values go
//     by; the ui code is not changed. Cursor paging forces one round trip per
//     page per list, so the best the two concurrent walks can do is about
//     max(pages) × L: a dashboard/sequential ratio of 0.50. The target is
//     ≤ 0.55.
//
// After the load the probe switches to the API-keys view ("2") and presses
// "j" a few times, reporting the bytes each cursor move writes to the
// terminal (one frame; the renderer repaints only changed lines) and how long
// the root model's Update and View took for it (target ≤ 1 ms).
//
// It also reports, for the dashboard, the time the event loop spent in
// Update and View while loading and the client-side gap between one page's
// response and the next page's request: the part of the load that is not
// waiting on the network.
//
// With OPENROUTER_BASE_URL and OPENROUTER_MANAGEMENT_KEY set too (normally
// from `targon-dash demo-server --provider openrouter --api-keys 10000
// --latency 50ms`) it runs an OpenRouter part after the Targon one, and
// then the same against the OpenRouter simulator in this process with
// 10,000 keys over three workspaces (--or-workspaces 0 skips it); see
// openrouter.go and orworkspaces.go. Either part runs alone when only its
// variables are set.
//
// Usage:
//
//	TARGON_BASE_URL=http://127.0.0.1:PORT TARGON_API_KEY=tgn_... \
//	OPENROUTER_BASE_URL=http://127.0.0.1:PORT2/api/v1 OPENROUTER_MANAGEMENT_KEY=sk-or-v1-... \
//	go run ./internal/perftrial [--rounds 3]
//
// scripts/perf-trial.sh starts the demo server, runs this and measures the
// real binary's memory. The exit status is 0 when every target is met, 3
// when one is missed, 1 on an error.
//
// It imports the provider clients and the ui (it measures the real root
// model); nothing imports it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/targon-dash/targon-dash/api/targon"
)

// Targets from DESIGN.md.
const (
	targetRatio  = 0.55                 // dashboard time / sequential time
	floorRatio   = 0.50                 // two cursor-paged lists in parallel
	targetUpdate = 1 * time.Millisecond // Update + View for a cursor move
)

// pageSize is what both walks ask for (the API's maximum, as the dashboard).
const pageSize = targon.PageSize

// Paths of the two list endpoints, to tell the requests apart.
const (
	apiKeysPath = "/me/api-keys"
	sshKeysPath = "/ssh-keys"
)

func main() {
	os.Exit(run())
}

type options struct {
	baseURL, key string
	orURL, orKey string // the OpenRouter part; both "" to skip it
	// The OpenRouter case over several workspaces: how many (0 skips it),
	// how many keys in all, and the simulator's latency.
	orWorkspaces, orWSKeys int
	orLatency              time.Duration
	rounds                 int
	moves                  int
	width, height          int
	timeout                time.Duration
	cpuProfile             string
}

// run runs the trial and returns the exit status: 0 when every target is
// met, 3 when one is missed, 1 on an error.
func run() int {
	o, err := parseOptions()
	if err != nil {
		fmt.Fprintln(os.Stderr, "perftrial:", err)
		return 1
	}
	if o.cpuProfile != "" {
		stop, err := startCPUProfile(o.cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "perftrial:", err)
			return 1
		}
		defer stop()
	}
	targonSet, orSet := o.baseURL != "" && o.key != "", o.orURL != "" && o.orKey != ""

	// The dashboard draws as it would in a 256-colour terminal with a dark
	// background, whatever this process's stdout is, so the frame sizes do
	// not depend on where the output goes.
	lipgloss.SetColorProfile(termenv.ANSI256)
	lipgloss.SetHasDarkBackground(true)

	ok := true
	if targonSet {
		if code := runTargon(o); code != 0 {
			if code != 3 {
				return code
			}
			ok = false
		}
	}
	if orSet {
		for _, part := range []func(options) int{runOpenRouter, runORWorkspaces} {
			if code := part(o); code != 0 {
				if code != 3 {
					return code
				}
				ok = false
			}
			if o.orWorkspaces <= 0 {
				break
			}
		}
	}
	if !ok {
		return 3
	}
	return 0
}

// parseOptions reads the flags and the environment.
func parseOptions() (options, error) {
	var o options
	flag.StringVar(&o.baseURL, "base-url", os.Getenv("TARGON_BASE_URL"), "API base URL (default $TARGON_BASE_URL)")
	flag.StringVar(&o.key, "key", "", "API key (default $TARGON_API_KEY; prefer the variable, a flag shows in ps)")
	flag.StringVar(&o.orURL, "openrouter-base-url", os.Getenv("OPENROUTER_BASE_URL"), "OpenRouter API base URL for the OpenRouter part (default $OPENROUTER_BASE_URL; the key from $OPENROUTER_MANAGEMENT_KEY)")
	flag.IntVar(&o.orWorkspaces, "or-workspaces", 3, "workspaces of the OpenRouter case run in this process (0 skips it)")
	flag.IntVar(&o.orWSKeys, "or-workspace-keys", 10_000, "keys of that case, dealt over its workspaces")
	flag.DurationVar(&o.orLatency, "or-latency", 50*time.Millisecond, "latency of that case's simulator, per request")
	flag.IntVar(&o.rounds, "rounds", 3, "rounds; each time is reported as the median")
	flag.IntVar(&o.moves, "moves", 5, "cursor moves (j) measured after each dashboard load")
	flag.IntVar(&o.width, "width", 120, "terminal width the dashboard draws for")
	flag.IntVar(&o.height, "height", 36, "terminal height the dashboard draws for")
	flag.DurationVar(&o.timeout, "timeout", 5*time.Minute, "give up on one walk after this long")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the whole trial to this file")
	flag.Parse()
	if o.key == "" {
		o.key = os.Getenv("TARGON_API_KEY")
	}
	o.orKey = os.Getenv("OPENROUTER_MANAGEMENT_KEY")
	if (o.baseURL == "" || o.key == "") && (o.orURL == "" || o.orKey == "") {
		return o, errors.New("set TARGON_BASE_URL and TARGON_API_KEY (or --base-url and --key), and/or OPENROUTER_BASE_URL and OPENROUTER_MANAGEMENT_KEY; e.g. from `targon-dash demo-server [--provider openrouter]`")
	}
	if o.rounds < 1 || o.moves < 1 {
		return o, errors.New("--rounds and --moves must be at least 1")
	}
	return o, nil
}

// startCPUProfile writes a CPU profile to path until the function it
// returns is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// runTargon is the Targon part: rounds of a sequential walk and a dashboard
// load of both lists, then the report. It returns run's exit status.
func runTargon(o options) int {
	return trial[seqResult, dashResult]{
		walk:       "sequential walk",
		sequential: sequential,
		dashboard:  dashboard,
		sent:       func(d dashResult) string { return fmt.Sprintf("(%d requests)", d.requests) },
		disagree: func(s seqResult, d dashResult) string {
			if d.api.items == s.apiItems && d.ssh.items == s.sshItems {
				return ""
			}
			return fmt.Sprintf("sequential %d API keys and %d SSH keys, dashboard %d and %d", s.apiItems, s.sshItems, d.api.items, d.ssh.items)
		},
		report: report,
	}.run(o)
}

// progress prints a line on stderr, so stdout stays the report alone.
func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "perftrial: "+format+"\n", args...)
}
