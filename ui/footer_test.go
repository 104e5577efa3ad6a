package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/uitest"
)

// footerHints are the hints of the help line, each "key desc".
func footerHints(line string) []string {
	var out []string
	for _, h := range strings.Split(ansi.Strip(line), "•") {
		if h = strings.TrimSpace(h); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// At 80 columns the API keys footer offers the filter and copying the id,
// as the SSH keys footer offers the filter; and on every list a hint shown
// on a narrow screen is shown on every wider one (R replace is not
// dropped at 80 while shown at 60).
func TestFooterAtEveryWidth(t *testing.T) {
	d := newDirect(t)
	d.size(80, 24)
	d.init()
	d.keys("2")
	line := d.m.helpLine()
	for _, want := range []string{"/ filter", "c copy id", "R roll"} {
		if !strings.Contains(line, want) {
			t.Errorf("API keys footer at 80 lacks %q: %q", want, line)
		}
	}
	d.keys("3")
	if line := d.m.helpLine(); !strings.Contains(line, "/ filter") {
		t.Errorf("SSH keys footer at 80 lacks / filter: %q", line)
	}

	sim, url := uitest.OpenRouter(t)
	or := newDirect(t, func(o *Options) { testAccounts(o).Session = orSession(t, "work", url, sim.DemoManagementKey()) })
	or.size(80, 24)
	or.init()
	for _, view := range []struct {
		d   *direct
		tab string
	}{{d, "2"}, {d, "3"}, {or, "2"}} {
		view.d.keys(view.tab)
		var narrower []string
		for w := MinWidth; w <= 200; w++ {
			view.d.size(w, 24)
			hints := footerHints(view.d.m.helpLine())
			shown := strings.Join(hints, ", ")
			for _, h := range narrower {
				if !strings.Contains(", "+shown+", ", ", "+h+", ") {
					t.Errorf("tab %s at %d: %q is gone though shown at %d: %s", view.tab, w, h, w-1, shown)
				}
			}
			narrower = hints
		}
	}
}

// While the filter takes text, the footer names what keys do there, not
// the view's actions (letters are text then).
func TestFooterWhileFiltering(t *testing.T) {
	d := newDirect(t)
	d.size(100, 24)
	d.init()
	d.keys("2", "/")
	line := ansi.Strip(d.m.helpLine())
	for _, unwanted := range []string{"n new", "e rename", "? help", "q quit"} {
		if strings.Contains(line, unwanted) {
			t.Errorf("footer while filtering offers %q: %q", unwanted, line)
		}
	}
	for _, want := range []string{"enter", "esc", "ctrl+c quit"} {
		if !strings.Contains(line, want) {
			t.Errorf("footer while filtering lacks %q: %q", want, line)
		}
	}
}

// "?" on Credits lists only keys that act there: no moving, filtering or
// sorting a list the view does not have.
func TestCreditsHelpHasNoListKeys(t *testing.T) {
	d := newDirect(t)
	d.size(100, 30)
	d.init()
	help := uitest.Hints(flatten(d.m.fullHelp()))
	for _, unwanted := range []string{"filter", "up", "down", "first", "last", "page up", "sort", "copy id"} {
		if strings.Contains(", "+help+",", " "+unwanted+",") {
			t.Errorf("Credits help lists %q: %s", unwanted, help)
		}
	}
	for _, want := range []string{"r refresh", "? help", "q quit"} {
		if !strings.Contains(help, want) {
			t.Errorf("Credits help lacks %q: %s", want, help)
		}
	}
	d.keys("2")
	if help := uitest.Hints(flatten(d.m.fullHelp())); !strings.Contains(help, "/ filter") || !strings.Contains(help, "j/↓ down") {
		t.Errorf("API keys help lost the list keys: %s", help)
	}
}

// flatten is help groups as one list.
func flatten(groups [][]key.Binding) []key.Binding {
	var out []key.Binding
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}
