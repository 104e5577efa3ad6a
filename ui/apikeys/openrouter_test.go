package apikeys_test

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"github.com/targon-dash/targon-dash/api/openrouter"
	"github.com/targon-dash/targon-dash/api/openrouter/openroutertest"
	"github.com/targon-dash/targon-dash/internal/simfault"
	"github.com/targon-dash/targon-dash/ui/apikeys"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/table"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

// orView is the API keys view on the OpenRouter demo simulator, signed in
// with a management key, and a client of the simulator to check it with.
type orView struct {
	t    *testing.T
	d    *uitest.Driver
	c    *common.Common
	clip *uitest.Clipboard
	m    *apikeys.Model
	sim  *openroutertest.Server
	api  *openrouter.Client
}

func newORView(t *testing.T) *orView {
	t.Helper()
	sim, url := uitest.OpenRouter(t)
	return newORViewOn(t, sim, url)
}

// newORViewOn is the API keys view of sim (served at url), signed in with
// its management key.
func newORViewOn(t *testing.T, sim *openroutertest.Server, url string) *orView {
	t.Helper()
	c, clip := uitest.NewOpenRouterCommon(t, url, sim.DemoManagementKey())
	m := apikeys.New(c)
	v := &orView{t: t, c: c, clip: clip, m: m, sim: sim, api: uitest.OpenRouterAccount(t, url, sim.DemoManagementKey()).Client()}
	v.d = uitest.NewDriver(t, c, m)
	return v
}

// pick puts the cursor on the key named name (with the filter).
func (v *orView) pick(name string) {
	v.t.Helper()
	pick(v.t, v.d, v.m, name)
}

// server is a key named name as the simulator holds it, in any workspace.
func (v *orView) server(name string) (openrouter.APIKey, bool) {
	v.t.Helper()
	if ks := v.named(name); len(ks) > 0 {
		return ks[0], true
	}
	return openrouter.APIKey{}, false
}

// named are the keys named name as the simulator holds them, in every
// workspace.
func (v *orView) named(name string) []openrouter.APIKey {
	v.t.Helper()
	spaces, _, err := v.api.ListWorkspaces(v.t.Context(), 0, 100)
	if err != nil {
		v.t.Fatal(err)
	}
	var out []openrouter.APIKey
	for _, ws := range spaces {
		for off := 0; ; off += 100 {
			page, err := v.api.ListKeys(v.t.Context(), openrouter.ListOptions{IncludeDisabled: true, Offset: off, WorkspaceID: ws.ID})
			if err != nil {
				v.t.Fatal(err)
			}
			for _, k := range page {
				if k.Name == name {
					out = append(out, k)
				}
			}
			if len(page) < 100 {
				break
			}
		}
	}
	return out
}

// workspace is the id of the simulator's workspace named name.
func (v *orView) workspace(name string) string {
	v.t.Helper()
	spaces, _, err := v.api.ListWorkspaces(v.t.Context(), 0, 100)
	if err != nil {
		v.t.Fatal(err)
	}
	for _, ws := range spaces {
		if ws.Name == name {
			return ws.ID
		}
	}
	v.t.Fatalf("no workspace %q", name)
	return ""
}

func (v *orView) count(name string) int {
	n := 0
	page, err := v.api.ListKeys(v.t.Context(), openrouter.ListOptions{IncludeDisabled: true})
	if err != nil {
		v.t.Fatal(err)
	}
	for _, k := range page {
		if k.Name == name {
			n++
		}
	}
	return n
}

func (v *orView) screen() string {
	if top := v.d.Top(); top != nil {
		return uitest.Plain(top.View())
	}
	return uitest.Plain(v.m.View())
}

