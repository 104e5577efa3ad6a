package login

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// View draws the screen, or the dialog over it. The key box (or, once the
// key is accepted, the save question) and the hint are always shown; on a
// short screen the text above them scrolls with ↑/↓.
func (m *Model) View() string {
	if m.over != nil {
		return m.over.View()
	}
	st, k := m.c.Styles, m.c.Keys
	inner := m.box.Inner()
	head := st.ModalTitle.Render(textfit.WrapWords(m.title(), inner))
	body := m.body(inner)
	// The foot is always drawn whole: on a short screen it loses its blank
	// line, then the long words of the save question, before it could run
	// off the screen (a scrolling box needs 5 lines besides head and foot:
	// its border, a blank, one line of text and the scroll line).
	foot := m.foot(inner, true, false)
	if !m.box.Fits(head, body, foot) {
		foot = m.foot(inner, false, false)
		if m.box.Height()-5-lines(head) < lines(foot) {
			foot = m.foot(inner, false, true)
		}
	}
	return m.box.Render(st, k, st.Modal, head, body, foot)
}

// lines counts the lines of s.
func lines(s string) int { return strings.Count(s, "\n") + 1 }

// title names the provider and the account the screen signs in to.
func (m *Model) title() string {
	if m.c.Profile == "" {
		return "Sign in to " + m.c.ProviderName()
	}
	return "Sign in to " + m.c.ProviderName() + " account “" + m.c.Profile + "”"
}

