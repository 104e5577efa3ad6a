package ui

import (
	"bytes"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// mouseModel is the root model at 80×24 on a simulator with 50 API keys
// (the demo's 8 and 42 more),
// loaded, on the API keys tab; it is driven by direct Update calls.
func mouseModel(t *testing.T) (*Model, *targontest.Server) {
	t.Helper()
	sim := targontest.NewDemo(targontest.WithClock(uitest.Now), targontest.WithSeededSecrets(), targontest.WithAPIKeys(42))
	url := uitest.Serve(t, sim)
	m, err := New(Options{Accounts: &uitest.Accounts{Session: testSession(t, url, sim.DemoKey(), api.KeyFromDemo)}, Clipboard: &uitest.Clipboard{}, Now: uitest.Now, Mouse: true})
	if err != nil {
		t.Fatal(err)
	}
	send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	settle(t, m, m.Init())
	send(t, m, uitest.Key("2"))
	if n := keyTable(t, m).Len(); n != 50 {
		t.Fatalf("%d API keys loaded, want 50", n)
	}
	return m, sim
}

// send hands m a message and runs what follows from it.
func send(t *testing.T, m *Model, msg tea.Msg) {
	t.Helper()
	_, cmd := m.Update(msg)
	settle(t, m, cmd)
}

// settle runs cmd and feeds every message it leads to back to m, until
// nothing is left (quitting is not the test's business). The results go
// to update, as Update would hand them on, but without Update's safeCmd
// wrapper, which hides from uitest.Run the timers (a toast's) it leaves
// out.
func settle(t *testing.T, m *Model, cmd tea.Cmd) {
	t.Helper()
	queue := uitest.Run(t, cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if _, ok := msg.(tea.QuitMsg); ok {
			continue
		}
		next := m.update(msg)
		m.syncModals()
		queue = append(queue, uitest.Run(t, next)...)
	}
}

// keyTable is the API keys view's table.
func keyTable(t *testing.T, m *Model) interface {
	Len() int
} {
	t.Helper()
	return m.views[1].(*apikeys.Model).Table
}

// cursor is the index of the API keys view's cursor.
func cursor(m *Model) int { return m.views[1].(*apikeys.Model).Table.List.Index() }

func wheel(b tea.MouseButton, x, y int) tea.MouseMsg {
	return tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: b}
}

func click(x, y int) tea.MouseMsg {
	return tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
}

// screenLines is the screen as plain text, one string a line.
func screenLines(m *Model) []string { return strings.Split(ansi.Strip(m.View()), "\n") }

// column is the screen column where sub starts in line, or -1.
func column(line, sub string) int {
	i := strings.Index(line, sub)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(line[:i])
}

// The wheel moves the cursor by WheelStep rows a notch, and the window
// follows it to the end of 50 keys.
func TestMouseWheelScrollsTheList(t *testing.T) {
	m, _ := mouseModel(t)
	send(t, m, wheel(tea.MouseButtonWheelDown, 10, 10))
	send(t, m, wheel(tea.MouseButtonWheelDown, 10, 10))
	if got := cursor(m); got != 6 {
		t.Fatalf("cursor after two notches down: %d, want 6", got)
	}
	send(t, m, wheel(tea.MouseButtonWheelUp, 10, 10))
	if got := cursor(m); got != 3 {
		t.Fatalf("cursor after a notch up: %d, want 3", got)
	}
	for range 20 {
		send(t, m, wheel(tea.MouseButtonWheelDown, 10, 10))
	}
	if got := cursor(m); got != 49 {
		t.Fatalf("cursor after scrolling past the end: %d, want 49", got)
	}
	if !strings.Contains(m.View(), "50/50") {
		t.Errorf("the position does not show the last row:\n%s", m.View())
	}
}

