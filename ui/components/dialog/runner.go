package dialog

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// Action is the work a form or confirmation does when accepted. It runs in a
// tea.Cmd, off the UI goroutine, with a context that ends after
// common.RequestTimeout or when the user cancels (esc while it runs). It
// returns the message to deliver on success (to the view that opened the
// dialog) or an error to show.
type Action func(ctx context.Context) (tea.Msg, error)

// ErrorPolicy decides what a dialog does when its action fails: keep the
// dialog open showing the error (the default), or close it. It may also
// return a command, e.g. a list refresh after a 404.
type ErrorPolicy func(err error) (closeDialog bool, cmd tea.Cmd)

// errInternal replaces a panic in an action; the panic's value is not shown
// (it could hold a secret).
var errInternal = errors.New("internal error; nothing else was changed by the dashboard")

// actionDoneMsg carries an action's outcome back to its dialog.
type actionDoneMsg struct {
	id  int64
	msg tea.Msg
	err error
}

// runner is the in-flight state shared by Form and Confirm: one action at a
// time (no double submit), a spinner while it runs, the last error.
type runner struct {
	c       *common.Common // whose account a 401 names; its IDs number the runs
	closed  bool
	cancel  context.CancelFunc
	id      int64
	busy    bool
	err     error
	spinner spinner.Model
	onError ErrorPolicy
}

func newRunner(c *common.Common) runner {
	return runner{c: c, spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
}

// start runs act unless one is already running.
func (r *runner) start(act Action) tea.Cmd {
	if r.busy || act == nil {
		return nil
	}
	r.busy, r.err = true, nil
	r.id = r.c.IDs.Next() // so that a reply reaches only the dialog that started it
	id := r.id
	ctx, cancel := context.WithTimeout(context.Background(), common.RequestTimeout)
	r.cancel = cancel
	return tea.Batch(r.spinner.Tick, func() (done tea.Msg) {
		defer cancel()
		defer func() {
			// A panic must not leave the dialog waiting forever.
			if p := recover(); p != nil {
				done = actionDoneMsg{id: id, err: errInternal}
			}
		}()
		msg, err := act(ctx)
		return actionDoneMsg{id: id, msg: msg, err: err}
	})
}

// stop cancels a running action; its reply then reports the cancellation.
func (r *runner) stop() {
	if r.busy && r.cancel != nil {
		r.cancel()
	}
}

// update handles the runner's own messages. done is true when msg was this
// runner's outcome; closeDialog says the dialog should close (success, or
// an error its ErrorPolicy closes on).
func (r *runner) update(msg tea.Msg) (done, closeDialog bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if r.busy {
			r.spinner, cmd = r.spinner.Update(msg)
		}
		return false, false, cmd
	case actionDoneMsg:
		if msg.id != r.id || !r.busy {
			return false, false, nil
		}
		r.busy = false
		if msg.err == nil {
			deliver := func() tea.Msg { return msg.msg }
			if msg.msg == nil {
				deliver = nil
			}
			return true, true, deliver
		}
		r.err = msg.err
		var extra tea.Cmd
		closeIt := false
		if r.onError != nil {
			closeIt, extra = r.onError(msg.err)
		}
		// A 401 brings up the login screen over the dialog, which stays so
		// the user can retry once signed in.
		if errors.Is(msg.err, api.ErrUnauthorized) {
			extra = tea.Batch(extra, r.c.Unauthorized())
		}
		if closeIt {
			return true, true, extra
		}
		return true, false, extra
	}
	return false, false, nil
}

// statusLine is the line at the foot of a dialog: while the action runs,
// what it is doing ("sending") and how to cancel it; after a failure, the
// error (see errorLine); else idle, the dialog's hint.
func (r *runner) statusLine(doing, retryKey string, width int, idle string) string {
	switch {
	case r.busy:
		return r.spinner.View() + " " + r.c.Styles.Muted.Render(doing+"… ("+textfit.KeyNames(r.c.Keys.Back)+" cancels)")
	case r.err != nil:
		return r.errorLine(retryKey, width)
	}
	return idle
}

// errorLine is the error to show under a dialog, wrapped to width, with
// a retry hint (retryKey) when trying again may help. Keys are named from
// the key map: a check after a lost answer is a refresh, which works only
// once the dialog is closed, so the hint says so.
func (r *runner) errorLine(retryKey string, width int) string {
	c := r.c
	st, k := c.Styles, c.Keys
	check := "close this and refresh (" + textfit.KeyNames(k.Refresh) + ") to check"
	text := "✗ " + c.ErrorText(r.err)
	var maybe *common.MaybeDoneError
	switch {
	case errors.As(r.err, &maybe):
		text += ": " + check + " before trying again"
	case errors.Is(r.err, context.Canceled):
		text = "✗ cancelled: the server may still have done it; " + check
	}
	if common.Retryable(r.err) && retryKey != "" {
		text += " — " + retryKey + " to retry"
	}
	return st.Error.Render(textfit.WrapWords(text, width))
}

// CloseOnNotFound is an ErrorPolicy that closes a dialog whose item is gone
// (404) and runs gone; other errors stay in the dialog.
func CloseOnNotFound(gone func() tea.Cmd) ErrorPolicy {
	return func(err error) (bool, tea.Cmd) {
		if errors.Is(err, api.ErrNotFound) {
			return true, gone()
		}
		return false, nil
	}
}
