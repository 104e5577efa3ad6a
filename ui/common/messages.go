package common

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
)

// ToastKind is how a toast is coloured.
type ToastKind int

// Toast kinds.
const (
	ToastInfo ToastKind = iota
	ToastSuccess
	ToastError
)

// ToastMsg shows a short message in the status bar for a few seconds.
type ToastMsg struct {
	Text string
	Kind ToastKind
	// For is how long it stays; zero means the usual few seconds.
	For time.Duration
}

// Toast returns a command that shows a toast.
func Toast(kind ToastKind, format string, args ...any) tea.Cmd {
	text := fmt.Sprintf(format, args...)
	return func() tea.Msg { return ToastMsg{Text: text, Kind: kind} }
}

// UnauthorizedMsg says the API rejected the key of Account: the root shows
// the login screen. Account is the account the request was made with; the
// root drops the message when that is no longer the account in use (one
// answered after an account switch), so it must be set.
type UnauthorizedMsg struct {
	Account api.Account
}

// Unauthorized returns a command that sends UnauthorizedMsg for c's
// account, read now.
func (c *Common) Unauthorized() tea.Cmd {
	acct := c.Account
	return func() tea.Msg { return UnauthorizedMsg{Account: acct} }
}

// SignInMsg asks the root for the login screen, saying Reason, while the
// key of Account still works (the user wants another key: one that may do
// what this one may not); esc there goes back to the views.
type SignInMsg struct {
	Account api.Account
	Reason  string
}

// KeyInUseDeletedMsg says the key Account was signed in with was deleted:
// the root forgets it and shows the login screen, when Account is still
// the account in use (as with UnauthorizedMsg). A rolled key needs no
// message: common.AdoptKey switched the account to the new one and saved
// it already.
type KeyInUseDeletedMsg struct {
	Account api.Account
}

// ErrorText turns an error from an account into one short line for a
// person, without naming the provider ("the API did not answer in time"):
// no status dumps, no bodies, never the token. Views use Common.ErrorText,
// which names the account's provider.
func ErrorText(err error) string { return ErrorTextFor("", err) }

// ErrorTextFor is ErrorText naming provider ("Targon") where the text
// speaks of its API.
func ErrorTextFor(provider string, err error) string {
	if err == nil {
		return ""
	}
	theAPI := "the API"
	if provider != "" {
		theAPI = "the " + provider + " API"
	}
	var apiErr api.StatusError
	var netErr *api.NetworkError
	var decErr *api.DecodeError
	var maybe *MaybeDoneError
	var secretErr *api.SecretError
	var redirect *api.RedirectError
	switch {
	case errors.As(err, &secretErr):
		anyway := "The key was created anyway"
		if secretErr.Done == "rolled" {
			anyway = "The secret was rolled anyway (the old one no longer works)"
		}
		return "the server sent a malformed key; it was not shown, copied or saved. " + anyway + ": refresh the list, then roll or delete it"
	case errors.As(err, &redirect):
		return redirect.Error()
	case errors.Is(err, api.ErrCursorLoop):
		return "the server sent the same page twice; loading stopped to avoid a loop"
	case errors.Is(err, api.ErrTooManyPages):
		return fmt.Sprintf("the server sent more than %d pages; loading stopped", api.MaxPages)
	case errors.As(err, &maybe):
		// Where it is shown says how to check (a refresh, whose key the
		// caller names).
		return ErrorTextFor(provider, maybe.Err) + "; " + maybe.What
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.As(err, &netErr) && netErr.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return theAPI + " did not answer in time"
	case errors.As(err, &apiErr):
		return statusErrorText(theAPI, apiErr, err)
	case errors.As(err, &netErr):
		return networkErrorText(theAPI, netErr)
	case errors.As(err, &decErr) && decErr.What != "":
		return fmt.Sprintf("the server's answer was not what the API sends: %s (HTTP %d)", decErr.What, decErr.Status)
	case errors.As(err, &decErr):
		return fmt.Sprintf("the server's answer could not be read (HTTP %d)", decErr.Status)
	}
	return Sanitize(err.Error())
}

