package table

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
)

// IDWord is what the copy actions call a row's id, whatever the provider
// names it in its details ("UID", "Hash"): the word of the key map's
// "copy id", which users know.
const IDWord = "ID"

// CopyID copies the id of the key named name, as CopyKept does, when it
// has the provider's documented shape (api.Provider.CheckID): anything else
// could run as a command where it is pasted, and is never copied.
func CopyID(c *common.Common, name, id string) tea.Cmd {
	if err := c.Account.Provider().CheckID(id); err != nil {
		return common.Toast(common.ToastError, "The %s of “%s” was not copied: %s", IDWord, name, c.ErrorText(err))
	}
	return CopyKept(c, IDWord, name, id)
}

// CopyKept copies text that is no secret off the UI goroutine, as
// something to keep (common.CopyKept: an automatic clear leaves it alone),
// and says how it went as secrets do: "ID of “name” copied via system
// clipboard". what names what is copied (IDWord, "Public key").
func CopyKept(c *common.Common, what, name, text string) tea.Cmd {
	clip := c.Clipboard
	return func() tea.Msg {
		how, err := common.CopyKept(clip, text)
		if err != nil {
			return common.ToastMsg{Kind: common.ToastError, Text: "Could not copy the " + strings.ToLower(what) + ": " + c.ErrorText(err)}
		}
		return common.ToastMsg{Kind: common.ToastSuccess, Text: what + " of “" + name + "” copied via " + how}
	}
}

// CopyIDKey is the key map's CopyID, enabled only when a row is selected.
func (t *Table) CopyIDKey() key.Binding {
	b := t.c.Keys.CopyID
	b.SetEnabled(t.Selected() != nil && b.Enabled())
	return b
}
