package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os/exec"
	"strings"
	"testing"
)

// TestDemoServerAPIVersions: --api v3 serves /tha/v3 (with /tha/v2 beside
// it) and names the org to use; the default, v2, serves /tha/v2 alone as
// before.
func TestDemoServerAPIVersions(t *testing.T) {
	lines := startDemoServer(t, 4, "--api", "v3")
	if !strings.HasPrefix(lines[0], "TARGON_BASE_URL=http://127.0.0.1:") || !strings.HasPrefix(lines[1], "TARGON_API_KEY=tgn_") ||
		lines[2] != "TARGON_ORG=acme" || !strings.HasPrefix(lines[3], "# ") {
		t.Fatalf("first lines = %q", lines)
	}
	base, key := strings.TrimPrefix(lines[0], "TARGON_BASE_URL="), strings.TrimPrefix(lines[1], "TARGON_API_KEY=")
	var credits struct {
		Credits  float64 `json:"credits"`
		Currency string  `json:"currency"`
	}
	if status := getJSON(t, base+"/tha/v3/orgs/acme/credits", key, &credits); status != http.StatusOK || credits.Currency != "USD" || credits.Credits <= 0 {
		t.Fatalf("v3 credits: %d %+v", status, credits)
	}
	for path, want := range map[string]int{"/tha/v3/version": http.StatusOK, "/tha/v2/me/credits": http.StatusOK} {
		if status := getJSON(t, base+path, key, nil); status != want {
			t.Errorf("GET %s = %d, want %d", path, status, want)
		}
	}

	lines = startDemoServer(t, 2)
	base, key = strings.TrimPrefix(lines[0], "TARGON_BASE_URL="), strings.TrimPrefix(lines[1], "TARGON_API_KEY=")
	for path, want := range map[string]int{"/tha/v3/version": http.StatusNotFound, "/tha/v2/me/credits": http.StatusOK} {
		if status := getJSON(t, base+path, key, nil); status != want {
			t.Errorf("default: GET %s = %d, want %d", path, status, want)
		}
	}
}

// TestDemoServerAPIRefused: an unknown --api, and v3 for OpenRouter, exit
// with status 2 and a reason.
func TestDemoServerAPIRefused(t *testing.T) {
	for _, args := range [][]string{{"--api", "v4"}, {"--provider", "openrouter", "--api", "v3"}} {
		cmd := command(context.Background(), append([]string{"demo-server", "--listen", "127.0.0.1:0"}, args...)...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 2 || !strings.Contains(stderr.String(), "--api") {
			t.Errorf("%v: err = %v, stderr %q; want exit status 2 naming --api", args, err, stderr.String())
		}
	}
}

// getJSON GETs url with key as bearer token, decodes a 200 answer into v
// (unless nil) and returns the status.
func getJSON(t *testing.T, url, key string, v any) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil && resp.StatusCode == http.StatusOK {
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatal(err)
		}
	}
	return resp.StatusCode
}
