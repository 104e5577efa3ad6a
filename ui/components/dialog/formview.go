package dialog

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// View draws the form. The status line (hint, progress or error) is always
// shown; on a short screen the fields scroll, keeping the focused one in
// view.
func (f *Form) View() string {
	st, k := f.c.Styles, f.c.Keys
	inner := f.box.Inner()
	var body []string
	n := 0 // lines in body
	add := func(parts ...string) {
		for _, p := range parts {
			body = append(body, p)
			n += strings.Count(p, "\n") + 1
		}
	}
	for _, l := range f.intro {
		add(textfit.WrapWords(l, inner), "")
	}
	for i, fd := range f.fields {
		if i > 0 {
			add("")
		}
		label := st.Label
		marker := "  "
		if i == f.focus {
			label = st.LabelFocused
			marker = st.Accent.Render("› ")
			f.box.keep[0] = n
		}
		if len(fd.Choices) > 0 {
			add(label.Render(fd.Label), marker+f.choices(fd, i == f.focus))
		} else {
			add(label.Render(fd.Label), marker+fd.input.View())
		}
		switch {
		case fd.err != "":
			add(indent(st.Error.Render(textfit.WrapWords("✗ "+fd.err, inner-2))))
		case fd.Hint != "":
			add(indent(st.Hint.Render(textfit.WrapWords(fd.Hint, inner-2))))
		}
		if fd.guard.Swallowing() {
			add(indent(st.Muted.Render(textfit.WrapWords("ignoring the rest of the private key… ("+textfit.KeyNames(k.Back)+" stops)", inner-2))))
		}
		if i == f.focus {
			f.box.keep[1] = n - 1
		}
	}
	f.box.keepSet, f.box.fields = true, len(f.fields)
	next := ""
	if len(f.fields) > 1 {
		next = textfit.KeyNames(k.NextField)
	}
	status := f.run.statusLine("sending", textfit.KeyNames(k.Submit), inner,
		textfit.Hint(st, inner, textfit.KeyNames(k.Submit), "submit", next, "next field", textfit.KeyNames(k.Back), "cancel"))
	return f.box.Render(st, k, st.Modal, titleLine(st, f.title, inner), strings.Join(body, "\n"), status)
}

// choices draws a choice field's values on one line, the chosen one
// marked by shape ("● monthly" among "○ none"), not by colour alone, and
// wrapped when the line is narrow.
func (f *Form) choices(fd formField, focused bool) string {
	st := f.c.Styles
	parts := make([]string, len(fd.Choices))
	for i, ch := range fd.Choices {
		switch {
		case i == fd.choice && focused:
			parts[i] = st.Accent.Render("● " + ch)
		case i == fd.choice:
			parts[i] = "● " + ch
		default:
			parts[i] = st.Muted.Render("○ " + ch)
		}
	}
	return textfit.WrapWords(strings.Join(parts, "  "), f.box.Inner()-2)
}

// ShortHelp lists the form's keys; on a choice field, how to change it.
// A form of one field has no next field.
func (f *Form) ShortHelp() []key.Binding {
	k := f.c.Keys
	switch {
	case len(f.fields) == 1:
		return []key.Binding{k.Submit, common.WithDesc(k.Back, "cancel")}
	case len(f.fields[f.focus].Choices) > 0:
		return []key.Binding{k.Submit, k.NextField, common.WithDesc(k.ChoiceNext, "change"), common.WithDesc(k.Back, "cancel")}
	}
	return []key.Binding{k.Submit, k.NextField, k.PrevField, common.WithDesc(k.Back, "cancel")}
}

// indent shifts every line of s two columns right.
func indent(s string) string {
	return lipgloss.NewStyle().PaddingLeft(2).Render(s)
}
