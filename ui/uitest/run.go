package uitest

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// cmdTimeout bounds each command Run runs.
const cmdTimeout = 5 * time.Second

// Run executes cmd as the Bubble Tea runtime would and returns the messages
// it yields, in order: the commands of a batch run concurrently, those of a
// sequence one after another. Animation is left out so that nothing waits
// or loops: commands that only wait (tea.Tick, tea.Every, cursor blinks)
// are not run, and spinner ticks are dropped. A command that does not
// return within 5 s fails the test.
func Run(t testing.TB, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	return runAll(t, []tea.Cmd{cmd})
}

// runAll runs cmds concurrently and returns their messages in the order of
// cmds.
func runAll(t testing.TB, cmds []tea.Cmd) []tea.Msg {
	t.Helper()
	results := make([]chan tea.Msg, len(cmds))
	for i, c := range cmds {
		if c == nil || waits(c) {
			continue
		}
		results[i] = make(chan tea.Msg, 1)
		go func(ch chan<- tea.Msg) { ch <- c() }(results[i])
	}
	var out []tea.Msg
	for _, ch := range results {
		if ch == nil {
			continue
		}
		select {
		case msg := <-ch:
			out = append(out, expand(t, msg)...)
		case <-time.After(cmdTimeout):
			t.Fatalf("a command did not return within %v", cmdTimeout)
		}
	}
	return out
}

// expand flattens what a command returned into the messages it stands for.
func expand(t testing.TB, msg tea.Msg) []tea.Msg {
	t.Helper()
	switch m := msg.(type) {
	case nil, spinner.TickMsg:
		return nil
	case tea.BatchMsg:
		return runAll(t, m)
	}
	v := reflect.ValueOf(msg)
	switch typ := v.Type(); {
	case typ.PkgPath() == "github.com/charmbracelet/bubbletea" && typ.Name() == "sequenceMsg":
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, runAll(t, []tea.Cmd{v.Index(i).Interface().(tea.Cmd)})...)
		}
		return out
	case strings.HasSuffix(typ.PkgPath(), "/bubbles/cursor"):
		return nil
	}
	return []tea.Msg{msg}
}

// waits spots the commands that only wait to animate: ticks and cursor
// blinks.
func waits(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	for _, prefix := range []string{
		"github.com/charmbracelet/bubbles/cursor.",
		"github.com/charmbracelet/bubbletea.Tick.",
		"github.com/charmbracelet/bubbletea.Every.",
	} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

// Solo drives one model on its own, without the root, as the tests of a
// dialog or a screen do.
type Solo[M any] struct {
	// Update hands the model a message (its Update method).
	Update func(tea.Msg) (M, tea.Cmd)
	// Own tells the model's own messages (an action's outcome), which go
	// back to it, from those meant for the root.
	Own func(tea.Msg) bool
}

// Settle runs cmd (see Run), feeds the model its own messages and runs
// what they lead to, until nothing is left. It returns the other messages,
// in order.
func (s Solo[M]) Settle(t testing.TB, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	queue := Run(t, cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if s.Own(msg) {
			_, next := s.Update(msg)
			queue = append(queue, Run(t, next)...)
			continue
		}
		out = append(out, msg)
	}
	return out
}

// Keys presses keys (see Key) one after another, settling each key's
// command, and returns the messages meant for the root.
func (s Solo[M]) Keys(t testing.TB, keys ...string) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	for _, k := range keys {
		_, cmd := s.Update(Key(k))
		out = append(out, s.Settle(t, cmd)...)
	}
	return out
}
