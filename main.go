// Command targon-dash is a keyboard-driven terminal dashboard for the
// accounts where people keep API keys: Targon (credits, API keys, SSH keys)
// and OpenRouter (credits, the current key, API keys with spending limits).
//
//	targon-dash                 the dashboard (login screen when no key is set)
//	targon-dash --demo          the dashboard against built-in demo accounts
//	targon-dash demo-server     serve a demo API on loopback for other tools
//
// The package holds the flags and subcommands only: it reads the
// preferences (config), opens the accounts (accounts) and hands the UI
// (ui) one Options. It imports those, and no concrete provider.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/term"

	"github.com/targon-dash/targon-dash/accounts"
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
	f, code := parseFlags(args, stderr)
	if f == nil {
		return code
	}
	if f.showVersion {
		fmt.Fprintln(stdout, "targon-dash", buildVersion())
		return 0
	}
	if !term.IsTerminal(int(stdin.Fd())) || !term.IsTerminal(int(stdout.Fd())) {
		fmt.Fprintln(stderr, "targon-dash: needs a terminal: run it in an interactive terminal (stdin and stdout must be a TTY); for a headless API try `targon-dash demo-server`")
		return 2
	}
	keepHeapSmall()
	env := config.Environment{Getenv: os.Getenv}
	prefs, err := config.LoadPreferences(env)
	if err == nil {
		err = common.CheckKeyPreferences(prefs) // unknown actions and keys, conflicts: file:line: field
	}
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return 1
	}
	f.applyPreferences(prefs)
	askBackground, err := ui.SetTheme(f.theme)
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash: --theme:", err)
		return 2
	}
	cfg, closeLog, code := accountsConfig(f, env, stderr)
	if code != 0 {
		return code
	}
	defer closeLog()
	book, err := accounts.Open(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return 1
	}
	defer book.Close()
	opts := dashboardOptions(f, prefs)
	opts.Accounts, opts.Now = book, cfg.Clock
	clip := clipboard.AutoClear(clipboard.New(), prefs.ClipboardClear)
	defer clip.Close() // a secret waiting to be cleared is cleared on exit
	opts.Clipboard = clip
	if err := ui.Run(opts, askBackground); err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return 1
	}
	return 0
}

// accountsConfig is what accounts.Open needs from the flags: with --demo
// the clock $TARGON_DASH_DEMO_NOW freezes, with --debug the log (closed
// by closeLog). A non-zero code is an exit status, the reason printed.
func accountsConfig(f *dashFlags, env config.Environment, stderr io.Writer) (cfg accounts.Config, closeLog func(), code int) {
	cfg = accounts.Config{Flags: f.config, Env: env, Demo: f.demo, Version: buildVersion()}
	if f.demo {
		var err error
		if cfg.Clock, err = accounts.DemoClock(env.Getenv); err != nil {
			fmt.Fprintln(stderr, "targon-dash:", err)
			return cfg, nil, 2
		}
	}
	if f.debugPath == "" {
		return cfg, func() {}, 0
	}
	logger, closer, err := debuglog.Open(f.debugPath)
	if err != nil {
		fmt.Fprintln(stderr, "targon-dash: --debug:", err)
		return cfg, nil, 2
	}
	cfg.Logger = logger
	return cfg, func() { closer.Close() }, 0
}

// dashFlags are the dashboard's command-line flags.
type dashFlags struct {
	config      config.Flags // --profile, --provider, --base-url, --org
	demo        bool
	debugPath   string
	theme       string
	showVersion bool
	mouse       bool
	mouseGiven  bool // --mouse was on the command line: it wins over the preference
	readOnly    bool
}

