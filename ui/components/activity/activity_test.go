package activity_test

import (
	"testing"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/components/activity"
)

// Rows are summed by day over the 30 completed UTC days before today
// (today's and older rows left out), exactly, and models by spend.
func TestSummarize(t *testing.T) {
	now := time.Date(2026, 3, 31, 15, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	s := activity.Summarize([]api.ActivityRow{
		{Day: day(30), Model: "a", Spend: "0.1", Requests: 1},
		{Day: day(30), Model: "b", Spend: "0.2", Requests: 2},
		{Day: day(1), Model: "b", Spend: "1.000000001", Requests: 3},
		{Day: day(31), Model: "a", Spend: "5"},                  // today: not completed
		{Day: day(1).AddDate(0, 0, -1), Model: "a", Spend: "5"}, // 31 days ago
		{Day: day(2), Model: "c", Spend: "nope"},
	}, now)
	if !s.From.Equal(day(1)) || s.Day[0].FloatString(9) != "1.000000001" || s.Day[29].FloatString(2) != "0.30" {
		t.Fatalf("from %v, first %v, last %v", s.From, s.Day[0], s.Day[29])
	}
	if s.Total.FloatString(9) != "1.300000001" || s.Requests != 6 || s.Unreadable != 1 {
		t.Errorf("total %v requests %d unreadable %d", s.Total.FloatString(9), s.Requests, s.Unreadable)
	}
	if len(s.Models) != 2 || s.Models[0].Name != "b" || s.Models[1].Name != "a" {
		t.Errorf("models %+v", s.Models)
	}
}
