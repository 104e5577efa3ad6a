package openrouter

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
)

// A server that lists new keys forever, slowly, is stopped at the walk's
// time cap, with the keys listed until then.
func TestWalkTimeCap(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		var keys []string
		for i := off; i < off+100; i++ {
			keys = append(keys, fmt.Sprintf(`{"hash":"%064x","name":"k","label":"sk-or-v1-abc...xyz","disabled":false,"limit":null,"limit_remaining":null,"limit_reset":null,"include_byok_in_limit":false,"usage":0,"usage_daily":0,"usage_weekly":0,"usage_monthly":0,"byok_usage":0,"byok_usage_daily":0,"byok_usage_weekly":0,"byok_usage_monthly":0,"created_at":"2025-01-15T10:30:00.000Z","updated_at":null,"creator_user_id":null,"workspace_id":"w"}`, i))
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"data":[%s]}`, strings.Join(keys, ","))
	}))
	defer ts.Close()
	c, err := NewClient(ts.URL, "tok")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	keys := 0
	for page, e := range c.keyPages(t.Context(), api.WalkLimits{Time: 300 * time.Millisecond}) {
		if err = e; e != nil {
			break
		}
		keys += len(page)
	}
	var ce *api.CapError
	if !errors.As(err, &ce) || ce.Kind != api.CapTime || !api.GaveUp(err) {
		t.Fatalf("err = %v, want the time cap", err)
	}
	if d := time.Since(start); keys == 0 || keys > api.MaxItems || d > 2*time.Second {
		t.Errorf("%d keys in %s", keys, d)
	}
}
