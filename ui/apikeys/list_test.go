package apikeys

import (
	"github.com/targon-dash/targon-dash/api"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/ui/components"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// loaded is the view holding keys, as if the server had listed them.
func loaded(t *testing.T, keys ...targon.APIKey) *Model {
	t.Helper()
	client, err := targon.NewClient("http://127.0.0.1:1", "tgn_session_token_0000000000000000000000")
	if err != nil {
		t.Fatal(err)
	}
	c, _ := uitest.NewCommon(client)
	m := New(c)
	m.SetSize(120, 30)
	_ = m.Init() // the walk starts; its page is delivered below
	items := make([]api.Key, len(keys))
	for i, k := range keys {
		items[i] = api.Key{ID: k.UID, Name: k.Name, Masked: targon.MaskKey(k.KeyRaw), InUse: client.UsesKey(k.KeyRaw),
			CreatedAt: k.CreatedAt.Time, UpdatedAt: k.UpdatedAt.Time}
	}
	m.Update(components.PageMsg[api.Key]{Gen: m.Loader.Gen(), Items: items})
	m.Update(components.PageMsg[api.Key]{Gen: m.Loader.Gen(), Done: true})
	return m
}

// press hands the view keys (see uitest.Key) one after another and feeds
// it what their commands yield before the next key.
func press(t *testing.T, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		_, cmd := m.Update(uitest.Key(k))
		for _, msg := range uitest.Run(t, cmd) {
			m.Update(msg)
		}
	}
}

// "/" matches what a row shows, the masked key included, in any case.
func TestFilterByWhatTheRowShows(t *testing.T) {
	at := targon.Timestamp{Time: uitest.Clock.Add(-time.Hour)}
	m := loaded(t,
		targon.APIKey{UID: "key-aaa", Name: "Grafana", KeyRaw: "tgn_000000000000000000000000Zq9X", CreatedAt: at, UpdatedAt: at},
		targon.APIKey{UID: "key-bbb", Name: "ci-bot", KeyRaw: "tgn_00000000000000000000000000b7", CreatedAt: at, UpdatedAt: at},
		targon.APIKey{UID: "key-ccc", Name: "grafana-old", KeyRaw: "tgn_000000000000000000000000xx11", CreatedAt: at, UpdatedAt: at},
	)
	if !strings.Contains(m.View(), "tgn_…Zq9X") {
		t.Fatalf("the masked key is not shown:\n%s", m.View())
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"zq9x", []string{"Grafana"}},
		{"tgn_…00b7", []string{"ci-bot"}},
		{"GRAFANA", []string{"Grafana", "grafana-old"}},
		{"grafana 11", []string{"grafana-old"}},
	}
	for _, tt := range tests {
		press(t, m, "/")
		for _, r := range tt.query {
			press(t, m, string(r))
		}
		press(t, m, "enter")
		var got []string
		for _, it := range m.Table.List.VisibleItems() {
			got = append(got, it.(row).name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q shows %v, want %v", tt.query, got, tt.want)
		}
		press(t, m, "esc")
	}
}
