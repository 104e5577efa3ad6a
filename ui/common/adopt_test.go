package common_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/config"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// After the key in use is rolled, AdoptKey switches the client to the new
// key at once and saves it only where the old one came from.
func TestAdoptKey(t *testing.T) {
	tests := []struct {
		source   api.KeySource
		wantNote string
		wantFile bool
	}{
		{api.KeyFromFile, "saved it to", true},
		{api.KeyFromEnv, "TARGON_API_KEY still holds the old one", false},
		{api.KeyFromDemo, "The demo now uses the new key.", false},
		{api.KeyNone, "not saved anywhere", false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.source), func(t *testing.T) {
			sim := targontest.New(targontest.WithClock(uitest.Now))
			client := uitest.Client(t, sim, sim.DemoKey())
			c, _ := uitest.NewCommon(client)
			path := filepath.Join(t.TempDir(), ".targon", "credentials-default")
			c.Home = api.KeyHome{Source: tt.source, Env: "TARGON_API_KEY", File: path}
			c.SaveKey = func(k string) error { return config.SaveCredentials(path, k) }

			ctx := context.Background()
			keys, err := client.ListAPIKeys(ctx, targon.ListOptions{})
			if err != nil || len(keys.Items) == 0 {
				t.Fatalf("list API keys: %v (%d items)", err, len(keys.Items))
			}
			rolled, err := client.RollAPIKey(ctx, keys.Items[0].UID)
			if err != nil {
				t.Fatal(err)
			}
			note, err := common.AdoptKey(c.Account, c.Home, c.SaveKey, rolled.KeyRaw)
			if err != nil {
				t.Fatalf("AdoptKey: %v", err)
			}
			if !strings.Contains(note, tt.wantNote) {
				t.Errorf("note %q does not say %q", note, tt.wantNote)
			}
			if strings.Contains(note, rolled.KeyRaw) {
				t.Error("the note shows the key")
			}
			if _, err := client.Credits(ctx); err != nil {
				t.Errorf("the client did not switch to the new key: %v", err)
			}
			data, err := os.ReadFile(path)
			switch {
			case tt.wantFile && err != nil:
				t.Errorf("credentials not saved: %v", err)
			case tt.wantFile && string(data) != rolled.KeyRaw+"\n":
				t.Errorf("credentials file holds %q, want the new key and a newline", data)
			case !tt.wantFile && err == nil:
				t.Errorf("credentials file written for a key from %v", tt.source)
			}
		})
	}
}
