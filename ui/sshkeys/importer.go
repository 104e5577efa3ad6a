package sshkeys

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/components/dialog"
	"github.com/targon-dash/targon-dash/ui/components/textfit"
)

// maxPubFile is the largest file read as a public key; a .pub file is a
// line of at most a few kilobytes.
const maxPubFile = 64 << 10

// pubFile is one *.pub file found for import.
type pubFile struct {
	name string // the file name, e.g. "id_ed25519.pub"
	info KeyInfo
	err  error // why it cannot be imported, if it cannot
}

// pubFilesMsg is the result of reading the import directory.
type pubFilesMsg struct {
	dir   string
	files []pubFile
	err   error
}

// readPubFiles lists the *.pub files of dir (~/.ssh when empty) in a
// command, off the UI goroutine.
func readPubFiles(dir string) tea.Cmd {
	return func() tea.Msg {
		if dir == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return pubFilesMsg{dir: "~/.ssh", err: err}
			}
			dir = filepath.Join(home, ".ssh")
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return pubFilesMsg{dir: dir, err: err}
		}
		msg := pubFilesMsg{dir: dir}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".pub") || e.IsDir() {
				continue
			}
			f := pubFile{name: e.Name()}
			text, err := readSmall(filepath.Join(dir, e.Name()))
			if err == nil {
				f.info, err = ValidatePublicKey(text)
			}
			f.err = err
			msg.files = append(msg.files, f)
		}
		return msg
	}
}

// readSmall reads a file of at most maxPubFile bytes.
func readSmall(path string) (string, error) {
	fh, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(fh, maxPubFile+1))
	if err != nil {
		return "", err
	}
	if len(b) > maxPubFile {
		return "", errors.New("too big to be a public key")
	}
	return string(b), nil
}

// importList is the import dialog: the *.pub files of a directory with their
// key type and comment. The moving keys move (common.KeyMap.Step), enter
// picks (and opens the add form), esc closes.
type importList struct {
	common.Outbox // dialogs it opens (common.Opener)
	c             *common.Common
	// onPick opens the add form for the chosen key line and name.
	onPick func(line, name string)
	closed bool
	dir    string
	files  []pubFile
	err    error
	cursor int
	note   string
	box    dialog.Box
	// height is how many files are shown at once.
	height int
}

var _ common.Modal = (*importList)(nil)

func newImportList(c *common.Common, msg pubFilesMsg, onPick func(line, name string)) *importList {
	p := &importList{c: c, onPick: onPick, dir: msg.dir, files: msg.files, err: msg.err}
	// Start on the first file that can be imported.
	for i, f := range p.files {
		if f.err == nil {
			p.cursor = i
			break
		}
	}
	p.SetSize(c.Width, c.Height)
	return p
}

// Closed reports whether the import list is done.
func (p *importList) Closed() bool { return p.closed }

// Busy is always false: the directory is read before the import list opens.
func (p *importList) Busy() bool { return false }

// SetSize fits the import list to the screen.
func (p *importList) SetSize(w, h int) {
	p.box.SetSize(w, h, 84, 6)
	// The dialog's border, title, blank lines, position and hint take 8.
	p.height = max(1, p.box.Height()-8)
}

// Update moves the cursor, picks or closes.
func (p *importList) Update(msg tea.Msg) (common.Modal, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	k := p.c.Keys
	switch {
	case key.Matches(km, k.Back):
		p.closed = true
		return p, nil
	case key.Matches(km, k.Submit):
		p.pick()
	default:
		if step, ok := k.Step(km, p.height); ok {
			p.move(step)
		}
	}
	return p, nil
}

func (p *importList) move(d int) {
	p.note = ""
	p.cursor = max(0, min(len(p.files)-1, p.cursor+d))
}

// pick closes the import list and opens the add form, prefilled with the key
// and named after its comment, or after the file when it has none. A file
// that is not a usable key says why and stays.
func (p *importList) pick() {
	if len(p.files) == 0 {
		p.closed = true
		return
	}
	f := p.files[p.cursor]
	if f.err != nil {
		p.note = p.c.Styles.Error.Render(textfit.WrapWords("✗ "+common.Sanitize(f.name)+": "+errorText(f.err), p.box.Inner()))
		return
	}
	name := commentName(f.info.Line)
	if name == "" {
		name = strings.TrimSuffix(f.name, ".pub")
	}
	p.closed = true
	p.onPick(f.info.Line, common.Sanitize(name))
}

