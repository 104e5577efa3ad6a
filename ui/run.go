package ui

import (
	"fmt"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"golang.org/x/term"

	"github.com/targon-dash/targon-dash/internal/termbg"
)

// Theme values for SetTheme.
const (
	ThemeAuto  = "auto"
	ThemeDark  = "dark"
	ThemeLight = "light"
)

// backgroundWindow is how long the answer to the background question is
// waited for (and taken out of the input); the first frame never waits.
const backgroundWindow = time.Second

// SetTheme picks the light or dark palette. It never asks the terminal:
// for "auto" it starts from $COLORFGBG, else dark, and Run asks while the
// dashboard is already drawn. It reports whether Run should ask.
func SetTheme(theme string) (ask bool, err error) {
	switch theme {
	case ThemeDark:
		lipgloss.SetHasDarkBackground(true)
	case ThemeLight:
		lipgloss.SetHasDarkBackground(false)
	case ThemeAuto, "":
		dark, ok := termbg.FromColorFGBG(os.Getenv("COLORFGBG"))
		lipgloss.SetHasDarkBackground(dark || !ok)
		// Without colours, or on a terminal that reads no escapes, the
		// background does not matter.
		return os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb", nil
	default:
		return false, fmt.Errorf("theme %q: want auto, dark or light", theme)
	}
	return false, nil
}

// backgroundMsg is the terminal's answer: a dark background or a light one.
type backgroundMsg struct{ dark bool }

// Run draws the dashboard in the alternate screen until the user quits.
// With askBackground it asks the terminal for its background colour
// without waiting for the answer; the screen is drawn again when it comes.
func Run(opts Options, askBackground bool) error {
	m, err := New(opts)
	if err != nil {
		return err
	}
	progOpts := programOptions(opts.Mouse)
	fd := int(os.Stdin.Fd())
	var in *termbg.Input
	if askBackground && term.IsTerminal(fd) {
		// Bubble Tea puts its input in raw mode only when it is the
		// terminal itself; here it reads a pipe, so raw mode is ours to
		// set, and to undo on every way out (Bubble Tea turns a panic
		// into an error).
		state, err := term.MakeRaw(fd)
		if err != nil {
			return err
		}
		defer term.Restore(fd, state)
		if in, err = termbg.Start(os.Stdin, os.Stdout, backgroundWindow); err != nil {
			return err
		}
		defer in.Close()
		progOpts = append(progOpts, tea.WithInput(in.Reader()))
	}
	p := tea.NewProgram(m, progOpts...)
	if in != nil {
		go func() {
			if dark, ok := <-in.Background(); ok {
				p.Send(backgroundMsg{dark: dark})
			}
		}()
	}
	_, err = p.Run()
	return err
}
