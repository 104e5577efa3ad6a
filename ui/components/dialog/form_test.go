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

// submittedMsg is what the test forms deliver on success.
type submittedMsg struct{ values []string }

// newTestForm is a form of three plain fields whose action records its
// calls and returns err, or submittedMsg.
func newTestForm(t *testing.T, err error) (*Form, *counter) {
	t.Helper()
	c, _ := uitest.NewCommon(nil)
	calls := &counter{}
	f := NewForm(c, "Test", []Field{{Label: "One"}, {Label: "Two"}, {Label: "Three"}}, func(_ context.Context, v []string) (tea.Msg, error) {
		calls.inc()
		if err != nil {
			return nil, err
		}
		return submittedMsg{v}, nil
	})
	return f, calls
}

// tab/shift+tab and ↓/↑ move between fields (wrapping); enter on a field
// that is not the last moves on instead of submitting.
func TestFormFocusMovement(t *testing.T) {
	tests := []struct {
		keys      []string
		want      int
		submitted bool
	}{
		{nil, 0, false},
		{[]string{"tab"}, 1, false},
		{[]string{"tab", "tab"}, 2, false},
		{[]string{"tab", "tab", "tab"}, 0, false},
		{[]string{"shift+tab"}, 2, false},
		{[]string{"tab", "shift+tab"}, 0, false},
		{[]string{"down"}, 1, false},
		{[]string{"down", "down", "up"}, 1, false},
		{[]string{"up"}, 2, false},
		{[]string{"enter"}, 1, false},
		{[]string{"enter", "enter"}, 2, false},
		{[]string{"enter", "enter", "enter"}, 2, true}, // enter on the last field submits
		{[]string{"shift+tab", "enter"}, 2, true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			f, calls := newTestForm(t, nil)
			var out []tea.Msg
			for _, k := range tt.keys {
				out = append(out, send(t, f, k)...)
			}
			if f.focus != tt.want {
				t.Errorf("focus = %d, want %d", f.focus, tt.want)
			}
			// Typing goes to the focused field.
			uitest.Type(f.Update, "x")
			if f.Value(tt.want) != "x" {
				t.Errorf("typed text went elsewhere: %q %q %q", f.Value(0), f.Value(1), f.Value(2))
			}
			if wantCalls := map[bool]int{true: 1, false: 0}[tt.submitted]; calls.get() != wantCalls {
				t.Errorf("action called %d times, want %d", calls.get(), wantCalls)
			}
			if tt.submitted != has[submittedMsg](out) || tt.submitted != f.Closed() {
				t.Errorf("messages %v, closed %v, want submitted %v", out, f.Closed(), tt.submitted)
			}
		})
	}
}

// Letters that are commands elsewhere ("q" quits, "y"/"n" answer, "r"
// refreshes, "/" filters, "?" helps) are text in a form.
func TestFormLettersAreText(t *testing.T) {
	f, calls := newTestForm(t, nil)
	const text = "qynrd/?jk 123 R"
	var cmds []tea.Cmd
	for _, r := range text {
		_, cmd := f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		cmds = append(cmds, cmd)
	}
	if out := uitest.Run(t, tea.Batch(cmds...)); len(out) != 0 {
		t.Errorf("typing emitted %v", out)
	}
	if f.Value(0) != text {
		t.Errorf("value = %q, want %q", f.Value(0), text)
	}
	if f.Closed() || calls.get() != 0 {
		t.Errorf("closed=%v calls=%d after typing", f.Closed(), calls.get())
	}
}

