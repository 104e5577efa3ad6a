package accounts

import (
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/config"
)

// demoNowEnv freezes the clock of --demo (RFC 3339 time), for pictures
// that come out the same on every run: with it, new keys come from the
// demo's seeded sources too. scripts/screenshots.sh sets it.
const demoNowEnv = "TARGON_DASH_DEMO_NOW"

// DemoClock is the frozen clock of --demo that $TARGON_DASH_DEMO_NOW sets
// (demoNowEnv), or nil when it is unset.
func DemoClock(getenv func(string) string) (func() time.Time, error) {
	v := getenv(demoNowEnv)
	if v == "" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", demoNowEnv, err)
	}
	return func() time.Time { return t }, nil
}

// IDs of the demo accounts: Targon over /tha/v2 and over /tha/v3 (the
// same simulator and user: v3 adds its organizations), and OpenRouter.
const (
	demoTargonID     = "demo/targon"
	demoTargonV3ID   = "demo/targon-v3"
	demoOpenRouterID = "demo/openrouter"
)

// demoHost is how the switcher shows the built-in demo servers: their
// loopback ports mean nothing to anyone (the status bar says the same).
const demoHost = "built-in demo"

// demoServers are the two simulators behind --demo and the login screen's
// "try the demo": a Targon and an OpenRouter demo account, in-process on
// loopback.
type demoServers struct {
	targon, openrouter servedDemo
}

// servedDemo is one simulator being served: its base URL and the key the
// dashboard signs in with.
type servedDemo struct {
	srv *http.Server
	url string
	key string
}

// settings are the Settings of a demo account (demoTargonID,
// demoTargonV3ID or demoOpenRouterID).
// The v2 demo is pinned to v2: the simulator serves v3 as well.
func (d *demoServers) settings(id string) *config.Settings {
	s := &config.Settings{Provider: config.ProviderTargon, Profile: "demo", BaseURL: d.targon.url, KeySource: config.KeyFromDemo,
		APIVersion: config.APIVersionV2}
	key := d.targon.key
	switch id {
	case demoTargonV3ID:
		s.Profile, s.APIVersion = "demo-v3", config.APIVersionV3
	case demoOpenRouterID:
		s = &config.Settings{Provider: config.ProviderOpenRouter, Profile: "demo-openrouter", BaseURL: d.openrouter.url, KeySource: config.KeyFromDemo}
		key = d.openrouter.key
	}
	s.SetAPIKey(key)
	return s
}

// Close stops both simulators.
func (d *demoServers) Close() {
	d.targon.srv.Close()
	d.openrouter.srv.Close()
}

// demoOnce starts the demo simulators the first time they are asked for;
// start runs off the UI goroutine, hence the mutex.
type demoOnce struct {
	clock func() time.Time // frozen (demoNowEnv) or nil
	mu    sync.Mutex
	d     *demoServers
}

// start starts both simulators once and returns them.
func (o *demoOnce) start() (*demoServers, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.d == nil {
		d, err := startDemoServers(o.clock)
		if err != nil {
			return nil, err
		}
		o.d = d
	}
	return o.d, nil
}

// Close stops the simulators if they were started.
func (o *demoOnce) Close() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.d != nil {
		o.d.Close()
		o.d = nil
	}
}

// startDemoServers serves the two demo accounts on free loopback ports. The
// Targon balance moves a little on each refresh, as a busy account's would.
// With a frozen clock, new keys come from the simulators' seeded sources,
// so pictures come out the same on every run.
func startDemoServers(clock func() time.Time) (*demoServers, error) {
	topts := []targontest.Option{targontest.WithUsage()}
	oopts := []openroutertest.Option(nil)
	if clock != nil {
		topts = append(topts, targontest.WithClock(clock), targontest.WithSeededSecrets())
		oopts = append(oopts, openroutertest.WithClock(clock), openroutertest.WithSeededSecrets())
	}
	tsim := targontest.NewDemo(topts...)
	t, err := serveLoopback(tsim, "", tsim.DemoKey())
	if err != nil {
		return nil, err
	}
	osim := openroutertest.NewDemo(oopts...)
	o, err := serveLoopback(osim, openroutertest.BasePath, osim.DemoManagementKey())
	if err != nil {
		t.srv.Close()
		return nil, err
	}
	return &demoServers{targon: t, openrouter: o}, nil
}

// serveLoopback serves h on a free loopback port; its base URL is the
// address followed by basePath.
func serveLoopback(h http.Handler, basePath, key string) (servedDemo, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return servedDemo{}, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return servedDemo{srv: srv, url: "http://" + ln.Addr().String() + basePath, key: key}, nil
}
