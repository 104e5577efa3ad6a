package targontest_test

import (
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/targon/targontest"
)

func TestParseFault(t *testing.T) {
	cases := map[string]targontest.Fault{
		"GET /tha/v2/me/api-keys 503 times=2":      {Method: "GET", Path: "/tha/v2/me/api-keys", Status: 503, Times: 2},
		"* * 429 retry-after=3":                    {Status: 429, RetryAfter: "3"},
		"post /tha/v2/ssh-keys drop":               {Method: "POST", Path: "/tha/v2/ssh-keys", Drop: true},
		"GET /tha/v2/me/credits latency=40s":       {Method: "GET", Path: "/tha/v2/me/credits", Latency: 40 * time.Second},
		"GET /tha/v2/me/api-keys truncate times=1": {Method: "GET", Path: "/tha/v2/me/api-keys", Truncate: true, Times: 1},
	}
	for in, want := range cases {
		got, err := targontest.ParseFault(in)
		if err != nil || got != want {
			t.Errorf("ParseFault(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	html, err := targontest.ParseFault("GET * html")
	if err != nil || html.Status != 502 || html.ContentType != "text/html" || html.Body == "" {
		t.Errorf("html fault = %+v, %v", html, err)
	}
	for _, bad := range []string{"", "GET /x", "GET /x 999", "GET /x bogus", "GET /x latency=soon", "GET /x times=a"} {
		if _, err := targontest.ParseFault(bad); err == nil {
			t.Errorf("ParseFault(%q) accepted", bad)
		}
	}
}
