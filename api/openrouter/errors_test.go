package openrouter_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/api/clientopt"
	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/internal/simfault"
)

// Every error shape maps to its sentinel, with a short readable message.
func TestErrorShapes(t *testing.T) {
	sim := openroutertest.New()
	ctx := context.Background()
	noRetry := clientopt.WithRetry(clientopt.NoRetry())

	t.Run("401", func(t *testing.T) {
		a := newAccount(t, sim, "sk-or-v1-not-a-key-of-this-account", noRetry)
		_, err := a.Balance(ctx)
		var se api.StatusError
		if !errors.Is(err, api.ErrUnauthorized) || !errors.As(err, &se) || se.HTTPStatus() != 401 || se.ServerMessage() == "" {
			t.Errorf("unknown key: %v", err)
		}
		if strings.Contains(err.Error(), "not-a-key") {
			t.Errorf("the error shows the token: %v", err)
		}
	})
	t.Run("400", func(t *testing.T) {
		a := newAccount(t, sim, sim.DemoManagementKey(), noRetry)
		_, err := a.CreateKey(ctx, api.KeySpec{Name: "x", Limit: "-1"})
		var oe *openrouter.Error
		if !errors.Is(err, api.ErrBadRequest) || !errors.As(err, &oe) || oe.Code != 400 || !strings.Contains(oe.ServerMessage(), "limit") {
			t.Errorf("negative limit: %v", err)
		}
		if oe != nil && oe.Metadata["param"] != "limit" {
			t.Errorf("metadata = %v", oe.Metadata)
		}
		_, err = a.CreateKey(ctx, api.KeySpec{Name: ""})
		if !errors.Is(err, api.ErrBadRequest) || !errors.As(err, &oe) || !strings.Contains(oe.ServerMessage(), "name") {
			t.Errorf("empty name: %v", err)
		}
	})
	t.Run("404", func(t *testing.T) {
		a := newAccount(t, sim, sim.DemoManagementKey(), noRetry)
		_, err := a.RenameKey(ctx, strings.Repeat("0", 64), "x") // no such key
		if !errors.Is(err, api.ErrNotFound) || err.Error() != "API key not found (HTTP 404)" {
			t.Errorf("rename of a missing key: %v", err)
		}
	})
	t.Run("429 with Retry-After", func(t *testing.T) {
		defer sim.InjectFault(simfault.Fault{Path: "/api/v1/credits", Status: 429, RetryAfter: "7"})()
		a := newAccount(t, sim, sim.DemoManagementKey(), noRetry)
		_, err := a.Balance(ctx)
		var se api.StatusError
		if !errors.Is(err, api.ErrRateLimited) || !errors.As(err, &se) || se.RetryAfterHint() != 7*time.Second {
			t.Errorf("429: %v", err)
		}
	})
	t.Run("500", func(t *testing.T) {
		defer sim.InjectFault(simfault.Fault{Path: "/api/v1/key", Status: 500})()
		a := newAccount(t, sim, sim.DemoManagementKey())
		sim.ResetRequests()
		_, err := a.CurrentKey(ctx)
		if !errors.Is(err, api.ErrServer) || len(sim.Requests()) != 1 {
			t.Errorf("500: %v after %d requests (500 is not retried)", err, len(sim.Requests()))
		}
	})
	t.Run("HTML 502", func(t *testing.T) {
		html := "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
		defer sim.InjectFault(simfault.Fault{Path: "/api/v1/keys", Status: 502, Body: html})()
		a := newAccount(t, sim, sim.DemoManagementKey())
		sim.ResetRequests()
		_, err := allKeys(a)
		var se api.StatusError
		if !errors.Is(err, api.ErrServer) || !errors.As(err, &se) || se.ServerMessage() != "" || err.Error() != "bad gateway (HTTP 502)" {
			t.Errorf("HTML 502: %v", err)
		}
		if n := keyRequests(sim.Requests()); n != 4 {
			t.Errorf("%d requests, want 4 (a 502 on a GET is retried)", n)
		}
	})
}

// POST is never retried; GET, PATCH and DELETE are.
func TestRetries(t *testing.T) {
	sim := openroutertest.New()
	a := newAccount(t, sim, sim.DemoManagementKey())
	ctx := context.Background()

	remove := sim.InjectFault(simfault.Fault{Method: http.MethodPost, Path: "/api/v1/keys", Status: 503})
	sim.ResetRequests()
	if _, err := a.CreateKey(ctx, api.KeySpec{Name: "x"}); !errors.Is(err, api.ErrServer) || len(sim.Requests()) != 1 {
		t.Errorf("create on 503: %v after %d requests, want 1", err, len(sim.Requests()))
	}
	remove()

	s, err := a.CreateKey(ctx, api.KeySpec{Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/keys/" + s.Key.ID
	sim.InjectFault(simfault.Fault{Method: http.MethodPatch, Path: path, Status: 503, Times: 2})
	if k, err := a.RenameKey(ctx, s.Key.ID, "y"); err != nil || k.Name != "y" {
		t.Errorf("rename through two 503s: %+v, %v", k, err)
	}
	// A delete whose answer is lost (502 after the server deleted it, as a
	// proxy might) and is retried into a 404 counts as deleted.
	var deletes atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodDelete && deletes.Add(1) == 1 {
			sim.ServeHTTP(discard{}, r)
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		sim.ServeHTTP(w, r)
	})
	b := newAccount(t, h, sim.DemoManagementKey())
	if err := b.DeleteKey(ctx, s.Key.ID); err != nil || deletes.Load() != 2 {
		t.Errorf("delete with a lost answer: %v after %d tries", err, deletes.Load())
	}
}

// discard is a ResponseWriter that drops the answer.
type discard struct{}

func (d discard) Header() http.Header         { return http.Header{} }
func (d discard) Write(b []byte) (int, error) { return len(b), nil }
func (d discard) WriteHeader(int)             {}
