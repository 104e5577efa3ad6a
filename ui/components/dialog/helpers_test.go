package dialog

import (
	"context"
	"errors"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// newSim serves a fresh simulator (one API key, "default") at the fixed
// clock and returns a client for its primary account that never retries.
func newSim(t *testing.T, opts ...targontest.Option) (*targontest.Server, *targon.Client) {
	t.Helper()
	sim := targontest.New(append([]targontest.Option{targontest.WithClock(uitest.Now)}, opts...)...)
	return sim, uitest.Client(t, sim, sim.DemoKey())
}

// firstKey is the simulator's first API key.
func firstKey(t *testing.T, client *targon.Client) targon.APIKey {
	t.Helper()
	p, err := client.ListAPIKeys(context.Background(), targon.ListOptions{})
	if err != nil || len(p.Items) == 0 {
		t.Fatalf("list API keys: %v (%d items)", err, len(p.Items))
	}
	return p.Items[0]
}

// solo drives a dialog alone: its own messages (an action's outcome) go
// back to it, every other message is for the root.
func solo(m common.Modal) uitest.Solo[common.Modal] {
	return uitest.Solo[common.Modal]{Update: m.Update, Own: func(msg tea.Msg) bool {
		_, done := msg.(actionDoneMsg)
		_, copied := msg.(copiedMsg)
		ok := done || copied
		return ok
	}}
}

// settle runs cmd, feeds the dialog its own messages and returns every
// other message, as the root model would receive them.
func settle(t *testing.T, m common.Modal, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	return solo(m).Settle(t, cmd)
}

// send presses keys on m one after another, settling each key's command,
// and returns every message that reached the outside.
func send(t *testing.T, m common.Modal, keys ...string) []tea.Msg {
	t.Helper()
	return solo(m).Keys(t, keys...)
}

// has reports whether msgs holds a message of type M.
func has[M any](msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(M); ok {
			return true
		}
	}
	return false
}

// counter counts an action's calls; it is safe across goroutines.
type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *counter) get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// errBoom is an action failure that is not an API error.
var errBoom = errors.New("boom")
