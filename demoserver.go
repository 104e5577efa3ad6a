package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/targon-dash/targon-dash/accounts"
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/internal/simfault"
)

// runDemoServer serves a simulator with a demo account until SIGINT or
// SIGTERM. Its first lines on stdout are the environment a client needs.
func runDemoServer(args []string, stdout io.Writer, stderr io.Writer) int {
	f, code := parseDemoServerFlags(args, stderr)
	if f == nil {
		return code
	}
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		fmt.Fprintln(stderr, "demo-server:", err)
		return 1
	}
	srv := accounts.NewDemoServer(f.serve, ln)
	for _, l := range srv.Env() {
		fmt.Fprintln(stdout, l)
	}
	if f, ok := stdout.(*os.File); ok {
		f.Sync()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Serve(ctx); err != nil {
		fmt.Fprintln(stderr, "demo-server:", err)
		return 1
	}
	return 0
}

// demoServerFlags are demo-server's flags.
type demoServerFlags struct {
	serve  accounts.DemoServerConfig
	listen string
}

// parseDemoServerFlags parses and checks demo-server's flags; with nil
// flags, runDemoServer exits with code (0 after -h; 2 after a usage error,
// which it printed).
func parseDemoServerFlags(args []string, stderr io.Writer) (*demoServerFlags, int) {
	f := &demoServerFlags{}
	cfg, listen := &f.serve, &f.listen
	fs := flag.NewFlagSet("targon-dash demo-server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.Provider, "provider", config.ProviderTargon, "the API to simulate: targon or openrouter")
	fs.StringVar(&cfg.API, "api", "v2", "the Targon API to serve: v2 (/tha/v2 only) or v3 (/tha/v3 with two orgs, /tha/v2 beside it)")
	fs.StringVar(listen, "listen", "127.0.0.1:8080", "loopback address to listen on (port 0 picks a free port)")
	fs.IntVar(&cfg.APIKeys, "api-keys", 0, "extra generated API keys, for trying a big account")
	fs.IntVar(&cfg.SSHKeys, "ssh-keys", 0, "extra generated SSH keys, for trying a big account (Targon only)")
	fs.DurationVar(&cfg.Latency, "latency", 0, "delay added to every request, for trying a slow link (e.g. 50ms)")
	fs.Var((*faultFlags)(&cfg.Faults), "fault", "inject a fault, repeatable: \"METHOD PATH [STATUS] [times=N] [retry-after=S] [latency=D] [html|drop|truncate]\", e.g. \"GET /tha/v2/ssh-keys 503 times=2\" or \"GET /api/v1/keys 429 retry-after=1\"")
	fs.Usage = func() { demoServerUsage(fs) }
	if code, ok := parseArgs(fs, args, "demo-server: unexpected argument %q\n"); !ok {
		return nil, code
	}
	err := cfg.Check()
	if err == nil {
		err = accounts.CheckLoopback(*listen)
	}
	if err != nil {
		fmt.Fprintln(stderr, "demo-server:", err)
		return nil, 2
	}
	return f, 0
}

func demoServerUsage(fs *flag.FlagSet) {
	fmt.Fprint(fs.Output(), `Usage: targon-dash demo-server [flags]

Serves a simulated API with a demo account on a loopback address, and
prints first the environment variables that point a client at it:

  --provider targon (the default), the Targon /tha/v2 API:
    TARGON_BASE_URL=http://127.0.0.1:PORT
    TARGON_API_KEY=<the demo account's key>

  --provider targon --api v3, the Targon /tha/v3 API (and /tha/v2):
    TARGON_BASE_URL=http://127.0.0.1:PORT
    TARGON_API_KEY=<the demo account's key>
    TARGON_ORG=acme

  --provider openrouter, OpenRouter's /api/v1 key management:
    OPENROUTER_BASE_URL=http://127.0.0.1:PORT/api/v1
    OPENROUTER_MANAGEMENT_KEY=<the demo account's management key>
    # OPENROUTER_API_KEY=<an inference key> (a comment: it may call only GET /key)

Stops on Ctrl+C (SIGINT) or SIGTERM.

Flags:
`)
	fs.PrintDefaults()
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
