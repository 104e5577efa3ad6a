// Package clipboard copies text (a freshly created API key) to the user's
// clipboard and reports how it got there.
//
// Locally it tries the system clipboard first (github.com/atotto/clipboard:
// pbcopy, xclip, xsel, wl-copy, ...) and falls back to OSC 52, an escape
// sequence that asks the terminal emulator to set its clipboard. Over SSH it
// always uses OSC 52, since the remote host's clipboard is of no use to the
// person at the keyboard.
//
// [AutoClear] clears a copied secret later, but only from the system
// clipboard and only if it still holds the secret: an OSC 52 copy cannot be
// read back, so it is never "cleared" (no empty OSC 52 is ever sent).
//
// The package never logs the copied text and never puts it in an error.
// It imports ui/common (for ShortDuration), atotto/clipboard, go-osc52
// and x/term; not Bubble Tea.
package clipboard

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	atotto "github.com/atotto/clipboard"
	"github.com/aymanbagabas/go-osc52/v2"
	"golang.org/x/term"
)

// How values returned by [Clipboard.Copy] and accepted by
// [Clipboard.ClearIfUnchanged].
const (
	// HowSystem means the text went to the system clipboard.
	HowSystem = "system clipboard"
	// HowOSC52 means the text was sent to the terminal as an OSC 52 sequence.
	HowOSC52 = "terminal (OSC 52)"
)

// MaxOSC52Bytes is the largest text sent with OSC 52; terminals cap the
// sequence length and silently drop longer ones.
const MaxOSC52Bytes = 100_000

var (
	// ErrUnavailable means neither the system clipboard nor OSC 52 could be used.
	ErrUnavailable = errors.New("no clipboard available: install xclip, xsel or wl-clipboard, or use a terminal that supports OSC 52")
	// ErrTooLong means the text is over MaxOSC52Bytes and OSC 52 was the only way left.
	ErrTooLong = fmt.Errorf("text too long for OSC 52 (limit %d bytes)", MaxOSC52Bytes)
)

// System is the system clipboard: a writer, a reader and whether it is known
// to be unusable (no helper program found), as in github.com/atotto/clipboard.
type System struct {
	// Write replaces the clipboard contents with text.
	Write func(text string) error
	// Read returns the clipboard contents.
	Read func() (string, error)
	// Unsupported is true when no clipboard helper is available.
	Unsupported bool
}

func (s System) usable() bool { return !s.Unsupported && s.Write != nil }

// Clipboard copies text to the clipboard. It implements common.Copier and is
// safe for use by several goroutines.
type Clipboard struct {
	getenv  func(string) string
	system  System
	openTTY func() io.Writer // resolved once, on first OSC 52 use

	ttyOnce sync.Once
	tty     io.Writer
}

// Option configures a Clipboard built by New.
type Option func(*Clipboard)

// WithGetenv sets the environment lookup (default os.Getenv).
func WithGetenv(getenv func(string) string) Option {
	return func(c *Clipboard) { c.getenv = getenv }
}

// WithSystem sets the system clipboard (default atotto's WriteAll, ReadAll
// and Unsupported). A nil Write also means there is no system clipboard.
func WithSystem(s System) Option {
	return func(c *Clipboard) { c.system = s }
}

// WithTerminal sets where OSC 52 sequences are written. A nil writer disables
// OSC 52. By default it is os.Stderr if that is a terminal, else /dev/tty
// opened for writing, else nothing.
func WithTerminal(w io.Writer) Option {
	return func(c *Clipboard) { c.openTTY = func() io.Writer { return w } }
}

