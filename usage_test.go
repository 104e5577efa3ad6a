package main

import (
	"os"
	"strings"
	"testing"
)

// -h names each flag's value by what it is: a back-quoted word in a usage
// string becomes the placeholder, which once made it "-profile current".
func TestHelpPlaceholders(t *testing.T) {
	var stderr strings.Builder
	if code := run([]string{"-h"}, os.Stdin, os.Stdout, &stderr); code != 0 {
		t.Fatalf("-h exited %d", code)
	}
	out := stderr.String()
	for _, want := range []string{"-profile NAME\n", "-provider NAME\n", "-base-url URL\n", "-debug FILE\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("-h does not show %q:\n%s", strings.TrimSpace(want), out)
		}
	}
	if strings.Contains(out, "-profile current") {
		t.Errorf("-h shows a usage word as the placeholder:\n%s", out)
	}
}

// --demo runs on the built-in demo accounts: a flag that picks another
// account (--profile), another server (--base-url) or no provider at all
// would be ignored, so the combination is refused in one line, exit 2,
// before anything else (a terminal is not needed to say so).
func TestDemoRefusesAccountFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--demo", "--profile", "work"}, "--profile"},
		{[]string{"--demo", "--base-url", "http://127.0.0.1:9"}, "--base-url"},
		{[]string{"--profile", "work", "--base-url", "http://127.0.0.1:9", "--demo"}, "--profile and --base-url"},
		{[]string{"--demo", "--provider", "anthropic"}, `unknown provider "anthropic"`},
	} {
		var stderr strings.Builder
		code := run(tc.args, os.Stdin, os.Stdout, &stderr)
		out := strings.TrimSuffix(stderr.String(), "\n")
		if code != 2 || strings.Contains(out, "\n") || !strings.Contains(out, tc.want) || !strings.Contains(out, "--demo") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line naming --demo and %s", tc.args, code, stderr.String(), tc.want)
		}
	}
	for _, args := range [][]string{{"--demo", "--provider", "openrouter"}, {"--demo", "--provider", "targon"}} {
		var stderr strings.Builder
		run(args, os.Stdin, os.Stdout, &stderr)
		if strings.Contains(stderr.String(), "--demo") {
			t.Errorf("%v refused: %q", args, stderr.String())
		}
	}
}
