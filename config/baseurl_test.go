package config

import (
	"strings"
	"testing"
)

func TestCheckBaseURL(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string // substring; "" means no error
	}{
		{in: "https://api.targon.com", want: "https://api.targon.com"},
		{in: "https://api.targon.com/", want: "https://api.targon.com"},
		{in: "https://api.targon.com//", want: "https://api.targon.com"},
		{in: "  https://api.targon.com/  ", want: "https://api.targon.com"},
		{in: "https://proxy.example.com/targon/", want: "https://proxy.example.com/targon"},
		{in: "https://api.example.com:8443", want: "https://api.example.com:8443"},
		{in: "HTTPS://api.example.com", want: "HTTPS://api.example.com"},
		{in: "http://127.0.0.1:8080/", want: "http://127.0.0.1:8080"},
		{in: "http://127.1.2.3", want: "http://127.1.2.3"},
		{in: "http://localhost:8080", want: "http://localhost:8080"},
		{in: "http://LOCALHOST", want: "http://LOCALHOST"},
		{in: "http://[::1]:9000/", want: "http://[::1]:9000"},
		{in: "http://[::ffff:127.0.0.1]", want: "http://[::ffff:127.0.0.1]"},

		{in: "http://api.example.com", wantErr: "refusing plain http:// for api.example.com: use https:// (http is only allowed for loopback hosts)"},
		{in: "http://10.0.0.1:8080", wantErr: "refusing plain http:// for 10.0.0.1"},
		{in: "http://[::2]", wantErr: "refusing plain http://"},
		{in: "http://localhost.example.com", wantErr: "refusing plain http://"},
		{in: "http://127.0.0.1.example.com", wantErr: "refusing plain http://"},
		{in: "http://0.0.0.0", wantErr: "refusing plain http://"},
		{in: "", wantErr: "empty"},
		{in: "   ", wantErr: "empty"},
		{in: "api.targon.com", wantErr: "no scheme"},
		{in: "ftp://api.targon.com", wantErr: `scheme "ftp" is not supported`},
		{in: "https://", wantErr: "no host"},
		{in: "https:///path", wantErr: "no host"},
		{in: "https:api.targon.com", wantErr: "no host"},
		{in: "https://api.targon.com:99999", wantErr: "out of range"},
		{in: "https://api.targon.com:0", wantErr: "out of range"},
		{in: "https://api.targon.com:port", wantErr: "not a valid URL"},
		{in: "https://api.targon.com/?x=1", wantErr: "query or fragment"},
		{in: "https://api.targon.com/?", wantErr: "query or fragment"},
		{in: "https://api.targon.com/#frag", wantErr: "query or fragment"},
		{in: "https://user:hunter2@api.targon.com", wantErr: "user name or password"},
		{in: "https://[::1", wantErr: "not a valid URL"},
		{in: "https://exa mple.com", wantErr: "not a valid URL"},
		{in: "https://example.com/\x7f", wantErr: "not a valid URL"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := CheckBaseURL(tt.in)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("CheckBaseURL(%q) = %q, want error containing %q", tt.in, got, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("CheckBaseURL(%q) error = %q, want it to contain %q", tt.in, err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "hunter2") {
					t.Fatalf("error leaks the password: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("CheckBaseURL(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Fatalf("CheckBaseURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCheckBaseURLParseErrorHidesPassword(t *testing.T) {
	_, err := CheckBaseURL("https://user:hunter2@[::1")
	if err == nil {
		t.Fatal("want an error")
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("error leaks the password: %q", err)
	}
}