// A value that fails Validate blocks the action, shows the error under its
// field, moves the focus there and keeps every typed character.
func TestFormValidationBlocksAction(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	calls := &counter{}
	f := NewForm(c, "New key", []Field{
		{Label: "Name", Validate: ValidateName},
		{Label: "Note"},
	}, func(_ context.Context, v []string) (tea.Msg, error) { calls.inc(); return submittedMsg{v}, nil })

	long := strings.Repeat("n", 65)
	uitest.Type(f.Update, long)
	send(t, f, "tab")
	uitest.Type(f.Update, "keep me")
	if out := send(t, f, "enter"); len(out) != 0 {
		t.Errorf("invalid form emitted %v", out)
	}
	if calls.get() != 0 || f.Busy() || f.Closed() {
		t.Fatalf("calls=%d busy=%v closed=%v, want the action blocked", calls.get(), f.Busy(), f.Closed())
	}
	if got := f.FieldError(0); !strings.Contains(got, "at most 64 characters") {
		t.Errorf("field error = %q", got)
	}
	if f.focus != 0 {
		t.Errorf("focus = %d, want the bad field (0)", f.focus)
	}
	if f.Value(0) != long || f.Value(1) != "keep me" {
		t.Errorf("typed text lost: %q %q", f.Value(0), f.Value(1))
	}
	if v := uitest.Plain(f.View()); !strings.Contains(v, "✗ at most 64 characters (this one has 65)") {
		t.Errorf("view does not show the field error:\n%s", f.View())
	}

	// Editing the field clears its error; a valid value then submits.
	uitest.Tap(f.Update, "backspace")
	if f.FieldError(0) != "" {
		t.Errorf("field error kept after editing: %q", f.FieldError(0))
	}
	send(t, f, "tab")
	out := send(t, f, "enter")
	if calls.get() != 1 || !f.Closed() || !has[submittedMsg](out) {
		t.Errorf("calls=%d closed=%v out=%v after fixing the name", calls.get(), f.Closed(), out)
	}
	if got := out[0].(submittedMsg).values; got[0] != strings.Repeat("n", 64) || got[1] != "keep me" {
		t.Errorf("action got %q", got)
	}
}

// Values are trimmed before validation and before the action sees them.
func TestFormTrimsValues(t *testing.T) {
	f, _ := newTestForm(t, nil)
	uitest.Type(f.Update, "  padded  ")
	out := send(t, f, "shift+tab", "enter")
	if len(out) != 1 || out[0].(submittedMsg).values[0] != "padded" {
		t.Errorf("out = %v, want the trimmed value", out)
	}
	if f.Value(0) != "  padded  " {
		t.Errorf("the field itself changed: %q", f.Value(0))
	}
}

// While the action runs, a second enter does not start a second action
// (a create must not run twice), and esc or typing change nothing.
func TestFormNoDoubleSubmit(t *testing.T) {
	f, calls := newTestForm(t, nil)
	uitest.Type(f.Update, "a")
	f.Focus(2)
	_, first := f.Update(uitest.Key("enter"))
	if first == nil || !f.Busy() {
		t.Fatal("enter on the last field did not start the action")
	}
	for _, k := range []string{"enter", "enter", "esc", "x", "tab"} {
		if _, cmd := f.Update(uitest.Key(k)); cmd != nil {
			t.Errorf("%q while busy returned a command", k)
		}
	}
	if f.Closed() || f.Value(2) != "" || f.focus != 2 {
		t.Errorf("busy form changed: closed=%v value=%q focus=%d", f.Closed(), f.Value(2), f.focus)
	}
	if v := uitest.Plain(f.View()); !strings.Contains(v, "sending…") {
		t.Errorf("busy view does not say it is sending:\n%s", v)
	}
	out := settle(t, f, first)
	if calls.get() != 1 {
		t.Errorf("action called %d times, want 1", calls.get())
	}
	if !f.Closed() || !has[submittedMsg](out) {
		t.Errorf("closed=%v out=%v after success", f.Closed(), out)
	}
}

