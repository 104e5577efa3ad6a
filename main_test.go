package main

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
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

// command runs this test binary as targon-dash with args.
func command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"--"}, args...)...)
	cmd.Env = append(os.Environ(), "TARGON_DASH_RUN_MAIN=1", "HOME="+os.TempDir(), "XDG_CONFIG_HOME="+os.TempDir())
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
	cmd := command(ctx, "demo-server", "--listen", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	sc := bufio.NewScanner(stdout)
	var lines []string
	for len(lines) < 2 && sc.Scan() {
		lines = append(lines, sc.Text())
	}
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
	cmd := command(ctx, "demo-server", "--listen", "127.0.0.1:0", "--fault", "GET /tha/v2/me/credits 503 times=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	sc := bufio.NewScanner(stdout)
	var lines []string
	for len(lines) < 2 && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) != 2 {
		t.Fatalf("lines = %q", lines)
	}
	base, key := strings.TrimPrefix(lines[0], "TARGON_BASE_URL="), strings.TrimPrefix(lines[1], "TARGON_API_KEY=")
	c, _ := targon.NewClient(base, key, targon.WithRetry(targon.NoRetry))
	if _, err := c.Credits(ctx); !errors.Is(err, api.ErrServer) {
		t.Fatalf("first credits: %v, want the injected 503", err)
	}
	if _, err := c.Credits(ctx); err != nil {
		t.Fatalf("second credits: %v, want success after times=1", err)
	}

	err = command(context.Background(), "demo-server", "--listen", "127.0.0.1:0", "--fault", "GET /x teapot").Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 {
		t.Fatalf("bad --fault: %v, want exit status 2", err)
	}
}
