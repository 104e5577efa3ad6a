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
