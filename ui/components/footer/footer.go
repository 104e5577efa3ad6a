// Package footer is the dashboard's help line (the short help of whatever
// has the keys, fitted to the width) and the groups `?` shows. Every hint
// comes from the key map's bindings, so a remapped key shows its new name.
// It imports ui/common and ui/components.
package footer

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// Footer draws the help line.
type Footer struct {
	help help.Model
}

// New returns a footer drawn in st's help styles.
func New(st *common.Styles) Footer {
	h := help.New()
	h.Styles.ShortKey = st.HelpKey
	h.Styles.ShortDesc = st.HelpDesc
	h.Styles.ShortSeparator = st.HelpSep
	h.Styles.Ellipsis = st.HelpSep
	return Footer{help: h}
}

// View draws bs on one line width columns wide: whole hints only, fewer of
// them rather than a line cut with "…"; help (which lists the rest), quit
// and cancel stay. The others are taken in order up to the first that does
// not fit, so a wider screen shows every hint a narrower one does.
func (f Footer) View(k *common.KeyMap, bs []key.Binding, width int) string {
	f.help.Width = width - 2
	keep := []key.Binding{k.Help, k.Quit, k.Back, k.ForceQuit}
	kept := map[string]bool{}
	for _, b := range keep {
		kept[b.Help().Key] = true
	}
	// fit is the hints of bs that stay, with the first n of the others; ok
	// says they all fit.
	fit := func(n int) (out []key.Binding, ok bool) {
		var candidate []key.Binding
		for _, b := range bs {
			if !b.Enabled() {
				continue
			}
			if !kept[b.Help().Key] {
				if n == 0 {
					continue
				}
				n--
			}
			candidate = append(candidate, b)
		}
		out = textfit.FitShortHelp(f.help, candidate, width-2, keep...)
		return out, len(out) == len(candidate)
	}
	best, _ := fit(0)
	for n := 1; n <= len(bs); n++ {
		out, ok := fit(n)
		if !ok {
			break
		}
		best = out
	}
	return " " + f.help.ShortHelpView(best)
}

// Full is what `?` shows on a main view: the tab keys, the moves (on a
// list), the view's own groups (minus keys the global column shows), then
// the global column (the filter and esc on a list).
func Full(k *common.KeyMap, tabs []key.Binding, view [][]key.Binding, switchAccount key.Binding, list bool) [][]key.Binding {
	groups := [][]key.Binding{tabs}
	global := []key.Binding{k.Refresh, switchAccount, k.Help, k.Quit, k.ForceQuit}
	if list {
		groups = append(groups, []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown})
		global = append([]key.Binding{k.Filter, common.WithDesc(k.Back, "back")}, global...)
	}
	listed := map[string]bool{}
	for _, b := range global {
		listed[b.Help().Key] = true
	}
	for _, g := range view {
		var own []key.Binding
		for _, b := range g {
			if !listed[b.Help().Key] {
				own = append(own, b)
			}
		}
		if len(own) > 0 {
			groups = append(groups, own)
		}
	}
	return append(groups, global)
}