// New returns a Clipboard with the defaults replaced by opts.
func New(opts ...Option) *Clipboard {
	c := &Clipboard{
		getenv: os.Getenv,
		system: System{
			Write:       atotto.WriteAll,
			Read:        atotto.ReadAll,
			Unsupported: atotto.Unsupported,
		},
		openTTY: defaultTerminal,
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// defaultTerminal returns os.Stderr if it is a terminal, else /dev/tty opened
// for writing (kept open for the life of the process), else nil.
func defaultTerminal() io.Writer {
	if term.IsTerminal(int(os.Stderr.Fd())) {
		return os.Stderr
	}
	if f, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		return f
	}
	return nil
}

func (c *Clipboard) terminal() io.Writer {
	c.ttyOnce.Do(func() { c.tty = c.openTTY() })
	return c.tty
}

func (c *Clipboard) overSSH() bool {
	return c.getenv("SSH_TTY") != "" || c.getenv("SSH_CONNECTION") != ""
}

// Copy puts text on the clipboard and returns how: HowSystem or HowOSC52.
// Over SSH it always uses OSC 52; otherwise it tries the system clipboard and
// falls back to OSC 52. An OSC 52 write cannot be confirmed: the terminal may
// ignore it.
func (c *Clipboard) Copy(text string) (how string, err error) {
	var sysErr error
	if !c.overSSH() && c.system.usable() {
		if sysErr = c.system.Write(text); sysErr == nil {
			return HowSystem, nil
		}
	}
	if c.terminal() == nil {
		if c.overSSH() {
			return "", fmt.Errorf("%w (over SSH, and no terminal to send OSC 52 to)", ErrUnavailable)
		}
		if sysErr != nil {
			// The helper's error (e.g. "exit status 1") never contains the text.
			return "", fmt.Errorf("%w (system clipboard: %v)", ErrUnavailable, sysErr)
		}
		return "", ErrUnavailable
	}
	if len(text) > MaxOSC52Bytes {
		return "", ErrTooLong
	}
	if err := c.writeOSC52(text); err != nil {
		return "", err
	}
	return HowOSC52, nil
}

// ErrNotClearable means the clipboard Copy used cannot be cleared safely:
// with OSC 52 the terminal's clipboard cannot be read back, so the
// dashboard cannot know whether it still holds the copied text or something
// the user copied since, and an "empty" OSC 52 may be ignored anyway.
var ErrNotClearable = errors.New("clipboard: a copy made with OSC 52 cannot be cleared safely")

// ClearIfUnchanged empties the clipboard that Copy used (how is Copy's
// result) if it still holds text.
//
// For the system clipboard it reads the clipboard back and clears it only
// if it still holds exactly text, so something the user copied since is
// left alone. With OSC 52 it writes nothing and returns ErrNotClearable:
// the clipboard cannot be read back, and clearing it blindly could wipe
// what the user copied since (or be ignored by the terminal while claiming
// success).
func (c *Clipboard) ClearIfUnchanged(text, how string) error {
	switch how {
	case HowSystem:
		if c.system.Read == nil || !c.system.usable() {
			return errors.New("clipboard: system clipboard cannot be read")
		}
		cur, err := c.system.Read()
		if err != nil {
			return fmt.Errorf("clipboard: read system clipboard: %w", err)
		}
		if cur != text {
			return nil
		}
		if err := c.system.Write(""); err != nil {
			return fmt.Errorf("clipboard: clear system clipboard: %w", err)
		}
		return nil
	case HowOSC52:
		return ErrNotClearable
	default:
		return fmt.Errorf("clipboard: unknown method %q", how)
	}
}

// writeOSC52 writes the OSC 52 sequence for text with a single Write call.
func (c *Clipboard) writeOSC52(text string) error {
	seq := osc52Sequence(text, c.getenv)
	n, err := c.terminal().Write([]byte(seq))
	if err == nil && n < len(seq) {
		err = io.ErrShortWrite
	}
	if err != nil {
		return fmt.Errorf("clipboard: write OSC 52 to terminal: %w", err)
	}
	return nil
}

// osc52Sequence builds the OSC 52 sequence for text (ESC ] 52 ; c ; base64(text)
// BEL) with github.com/aymanbagabas/go-osc52. Inside tmux (TMUX set) the
// sequence is sent plain: tmux with set-clipboard on handles it itself.
// Inside GNU screen (TERM=screen*, STY set, not in tmux) it is wrapped in
// screen's DCS passthrough, ESC P ... ESC \, in chunks of 76 base64 bytes.
func osc52Sequence(text string, getenv func(string) string) string {
	seq := osc52.New(text)
	inScreen := strings.HasPrefix(getenv("TERM"), "screen") && getenv("STY") != ""
	if getenv("TMUX") == "" && inScreen {
		seq = seq.Screen()
	}
	return seq.String()
}
