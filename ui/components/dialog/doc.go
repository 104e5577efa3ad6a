// Package dialog holds the modal dialogs every view opens — a form, a
// confirmation, a details or secret pane, the help screen — and what they
// are made of: Box (a frame that keeps its buttons on screen and scrolls
// its text), the buttons, and the runner that does a dialog's action off
// the UI goroutine (Action, ErrorPolicy). Each dialog is a common.Modal;
// the root stacks them over the views. It may import api (neutral),
// ui/common and the small helper packages of ui/components (textfit,
// keyguard, mouse), never a view, the table or the list.
package dialog