func (v *orView) want(texts ...string) {
	v.t.Helper()
	s := v.screen()
	for _, w := range texts {
		if !strings.Contains(s, w) {
			v.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

func TestORListMarksDisabledKeys(t *testing.T) {
	v := newORView(t)
	v.d.Keys("/")
	v.d.Type("hackathon")
	v.d.Keys("enter")
	v.want("hackathon-2025", "disabled", "0.80 of 5.00")
	// The list asked for disabled keys, and shows limits with their reset.
	v.d.Keys("esc")
	v.want("production-chat", "/mo", common.NoLimit)
}

func TestORColumnsDropBeforeNames(t *testing.T) {
	v := newORView(t)
	v.m.SetSize(60, 20)
	s := uitest.Plain(v.m.View())
	if strings.Contains(s, "CREATED") || strings.Contains(s, "sk-or-v1-") {
		t.Fatalf("at 60 columns CREATED and the label should be dropped:\n%s", s)
	}
	if !strings.Contains(s, "targon-dash (this laptop)") && !strings.Contains(s, "STATE") {
		t.Fatalf("names or state cut:\n%s", s)
	}
	v.m.SetSize(120, 20)
	if s := uitest.Plain(v.m.View()); !strings.Contains(s, "CREATED") || !strings.Contains(s, "sk-or-v1-") {
		t.Fatalf("at 120 columns every column fits:\n%s", s)
	}
}

func TestORCreateWithLimitAndReset(t *testing.T) {
	v := newORView(t)
	v.d.Keys("n")
	v.want("Name", "Spending limit (USD)", "Reset", "○ daily")
	v.d.Type("ci-bot")
	v.d.Keys("tab", "tab") // past the workspace (the default) to the limit
	v.want("● Default (default)")
	v.d.Type("12.5x")
	v.d.Keys("enter", "enter", "enter", "enter") // through the reset and the expiry, then submit
	v.want("non-negative amount", "12.5x")
	if v.count("ci-bot") != 0 {
		t.Fatal("an invalid limit was sent")
	}
	v.d.Keys("backspace", "tab", "right", "right", "right", "left") // weekly
	v.want("● weekly")
	v.d.Keys("enter", "enter", "enter")
	v.want("New API key “ci-bot”", "copied via")
	k, ok := v.server("ci-bot")
	if !ok || k.Limit != "12.5" || k.LimitReset != "weekly" || k.WorkspaceID != v.sim.DefaultWorkspace() {
		t.Fatalf("server has %+v (found %v), want limit 12.5 weekly in the default workspace", k, ok)
	}
	if secret := v.clip.Last(); !strings.HasPrefix(secret, "sk-or-v1-") || !strings.Contains(v.screen(), secret) {
		t.Fatalf("secret %q not copied and shown", secret)
	}
	v.d.Keys("esc")
	v.want("ci-bot", "12.50 of 12.50/wk")
}

func TestORRenameAndDelete(t *testing.T) {
	v := newORView(t)
	v.pick("staging")
	v.d.Keys("e")
	for range len("staging") {
		v.d.Keys("backspace")
	}
	v.d.Type("staging-eu")
	v.d.Keys("enter")
	if _, ok := v.server("staging-eu"); !ok {
		t.Fatal("not renamed on the server")
	}
	v.d.Keys("esc") // clear the filter
	v.pick("staging-eu")
	v.d.Keys("d")
	v.want("Delete API key “staging-eu”?")
	v.d.Keys("enter") // default No
	if _, ok := v.server("staging-eu"); !ok || v.d.Top() != nil {
		t.Fatal("enter on the default No deleted or stayed")
	}
	v.d.Keys("d", "y")
	if _, ok := v.server("staging-eu"); ok {
		t.Fatal("not deleted")
	}
	if !strings.Contains(v.d.LastToast(), "staging-eu") {
		t.Fatalf("toast %q does not name the key", v.d.LastToast())
	}
}

func TestORDisableConfirmsEnableDoesNot(t *testing.T) {
	v := newORView(t)
	v.pick("batch-embeddings")
	v.d.Keys("x")
	v.want("Disable API key “batch-embeddings”?", "stops working")
	v.d.Keys("enter") // No
	if k, _ := v.server("batch-embeddings"); k.Disabled {
		t.Fatal("disabled without a yes")
	}
	v.d.Keys("x", "y")
	if k, _ := v.server("batch-embeddings"); !k.Disabled {
		t.Fatal("not disabled")
	}
	v.want("disabled")
	v.d.Keys("x")
	if v.d.Top() != nil {
		t.Fatal("enabling asked for a confirmation")
	}
	if k, _ := v.server("batch-embeddings"); k.Disabled {
		t.Fatal("not enabled")
	}
	v.want("active")
}

func TestORSetAndClearLimit(t *testing.T) {
	v := newORView(t)
	v.pick("production-chat")
	v.d.Keys("L")
	v.want("Spending limit of “production-chat”", "500", "● monthly")
	f := v.d.Top().(*dialog.Form)
	f.SetValue(0, "750")
	v.d.Keys("tab", "left") // weekly
	v.d.Keys("enter")
	if k, _ := v.server("production-chat"); k.Limit != "750" || k.LimitReset != "weekly" {
		t.Fatalf("server has limit %q reset %q", k.Limit, k.LimitReset)
	}
	v.d.Keys("L")
	f = v.d.Top().(*dialog.Form)
	f.SetValue(0, "")
	v.d.Keys("tab", "right", "right") // weekly → monthly → none
	v.want("● none")
	v.d.Keys("enter")
	k, _ := v.server("production-chat")
	if k.Limit != "" || k.LimitReset != "" || k.LimitRemaining != "" {
		t.Fatalf("limit not cleared (JSON null): %+v", k)
	}
	v.want("production-chat")
}

func TestORLimitBadRequestKeepsText(t *testing.T) {
	v := newORView(t)
	v.pick("staging")
	v.sim.InjectFault(simfault.Fault{Method: "PATCH", Path: openroutertest.BasePath + "/keys/*", Status: 400, Times: 1,
		Body: `{"error":{"code":400,"message":"limit is too high for this workspace"}}`, ContentType: "application/json"})
	v.d.Keys("L")
	v.d.Top().(*dialog.Form).SetValue(0, "99999")
	v.d.Keys("enter", "enter")
	v.want("limit is too high for this workspace", "99999")
}

func TestORReplaceThenDisableOld(t *testing.T) {
	for _, answer := range []string{"y", "n"} {
		t.Run(answer, func(t *testing.T) {
			v := newORView(t)
			old, _ := v.server("cursor-ide (alice)")
			v.pick("cursor-ide")
			v.d.Keys("R")
			v.want("Replace API key “cursor-ide (alice)”?", "same limit and BYOK setting", "keeps working until you disable or delete it")
			v.d.Keys("esc") // cancel
			if v.count("cursor-ide (alice)") != 1 {
				t.Fatal("replaced without a submit")
			}
			v.d.Keys("R", "enter", "enter")
			v.want("copied via", "shown once")
			if v.count("cursor-ide (alice)") != 2 {
				t.Fatal("no new key")
			}
			v.d.Keys("esc") // close the secret: the question follows
			v.want("Disable the old key now?", old.Label)
			v.d.Keys(answer)
			got, _ := v.api.GetKey(t.Context(), old.Hash)
			if got.Disabled != (answer == "y") {
				t.Fatalf("answer %s: old key disabled = %v", answer, got.Disabled)
			}
			var fresh openrouter.APIKey
			page, _ := v.api.ListKeys(t.Context(), openrouter.ListOptions{IncludeDisabled: true})
			for _, k := range page {
				if k.Name == old.Name && k.Hash != old.Hash {
					fresh = k
				}
			}
			if fresh.Limit != old.Limit || fresh.LimitReset != old.LimitReset || fresh.IncludeBYOKInLimit != old.IncludeBYOKInLimit || !fresh.IncludeBYOKInLimit {
				t.Fatalf("new key %+v does not copy the old one's settings %+v", fresh, old)
			}
			if fresh.Disabled {
				t.Fatal("the new key is disabled")
			}
		})
	}
}

func TestORInferenceKeyNeedsManagementKey(t *testing.T) {
	sim, url := uitest.OpenRouter(t)
	c, _ := uitest.NewOpenRouterCommon(t, url, sim.DemoInferenceKey())
	m := apikeys.New(c)
	d := uitest.NewDriver(t, c, m)
	s := uitest.Plain(m.View())
	if !strings.Contains(s, "inference key") || !strings.Contains(s, "needs a management key") || strings.Contains(s, "retry") {
		t.Fatalf("view:\n%s", s)
	}
	for _, b := range m.ShortHelp() {
		for _, k := range []string{"n", "e", "d", "x", "L", "R"} {
			if b.Enabled() && key.Matches(uitest.Key(k), b) {
				t.Fatalf("%s still enabled", k)
			}
		}
	}
	before := len(sim.Requests())
	d.Keys("n", "x", "L", "R", "d", "e")
	if d.Top() != nil || len(sim.Requests()) != before {
		t.Fatal("an action ran for an inference key")
	}
}

func TestORReplaceHelpWording(t *testing.T) {
	v := newORView(t)
	for _, b := range v.m.ShortHelp() {
		if key.Matches(uitest.Key("R"), b) && b.Help().Desc != "replace" {
			t.Fatalf("R reads %q", b.Help().Desc)
		}
	}
}

// cellNumber is a list cell's leading amount ("9.20 of 15.00" → 9.2,
// common.NoLimit: +Inf), or its last one when last ("0.11/0.51/0.80" → 0.8).
func cellNumber(t *testing.T, cell string, last bool) float64 {
	t.Helper()
	if cell == common.NoLimit {
		return math.Inf(1)
	}
	f := strings.Fields(cell)[0]
	if last {
		parts := strings.Split(cell, "/")
		f = parts[len(parts)-1]
	}
	n, err := strconv.ParseFloat(strings.ReplaceAll(f, ",", ""), 64)
	if err != nil {
		t.Fatalf("cell %q: %v", cell, err)
	}
	return n
}

// On OpenRouter s also sorts by the month's usage (most first) and by what
// is left of the limit (least first, no limit last), and c copies the
// key's hash.
func TestORSortByUsageAndLimitAndCopyHash(t *testing.T) {
	const limitCell, usedCell = 3, 4 // after NAME, WORKSPACE (hidden), STATE
	v := newORView(t)
	column := func(i int, last bool) []float64 {
		var out []float64
		for _, it := range v.m.Table.List.Items() {
			out = append(out, cellNumber(t, it.(table.Row).Cells()[i], last))
		}
		return out
	}
	v.d.Keys("s", "s") // created → updated → usage
	if name, desc := v.m.Table.SortedBy(); name != "usage" || !desc {
		t.Fatalf("sorted by %q (desc %v), want usage, most first", name, desc)
	}
	v.want("USED D/W/M USD ▼")
	used := column(usedCell, true)
	if !slices.IsSortedFunc(used, func(a, b float64) int { return cmp.Compare(b, a) }) || used[0] == used[len(used)-1] {
		t.Errorf("monthly usage not most first: %v", used)
	}
	v.d.Keys("s")
	v.want("LEFT OF LIMIT USD ▲")
	left := column(limitCell, false)
	if !slices.IsSorted(left) || !math.IsInf(left[len(left)-1], 1) {
		t.Errorf("limit left not least first, no limit last: %v", left)
	}

	v.pick("contractor-eval")
	k, _ := v.server("contractor-eval")
	v.d.Keys("c")
	if got := v.clip.Last(); got != k.Hash {
		t.Errorf("c copied %q, want the hash %q", got, k.Hash)
	}
	if want := "ID of “contractor-eval” copied via system clipboard"; v.d.LastToast() != want {
		t.Errorf("c says %q, want %q", v.d.LastToast(), want)
	}
}