// statusErrorText is the line for an answer with an error status; err is
// the whole error, which unwraps to apiErr and its sentinel.
func statusErrorText(theAPI string, apiErr api.StatusError, err error) string {
	switch {
	case errors.Is(err, api.ErrUnauthorized):
		return "the API key was not accepted (401)"
	case errors.Is(err, api.ErrForbidden):
		return "not allowed for this key"
	case errors.Is(err, api.ErrNotFound):
		return "it no longer exists on the server"
	case errors.Is(err, api.ErrRateLimited):
		if ra := apiErr.RetryAfterHint(); ra > 0 {
			return fmt.Sprintf("rate limited by the server; try again in %s", ra.Round(1e9))
		}
		return "rate limited by the server; try again shortly"
	case errors.Is(err, api.ErrServer):
		return fmt.Sprintf("%s had a problem (HTTP %d)", theAPI, apiErr.HTTPStatus())
	}
	return serverMessage(apiErr)
}

// serverMessage is the server's own words for an error answer, with its
// status when they say nothing more than the status does (a blank
// message, or one a client filled in with the status text).
func serverMessage(apiErr api.StatusError) string {
	code := apiErr.HTTPStatus()
	status := strings.ToLower(http.StatusText(code))
	msg := Sanitize(apiErr.ServerMessage())
	switch blank := strings.TrimSpace(msg) == ""; {
	case blank && status == "":
		return fmt.Sprintf("the server refused the request (HTTP %d)", code)
	case blank:
		return fmt.Sprintf("the server refused the request: %s (HTTP %d)", status, code)
	case strings.EqualFold(msg, status):
		return fmt.Sprintf("%s (HTTP %d)", msg, code)
	default:
		return msg
	}
}

// networkErrorText is the line for a request that got no whole answer.
func networkErrorText(theAPI string, netErr *api.NetworkError) string {
	switch {
	case netErr.Partial:
		return "the connection dropped while reading the answer"
	case errors.Is(netErr.Err, io.EOF), errors.Is(netErr.Err, io.ErrUnexpectedEOF), errors.Is(netErr.Err, syscall.ECONNRESET):
		return "the connection dropped before the answer came"
	}
	return "cannot reach " + theAPI + ": " + CutRunes(Sanitize(shortNetError(netErr.Err)), maxNetError)
}

// maxNetError is the most of a network error's own text that is shown:
// Go's HTTP errors may quote what the server sent (a malformed header).
const maxNetError = 120

// shortNetError keeps the last, most specific part of a network error
// ("connection refused" rather than "dial tcp 127.0.0.1:1: connect: …").
func shortNetError(err error) string {
	msg := err.Error()
	for i := len(msg) - 1; i > 0; i-- {
		if msg[i] == ':' && i+2 < len(msg) {
			return msg[i+2:]
		}
	}
	return msg
}

// Retryable reports whether asking the user to press retry makes sense.
func Retryable(err error) bool {
	return api.Retryable(err) || errors.Is(err, api.ErrServer) || errors.Is(err, context.DeadlineExceeded)
}

// MaybeDoneError is a create or roll whose answer was lost after the request
// had gone out (a dropped connection, a cut-off or unreadable body): the
// server may have done it. It is never retried by itself.
type MaybeDoneError struct {
	Err  error
	What string // "the key may have been created"
}

// Error describes the loss and what may have happened.
func (e *MaybeDoneError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *MaybeDoneError) Unwrap() error { return e.Err }

// MaybeDone wraps err in a MaybeDoneError when the request may have reached
// the server (a network error after sending, an unreadable answer or a
// gateway error); other errors are returned as they are.
func MaybeDone(err error, what string) error {
	var netErr *api.NetworkError
	var decErr *api.DecodeError
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return err // never connected: nothing was sent
	}
	if errors.As(err, &netErr) || errors.As(err, &decErr) || errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, api.ErrServer) {
		return &MaybeDoneError{Err: err, What: what}
	}
	return err
}