// View draws the files, or why there are none.
func (p *importList) View() string {
	st, k := p.c.Styles, p.c.Keys
	var b strings.Builder
	inner := p.box.Inner()
	dir := textfit.FitPath(common.ShortPath(p.dir), inner)
	switch {
	case errors.Is(p.err, fs.ErrNotExist):
		b.WriteString(st.Empty.Render(textfit.WrapWords(dir+" does not exist: there are no keys to import.", inner)))
	case p.err != nil:
		b.WriteString(st.Error.Render(textfit.WrapWords("✗ could not read "+dir+": "+errorText(p.err), inner)))
	case len(p.files) == 0:
		b.WriteString(st.Empty.Render(textfit.WrapWords("No public keys (*.pub) in "+dir+".", inner)))
	default:
		p.writeFiles(&b, inner)
	}
	foot := ""
	if p.note != "" {
		foot = p.note + "\n"
	}
	if len(p.files) > 0 {
		foot += textfit.Hint(st, inner, textfit.KeyNames(k.Up, k.Down), "move", textfit.KeyNames(k.Submit), "add this key", textfit.KeyNames(k.Back), "close")
	} else {
		foot += textfit.Hint(st, inner, textfit.KeyNames(k.Back), "close")
	}
	title := st.ModalTitle.Render(textfit.WrapWords("Import a public key from "+dir, inner))
	return p.box.Render(st, k, st.Modal, title, b.String(), foot)
}

// writeFiles draws the visible part of the list: name, type, comment.
func (p *importList) writeFiles(b *strings.Builder, inner int) {
	st := p.c.Styles
	nameW := 4
	for _, f := range p.files {
		nameW = max(nameW, ansi.StringWidth(common.Sanitize(f.name)))
	}
	nameW = min(nameW, max(12, inner/3))
	const typeW = 12
	start := max(0, min(p.cursor-p.height/2, len(p.files)-p.height))
	end := min(len(p.files), start+p.height)
	for i := start; i < end; i++ {
		f := p.files[i]
		typ, rest := f.info.Label, f.info.Comment
		if f.err != nil {
			typ, rest = "✗", errorText(f.err)
		}
		line := fit(common.Sanitize(f.name), nameW) + " " + fit(typ, typeW) + " " + common.Sanitize(rest)
		line = ansi.Truncate(line, inner-2, "…")
		switch {
		case i == p.cursor:
			b.WriteString(st.Accent.Render("▌ ") + st.RowSelected.Render(line))
		case f.err != nil:
			b.WriteString("  " + st.RowDim.Render(line))
		default:
			b.WriteString("  " + st.Row.Render(line))
		}
		if i < end-1 {
			b.WriteString("\n")
		}
	}
	if len(p.files) > p.height {
		b.WriteString("\n" + st.Muted.Render(fmt.Sprintf("  %d of %d", p.cursor+1, len(p.files))))
	}
}

// ShortHelp lists the import list's keys.
func (p *importList) ShortHelp() []key.Binding {
	k := p.c.Keys
	if len(p.files) == 0 {
		return []key.Binding{common.WithDesc(k.Back, "close")}
	}
	return []key.Binding{k.Up, k.Down, common.WithDesc(k.Submit, "add this key"), common.WithDesc(k.Back, "close")}
}

// errorText is an error from reading or checking a file, in one line.
func errorText(err error) string {
	if errors.Is(err, ErrPrivateKey) {
		// Nothing was pasted here: say what the file is.
		return "this file holds a private key; import the matching public key (.pub) instead"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return common.Sanitize(err.Error())
}

// fit cuts s to width cells with an ellipsis, or pads it with spaces.
func fit(s string, width int) string {
	n := ansi.StringWidth(s)
	if n > width {
		return ansi.Truncate(s, width, "…")
	}
	return s + strings.Repeat(" ", width-n)
}
