package simfault_test

import (
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/internal/simfault"
)

func TestParse(t *testing.T) {
	cases := map[string]simfault.Fault{
		"GET /api/v1/keys 503 times=2":       {Method: "GET", Path: "/api/v1/keys", Status: 503, Times: 2},
		"* * 429 retry-after=3":              {Status: 429, RetryAfter: "3"},
		"post /api/v1/keys drop":             {Method: "POST", Path: "/api/v1/keys", Drop: true},
		"GET /api/v1/credits latency=40s":    {Method: "GET", Path: "/api/v1/credits", Latency: 40 * time.Second},
		"GET /api/v1/keys* truncate times=1": {Method: "GET", Path: "/api/v1/keys*", Truncate: true, Times: 1},
	}
	for in, want := range cases {
		got, err := simfault.Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	html, err := simfault.Parse("GET * html")
	if err != nil || html.Status != 502 || html.ContentType != "text/html" || html.Body == "" {
		t.Errorf("html fault = %+v, %v", html, err)
	}
	if f, err := simfault.Parse("GET * html 503"); err != nil || f.Status != 503 {
		t.Errorf("html with a status = %+v, %v", f, err)
	}
	for _, bad := range []string{"", "GET /x", "GET /x 999", "GET /x 100", "GET /x bogus", "GET /x latency=soon", "GET /x times=a", "GET /x times=-1"} {
		if _, err := simfault.Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}
