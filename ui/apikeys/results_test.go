package apikeys_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// Rolling the key in use adopts the new key in a tea.Cmd. That command must
// not read the shared Settings, which the root's Update writes meanwhile
// (a sign-in records where the key now lives): go test -race catches it.
func TestRollInUseDoesNotReadSettingsFromTheCmd(t *testing.T) {
	sim := targontest.New(targontest.WithClock(uitest.Now))
	client := uitest.Client(t, sim, sim.DemoKey())
	c, clip := uitest.NewCommon(client)
	c.Home = api.KeyHome{Source: api.KeyFromEnv, Env: "TARGON_API_KEY", File: filepath.Join(t.TempDir(), "credentials-test")}
	d := uitest.NewDriver(t, c, apikeys.New(c))

	d.Keys("R") // roll the selected key: the simulator's only key, the one in use
	if d.Top() == nil {
		t.Fatal("no roll confirmation")
	}
	roll := d.Deliver(uitest.Key("y"))

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		// What ui.Model does in Update when a login saves a key.
		defer wg.Done()
		c.Home.Source = api.KeyFromFile
		c.Home.File = filepath.Join(t.TempDir(), "elsewhere")
	}()
	for _, msg := range uitest.Run(t, roll) {
		d.Send(msg)
	}
	wg.Wait()

	if _, err := client.Credits(t.Context()); err != nil {
		t.Fatalf("the client did not adopt the rolled key: %v", err)
	}
	if clip.Last() == "" || !client.UsesKey(clip.Last()) {
		t.Fatal("the rolled key was not copied")
	}
}

// hostileKeys serves the simulator, except that creates and rolls answer
// with key_raw set to raw (after the simulator did the work).
func hostileKeys(sim http.Handler, raw string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.Contains(r.URL.Path, "/api-keys") {
			sim.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		sim.ServeHTTP(rec, r)
		var k map[string]any
		_ = json.Unmarshal(rec.Body.Bytes(), &k)
		k["key_raw"] = raw
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(k)
	})
}

// A create or roll answered with a malformed secret shows an error saying
// the key exists; the secret is not drawn, copied, adopted or saved.
func TestMalformedSecretIsNeverShownCopiedOrAdopted(t *testing.T) {
	for name, raw := range map[string]string{
		"OSC 52":    "tgn_abcdefghijklmnop\x1b]52;c;ZXZpbA==\x07",
		"space":     "tgn_abcdefgh ijklmnop",
		"empty":     "",
		"non-ASCII": "tgn_abcdefghijklmnoé",
	} {
		for _, op := range []string{"roll", "create"} {
			t.Run(name+"/"+op, func(t *testing.T) {
				sim := targontest.New(targontest.WithClock(uitest.Now))
				token := sim.DemoKey()
				client := uitest.Client(t, hostileKeys(sim, raw), token)
				c, clip := uitest.NewCommon(client)
				path := filepath.Join(t.TempDir(), "credentials-test")
				c.Home = api.KeyHome{Source: api.KeyFromFile, File: path}
				c.SaveKey = func(k string) error { return config.SaveCredentials(path, k) }
				d := uitest.NewDriver(t, c, apikeys.New(c))

				want := "rolled anyway"
				if op == "roll" {
					d.Keys("R", "y") // roll the key in use
				} else {
					want = "created anyway"
					d.Keys("n")
					d.Type("ci")
					d.Keys("enter")
				}
				screen := d.Top().View()
				if !strings.Contains(screen, "malformed key") || !strings.Contains(screen, want) {
					t.Errorf("the dialog does not say the key is malformed and %s:\n%s", want, screen)
				}
				if strings.Contains(screen, "\x1b]52") || (raw != "" && strings.Contains(screen, "abcdefgh")) {
					t.Error("the secret was drawn")
				}
				if len(clip.Copied()) != 0 {
					t.Errorf("copied %q", clip.Copied())
				}
				if !client.UsesKey(token) {
					t.Error("the client adopted the malformed key")
				}
				if _, err := os.Stat(path); err == nil {
					t.Error("the malformed key was saved")
				}
			})
		}
	}
}

// A create answered with a list (not a key) is an error in the form: no
// secret dialog, nothing copied, no blank row.
func TestCreateAnsweredWithAListIsAnError(t *testing.T) {
	sim := targontest.New(targontest.WithClock(uitest.Now))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`[{"uid":"key-x","name":"ci","key_raw":"tgn_0123456789abcdef"}]`))
			return
		}
		sim.ServeHTTP(w, r)
	})
	client := uitest.Client(t, h, sim.DemoKey())
	c, clip := uitest.NewCommon(client)
	m := apikeys.New(c)
	d := uitest.NewDriver(t, c, m)
	before := len(m.Table.List.Items())

	d.Keys("n")
	d.Type("ci")
	d.Keys("enter")
	screen := d.Top().View()
	if !strings.Contains(screen, "a list where an") || !strings.Contains(screen, "may have been created") {
		t.Errorf("the form does not explain the answer:\n%s", screen)
	}
	if len(clip.Copied()) != 0 {
		t.Errorf("copied %q", clip.Copied())
	}
	if n := len(m.Table.List.Items()); n != before {
		t.Errorf("%d rows, want %d", n, before)
	}
}
