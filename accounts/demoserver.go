package accounts

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/internal/simfault"
)

// DemoServerConfig is what the demo-server subcommand serves.
type DemoServerConfig struct {
	// Provider is the API to simulate: config.ProviderTargon or
	// config.ProviderOpenRouter.
	Provider string
	// API is the Targon API version to serve: "v2" (or ""), only /tha/v2
	// as before v3; or "v3", /tha/v3 with the demo's two organizations and
	// /tha/v2 beside it.
	API string
	// APIKeys and SSHKeys are extra generated keys, for a big account
	// (SSH keys: Targon only).
	APIKeys, SSHKeys int
	// Latency is added to every request.
	Latency time.Duration
	// Faults are injected into the simulator.
	Faults []simfault.Fault
}

// Check reports what is wrong with cfg, naming the flag (for a usage
// error): an unknown provider, a negative count or latency, SSH keys on a
// provider that has none.
func (cfg DemoServerConfig) Check() error {
	if err := config.CheckProvider(cfg.Provider); err != nil {
		return fmt.Errorf("--provider: %w", err)
	}
	if cfg.APIKeys < 0 || cfg.SSHKeys < 0 || cfg.Latency < 0 {
		return errors.New("--api-keys, --ssh-keys and --latency must not be negative")
	}
	if cfg.SSHKeys > 0 && cfg.Provider != config.ProviderTargon {
		return fmt.Errorf("--ssh-keys: %s has no SSH keys (only --provider targon does)", providerName(cfg.Provider))
	}
	return cfg.checkAPI()
}

// checkAPI refuses an unknown --api, and v3 for a provider other than
// Targon.
func (cfg DemoServerConfig) checkAPI() error {
	switch {
	case cfg.API != "" && cfg.API != demoAPIv2 && cfg.API != demoAPIv3:
		return fmt.Errorf("--api %q: want v2 or v3", cfg.API)
	case cfg.API == demoAPIv3 && cfg.Provider != config.ProviderTargon:
		return fmt.Errorf("--api: %s has one API (only --provider targon has v2 and v3)", providerName(cfg.Provider))
	}
	return nil
}

// The Targon API versions demo-server serves.
const (
	demoAPIv2 = "v2"
	demoAPIv3 = "v3"
)

// CheckLoopback refuses listen addresses that are not on loopback: the
// demo server hands out its key to anyone who asks and must not face a
// network.
func CheckLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--listen %q: %v (want host:port, e.g. 127.0.0.1:8080)", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("--listen %q: only loopback addresses (127.0.0.1, ::1, localhost) are allowed", addr)
}

// DemoServer is a simulator with a demo account, served on a listener
// until its context ends.
type DemoServer struct {
	srv *http.Server
	ln  net.Listener
	env []string

	mu     sync.Mutex
	unused map[net.Conn]bool // connections that have not sent a byte yet
}

// NewDemoServer makes the simulator cfg describes (cfg.Check it first),
// to be served on ln.
func NewDemoServer(cfg DemoServerConfig, ln net.Listener) *DemoServer {
	var handler http.Handler
	var env []string
	switch cfg.Provider {
	case config.ProviderOpenRouter:
		sim := openroutertest.NewDemo(openroutertest.WithKeys(cfg.APIKeys), openroutertest.WithLatency(cfg.Latency))
		for _, f := range cfg.Faults {
			sim.InjectFault(f)
		}
		handler = sim
		env = []string{
			fmt.Sprintf("OPENROUTER_BASE_URL=http://%s%s", ln.Addr(), openroutertest.BasePath),
			"OPENROUTER_MANAGEMENT_KEY=" + sim.DemoManagementKey(),
			fmt.Sprintf("# OPENROUTER_API_KEY=%s is an inference key: it may call only GET /key", sim.DemoInferenceKey()),
		}
	default:
		handler, env = targonDemo(cfg, ln.Addr())
	}
	d := &DemoServer{ln: ln, env: env, unused: make(map[net.Conn]bool)}
	d.srv = &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, ConnState: d.track}
	d.srv.RegisterOnShutdown(d.closeUnused)
	return d
}

// targonDemo is the Targon simulator cfg describes and the lines that
// point a client at it on addr: with --api v3 also the org to use.
func targonDemo(cfg DemoServerConfig, addr net.Addr) (http.Handler, []string) {
	opts := []targontest.Option{targontest.WithAPIKeys(cfg.APIKeys), targontest.WithSSHKeys(cfg.SSHKeys), targontest.WithLatency(cfg.Latency)}
	if cfg.API != demoAPIv3 {
		opts = append(opts, targontest.WithoutV3()) // v2 only, as before v3
	}
	sim := targontest.NewDemo(opts...)
	for _, f := range cfg.Faults {
		sim.InjectFault(f)
	}
	env := []string{
		fmt.Sprintf("TARGON_BASE_URL=http://%s", addr),
		"TARGON_API_KEY=" + sim.DemoKey(),
	}
	if cfg.API == demoAPIv3 {
		env = append(env, "TARGON_ORG="+sim.DemoOrg(),
			"# /tha/v3 with two orgs (the PERSONAL one is alice); /tha/v2 is served too")
	}
	return sim, env
}

// track keeps the set of connections that have sent nothing yet
// (http.StateNew), for closeUnused.
func (d *DemoServer) track(c net.Conn, state http.ConnState) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if state == http.StateNew {
		d.unused[c] = true
	} else {
		delete(d.unused, c)
	}
}

// closeUnused closes the connections a client opened and never used (a
// concurrent page walk leaves several): Shutdown would wait five seconds
// for each before counting it idle. It runs when Shutdown has closed the
// listener, so no new one comes.
func (d *DemoServer) closeUnused() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for c := range d.unused {
		c.Close()
	}
}

// Env are the lines to print first: the environment variables that point
// a client at the server, then notes (as comments).
func (d *DemoServer) Env() []string { return d.env }

// shutdownGrace is how long requests in flight get to finish once the
// server is told to stop; then every connection is closed.
const shutdownGrace = 300 * time.Millisecond

// Serve serves until ctx is done, then stops: at once when no request is
// in flight (idle and unused connections are closed), else within
// shutdownGrace. It returns nil then, or the error that stopped serving
// before.
func (d *DemoServer) Serve(ctx context.Context) error {
	served := make(chan error, 1)
	go func() { served <- d.srv.Serve(d.ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	graceCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := d.srv.Shutdown(graceCtx); err != nil {
		d.srv.Close()
	}
	return nil
}
