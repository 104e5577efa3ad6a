// Command targon-dash is a keyboard-driven terminal dashboard for a Targon
// account: credits, API keys and SSH keys.
//
//	targon-dash                 the dashboard (login screen when no key is set)
//	targon-dash --demo          the dashboard against a built-in demo account
//	targon-dash demo-server     serve the demo API on loopback for other tools
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/internal/debuglog"
	"github.com/targon-dash/targon-dash/ui"
	"github.com/targon-dash/targon-dash/ui/clipboard"
	"github.com/targon-dash/targon-dash/ui/common"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3"; when
// empty, the module version from the build info is used.
var version = ""

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without os.Exit, so tests can call it.
func run(args []string, stdin, stdout *os.File, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "demo-server" {
		return runDemoServer(args[1:], stdout, stderr)
	}

	fs := flag.NewFlagSet("targon-dash", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		// A back-quoted word in a usage string becomes the flag's
		// placeholder in -h (flag.UnquoteUsage): "-profile NAME".
		baseURL     = fs.String("base-url", "", "Targon API base `URL` (default: $TARGON_BASE_URL, the profile's base_url, or https://api.targon.com)")
		profile     = fs.String("profile", "", "profile `NAME` (default: $TARGON_PROFILE, the current profile of ~/.targon/config.toml, or default)")
		demo        = fs.Bool("demo", false, "run against a built-in demo account (no Targon account needed)")
		debugPath   = fs.String("debug", "", "append a log of API requests to `FILE` (made 0600; keys are redacted)")
		theme       = fs.String("theme", "", "colours: auto, dark or light (default: the preference, else auto)")
		showVersion = fs.Bool("version", false, "print the version and exit")
	)
	fs.Usage = func() { usage(fs) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "targon-dash: unexpected argument %q (see targon-dash -h)\n", fs.Arg(0))
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "targon-dash", buildVersion())
		return 0
	}
	if !term.IsTerminal(int(stdin.Fd())) || !term.IsTerminal(int(stdout.Fd())) {
		fmt.Fprintln(stderr, "targon-dash: needs a terminal: run it in an interactive terminal (stdin and stdout must be a TTY); for a headless API try `targon-dash demo-server`")
		return 2
	}

	env := config.Environment{Getenv: os.Getenv}
	prefs, err := config.LoadPreferences(env)
	if err == nil {
		err = common.CheckKeyPreferences(prefs) // unknown actions and keys, conflicts: file:line: field
	}
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return 1
	}
	if *theme == "" {
		*theme = prefs.Theme
	}
	askBackground, err := ui.SetTheme(*theme)
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash: --theme:", err)
		return 2
	}

	var frozen func() time.Time
	if *demo {
		if frozen, err = demoClock(os.Getenv); err != nil {
			fmt.Fprintln(stderr, "targon-dash:", err)
			return 2
		}
	}
	var (
		demoSrv *demoServer
		demoMu  sync.Mutex // startDemo runs in a command, off the UI goroutine
	)
	defer func() {
		demoMu.Lock()
		defer demoMu.Unlock()
		if demoSrv != nil {
			demoSrv.Close()
		}
	}()
	// startDemo serves the demo account in-process, once.
	startDemo := func() (string, string, error) {
		demoMu.Lock()
		defer demoMu.Unlock()
		if demoSrv == nil {
			var err error
			if demoSrv, err = newDemoServer(frozen); err != nil {
				return "", "", err
			}
		}
		return demoSrv.url, demoSrv.sim.DemoKey(), nil
	}

	var settings *config.Settings
	if *demo {
		url, key, err := startDemo()
		if err != nil {
			fmt.Fprintln(stderr, "targon-dash: demo:", err)
			return 1
		}
		settings = &config.Settings{Profile: "demo", BaseURL: url, KeySource: config.KeyFromDemo}
		settings.SetAPIKey(key)
	} else if settings, err = config.Resolve(config.Flags{Profile: *profile, BaseURL: *baseURL}, env); err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return 1
	}
	clientOpts := []targon.Option{targon.WithUserAgent("targon-dash/" + buildVersion())}
	if *debugPath != "" {
		logger, closer, err := debuglog.Open(*debugPath)
		if err != nil {
			fmt.Fprintln(stderr, "targon-dash: --debug:", err)
			return 2
		}
		defer closer.Close()
		clientOpts = append(clientOpts, targon.WithLogger(logger))
		logger.Info("targon-dash started", "version", buildVersion(), "profile", settings.Profile, "base_url", settings.BaseURL, "key_source", settings.KeySource.String())
	}
	session, err := targonSession(settings, clientOpts)
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return 1
	}
	clip := clipboard.AutoClear(clipboard.New(), prefs.ClipboardClear)
	defer clip.Close() // a secret waiting to be cleared is cleared on exit
	err = ui.Run(ui.Options{
		Session:         session,
		Keys:            prefs.Keys,
		KeysFile:        prefs.Path,
		RefreshInterval: prefs.RefreshInterval,
		Clipboard:       clip,
		StartDemo: func() (ui.Session, error) {
			url, key, err := startDemo()
			if err != nil {
				return ui.Session{}, err
			}
			s := &config.Settings{Profile: "demo", BaseURL: url, KeySource: config.KeyFromDemo}
			s.SetAPIKey(key)
			return targonSession(s, nil)
		},
		Now: frozen,
	}, askBackground)
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return 1
	}
	return 0
}

