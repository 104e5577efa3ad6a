package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
)

// safeCmd runs cmd (and the commands it batches) so that a panic becomes an
// error toast rather than ending the dashboard. The panic's value is not
// shown: it could hold anything, a secret included. refreshKey names the
// key that refreshes (from the key map), for the toast.
func safeCmd(cmd tea.Cmd, refreshKey string) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = common.ToastMsg{Kind: common.ToastError, Text: "internal error in a background task; the dashboard keeps running (" + refreshKey + " refreshes)"}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for i := range batch {
				batch[i] = safeCmd(batch[i], refreshKey)
			}
		}
		return msg
	}
}