// A failed action shows its error in the form, keeps the typed text and
// lets enter try again.
func TestFormActionErrorKeepsText(t *testing.T) {
	f, calls := newTestForm(t, errBoom)
	uitest.Type(f.Update, "first")
	out := send(t, f, "tab", "tab", "enter")
	if len(out) != 0 {
		t.Errorf("failed action emitted %v", out)
	}
	if f.Closed() || f.Busy() || !errors.Is(f.Err(), errBoom) {
		t.Fatalf("closed=%v busy=%v err=%v", f.Closed(), f.Busy(), f.Err())
	}
	if f.Value(0) != "first" {
		t.Errorf("typed text lost: %q", f.Value(0))
	}
	if v := uitest.Plain(f.View()); !strings.Contains(v, "✗ boom") {
		t.Errorf("view does not show the error:\n%s", f.View())
	}
	send(t, f, "enter")
	if calls.get() != 2 {
		t.Errorf("enter after an error: %d calls, want 2", calls.get())
	}
}

// esc closes the form without running the action.
func TestFormEscCloses(t *testing.T) {
	f, calls := newTestForm(t, nil)
	uitest.Type(f.Update, "abc")
	if out := send(t, f, "esc"); len(out) != 0 {
		t.Errorf("esc emitted %v", out)
	}
	if !f.Closed() || calls.get() != 0 {
		t.Errorf("closed=%v calls=%d after esc", f.Closed(), calls.get())
	}
}

// OnChange runs after a field's text changes, not on mere movement.
func TestFormOnChange(t *testing.T) {
	f, _ := newTestForm(t, nil)
	var changed []int
	f.OnChange = func(f *Form, i int) {
		changed = append(changed, i)
		if i == 1 {
			f.SetValue(2, "from "+f.Value(1))
		}
	}
	send(t, f, "tab")
	uitest.Type(f.Update, "ab")
	uitest.Tap(f.Update, "left")
	send(t, f, "tab")
	if len(changed) != 2 || changed[0] != 1 || changed[1] != 1 {
		t.Errorf("OnChange calls = %v, want [1 1]", changed)
	}
	if f.Value(2) != "from ab" {
		t.Errorf("field 2 = %q", f.Value(2))
	}
}

// The secret field never shows what was typed.
func TestFormSecretFieldMasked(t *testing.T) {
	c, _ := uitest.NewCommon(nil)
	f := NewForm(c, "Secret", []Field{{Label: "Key", Secret: true}}, nil)
	uitest.Type(f.Update, "tgn_hunter2")
	if v := f.View(); strings.Contains(v, "hunter2") || !strings.Contains(v, "•") {
		t.Errorf("secret field shows its text:\n%s", v)
	}
}

// renamedMsg is what the rename form's action delivers.
type renamedMsg struct{ key targon.APIKey }

// The real rename form against the simulator: success closes the form and
// delivers the view's message; the server's 400 stays in the form with the
// text kept; a 5xx offers a retry that then succeeds.
func TestRenameFormAgainstServer(t *testing.T) {
	sim, client := newSim(t)
	c, _ := uitest.NewCommon(nil)
	k := firstKey(t, client)
	rename := func(_ context.Context, name string) (tea.Msg, error) {
		key, err := client.RenameAPIKey(context.Background(), k.UID, name)
		if err != nil {
			return nil, err
		}
		return renamedMsg{key}, nil
	}
	gone := func() tea.Cmd { t.Error("gone called"); return nil }

	t.Run("server rejects the name", func(t *testing.T) {
		// Bypass the client-side check to see the server's own message.
		f := NewForm(c, "Rename", []Field{{Label: "Name", Value: k.Name}}, func(ctx context.Context, v []string) (tea.Msg, error) { return rename(ctx, v[0]) }).OnError(CloseOnNotFound(gone))
		long := strings.Repeat("z", 70)
		f.SetValue(0, long)
		out := send(t, f, "enter")
		if len(out) != 0 || f.Closed() {
			t.Fatalf("out=%v closed=%v after a 400", out, f.Closed())
		}
		if !errors.Is(f.Err(), api.ErrBadRequest) {
			t.Errorf("err = %v, want a 400", f.Err())
		}
		v := uitest.Plain(f.View())
		if !strings.Contains(v, "✗ name must be at most 64 characters") || strings.Contains(v, "to retry") {
			t.Errorf("view:\n%s", f.View())
		}
		if f.Value(0) != long {
			t.Errorf("typed text lost: %q", f.Value(0))
		}
	})

	t.Run("5xx then retry", func(t *testing.T) {
		sim.InjectFault(targontest.Fault{Method: "PATCH", Status: 500, Times: 1})
		f := NewRenameForm(c, k.Name, rename, gone)
		f.SetValue(0, "after-retry")
		send(t, f, "enter")
		if f.Closed() || !strings.Contains(uitest.Plain(f.View()), "(HTTP 500) — enter to retry") {
			t.Fatalf("closed=%v view:\n%s", f.Closed(), f.View())
		}
		out := send(t, f, "enter")
		if !f.Closed() || len(out) != 1 {
			t.Fatalf("closed=%v out=%v after the retry", f.Closed(), out)
		}
		if got := out[0].(renamedMsg).key.Name; got != "after-retry" {
			t.Errorf("renamed to %q", got)
		}
		if got := firstKey(t, client).Name; got != "after-retry" {
			t.Errorf("server has %q", got)
		}
	})
}

