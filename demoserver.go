package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/internal/simfault"
)

// runDemoServer serves a simulator with a demo account until SIGINT or
// SIGTERM. Its first two lines on stdout are the environment a client needs.
func runDemoServer(args []string, stdout io.Writer, stderr io.Writer) int {
	fs := flag.NewFlagSet("targon-dash demo-server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	provider := fs.String("provider", config.ProviderTargon, "the API to simulate: targon or openrouter")
	listen := fs.String("listen", "127.0.0.1:8080", "loopback address to listen on (port 0 picks a free port)")
	apiKeys := fs.Int("api-keys", 0, "extra generated API keys, for trying a big account")
	sshKeys := fs.Int("ssh-keys", 0, "extra generated SSH keys, for trying a big account (Targon only)")
	latency := fs.Duration("latency", 0, "delay added to every request, for trying a slow link (e.g. 50ms)")
	var faults faultFlags
	fs.Var(&faults, "fault", "inject a fault, repeatable: \"METHOD PATH [STATUS] [times=N] [retry-after=S] [latency=D] [html|drop|truncate]\", e.g. \"GET /tha/v2/ssh-keys 503 times=2\" or \"GET /api/v1/keys 429 retry-after=1\"")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: targon-dash demo-server [flags]

Serves a simulated API with a demo account on a loopback address, and
prints first the two environment variables that point a client at it:

  --provider targon (the default), the Targon /tha/v2 API:
    TARGON_BASE_URL=http://127.0.0.1:PORT
    TARGON_API_KEY=<the demo account's key>

  --provider openrouter, OpenRouter's /api/v1 key management:
    OPENROUTER_BASE_URL=http://127.0.0.1:PORT/api/v1
    OPENROUTER_MANAGEMENT_KEY=<the demo account's management key>
    # OPENROUTER_API_KEY=<an inference key> (a comment: it may call only GET /key)

Stops on Ctrl+C (SIGINT) or SIGTERM.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "demo-server: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := config.CheckProvider(*provider); err != nil {
		fmt.Fprintln(stderr, "demo-server: --provider:", err)
		return 2
	}
	if *apiKeys < 0 || *sshKeys < 0 || *latency < 0 {
		fmt.Fprintln(stderr, "demo-server: --api-keys, --ssh-keys and --latency must not be negative")
		return 2
	}
	if *sshKeys > 0 && *provider != config.ProviderTargon {
		fmt.Fprintf(stderr, "demo-server: --ssh-keys: %s has no SSH keys (only --provider targon does)\n", providerName(*provider))
		return 2
	}
	if err := checkLoopback(*listen); err != nil {
		fmt.Fprintln(stderr, "demo-server:", err)
		return 2
	}

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintln(stderr, "demo-server:", err)
		return 1
	}
	var (
		handler http.Handler
		lines   []string // what to print first: the environment, then notes
	)
	switch *provider {
	case config.ProviderOpenRouter:
		sim := openroutertest.NewDemo(openroutertest.WithKeys(*apiKeys), openroutertest.WithLatency(*latency))
		for _, f := range faults {
			sim.InjectFault(f)
		}
		handler = sim
		lines = []string{
			fmt.Sprintf("OPENROUTER_BASE_URL=http://%s%s", ln.Addr(), openroutertest.BasePath),
			"OPENROUTER_MANAGEMENT_KEY=" + sim.DemoManagementKey(),
			fmt.Sprintf("# OPENROUTER_API_KEY=%s is an inference key: it may call only GET /key", sim.DemoInferenceKey()),
		}
	default:
		sim := targontest.NewDemo(targontest.WithAPIKeys(*apiKeys), targontest.WithSSHKeys(*sshKeys), targontest.WithLatency(*latency))
		for _, f := range faults {
			sim.InjectFault(f)
		}
		handler = sim
		lines = []string{
			fmt.Sprintf("TARGON_BASE_URL=http://%s", ln.Addr()),
			"TARGON_API_KEY=" + sim.DemoKey(),
		}
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	for _, l := range lines {
		fmt.Fprintln(stdout, l)
	}
	if f, ok := stdout.(*os.File); ok {
		f.Sync()
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		fmt.Fprintln(stderr, "demo-server:", err)
		return 1
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		srv.Close()
	}
	return 0
}

// checkLoopback refuses listen addresses that are not on loopback: the demo
// server hands out its key to anyone who asks and must not face a network.
func checkLoopback(addr string) error {
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

// faultFlags collects --fault values, parsed by simfault.Parse (the same
// form for both simulators).
type faultFlags []simfault.Fault

func (f *faultFlags) String() string { return fmt.Sprint(len(*f), " faults") }

func (f *faultFlags) Set(v string) error {
	fault, err := simfault.Parse(v)
	if err != nil {
		return err
	}
	*f = append(*f, fault)
	return nil
}
