package dialog

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/keyguard"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// Field describes one text input of a Form.
type Field struct {
	Label       string
	Value       string
	Placeholder string
	// Hint is a muted line under the field.
	Hint string
	// Secret masks what is typed.
	Secret bool
	// CharLimit caps the input (0: 1024).
	CharLimit int
	// Validate checks the value before submitting; its error is shown under
	// the field and the typed text stays.
	Validate func(string) error
	// Choices makes the field a choice among these values instead of a
	// text input: the key map's ChoiceNext/ChoicePrev (→/space, ←) cycle
	// them. Value picks the one chosen first (the first when it is none).
	Choices []string
}

// Form is a modal with text fields. tab/shift+tab move between fields;
// enter on the last field submits (on an earlier one it moves on); esc
// cancels. While the action runs the form takes no input; on failure it
// shows the error and keeps every typed character.
type Form struct {
	common.Outbox // dialogs it opens (common.Opener)
	c             *common.Common
	title         string
	fields        []formField
	focus         int
	act           func(ctx context.Context, values []string) (tea.Msg, error)
	run           runner
	box           Box
	// OnChange, when set, runs after a field's text changes, for forms
	// where one field fills another (an SSH key's comment names it).
	OnChange func(f *Form, field int)
	// intro are lines of text above the fields (see WithIntro).
	intro []string
}

// WithIntro puts lines of text above the fields: what submitting the
// form does (a replace says what it copies).
func (f *Form) WithIntro(lines ...string) *Form {
	f.intro = lines
	return f
}

type formField struct {
	Field
	input textinput.Model
	// choice is the index of the chosen value of a choice field.
	choice int
	err    string
	guard  keyguard.KeyGuard
}

// value is the field's text, or its chosen value.
func (fd *formField) value() string {
	if len(fd.Choices) > 0 {
		return fd.Choices[fd.choice]
	}
	return fd.input.Value()
}

// NewForm returns a form; act runs with the trimmed field values and a
// context that esc cancels.
func NewForm(c *common.Common, title string, fields []Field, act func(ctx context.Context, values []string) (tea.Msg, error)) *Form {
	f := &Form{c: c, title: title, act: act, run: newRunner(c)}
	for _, fd := range fields {
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = fd.Placeholder
		in.CharLimit = fd.CharLimit
		if in.CharLimit == 0 {
			in.CharLimit = 1024
		}
		if fd.Secret {
			in.EchoMode = textinput.EchoPassword
			in.EchoCharacter = '•'
		}
		in.PlaceholderStyle = c.Styles.Muted
		in.Cursor.Style = c.Styles.Accent
		ff := formField{Field: fd, input: in}
		ff.setValue(fd.Value)
		f.fields = append(f.fields, ff)
	}
	f.setFocus(0)
	f.SetSize(c.Width, c.Height)
	return f
}

// OnError sets what happens when the action fails (default: stay open and
// show the error).
func (f *Form) OnError(p ErrorPolicy) *Form {
	f.run.onError = p
	return f
}

// Value is the current text (or choice) of field i.
func (f *Form) Value(i int) string { return f.fields[i].value() }

// SetValue replaces the text of field i (or chooses v, when it is one of
// the field's choices).
func (f *Form) SetValue(i int, v string) { f.fields[i].setValue(v) }

// setValue sets the text, or the choice equal to v.
func (fd *formField) setValue(v string) {
	if len(fd.Choices) == 0 {
		fd.input.SetValue(v)
		return
	}
	for i, ch := range fd.Choices {
		if ch == v {
			fd.choice = i
		}
	}
}

// Closed reports whether the dialog is done.
func (f *Form) Closed() bool { return f.run.closed }

// Busy reports whether the action is running.
func (f *Form) Busy() bool { return f.run.busy }

// Err is the last action error, if any.
func (f *Form) Err() error { return f.run.err }

// FieldError is the validation message under field i, if any.
func (f *Form) FieldError(i int) string { return f.fields[i].err }

// SetSize fits the form to the screen.
func (f *Form) SetSize(w, h int) {
	f.box.SetSize(w, h, 72, 8)
	for i := range f.fields {
		in := &f.fields[i].input
		// The dialog's text area is width-4 (padding); the line holds the
		// "› " marker, the visible text and one cell for the cursor.
		in.Width = f.box.width - 7
		// Recompute the visible part of a long value for the new width.
		in.SetCursor(in.Position())
	}
}

// TakesText reports that the form has text inputs: the root then never
// reads "q" as quit while it is open.
func (f *Form) TakesText() bool { return true }

// Focus moves the cursor to field i.
func (f *Form) Focus(i int) { f.setFocus(i) }

func (f *Form) setFocus(i int) {
	for j := range f.fields {
		f.fields[j].input.Blur()
	}
	f.focus = (i + len(f.fields)) % len(f.fields)
	f.fields[f.focus].input.Focus()
}

// Update handles keys and the action's outcome.
func (f *Form) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	if done, closeIt, cmd := f.run.update(msg); done || cmd != nil {
		f.run.closed = f.run.closed || closeIt
		return f, cmd
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		var cmd tea.Cmd
		f.fields[f.focus].input, cmd = f.fields[f.focus].input.Update(msg)
		return f, cmd
	}
	if f.run.busy {
		// No double submit, and no closing while a create is in flight:
		// its reply (a new secret) must reach the user. esc cancels the
		// request instead; the form stays and says so.
		if key.Matches(km, f.c.Keys.Back) && km.Type != tea.KeyRunes {
			f.run.stop()
		}
		return f, nil
	}
	if cmd, handled := f.formKey(km); handled {
		return f, cmd
	}
	fd := &f.fields[f.focus]
	if len(fd.Choices) > 0 {
		f.choose(fd, km)
		return f, nil
	}
	return f, f.edit(fd, km)
}