// A click on a row selects the row drawn on that line, also when the
// window has scrolled; a click on the header or the status bar does
// nothing.
func TestMouseClickSelectsTheRowUnderIt(t *testing.T) {
	m, _ := mouseModel(t)
	for _, scrolled := range []bool{false, true} {
		if scrolled {
			send(t, m, uitest.Key("pgdown"))
			send(t, m, uitest.Key("pgdown"))
		}
		before := screenLines(m)
		y := 9 // a row in the middle of the list
		send(t, m, click(20, y))
		after := screenLines(m)
		if !strings.HasPrefix(after[y], "▌") {
			t.Fatalf("scrolled %v: clicked line %d is not the selected row:\n%s", scrolled, y, strings.Join(after, "\n"))
		}
		// The same row as before the click (the window did not move).
		if strings.TrimSpace(after[y][len("▌"):]) != strings.TrimSpace(before[y]) {
			t.Errorf("scrolled %v: selected %q, clicked on %q", scrolled, after[y], before[y])
		}
	}
	idx := cursor(m)
	for _, y := range []int{0, 1, 2, 3, 22, 23} { // tab bar, rule, top line, header, status, help
		send(t, m, click(20, y))
		if got := cursor(m); got != idx {
			t.Errorf("a click on line %d moved the cursor from %d to %d", y, idx, got)
		}
	}
}

// A click on a tab's label switches to it; on the app name, nothing.
func TestMouseClickSwitchesTabs(t *testing.T) {
	m, _ := mouseModel(t)
	bar := screenLines(m)[0]
	x := column(bar, "3 SSH keys")
	if x < 0 {
		t.Fatalf("no SSH tab in %q", bar)
	}
	send(t, m, click(x+4, 0))
	if m.tabs.Active() != 2 {
		t.Fatalf("active tab %d after a click on SSH keys, want 2", m.tabs.Active())
	}
	send(t, m, click(column(bar, "targon-dash"), 0))
	if m.tabs.Active() != 2 {
		t.Errorf("a click on the app name switched to tab %d", m.tabs.Active())
	}
	send(t, m, click(column(bar, "1 Credits")+1, 0))
	if m.tabs.Active() != 0 {
		t.Errorf("active tab %d after a click on Credits, want 0", m.tabs.Active())
	}
}

// buttonsAt finds the line of a confirmation's buttons on the screen and
// the columns of its No and yes labels.
func buttonsAt(t *testing.T, m *Model, yes string) (y, noX, yesX int) {
	t.Helper()
	for i, l := range screenLines(m) {
		framed := strings.Count(l, "│") >= 4 || strings.Contains(l, "[ No ]") // or compact
		if strings.Contains(l, " No ") && strings.Contains(l, " "+yes+" ") && framed {
			return i, column(l, " No ") + 1, column(l, " "+yes+" ") + 1
		}
	}
	t.Fatalf("no buttons on the screen:\n%s", m.View())
	return 0, 0, 0
}

// A click on No closes the confirmation and sends nothing; a click on the
// action's button sends the request: with framed buttons at 80×24 and
// with the compact ones at the minimum size.
func TestMouseClickChoosesConfirmationButtons(t *testing.T) {
	for _, size := range []tea.WindowSizeMsg{{Width: 80, Height: 24}, {Width: MinWidth, Height: MinHeight}} {
		m, sim := mouseModel(t)
		send(t, m, size)
		send(t, m, uitest.Key("G")) // not the key the dashboard signs in with
		send(t, m, uitest.Key("d"))
		if m.modals.Len() != 1 {
			t.Fatal("no confirmation")
		}
		y, noX, yesX := buttonsAt(t, m, "Delete")
		send(t, m, click(noX, y))
		if m.modals.Len() != 0 {
			t.Fatalf("%dx%d: the confirmation is still open after a click on No:\n%s", size.Width, size.Height, m.View())
		}
		if n := countRequests(sim, "DELETE", keysPath+"/*"); n != 0 {
			t.Fatalf("%dx%d: %d DELETEs after No", size.Width, size.Height, n)
		}
		send(t, m, uitest.Key("d"))
		send(t, m, click(yesX+1, y))
		if n := countRequests(sim, "DELETE", keysPath+"/*"); n != 1 {
			t.Fatalf("%dx%d: %d DELETEs after a click on Delete, want 1", size.Width, size.Height, n)
		}
		if n := keyTable(t, m).Len(); n != 49 {
			t.Errorf("%dx%d: %d keys after the delete, want 49", size.Width, size.Height, n)
		}
		if m.login != nil {
			t.Errorf("%dx%d: deleted the key the dashboard signs in with", size.Width, size.Height)
		}
	}
}

