package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/table"
	"github.com/targon-dash/targon-dash/ui/sshkeys"
	"github.com/targon-dash/targon-dash/ui/tokens"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// sweptList is a key list of a demo account, drawn at every width.
type sweptList struct {
	name string
	view common.View
	tb   *table.Table
	// titles are the list's column titles; cuttable those whose text may
	// be cut (with "…"); dates those that are always as wide as the
	// widest date.
	titles, cuttable, dates []string
}

// sweptLists are the Targon demo's API keys and SSH keys, the OpenRouter
// demo's keys and a Targon v3 organization's service tokens, loaded.
func sweptLists(t *testing.T) []sweptList {
	sim := targontest.NewDemo(targontest.WithClock(uitest.Now), targontest.WithSeededSecrets())
	tc, _ := uitest.NewCommon(uitest.Client(t, sim, sim.DemoKey()))
	tc.ListRefreshInterval = 0
	keys, ssh := apikeys.New(tc), sshkeys.New(tc)
	uitest.NewDriver(t, tc, keys)
	uitest.NewDriver(t, tc, ssh)
	orSim, orURL := uitest.OpenRouter(t)
	oc, _ := uitest.NewOpenRouterCommon(t, orURL, orSim.DemoManagementKey())
	oc.ListRefreshInterval = 0
	orKeys := apikeys.New(oc)
	uitest.NewDriver(t, oc, orKeys)
	vc, _, _ := uitest.NewV3Common(true, nil)
	vc.ListRefreshInterval = 0
	svc := tokens.New(vc)
	uitest.NewDriver(t, vc, svc)
	return []sweptList{
		{name: "Targon API keys", view: keys, tb: keys.Table,
			titles:   []string{"NAME", "UID", "KEY", "CREATED", "UPDATED"},
			cuttable: []string{"NAME"}, dates: []string{"CREATED", "UPDATED"}},
		{name: "SSH keys", view: ssh, tb: ssh.Table,
			titles:   []string{"NAME", "TYPE", "FINGERPRINT", "COMMENT", "CREATED"},
			cuttable: []string{"NAME", "FINGERPRINT", "COMMENT"}, dates: []string{"CREATED"}},
		{name: "OpenRouter keys", view: orKeys, tb: orKeys.Table,
			titles:   []string{"NAME", "WORKSPACE", "STATE", "LEFT OF LIMIT USD", "USED D/W/M USD", "KEY", "CREATED"},
			cuttable: []string{"NAME"}, dates: []string{"CREATED"}},
		{name: "Service tokens", view: svc, tb: svc.Table,
			titles:   []string{"NAME", "CREATED BY", "UID", "CREATED"},
			cuttable: []string{"NAME", "CREATED BY"}, dates: []string{"CREATED"}},
	}
}

// headerColumn is a column as the header shows it: its title, where it
// starts (in cells) and whether it carries the sort mark.
type headerColumn struct {
	title  string
	start  int
	marked bool
}

// parseHeader reads the header line: every title whole, in order, each
// followed by a space or the end; ok is false at the first text that is not
// a whole title (a title cut short).
func parseHeader(line string, titles []string) (cols []headerColumn, ok bool) {
	rs := []rune(line)
	i := 0
	for {
		for i < len(rs) && rs[i] == ' ' {
			i++
		}
		if i == len(rs) {
			return cols, true
		}
		rest := string(rs[i:])
		found := ""
		for _, title := range titles {
			if strings.HasPrefix(rest, title) && (len(rest) == len(title) || rest[len(title)] == ' ') && len(title) > len(found) {
				found = title
			}
		}
		if found == "" {
			return cols, false
		}
		col := headerColumn{title: found, start: i}
		i += len([]rune(found))
		if tail := string(rs[i:]); strings.HasPrefix(tail, " ▲") || strings.HasPrefix(tail, " ▼") {
			col.marked = true
			i += 2
		}
		cols = append(cols, col)
	}
}

// Every width from the minimum to 200: no line wider than the screen, every
// column whole in the header or not there, the sort named (in the header
// or on the top line), dates never cut, other text cut only with "…", the
// in-use mark explained, and while any text is cut no column keeps more
// room than its widest text needs.
func TestColumnsAtEveryWidth(t *testing.T) {
	for _, l := range sweptLists(t) {
		t.Run(l.name, func(t *testing.T) {
			for w := MinWidth; w <= 200; w++ {
				l.view.SetSize(w, 20)
				checkColumns(t, l, w, strings.Split(ansi.Strip(l.view.View()), "\n"))
			}
		})
	}
}

// cutShort reports whether shown is full cut short with "…", keeping the
// words of the in-use mark.
func cutShort(full, shown string) bool {
	const inUse = " · in use"
	if strings.HasSuffix(full, inUse) {
		if !strings.HasSuffix(shown, inUse) {
			return false
		}
		full, shown = strings.TrimSuffix(full, inUse), strings.TrimSuffix(shown, inUse)
	}
	head, ok := strings.CutSuffix(shown, "…")
	return ok && strings.HasPrefix(full, head)
}

// checkColumns checks one list drawn w wide (see TestColumnsAtEveryWidth).
func checkColumns(t *testing.T, l sweptList, w int, lines []string) {
	t.Helper()
	for i, line := range lines {
		if ansi.StringWidth(line) > w {
			t.Fatalf("width %d: line %d is %d wide: %q", w, i, ansi.StringWidth(line), line)
		}
	}
	cols, ok := parseHeader(lines[1], l.titles)
	if !ok {
		t.Fatalf("width %d: a title is cut: %q", w, lines[1])
	}
	if !slices.ContainsFunc(cols, func(c headerColumn) bool { return c.marked }) && !strings.Contains(lines[0], " · by ") {
		t.Errorf("width %d: the sort is named nowhere:\n%s\n%s", w, lines[0], lines[1])
	}
	items := l.tb.List.VisibleItems()
	natural := make([]int, len(cols))
	cut := ""
	for k, item := range items {
		row := []rune(lines[2+k])
		cells := item.(table.Row).Cells()
		for j, col := range cols {
			end := len(row)
			if j+1 < len(cols) {
				end = cols[j+1].start - 1
			}
			shown := strings.TrimRight(string(row[col.start:min(end, len(row))]), " ")
			full := cells[slices.Index(l.titles, col.title)]
			natural[j] = max(natural[j], ansi.StringWidth(full))
			switch {
			case shown == full:
			case slices.Contains(l.cuttable, col.title) && cutShort(full, shown):
				cut = col.title
			default:
				t.Fatalf("width %d: %s cell %q shown as %q:\n%s", w, col.title, full, shown, strings.Join(lines[:min(len(lines), 6)], "\n"))
			}
		}
	}
	if cut == "" {
		return
	}
	for j, col := range cols {
		end := len([]rune(lines[2]))
		if j+1 < len(cols) {
			end = cols[j+1].start - 1
		}
		room := max(natural[j], len([]rune(col.title))+2)
		if slices.Contains(l.dates, col.title) {
			room = max(room, len("59 days ago"))
		}
		if col.title != cut && end-col.start > room {
			t.Errorf("width %d: %s is cut while %s has %d columns for text %d wide", w, cut, col.title, end-col.start, room)
		}
	}
}
