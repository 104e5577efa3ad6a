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

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// runDemoServer serves the simulator with the demo account until SIGINT or
// SIGTERM. Its first two lines on stdout are the environment a client needs.
func runDemoServer(args []string, stdout io.Writer, stderr io.Writer) int {
	fs := flag.NewFlagSet("targon-dash demo-server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:8080", "loopback address to listen on (port 0 picks a free port)")
	apiKeys := fs.Int("api-keys", 0, "extra generated API keys, for trying a big account")
	sshKeys := fs.Int("ssh-keys", 0, "extra generated SSH keys, for trying a big account")
	latency := fs.Duration("latency", 0, "delay added to every request, for trying a slow link (e.g. 50ms)")
	var faults faultFlags
	fs.Var(&faults, "fault", "inject a fault, repeatable: \"METHOD PATH [STATUS] [times=N] [retry-after=S] [latency=D] [html|drop|truncate]\", e.g. \"GET /tha/v2/ssh-keys 503 times=2\"")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: targon-dash demo-server [flags]

Serves a simulated Targon /tha/v2 API with a demo account on a loopback
address, and prints the two environment variables that point a client at it:

  TARGON_BASE_URL=http://127.0.0.1:PORT
  TARGON_API_KEY=<the demo account's key>

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
	if *apiKeys < 0 || *sshKeys < 0 || *latency < 0 {
		fmt.Fprintln(stderr, "demo-server: --api-keys, --ssh-keys and --latency must not be negative")
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
	sim := targontest.NewDemo(targontest.WithAPIKeys(*apiKeys), targontest.WithSSHKeys(*sshKeys), targontest.WithLatency(*latency))
	for _, f := range faults {
		sim.InjectFault(f)
	}
	srv := &http.Server{Handler: sim, ReadHeaderTimeout: 10 * time.Second}

	fmt.Fprintf(stdout, "TARGON_BASE_URL=http://%s\n", ln.Addr())
	fmt.Fprintf(stdout, "TARGON_API_KEY=%s\n", sim.DemoKey())
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

// faultFlags collects --fault values, parsed by targontest.ParseFault.
type faultFlags []targontest.Fault

func (f *faultFlags) String() string { return fmt.Sprint(len(*f), " faults") }

func (f *faultFlags) Set(v string) error {
	fault, err := targontest.ParseFault(v)
	if err != nil {
		return err
	}
	*f = append(*f, fault)
	return nil
}
