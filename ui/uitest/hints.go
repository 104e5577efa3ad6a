package uitest

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// Hints are the bindings a footer or help would show (the enabled ones),
// as "key desc" joined by ", ": "n new, e rename".
func Hints(bs []key.Binding) string {
	var out []string
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(out, ", ")
}
