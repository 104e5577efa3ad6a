// Command targon-dash is a keyboard-driven terminal dashboard for the
// accounts where people keep API keys: Targon (credits, API keys, SSH keys)
// and OpenRouter (credits, the current key, API keys with spending limits).
//
//	targon-dash                 the dashboard (login screen when no key is set)
//	targon-dash --demo          the dashboard against built-in demo accounts
//	targon-dash demo-server     serve a demo API on loopback for other tools
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

	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
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
		baseURL     = fs.String("base-url", "", "API base `URL` (default: $TARGON_BASE_URL or $OPENROUTER_BASE_URL, the profile's or account's base_url, or the provider's)")
		profile     = fs.String("profile", "", "a Targon profile or a dashboard account by `NAME` (default: $TARGON_PROFILE, the current profile of ~/.targon/config.toml, or default)")
		provider    = fs.String("provider", "", "the service `NAME`: targon or openrouter (default: what --profile names, else targon)")
		demoFlag    = fs.Bool("demo", false, "run against built-in demo accounts, Targon and OpenRouter (no account needed)")
		debugPath   = fs.String("debug", "", "append a log of API requests to `FILE` (made 0600; keys are redacted)")
		theme       = fs.String("theme", "", "colours: auto, dark or light (default: the preference, else auto)")
		showVersion = fs.Bool("version", false, "print the version and exit")
		mouse       = fs.Bool("mouse", false, "wheel and clicks (default: the mouse preference, else off; with it on, selecting text takes shift in most terminals)")
		readOnly    = fs.Bool("read-only", false, "turn off every action that changes something (for screen-sharing and demos; preference read_only)")
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
	if !flagGiven(fs, "mouse") {
		*mouse = prefs.Mouse
	}
	askBackground, err := ui.SetTheme(*theme)
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash: --theme:", err)
		return 2
	}

	var frozen func() time.Time
	if *demoFlag {
		if frozen, err = demoClock(os.Getenv); err != nil {
			fmt.Fprintln(stderr, "targon-dash:", err)
			return 2
		}
	}
	demo := &demoOnce{clock: frozen}
	defer demo.Close()

	var settings *config.Settings
	if *demoFlag {
		d, err := demo.start()
		if err != nil {
			fmt.Fprintln(stderr, "targon-dash: demo:", err)
			return 1
		}
		// --demo --provider openrouter starts on the OpenRouter demo.
		id := demoTargonID
		if *provider == config.ProviderOpenRouter {
			id = demoOpenRouterID
		}
		settings = d.settings(id)
	} else if settings, err = config.Resolve(config.Flags{Profile: *profile, Provider: *provider, BaseURL: *baseURL}, env); err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return 1
	}
	wire := wiring{userAgent: "targon-dash/" + buildVersion()}
	if *debugPath != "" {
		logger, closer, err := debuglog.Open(*debugPath)
		if err != nil {
			fmt.Fprintln(stderr, "targon-dash: --debug:", err)
			return 2
		}
		defer closer.Close()
		wire.logger = logger
		logger.Info("targon-dash started", "version", buildVersion(), "provider", providerName(settings.Provider),
			"profile", settings.Profile, "base_url", settings.BaseURL, "key_source", settings.KeySource.String())
	}
	session, err := wire.session(settings)
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return 1
	}
	pick := newPicker(settings, session, env, wire, demo.start)
	clip := clipboard.AutoClear(clipboard.New(), prefs.ClipboardClear)
	defer clip.Close() // a secret waiting to be cleared is cleared on exit
	err = ui.Run(ui.Options{
		Session:         pick.startSession(),
		Accounts:        pick.accounts,
		OpenAccount:     pick.open,
		Keys:            prefs.Keys,
		KeysFile:        prefs.Path,
		RefreshInterval: prefs.RefreshInterval,
		Sort:            common.SortOrder{Column: prefs.Sort, Reverse: prefs.SortReverse},
		Clipboard:       clip,
		StartDemo:       pick.startDemo,
		SessionChanged:  pick.sessionChanged,
		Now:             frozen,
		Mouse:           *mouse,

		// The lists' interval and read-only mode, from the preferences and
		// --read-only.
		ListRefreshInterval: prefs.ListRefreshInterval,
		ReadOnly:            *readOnly || prefs.ReadOnly,
		ReadOnlyReason:      readOnlyReason(*readOnly, prefs.Path),
	}, askBackground)
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return 1
	}
	return 0
}

// flagGiven reports whether the command line set the flag name (so it
// wins over the preference, also when it says false).
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// readOnlyReason says why the dashboard is read-only: the flag, else the
// preference in file.
func readOnlyReason(flagSet bool, file string) string {
	if flagSet {
		return "--read-only"
	}
	return "read_only = true in " + common.ShortPath(file)
}

func usage(fs *flag.FlagSet) {
	out := fs.Output()
	fmt.Fprint(out, `targon-dash: a terminal dashboard for your Targon and OpenRouter accounts
(credits, API keys, SSH keys); P switches between them

Usage:
  targon-dash [flags]              open the dashboard
  targon-dash --demo               try it on built-in demo accounts
  targon-dash demo-server [flags]  serve a demo API on loopback (see demo-server -h)

Targon: the API key comes from $TARGON_API_KEY or ~/.targon/credentials-<profile>.
OpenRouter (--provider openrouter, or --profile NAME for an [accounts.NAME]
with provider = "openrouter" in $XDG_CONFIG_HOME/targon-dash/config.toml):
from $OPENROUTER_MANAGEMENT_KEY, $OPENROUTER_API_KEY or
$XDG_CONFIG_HOME/targon-dash/credentials-<name>. With no key, the dashboard
opens its login screen. No flag ever takes a key.

Flags:
`)
	fs.PrintDefaults()
}

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

// settings are the Settings of a demo account (demoTargonID or
// demoOpenRouterID).
func (d *demoServers) settings(id string) *config.Settings {
	s := &config.Settings{Provider: config.ProviderTargon, Profile: "demo", BaseURL: d.targon.url, KeySource: config.KeyFromDemo}
	key := d.targon.key
	if id == demoOpenRouterID {
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
// start runs in commands, off the UI goroutine.
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