func usage(fs *flag.FlagSet) {
	out := fs.Output()
	fmt.Fprint(out, `targon-dash: a terminal dashboard for your Targon account (credits, API keys, SSH keys)

Usage:
  targon-dash [flags]              open the dashboard
  targon-dash --demo               try it on a built-in demo account
  targon-dash demo-server [flags]  serve the demo API on loopback (see demo-server -h)

The API key comes from $TARGON_API_KEY or ~/.targon/credentials-<profile>;
with neither, the dashboard opens its login screen.

Flags:
`)
	fs.PrintDefaults()
}

// targonSession wires a Targon account for the dashboard: the account of
// settings, and what the UI needs to know of the settings (where the key is
// kept, how to save one, how to check another).
func targonSession(settings *config.Settings, opts []targon.Option) (ui.Session, error) {
	acct, err := targon.New(settings.BaseURL, settings.APIKey(), opts...)
	if err != nil {
		return ui.Session{}, err
	}
	home := common.KeyHome{Env: settings.KeyEnvVar, File: settings.CredentialsPath}
	switch settings.KeySource {
	case config.KeyFromEnv:
		home.Source = common.KeyFromEnv
		if home.Env == "" {
			home.Env = "TARGON_API_KEY"
		}
	case config.KeyFromFile:
		home.Source = common.KeyFromFile
	case config.KeyFromDemo:
		home.Source = common.KeyFromDemo
	}
	s := ui.Session{
		Account: acct,
		NewAccount: func(token string) (api.Account, error) {
			return targon.New(settings.BaseURL, token, opts...)
		},
		Profile:  settings.Profile,
		Home:     home,
		Warnings: settings.Warnings,
	}
	if settings.CredentialsPath != "" && settings.KeySource != config.KeyFromDemo {
		path := settings.CredentialsPath
		s.SaveKey = func(key string) error { return config.SaveCredentials(path, key) }
	}
	return s, nil
}

// demoServer is the in-process simulator behind --demo.
type demoServer struct {
	sim *targontest.Server
	srv *http.Server
	url string
}

// Close stops the simulator.
func (d *demoServer) Close() { d.srv.Close() }

// demoNowEnv freezes the clock of --demo (RFC 3339 time), for pictures
// that come out the same on every run: with it, new keys come from the
// demo's seeded source too. scripts/screenshots.sh sets it.
const demoNowEnv = "TARGON_DASH_DEMO_NOW"

// demoClock is the frozen clock from demoNowEnv, or nil.
func demoClock(getenv func(string) string) (func() time.Time, error) {
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

// newDemoServer serves a demo account on a free loopback port. Its balance
// moves a little on each refresh, as a busy account's would.
func newDemoServer(clock func() time.Time) (*demoServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	opts := []targontest.Option{targontest.WithUsage()}
	if clock != nil {
		opts = append(opts, targontest.WithClock(clock), targontest.WithSeededSecrets())
	}
	sim := targontest.NewDemo(opts...)
	srv := &http.Server{Handler: sim, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return &demoServer{sim: sim, srv: srv, url: "http://" + ln.Addr().String()}, nil
}

// buildVersion is the version stamped at link time, else the module version.
func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "dev"
}