// body is what may scroll: why the screen is shown, what the credentials
// file holds, what to paste; once the key is accepted, the box too.
func (m *Model) body(inner int) string {
	st := m.c.Styles
	var b strings.Builder
	if m.reason != "" {
		b.WriteString(st.Warning.Render(textfit.WrapWords(m.reason, inner)) + "\n")
		if note := m.storedKeyNote(inner); note != "" && !m.canBack {
			b.WriteString(st.Warning.Render(textfit.WrapWords(note, inner)) + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(st.Muted.Render(textfit.WrapWords(m.intro(inner), inner)))
	if m.step == askSave || m.step == saving {
		b.WriteString("\n\n" + m.keyBox())
	}
	return b.String()
}

// intro says what to paste and where it is checked, and whether it can be
// saved.
func (m *Model) intro(inner int) string {
	intro := "Paste an API key from the " + m.c.ProviderName() + " console. It is checked with a request to " + textfit.FitPath(m.c.Account.BaseURL(), inner) + "."
	switch {
	case m.c.ReadOnly:
		intro += " Read-only: it is used until you quit and saved nowhere."
	case m.reason == "" && m.canSave():
		intro += " You can then save it to " + textfit.FitPath(common.ShortPath(m.c.Home.File), inner) + "."
	}
	return intro
}

// keyBox is the label and the masked key box.
func (m *Model) keyBox() string {
	return m.c.Styles.LabelFocused.Render("API key") + "\n› " + m.input.View()
}

// foot is what is always shown: the key box and the check's progress, or
// the save question; then any error and the hint. spaced keeps a blank
// line before the hint, when there is room; short asks the save question
// in fewer words.
func (m *Model) foot(inner int, spaced, short bool) string {
	st := m.c.Styles
	var lines []string
	switch m.step {
	case typing:
		lines = append(lines, m.keyBox())
	case checking:
		lines = append(lines, m.keyBox(), m.spinner.View()+st.Muted.Render(" checking…"))
	case askSave, saving:
		lines = append(lines, m.question(inner, short))
	}
	if m.step == saving {
		lines = append(lines, m.spinner.View()+st.Muted.Render(" saving…"))
	}
	if m.err != "" {
		lines = append(lines, st.Error.Render(textfit.WrapWords("✗ "+m.err, inner)))
	}
	if spaced {
		lines = append(lines, "")
	}
	return strings.Join(append(lines, m.hint(inner)), "\n")
}

// question says the key was accepted, what kind it is, and asks whether
// to save it, with the two choices (the highlighted one bracketed); short
// says it in as few lines as it can.
func (m *Model) question(inner int, short bool) string {
	st := m.c.Styles
	file := textfit.FitPath(common.ShortPath(m.c.Home.File), inner)
	accepted := "✓ Key accepted by " + m.host + "."
	ask := "Save it to " + file + " (mode 0600) so you stay signed in to " + m.host + "?"
	switch {
	case short && m.kind == kindInference:
		accepted = "✓ Accepted: an inference key (it cannot manage keys)."
	case short:
		accepted = "✓ Key accepted."
	case m.kind == kindManagement:
		accepted = "✓ Key accepted by " + m.host + ": a management key, which can manage this account's keys."
	case m.kind == kindInference:
		accepted = "✓ Key accepted by " + m.host + ": an inference key. It can use models and show its own usage, but cannot list or manage API keys (that needs a management key)."
	}
	if short {
		ask = "Save it to " + textfit.FitPath(common.ShortPath(m.c.Home.File), inner-len("Save it to ?")) + "?"
	}
	active := 0
	if m.saveYes {
		active = 1
	}
	return st.Success.Render(textfit.WrapWords(accepted, inner)) + "\n" + textfit.WrapWords(ask, inner) + "\n" +
		dialog.CompactButtons(st, active, "No", "Save")
}

// storedKeyNote says where the rejected or deleted key came from, and what
// is there now: for a credentials file, what reading it found.
func (m *Model) storedKeyNote(width int) string {
	h, provider := m.c.Home, m.c.ProviderName()
	if h.Source == api.KeyFromEnv {
		return h.Env + " still holds that key: update it in your environment."
	}
	if h.Source != api.KeyFromFile || h.File == "" {
		return ""
	}
	file := textfit.FitPath(common.ShortPath(h.File), width)
	replaces := "."
	if m.canSave() {
		replaces = "; saving the new key replaces it."
	}
	switch m.saved.state {
	case savedReading:
		return "Reading " + file + "…"
	case savedNone:
		return file + " holds no key now" + replaces
	case savedRejected:
		return file + " still holds a key " + provider + " does not accept" + replaces
	case savedWorks:
		return file + " now holds another key, which " + provider + " accepts (saved since this dashboard read it, perhaps by another copy of it): " +
			textfit.KeyNames(m.c.Keys.Submit) + " with the box empty signs in with it."
	case savedUnread:
		return "Could not read " + file + ": " + m.c.ErrorText(m.saved.err) + "."
	case savedUnchecked:
		return file + " holds a key that could not be checked: " + m.c.ErrorText(m.saved.err) + "."
	}
	return ""
}

// hint names the keys that work now, from the key map.
func (m *Model) hint(width int) string {
	st, k := m.c.Styles, m.c.Keys
	switch m.step {
	case askSave:
		return textfit.Hint(st, width, textfit.KeyNames(k.Yes), "save", textfit.KeyNames(k.No, k.Back), "don't save", textfit.KeyNames(k.Submit), "choose")
	case typing:
		return textfit.Hint(st, width, m.typingHints()...)
	}
	return textfit.Hint(st, width, textfit.KeyNames(k.ForceQuit), "quit")
}

// typingBindings are the keys that act while the key is typed, each with
// what it does now.
func (m *Model) typingBindings() []key.Binding {
	k := m.c.Keys
	empty := m.input.Value() == ""
	submit, back := common.WithDesc(k.Submit, "sign in"), common.WithDesc(k.Back, "clear")
	if empty && m.saved.works() {
		submit = common.WithDesc(k.Submit, "use the saved key")
	}
	if empty && m.canBack {
		back = common.WithDesc(k.Back, "back")
	}
	out := []key.Binding{submit, back}
	if m.canSwitch() {
		out = append(out, k.LoginSwitch)
	}
	if m.canDemo {
		out = append(out, k.Demo)
	}
	return append(out, k.ForceQuit)
}

// typingHints are typingBindings as Hint's pairs.
func (m *Model) typingHints() []string {
	var pairs []string
	for _, b := range m.typingBindings() {
		pairs = append(pairs, textfit.KeyNames(b), b.Help().Desc)
	}
	return pairs
}

// ShortHelp lists the screen's keys (or the covering dialog's).
func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	switch {
	case m.over != nil:
		return m.over.ShortHelp()
	case m.step == askSave:
		return []key.Binding{k.Yes, k.No}
	case m.step == typing:
		return m.typingBindings()
	}
	return []key.Binding{k.ForceQuit}
}