// Behind a modal nothing takes the mouse: a click on a row or a tab
// outside the dialog, or the wheel, leaves the list and tabs alone and
// the dialog open.
func TestMouseNeverReachesTheViewBehindAModal(t *testing.T) {
	m, sim := mouseModel(t)
	send(t, m, uitest.Key("d"))
	send(t, m, click(1, 5))   // a row, left of the dialog
	send(t, m, click(12, 0))  // the API keys tab… and the next one
	send(t, m, click(25, 0))  //
	send(t, m, click(40, 12)) // the dialog's text: not a button
	send(t, m, wheel(tea.MouseButtonWheelDown, 1, 5))
	if cursor(m) != 0 || m.tabs.Active() != 1 || m.modals.Len() != 1 {
		t.Errorf("behind the dialog: cursor %d, tab %d, %d modals", cursor(m), m.tabs.Active(), m.modals.Len())
	}
	if n := countRequests(sim, "DELETE", keysPath+"/*"); n != 0 {
		t.Errorf("%d DELETEs from clicks off the buttons", n)
	}
}

// On the "too small" screen the mouse does nothing.
func TestMouseIgnoredOnATooSmallScreen(t *testing.T) {
	m, _ := mouseModel(t)
	send(t, m, tea.WindowSizeMsg{Width: MinWidth - 1, Height: MinHeight})
	send(t, m, wheel(tea.MouseButtonWheelDown, 10, 8))
	send(t, m, click(10, 8))
	send(t, m, click(column(screenLines(m)[0], "3 SSH"), 0))
	if cursor(m) != 0 || m.tabs.Active() != 1 {
		t.Errorf("on the too-small screen: cursor %d, tab %d", cursor(m), m.tabs.Active())
	}
}

// The wheel scrolls a dialog that scrolls inside (the help at the
// minimum size).
func TestMouseWheelScrollsADialog(t *testing.T) {
	m, _ := mouseModel(t)
	send(t, m, tea.WindowSizeMsg{Width: MinWidth, Height: MinHeight})
	send(t, m, uitest.Key("?"))
	if !strings.Contains(m.View(), "1–") {
		t.Fatalf("the help does not scroll at the minimum size:\n%s", m.View())
	}
	send(t, m, wheel(tea.MouseButtonWheelDown, 0, 0))
	if !strings.Contains(m.View(), "4–") {
		t.Errorf("a notch down did not scroll the help by %d lines:\n%s", 3, m.View())
	}
}

// Mouse reporting is asked of the terminal only when it is turned on.
func TestMouseReportingOnlyWhenAsked(t *testing.T) {
	for _, on := range []bool{false, true} {
		var out bytes.Buffer
		opts := append(programOptions(on), tea.WithInput(nil), tea.WithOutput(&out), tea.WithoutSignalHandler())
		if _, err := tea.NewProgram(quitAtOnce{}, opts...).Run(); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(out.String(), ansi.SetButtonEventMouseMode); got != on {
			t.Errorf("mouse %v: the program asked for mouse reports: %v", on, got)
		}
	}
}

type quitAtOnce struct{}

func (quitAtOnce) Init() tea.Cmd                       { return tea.Quit }
func (quitAtOnce) Update(tea.Msg) (tea.Model, tea.Cmd) { return quitAtOnce{}, nil }
func (quitAtOnce) View() string                        { return "" }

// The README documents the flag, the preference and why it is off.
func TestReadmeDocumentsTheMouse(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"--mouse", "mouse = true", "shift"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("README.md does not mention %q", want)
		}
	}
}
