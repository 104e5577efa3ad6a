// Package uitest is test support for the ui packages: fakes (clipboards,
// a terminal), a Common for tests, a synchronous tea.Cmd runner, key
// presses, and two ways to drive a model without a Bubble Tea program: a
// Driver that plays the root model around one view, and Solo for one model
// on its own. Only tests import it.
//
// Unlike the ui packages it serves, it imports the concrete providers and
// their simulators (api/targon, api/openrouter and their …test packages), to
// build test accounts on loopback servers, and ui/components/modal, to
// route dialogs exactly as the root does.
package uitest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/common"
)

// Main runs a package's tests with plain views (the ASCII profile, a dark
// background), whatever terminal runs them. Call it from TestMain.
func Main(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// Clock is the fixed "now" of the tests, for the UI and the simulator
// alike, so relative dates never change.
var Clock = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// Now returns Clock; it is the clock of NewCommon and fits
// targontest.WithClock.
func Now() time.Time { return Clock }

// Serve serves h over HTTP on loopback until the test ends and returns its
// base URL.
func Serve(t testing.TB, h http.Handler) string {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}

// Client serves h (see Serve) and returns a client of it that sends key
// and never retries.
func Client(t testing.TB, h http.Handler, key string) *targon.Client {
	t.Helper()
	client, err := targon.NewClient(Serve(t, h), key, clientopt.WithRetry(clientopt.NoRetry()))
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// NewCommon is the shared context of a 100x30 screen with the fixed Clock,
// a fake Clipboard (returned too) and a profile "test" whose key is kept
// nowhere. Its Account is client as a Targon account; when client is nil,
// a Targon account of http://127.0.0.1 without a key. NewAccount makes
// accounts of the same base URL that never retry. Tests change what else
// they need on the result.
func NewCommon(client *targon.Client) (*common.Common, *Clipboard) {
	if client == nil {
		var err error
		if client, err = targon.NewClient("http://127.0.0.1", "", clientopt.WithRetry(clientopt.NoRetry())); err != nil {
			panic(err)
		}
	}
	baseURL := client.BaseURL()
	clip := &Clipboard{}
	session := &api.Session{
		Account: targon.NewAccount(client),
		Profile: "test",
		NewAccount: func(token string) (api.Account, error) {
			return targon.New(baseURL, token, clientopt.WithRetry(clientopt.NoRetry()))
		},
	}
	return &common.Common{
		Session: session,
		Width:   100, Height: 30,
		Styles:    common.NewStyles(),
		Keys:      common.DefaultKeyMap(),
		Clipboard: clip,
		Now:       Now,
		IDs:       new(common.IDs),
		Minted:    new(common.Minted),
	}, clip
}

// TargonClient is the concrete client of c's account, which NewCommon made
// a Targon one; tests use it to change the server behind the UI's back.
func TargonClient(c *common.Common) *targon.Client {
	return c.Account.(*targon.Account).Client()
}
