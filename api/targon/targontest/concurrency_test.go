package targontest_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestConcurrentUse(t *testing.T) {
	sim := targontest.New(targontest.WithAPIKeys(30), targontest.WithSSHKeys(30))
	e := newEnv(t, sim)
	token := sim.DemoKey()
	other := sim.AddAccount(5)

	var wg sync.WaitGroup
	errs := make(chan error, 100)
	check := func(what string, got response, want int) {
		if got.status != want {
			errs <- fmt.Errorf("%s: status %d, want %d (%s)", what, got.status, want, got.body)
		}
	}
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tok := token
			if i%2 == 1 {
				tok = other
			}
			for j := range 10 {
				name := fmt.Sprintf("w%d-%d", i, j)
				r := e.do(tok, "POST", pathAPIKeys, map[string]string{"name": name})
				check("create", r, 200)
				var k apiKey
				if err := jsonUnmarshal(r.body, &k); err != nil {
					errs <- err
					return
				}
				check("rename", e.do(tok, "PATCH", pathAPIKeys+"/"+k.UID, map[string]string{"name": name + "!"}), 200)
				check("roll", e.do(tok, "POST", pathAPIKeys+"/"+k.UID+":roll", nil), 200)
				check("list", e.do(tok, "GET", pathAPIKeys+"?limit="+strconv.Itoa(j+1), nil), 200)
				check("delete", e.do(tok, "DELETE", pathAPIKeys+"/"+k.UID, nil), 204)

				r = e.do(tok, "POST", pathSSHKeys, map[string]string{"name": name, "ssh_key": newED25519(t, name)})
				check("create ssh", r, 200)
				var s sshKey
				if err := jsonUnmarshal(r.body, &s); err != nil {
					errs <- err
					return
				}
				check("get ssh", e.do(tok, "GET", pathSSHKeys+"/"+s.UID, nil), 200)
				check("list ssh", e.do(tok, "GET", pathSSHKeys, nil), 200)
				check("delete ssh", e.do(tok, "DELETE", pathSSHKeys+"/"+s.UID, nil), 204)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 50 {
			remove := sim.InjectFault(targontest.Fault{Path: "/nowhere", Status: 500, Times: 1})
			_ = sim.Requests()
			_ = sim.DemoKey()
			sim.SetCredits(1)
			remove()
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	keys, _ := listAll[apiKey](e, token, pathAPIKeys, "100")
	if len(keys) != 31 {
		t.Fatalf("%d keys left, want the 31 we started with", len(keys))
	}
	e.do(token, "GET", pathCredits, nil).wantStatus(t, http.StatusOK)
}

// TestImportsNoOtherPackage keeps the simulator an independent
// implementation of the API: it must not import the client it tests, nor
// anything else of the module but the API-neutral fault injection.
func TestImportsNoOtherPackage(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, "github.com/targon-dash/") && p != "github.com/targon-dash/targon-dash/internal/simfault" {
				t.Errorf("%s imports %s", f, p)
			}
		}
	}
}
