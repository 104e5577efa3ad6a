package targon

import (
	"encoding/json"
	"fmt"
	"testing"
)

// page100 is a 100-item list page as the API sends it.
func page100(item func(i int) string) []byte {
	b := []byte(`{"items":[`)
	for i := range 100 {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, item(i)...)
	}
	return append(b, `],"next_cursor":"c2VxOjEwMA"}`...)
}

// BenchmarkDecodeAPIKeyPage decodes a page of 100 API keys.
func BenchmarkDecodeAPIKeyPage(b *testing.B) {
	body := page100(func(i int) string {
		return fmt.Sprintf(`{"uid":"key-%012x","name":"svc-%04d","key_raw":"tgn_%040d","created_at":"2025-01-15T10:30:00Z","updated_at":"2025-06-01T08:00:00Z"}`, i, i, i)
	})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var p Page[APIKey]
		if err := json.Unmarshal(body, &p); err != nil || len(p.Items) != 100 {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeSSHKeyPage decodes a page of 100 SSH keys.
func BenchmarkDecodeSSHKeyPage(b *testing.B) {
	body := page100(func(i int) string {
		return fmt.Sprintf(`{"uid":"shk-%012x","name":"node-%04d","public_key_raw":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO+0aIljtLDSvk9+NQXt8eFNzMiniC6EtCu0AFw%05d node@cluster","created_at":"2025-01-15T10:30:00Z","updated_at":"2025-01-15T10:30:00Z"}`, i, i, i)
	})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var p Page[SSHKey]
		if err := json.Unmarshal(body, &p); err != nil || len(p.Items) != 100 {
			b.Fatal(err)
		}
	}
}
