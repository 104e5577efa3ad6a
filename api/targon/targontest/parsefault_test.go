package targontest_test

import (
	"testing"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

// ParseFault is simfault.Parse (tested there); this checks the wiring with
// one Targon path.
func TestParseFault(t *testing.T) {
	want := targontest.Fault{Method: "GET", Path: "/tha/v2/me/api-keys", Status: 503, Times: 2}
	if got, err := targontest.ParseFault("GET /tha/v2/me/api-keys 503 times=2"); err != nil || got != want {
		t.Errorf("ParseFault = %+v, %v; want %+v", got, err, want)
	}
	if _, err := targontest.ParseFault("GET /x bogus"); err == nil {
		t.Error("ParseFault accepted a bad fault")
	}
}
