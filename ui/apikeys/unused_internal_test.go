package apikeys

import (
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/components/activity"
	"github.com/targon-dash/targon-dash/ui/components/table"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// A key is marked "unused 30d" when it is old enough, enabled, not
// expired, and spent nothing: ever, or this month and in its 30 days of
// activity. Until its activity is known, a key that spent before this
// month is not marked.
func TestUnusedMarker(t *testing.T) {
	sim, url := uitest.OpenRouter(t)
	c, _ := uitest.NewOpenRouterCommon(t, url, sim.DemoManagementKey())
	m := New(c)
	old := uitest.Clock.Add(-60 * 24 * time.Hour)
	key := func(id string, usage, month api.Amount, mod func(*api.Key)) row {
		k := api.Key{ID: id, IDText: id, Name: id, CreatedAt: old, Usage: usage, UsageDaily: "0", UsageWeekly: "0", UsageMonthly: month}
		if mod != nil {
			mod(&k)
		}
		return m.row(k)
	}
	idle := key("idle", "3.5", "0", nil)
	if idle.unused {
		t.Fatal("marked before its activity is known")
	}
	m.activity.Take(activity.Msg{Account: c.Account, Key: "idle", Spend: activity.Summarize(nil, uitest.Clock)})
	cases := []struct {
		r    row
		want bool
	}{
		{key("idle", "3.5", "0", nil), true},
		{key("never", "0", "0", nil), true},
		{key("busy", "3.5", "1.2", nil), false},
		{key("young", "0", "0", func(k *api.Key) { k.CreatedAt = uitest.Clock.Add(-2 * 24 * time.Hour) }), false},
		{key("off", "0", "0", func(k *api.Key) { k.Disabled = true }), false},
		{key("gone", "0", "0", func(k *api.Key) { k.ExpiresAt = uitest.Clock.Add(-time.Hour) }), false},
	}
	for _, tc := range cases {
		if tc.r.unused != tc.want {
			t.Errorf("%s: unused = %v, want %v", tc.r.name, tc.r.unused, tc.want)
		}
	}
	r := cases[0].r
	if state := r.Cells()[stateColumn]; state != unusedWords || r.Tone(stateColumn) != table.ToneQuiet {
		t.Errorf("state %q tone %v", state, r.Tone(stateColumn))
	}
	soon := key("soon", "0", "0", func(k *api.Key) { k.ExpiresAt = uitest.Clock.Add(3*24*time.Hour + time.Hour) })
	if state := soon.Cells()[stateColumn]; state != "⚠ expires in 3d" || soon.Tone(stateColumn) != table.ToneWarn {
		t.Errorf("expiring soon: state %q tone %v", state, soon.Tone(stateColumn))
	}
}

// The window of a resetting limit starts again at midnight UTC: the next
// day, the next Monday, the 1st of the next month.
func TestNextReset(t *testing.T) {
	sun := time.Date(2026, 3, 8, 15, 0, 0, 0, time.UTC) // a Sunday
	mon := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		reset string
		now   time.Time
		want  time.Time
	}{
		{"daily", sun, mon},
		{"weekly", sun, mon},
		{"weekly", mon, mon.AddDate(0, 0, 7)},
		{"monthly", sun, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)},
		{"monthly", time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"", sun, time.Time{}},
	} {
		if got := nextReset(tc.reset, tc.now); !got.Equal(tc.want) {
			t.Errorf("%s from %v: %v, want %v", tc.reset, tc.now, got, tc.want)
		}
	}
	if got := windowWords("50", "12.35", "weekly", sun); got != "37.65 of 50.00 USD spent this week; resets Mon 2026-03-09 00:00 UTC (in 9h)" {
		t.Errorf("window: %q", got)
	}
}