// parseFlags parses the dashboard's flags; with nil flags, run exits with
// code (0 after -h).
func parseFlags(args []string, stderr io.Writer) (*dashFlags, int) {
	fs := flag.NewFlagSet("targon-dash", flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := &dashFlags{}
	// A back-quoted word in a usage string becomes the flag's placeholder
	// in -h (flag.UnquoteUsage): "-profile NAME".
	fs.StringVar(&f.config.BaseURL, "base-url", "", "API base `URL` (default: $TARGON_BASE_URL or $OPENROUTER_BASE_URL, the profile's or account's base_url, or the provider's)")
	fs.StringVar(&f.config.Profile, "profile", "", "a Targon profile or a dashboard account by `NAME` (default: $TARGON_PROFILE, the current profile of ~/.targon/config.toml, or default)")
	fs.StringVar(&f.config.Org, "org", "", "the Targon organization by `SLUG`, for a v3 account (default: $TARGON_ORG, the profile's org, else your PERSONAL one)")
	fs.StringVar(&f.config.Provider, "provider", "", "the service `NAME`: targon or openrouter (default: what --profile names, else targon)")
	fs.BoolVar(&f.demo, "demo", false, "run against built-in demo accounts, Targon and OpenRouter (no account needed; not with --profile or --base-url)")
	fs.StringVar(&f.debugPath, "debug", "", "append a log of API requests to `FILE` (made 0600; keys are redacted)")
	fs.StringVar(&f.theme, "theme", "", "colours: auto, dark or light (default: the preference, else auto)")
	fs.BoolVar(&f.showVersion, "version", false, "print the version and exit")
	fs.BoolVar(&f.mouse, "mouse", false, "wheel and clicks (default: the mouse preference, else off; with it on, selecting text takes shift in most terminals)")
	fs.BoolVar(&f.readOnly, "read-only", false, "turn off every action that changes something (for screen-sharing and demos; preference read_only)")
	fs.Usage = func() { usage(fs) }
	if code, ok := parseArgs(fs, args, "targon-dash: unexpected argument %q (see targon-dash -h)\n"); !ok {
		return nil, code
	}
	f.mouseGiven = flagGiven(fs, "mouse")
	if err := f.checkDemo(); err != nil {
		fmt.Fprintln(stderr, "targon-dash:", err)
		return nil, 2
	}
	return f, 0
}

// checkDemo refuses what --demo would silently ignore: it runs on the
// built-in demo accounts, so --profile and --base-url have nothing to
// pick, and --provider only chooses between the demo's two.
func (f *dashFlags) checkDemo() error {
	if !f.demo {
		return nil
	}
	var ignored []string
	if f.config.Profile != "" {
		ignored = append(ignored, "--profile")
	}
	if f.config.BaseURL != "" {
		ignored = append(ignored, "--base-url")
	}
	if f.config.Org != "" {
		ignored = append(ignored, "--org")
	}
	if len(ignored) > 0 {
		return fmt.Errorf("--demo runs on built-in demo accounts and takes no %s (drop --demo to use your own account)", strings.Join(ignored, " and "))
	}
	if p := f.config.Provider; p != "" {
		if err := config.CheckProvider(p); err != nil {
			return fmt.Errorf("--demo --provider: %w", err)
		}
	}
	return nil
}

// applyPreferences fills what the command line left to the preferences:
// the theme, and the mouse unless --mouse was given.
func (f *dashFlags) applyPreferences(prefs config.Preferences) {
	if f.theme == "" {
		f.theme = prefs.Theme
	}
	if !f.mouseGiven {
		f.mouse = prefs.Mouse
	}
}

// dashboardOptions are the UI's options from the flags and preferences;
// run adds the accounts, the clock and the clipboard.
func dashboardOptions(f *dashFlags, prefs config.Preferences) ui.Options {
	return ui.Options{
		Keys:            prefs.Keys,
		KeysFile:        prefs.Path,
		RefreshInterval: prefs.RefreshInterval,
		Sort:            common.SortOrder{Column: prefs.Sort, Reverse: prefs.SortReverse},
		Mouse:           f.mouse,

		// The lists' interval and read-only mode, from the preferences and
		// --read-only.
		ListRefreshInterval: prefs.ListRefreshInterval,
		ReadOnly:            f.readOnly || prefs.ReadOnly,
		ReadOnlyReason:      readOnlyReason(f.readOnly, prefs.Path),
	}
}

// parseArgs parses args with fs, whose command takes no arguments but
// flags. When it returns false the command exits with code: 0 after -h, 2
// after a usage error, which it printed (an argument with the format
// unexpected).
func parseArgs(fs *flag.FlagSet, args []string, unexpected string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), unexpected, fs.Arg(0))
		return 2, false
	}
	return 0, true
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
A profile speaks /tha/v3 or /tha/v2 as its api_version says (default auto: the
server is asked); over v3 the organization is --org, $TARGON_ORG, the
profile's org, else your PERSONAL one.
OpenRouter (--provider openrouter, or --profile NAME for an [accounts.NAME]
with provider = "openrouter" in $XDG_CONFIG_HOME/targon-dash/config.toml):
from $OPENROUTER_MANAGEMENT_KEY, $OPENROUTER_API_KEY or
$XDG_CONFIG_HOME/targon-dash/credentials-<name>. With no key, the dashboard
opens its login screen. No flag ever takes a key.

Flags:
`)
	fs.PrintDefaults()
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

// heapLimit is the dashboard's soft memory limit: a dashboard holding
// 20,000 keys keeps about 20 MiB live, and with the limit the collector
// hands the rest back before the process grows past it (DESIGN.md's
// 40 MB with 20,000 keys), at no cost below it. $GOMEMLIMIT, when set,
// wins.
const heapLimit = 30 << 20

// keepHeapSmall sets heapLimit unless the environment sets a limit.
func keepHeapSmall() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(heapLimit)
	}
}
