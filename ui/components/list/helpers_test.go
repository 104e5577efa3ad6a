package list

import (
	"testing"

	"github.com/targon-dash/targon-dash/api/targon"
	"github.com/targon-dash/targon-dash/api/targon/targontest"
	"github.com/targon-dash/targon-dash/ui/components/table"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// testRow is a row of a list of names, with a uid.
type testRow struct{ uid, name string }

func (r testRow) FilterValue() string { return r.name + " " + r.uid }
func (r testRow) Cells() []string     { return []string{r.name, r.uid} }
func (r testRow) UID() string         { return r.uid }

var testColumns = []table.Column{{Title: "NAME", Width: 12, Flex: 1}, {Title: "UID", Width: 8}}

// newSim serves a fresh simulator (one API key, "default") at the fixed
// clock and returns a client for its primary account that never retries.
func newSim(t *testing.T, opts ...targontest.Option) (*targontest.Server, *targon.Client) {
	t.Helper()
	sim := targontest.New(append([]targontest.Option{targontest.WithClock(uitest.Now)}, opts...)...)
	return sim, uitest.Client(t, sim, sim.DemoKey())
}