// goneMsg is what the rename form's gone callback delivers.
type goneMsg struct{}

// Renaming an item deleted meanwhile (404) closes the form and runs gone
// (the view's toast and reload) instead of showing an error.
func TestRenameFormGone(t *testing.T) {
	_, client := newSim(t)
	c, _ := uitest.NewCommon(nil)
	ctx := context.Background()
	extra, err := client.CreateAPIKey(ctx, "doomed")
	if err != nil {
		t.Fatal(err)
	}
	if err := client.DeleteAPIKey(ctx, extra.UID); err != nil {
		t.Fatal(err)
	}
	goneCalls := 0
	f := NewRenameForm(c, "doomed", func(_ context.Context, name string) (tea.Msg, error) {
		key, err := client.RenameAPIKey(ctx, extra.UID, name)
		return renamedMsg{key}, err
	}, func() tea.Cmd {
		goneCalls++
		return func() tea.Msg { return goneMsg{} }
	})
	if !strings.Contains(f.View(), "Rename “doomed”") || f.Value(0) != "doomed" {
		t.Errorf("rename form not prefilled:\n%s", f.View())
	}
	uitest.Type(f.Update, "-2")
	out := send(t, f, "enter")
	if !f.Closed() || goneCalls != 1 || !has[goneMsg](out) || has[renamedMsg](out) {
		t.Errorf("closed=%v gone=%d out=%v", f.Closed(), goneCalls, out)
	}
}

// A 401 from a form's action asks the root for the login screen and keeps
// the form (with its text) for after the sign-in.
func TestFormUnauthorized(t *testing.T) {
	_, client := newSim(t)
	c, _ := uitest.NewCommon(nil)
	client.SetToken("tgn_revoked0000000000000000")
	f := NewForm(c, "New key", []Field{{Label: "Name"}}, func(_ context.Context, v []string) (tea.Msg, error) {
		_, err := client.CreateAPIKey(context.Background(), v[0])
		return nil, err
	})
	uitest.Type(f.Update, "my key")
	out := send(t, f, "enter")
	if !has[common.UnauthorizedMsg](out) {
		t.Errorf("out = %v, want UnauthorizedMsg", out)
	}
	if f.Closed() || f.Value(0) != "my key" {
		t.Errorf("closed=%v value=%q", f.Closed(), f.Value(0))
	}
}

// A reply for an earlier action (a stale id) is not taken as this one's.
func TestFormIgnoresStaleOutcome(t *testing.T) {
	f, _ := newTestForm(t, nil)
	f.Focus(2)
	_, cmd := f.Update(uitest.Key("enter"))
	f.Update(actionDoneMsg{id: f.run.id - 1, msg: submittedMsg{}})
	if !f.Busy() || f.Closed() {
		t.Fatalf("a stale outcome ended the action: busy=%v closed=%v", f.Busy(), f.Closed())
	}
	if out := settle(t, f, cmd); !has[submittedMsg](out) || !f.Closed() {
		t.Errorf("out=%v closed=%v", out, f.Closed())
	}
}
