package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/api/targon"
)

// TestMain lets the test binary stand in for targon-dash: with
// TARGON_DASH_RUN_MAIN=1 it runs main with the arguments after "--".
func TestMain(m *testing.M) {
	if os.Getenv("TARGON_DASH_RUN_MAIN") == "1" {
		args := os.Args[1:]
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		os.Exit(run(args, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// command runs this test binary as targon-dash with args. Built with
// -race, a program sleeps a second before it exits (GORACE's
// atexit_sleep_ms); the child is told not to, so exit times are its own.
func command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"--"}, args...)...)
	cmd.Env = append(os.Environ(), "TARGON_DASH_RUN_MAIN=1", "HOME="+os.TempDir(), "XDG_CONFIG_HOME="+os.TempDir(),
		"GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	return cmd
}

func TestWithoutTerminalExitsTwo(t *testing.T) {
	for _, args := range [][]string{nil, {"--demo"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		cmd := command(ctx, args...)
		cmd.Stdin = strings.NewReader("")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 2 {
			t.Fatalf("args %v: err = %v, want exit status 2", args, err)
		}
		if time.Since(start) > 3*time.Second {
			t.Fatalf("took %v to give up", time.Since(start))
		}
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if len(lines) != 1 || !strings.Contains(lines[0], "needs a terminal") {
			t.Fatalf("stderr = %q, want one line saying a terminal is needed", stderr.String())
		}
	}
}

func TestVersionAndHelpNeedNoTerminal(t *testing.T) {
	out, err := command(context.Background(), "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "targon-dash ") {
		t.Fatalf("--version: %q, %v", out, err)
	}
	cmd := command(context.Background(), "-h")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || !strings.Contains(stderr.String(), "--demo") {
		t.Fatalf("-h: %v, %q", err, stderr.String())
	}
	if err := command(context.Background(), "--no-such-flag").Run(); err == nil {
		t.Fatal("unknown flag accepted")
	}
}

func TestDemoServer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd, lines := launchDemoServer(t, ctx, 2)
	defer cmd.Process.Kill()
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "TARGON_BASE_URL=http://127.0.0.1:") || !strings.HasPrefix(lines[1], "TARGON_API_KEY=tgn_") {
		t.Fatalf("first lines = %q", lines)
	}
	baseURL := strings.TrimPrefix(lines[0], "TARGON_BASE_URL=")
	if strings.HasSuffix(baseURL, ":0") {
		t.Fatalf("port 0 was not replaced by the chosen port: %s", baseURL)
	}
	key := strings.TrimPrefix(lines[1], "TARGON_API_KEY=")

	c, err := targon.NewClient(baseURL, key)
	if err != nil {
		t.Fatal(err)
	}
	cr, err := c.Credits(ctx)
	if err != nil || cr.Currency == "" {
		t.Fatalf("credits from demo-server: %+v, %v", cr, err)
	}
	if resp, err := http.Get(baseURL + "/tha/v2/me/credits"); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("unauthenticated request: %v %v, want 401", resp, err)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("demo-server after SIGTERM: %v, want a clean exit", err)
	}
}

func TestDemoServerRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:8080", ":8080", "192.0.2.1:80", "nonsense"} {
		err := command(context.Background(), "demo-server", "--listen", addr).Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 2 {
			t.Errorf("--listen %s: err = %v, want exit status 2", addr, err)
		}
	}
}

// TestDemoServerFaults: --fault makes demo-server answer as told, and a bad
// --fault is refused with exit status 2.
func TestDemoServerFaults(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd, lines := launchDemoServer(t, ctx, 2, "--fault", "GET /tha/v2/me/credits 503 times=1")
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	base, key := strings.TrimPrefix(lines[0], "TARGON_BASE_URL="), strings.TrimPrefix(lines[1], "TARGON_API_KEY=")
	c, _ := targon.NewClient(base, key, clientopt.WithRetry(clientopt.NoRetry()))
	if _, err := c.Credits(ctx); !errors.Is(err, api.ErrServer) {
		t.Fatalf("first credits: %v, want the injected 503", err)
	}
	if _, err := c.Credits(ctx); err != nil {
		t.Fatalf("second credits: %v, want success after times=1", err)
	}

	err := command(context.Background(), "demo-server", "--listen", "127.0.0.1:0", "--fault", "GET /x teapot").Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("bad --fault: %v, want exit status 2", err)
	}
}

// startDemoServer runs demo-server with args and returns its first n
// lines on stdout; it is stopped with SIGTERM when the test ends.
func startDemoServer(t *testing.T, n int, args ...string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	cmd, lines := launchDemoServer(t, ctx, n, args...)
	t.Cleanup(func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() })
	return lines
}

// launchDemoServer starts demo-server on a free loopback port with args
// and returns it with its first n lines on stdout, failing the test when
// it prints fewer. It is killed when ctx ends or the test fails; stopping
// it otherwise is the caller's.
func launchDemoServer(t *testing.T, ctx context.Context, n int, args ...string) (*exec.Cmd, []string) {
	t.Helper()
	cmd := command(ctx, append([]string{"demo-server", "--listen", "127.0.0.1:0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			cmd.Process.Kill()
		}
	})
	sc := bufio.NewScanner(stdout)
	var lines []string
	for len(lines) < n && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) != n {
		t.Fatalf("demo-server %v printed %q, want %d lines", args, lines, n)
	}
	return cmd, lines
}