// formKey handles the keys that act on the form rather than on a field's
// text: cancel, moving between fields, submit; and it drops the rest of a
// private key typed in a burst. handled says km was one of them.
func (f *Form) formKey(km tea.KeyMsg) (cmd tea.Cmd, handled bool) {
	keys := f.c.Keys
	switch {
	case f.fields[f.focus].guard.Drop(km):
		// The rest of a private key typed in a burst (esc stops it).
		return nil, true
	case key.Matches(km, keys.Back) && km.Type != tea.KeyRunes:
		// (A letter bound to "back" in the preferences is still text here.)
		f.run.closed = true
		return nil, true
	case key.Matches(km, keys.NextField), km.Type == tea.KeyDown:
		f.setFocus(f.focus + 1)
		return nil, true
	case key.Matches(km, keys.PrevField), km.Type == tea.KeyUp:
		f.setFocus(f.focus - 1)
		return nil, true
	case key.Matches(km, keys.Submit) && !km.Paste:
		if f.focus < len(f.fields)-1 {
			f.setFocus(f.focus + 1)
			return nil, true
		}
		return f.submit(), true
	}
	return nil, false
}

// choose changes a choice field with the cycling keys; a choice takes no
// text, so other keys do nothing.
func (f *Form) choose(fd *formField, km tea.KeyMsg) {
	keys := f.c.Keys
	choice, ok := common.Cycle(km, keys.ChoiceNext, keys.ChoicePrev, fd.choice, len(fd.Choices))
	if !ok {
		return
	}
	fd.choice = choice
	f.changed(fd, "")
}

// edit hands km to a text field, through its guard against private keys.
func (f *Form) edit(fd *formField, km tea.KeyMsg) tea.Cmd {
	before := fd.input.Value()
	cmd, refused := fd.guard.Update(&fd.input, km)
	switch {
	case refused.PrivateKey:
		f.changed(fd, keyguard.PrivateKeyRefused)
	case refused.Length > 0:
		fd.err = tooLong(fd, before+string(km.Runes), refused.Length, km.Paste)
	case fd.input.Value() != before:
		f.changed(fd, "")
	}
	return cmd
}

// tooLong says why text of n characters was not taken into fd: the
// field's own check where it fails on the whole text ("at most 64
// characters (this one has 300)"), else the field's limit.
func tooLong(fd *formField, text string, n int, pasted bool) string {
	what := "not added"
	if pasted {
		what = "not pasted"
	}
	if fd.Validate != nil {
		if err := fd.Validate(text); err != nil {
			return err.Error() + " — " + what
		}
	}
	return fmt.Sprintf("%d characters is more than this field takes (at most %d) — %s", n, fd.input.CharLimit, what)
}

// changed follows a change of the focused field fd: what was said about
// the old value no longer holds, so its error becomes fieldErr and the
// action's error goes; then OnChange runs.
func (f *Form) changed(fd *formField, fieldErr string) {
	fd.err, f.run.err = fieldErr, nil
	if f.OnChange != nil {
		f.OnChange(f, f.focus)
	}
}

// submit validates every field and starts the action.
func (f *Form) submit() tea.Cmd {
	values := make([]string, len(f.fields))
	firstBad := -1
	for i := range f.fields {
		values[i] = strings.TrimSpace(f.fields[i].value())
		if values[i] == "" && f.fields[i].err == keyguard.PrivateKeyRefused {
			// Still empty because a private key was refused: that says why.
			if firstBad < 0 {
				firstBad = i
			}
			continue
		}
		f.fields[i].err = ""
		if v := f.fields[i].Validate; v != nil {
			if err := v(values[i]); err != nil {
				f.fields[i].err = err.Error()
				if firstBad < 0 {
					firstBad = i
				}
			}
		}
	}
	if firstBad >= 0 {
		f.setFocus(firstBad)
		return nil
	}
	return f.run.start(func(ctx context.Context) (tea.Msg, error) { return f.act(ctx, values) })
}

// NewRenameForm asks for a new name, prefilled with the current one;
// rename sends it and returns the view's result message. A 404 closes the
// form and runs gone (e.g. a toast and a reload).
func NewRenameForm(c *common.Common, current string, rename func(ctx context.Context, name string) (tea.Msg, error), gone func() tea.Cmd) *Form {
	// The field starts with the name as every terminal draws it alike
	// (textfit.Steady: a server's name may hold characters whose width
	// terminals disagree on, which would wrap the field's line); left as
	// it is, it means the name as it was.
	shown := textfit.Steady(current)
	return NewForm(c, fmt.Sprintf("Rename “%s”", current), []Field{{
		Label: "Name", Value: shown, CharLimit: 256, Validate: ValidateName,
	}}, func(ctx context.Context, v []string) (tea.Msg, error) {
		name := v[0]
		if name == shown {
			name = current
		}
		return rename(ctx, name)
	}).OnError(CloseOnNotFound(gone))
}
