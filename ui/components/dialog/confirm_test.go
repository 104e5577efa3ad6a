package dialog

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// confirmedMsg is what the test confirmations deliver on success.
type confirmedMsg struct{}

func newTestConfirm(t *testing.T, err error) (*Confirm, *counter) {
	t.Helper()
	c, _ := uitest.NewCommon(nil)
	calls := &counter{}
	m := NewConfirm(c, "Delete “staging”?", []string{"This cannot be undone."}, "Delete", func(context.Context) (tea.Msg, error) {
		calls.inc()
		if err != nil {
			return nil, err
		}
		return confirmedMsg{}, nil
	})
	return m, calls
}

// y confirms; n and esc cancel; enter takes the highlighted button, which
// starts on No; ←/→, tab, h/l move the highlight. Other keys do nothing.
func TestConfirmKeys(t *testing.T) {
	tests := []struct {
		keys       []string
		wantCalls  int
		wantClosed bool
	}{
		{[]string{"enter"}, 0, true}, // default No
		{[]string{"n"}, 0, true},
		{[]string{"esc"}, 0, true},
		{[]string{"y"}, 1, true},
		{[]string{"right", "enter"}, 1, true},
		{[]string{"left", "enter"}, 1, true},
		{[]string{"tab", "enter"}, 1, true},
		{[]string{"shift+tab", "enter"}, 1, true},
		{[]string{"l", "enter"}, 1, true},
		{[]string{"h", "enter"}, 1, true},
		{[]string{"right", "right", "enter"}, 0, true},
		{[]string{"right", "n"}, 0, true}, // n cancels whatever is highlighted
		{[]string{"right", "esc"}, 0, true},
		{[]string{"x"}, 0, false},
		{[]string{"q"}, 0, false},
		{[]string{"Y"}, 0, false},
		{[]string{"space"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			m, calls := newTestConfirm(t, nil)
			out := send(t, m, tt.keys...)
			if calls.get() != tt.wantCalls || m.Closed() != tt.wantClosed {
				t.Errorf("calls=%d closed=%v, want %d %v", calls.get(), m.Closed(), tt.wantCalls, tt.wantClosed)
			}
			if has[confirmedMsg](out) != (tt.wantCalls == 1) {
				t.Errorf("out = %v", out)
			}
		})
	}
}

// The dialog names the item and its buttons and says how to answer.
func TestConfirmView(t *testing.T) {
	m, _ := newTestConfirm(t, nil)
	v := uitest.Plain(m.View())
	for _, want := range []string{"Delete “staging”?", "This cannot be undone.", "No", "Delete", "y yes · n/esc no · enter choose"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, m.View())
		}
	}
	if m.onYes {
		t.Error("the highlight starts on Delete")
	}
}

// While the action runs every key is ignored: no second delete, no cancel.
func TestConfirmBusyIgnoresKeys(t *testing.T) {
	m, calls := newTestConfirm(t, nil)
	_, first := m.Update(uitest.Key("y"))
	if first == nil || !m.Busy() {
		t.Fatal("y did not start the action")
	}
	for _, k := range []string{"y", "enter", "n", "esc", "right"} {
		if _, cmd := m.Update(uitest.Key(k)); cmd != nil {
			t.Errorf("%q while busy returned a command", k)
		}
	}
	if m.Closed() {
		t.Error("closed while busy")
	}
	if !strings.Contains(uitest.Plain(m.View()), "working…") {
		t.Errorf("busy view:\n%s", m.View())
	}
	out := settle(t, m, first)
	if calls.get() != 1 || !m.Closed() || !has[confirmedMsg](out) {
		t.Errorf("calls=%d closed=%v out=%v", calls.get(), m.Closed(), out)
	}
}

// A failure stays in the dialog with a retry hint when retrying may help;
// y tries again.
func TestConfirmErrorThenRetry(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	calls := &counter{}
	m := NewConfirm(c, "Roll?", nil, "Roll", func(context.Context) (tea.Msg, error) {
		calls.inc()
		if calls.get() == 1 {
			return nil, &targon.Error{Status: 503, Message: "service unavailable"}
		}
		return confirmedMsg{}, nil
	})
	if out := send(t, m, "y"); len(out) != 0 {
		t.Errorf("failure emitted %v", out)
	}
	if m.Closed() || m.Busy() || !errors.Is(m.Err(), api.ErrServer) {
		t.Fatalf("closed=%v busy=%v err=%v", m.Closed(), m.Busy(), m.Err())
	}
	if v := uitest.Plain(m.View()); !strings.Contains(v, "✗ the Targon API had a problem (HTTP 503) — y to retry") {
		t.Errorf("view:\n%s", m.View())
	}
	out := send(t, m, "y")
	if calls.get() != 2 || !m.Closed() || !has[confirmedMsg](out) {
		t.Errorf("retry: calls=%d closed=%v out=%v", calls.get(), m.Closed(), out)
	}
}