// TestDemoServerOpenRouter: demo-server --provider openrouter prints the
// base URL and the management key first, then an inference key as a
// comment; --api-keys adds keys and --fault takes /api/v1 paths.
func TestDemoServerOpenRouter(t *testing.T) {
	const extra = 150
	lines := startDemoServer(t, 3, "--provider", "openrouter", "--api-keys", fmt.Sprint(extra),
		"--fault", "GET /api/v1/credits 503 times=1")
	base, ok := strings.CutPrefix(lines[0], "OPENROUTER_BASE_URL=")
	if !ok || !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasSuffix(base, "/api/v1") || strings.Contains(base, ":0/") {
		t.Fatalf("first line %q, want OPENROUTER_BASE_URL=http://127.0.0.1:PORT/api/v1", lines[0])
	}
	key, ok := strings.CutPrefix(lines[1], "OPENROUTER_MANAGEMENT_KEY=")
	if !ok || !strings.HasPrefix(key, "sk-or-v1-") {
		t.Fatalf("second line %q, want OPENROUTER_MANAGEMENT_KEY=sk-or-v1-…", lines[1])
	}
	inference, ok := strings.CutPrefix(lines[2], "# OPENROUTER_API_KEY=")
	if !ok {
		t.Fatalf("third line %q, want the inference key as a comment", lines[2])
	}
	inference, _, _ = strings.Cut(inference, " ")

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := openrouter.NewClient(base, key, clientopt.WithRetry(clientopt.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Credits(ctx); !errors.Is(err, api.ErrServer) {
		t.Fatalf("first credits: %v, want the injected 503", err)
	}
	if cr, err := c.Credits(ctx); err != nil || cr.TotalCredits == "" {
		t.Fatalf("second credits: %+v, %v; want success after times=1", cr, err)
	}
	// Every key, disabled ones too: the demo's own and the extra ones.
	count := func(acct api.Account) int {
		n := 0
		for page, err := range acct.Keys(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			n += len(page)
		}
		return n
	}
	localSim := openroutertest.NewDemo(openroutertest.WithKeys(extra))
	local := httptest.NewServer(localSim)
	defer local.Close()
	want := count(mustOpenRouter(t, local.URL+openroutertest.BasePath, localSim.DemoManagementKey()))
	if got := count(openrouter.NewAccount(c)); got != want || got < extra {
		t.Errorf("demo-server lists %d keys, want %d (the demo's and %d extra)", got, want, extra)
	}

	ic, err := openrouter.NewClient(base, inference, clientopt.WithRetry(clientopt.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ic.CurrentKey(ctx); err != nil {
		t.Errorf("GET /key with the inference key: %v", err)
	}
	if _, err := ic.Credits(ctx); !errors.Is(err, api.ErrForbidden) {
		t.Errorf("credits with the inference key: %v, want 403", err)
	}
}

// mustOpenRouter is an OpenRouter account at baseURL with key.
func mustOpenRouter(t *testing.T, baseURL, key string) *openrouter.Account {
	t.Helper()
	a, err := openrouter.New(baseURL, key)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestDemoServerFlagsPerProvider: --ssh-keys is Targon's alone, and an
// unknown --provider is refused; both exit with status 2 at once.
func TestDemoServerFlagsPerProvider(t *testing.T) {
	for _, args := range [][]string{
		{"--provider", "openrouter", "--ssh-keys", "3"},
		{"--provider", "acme"},
	} {
		cmd := command(context.Background(), append([]string{"demo-server", "--listen", "127.0.0.1:0"}, args...)...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 2 || stderr.Len() == 0 {
			t.Errorf("%v: err = %v, stderr %q; want exit status 2 with a reason", args, err, stderr.String())
		}
	}
}

// TestDemoServerExitsFast: demo-server exits within a second of SIGTERM
// or SIGINT, every time, also while a client holds connections it opened
// and never used (as a concurrent page walk leaves them) and one it left
// idle after a request. Ten runs, the signals taking turns.
func TestDemoServerExitsFast(t *testing.T) {
	for i := range 10 {
		sig := []os.Signal{syscall.SIGTERM, os.Interrupt}[i%2]
		if took := demoServerExitTime(t, sig); took >= time.Second {
			t.Fatalf("run %d: demo-server took %v to exit after %v, want under 1s", i+1, took, sig)
		}
	}
}

// demoServerExitTime starts demo-server, opens connections to it that
// stay open (two never used, one kept alive after a request), sends sig
// and returns how long it took to exit cleanly.
func demoServerExitTime(t *testing.T, sig os.Signal) time.Duration {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd, lines := launchDemoServer(t, ctx, 2)
	defer cmd.Process.Kill()
	baseURL := strings.TrimPrefix(lines[0], "TARGON_BASE_URL=")
	for range 2 {
		conn, err := net.Dial("tcp", strings.TrimPrefix(baseURL, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
	}
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr}).Get(baseURL + "/tha/v2/me/credits")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close() // the connection stays open, idle

	start := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("demo-server after %v: %v, want a clean exit", sig, err)
	}
	return time.Since(start)
}