// An error that retrying cannot fix gets no retry hint.
func TestConfirmErrorWithoutRetryHint(t *testing.T) {
	m, _ := newTestConfirm(t, &targon.Error{Status: 403, Message: "forbidden"})
	send(t, m, "y")
	v := uitest.Plain(m.View())
	if !strings.Contains(v, "✗ not allowed for this key") || strings.Contains(v, "retry") {
		t.Errorf("view:\n%s", m.View())
	}
}

// A 401 asks the root for the login screen; the dialog stays so the user
// can try again once signed in.
func TestConfirmUnauthorized(t *testing.T) {
	_, client := newSim(t)
	c, _ := uitest.NewCommon(nil)
	k := firstKey(t, client)
	client.SetToken("tgn_revoked0000000000000000")
	m := NewDeleteConfirm(c, "Delete?", nil, func(ctx context.Context) error {
		return client.DeleteAPIKey(context.Background(), k.UID)
	}, confirmedMsg{})
	out := send(t, m, "y")
	if !has[common.UnauthorizedMsg](out) || has[confirmedMsg](out) {
		t.Errorf("out = %v, want UnauthorizedMsg only", out)
	}
	if m.Closed() || !errors.Is(m.Err(), api.ErrUnauthorized) {
		t.Errorf("closed=%v err=%v", m.Closed(), m.Err())
	}
	if !strings.Contains(uitest.Plain(m.View()), "(401)") {
		t.Errorf("view:\n%s", m.View())
	}
}

// deletedMsg is what the delete confirmations deliver.
type deletedMsg struct{ uid string }

// The delete confirmation against the simulator: the item is deleted on y
// and done is delivered; a 5xx stays in the dialog and y retries; a 404
// (already gone, e.g. deleted in another window) counts as deleted.
func TestDeleteConfirmAgainstServer(t *testing.T) {
	sim, client := newSim(t)
	c, _ := uitest.NewCommon(nil)
	ctx := context.Background()
	newKey := func(name string) targon.APIKey {
		k, err := client.CreateAPIKey(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	exists := func(uid string) bool {
		p, err := client.ListAPIKeys(ctx, targon.ListOptions{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range p.Items {
			if k.UID == uid {
				return true
			}
		}
		return false
	}
	confirm := func(k targon.APIKey) *Confirm {
		return NewDeleteConfirm(c, "Delete “"+k.Name+"”?", []string{"It stops working at once."}, func(ctx context.Context) error {
			return client.DeleteAPIKey(ctx, k.UID)
		}, deletedMsg{k.UID})
	}

	t.Run("deleted", func(t *testing.T) {
		k := newKey("one")
		m := confirm(k)
		if !strings.Contains(uitest.Plain(m.View()), "No Delete") {
			t.Errorf("view:\n%s", m.View())
		}
		out := send(t, m, "y")
		if !m.Closed() || len(out) != 1 || out[0] != (deletedMsg{k.UID}) {
			t.Errorf("closed=%v out=%v", m.Closed(), out)
		}
		if exists(k.UID) {
			t.Error("still on the server")
		}
	})

	t.Run("default No deletes nothing", func(t *testing.T) {
		k := newKey("two")
		sim.ResetRequests()
		m := confirm(k)
		if out := send(t, m, "enter"); len(out) != 0 || !m.Closed() {
			t.Errorf("closed=%v out=%v", m.Closed(), out)
		}
		if n := len(sim.Requests()); n != 0 {
			t.Errorf("%d requests sent", n)
		}
		if !exists(k.UID) {
			t.Error("deleted")
		}
	})

	t.Run("server error then retry", func(t *testing.T) {
		k := newKey("three")
		sim.InjectFault(targontest.Fault{Method: "DELETE", Status: 500, Times: 1})
		m := confirm(k)
		if out := send(t, m, "y"); len(out) != 0 || m.Closed() {
			t.Fatalf("closed=%v out=%v after a 500", m.Closed(), out)
		}
		if !exists(k.UID) {
			t.Error("removed although the server failed")
		}
		out := send(t, m, "y")
		if !m.Closed() || len(out) != 1 || out[0] != (deletedMsg{k.UID}) {
			t.Errorf("closed=%v out=%v after the retry", m.Closed(), out)
		}
	})

	t.Run("already gone", func(t *testing.T) {
		k := newKey("four")
		if err := client.DeleteAPIKey(ctx, k.UID); err != nil {
			t.Fatal(err)
		}
		m := confirm(k)
		out := send(t, m, "y")
		if !m.Closed() || len(out) != 1 || out[0] != (deletedMsg{k.UID}) {
			t.Errorf("closed=%v out=%v, want done after a 404", m.Closed(), out)
		}
	})
}
