package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Theme values for SetTheme.
const (
	ThemeAuto  = "auto"
	ThemeDark  = "dark"
	ThemeLight = "light"
)

// SetTheme picks the light or dark palette, or asks the terminal ("auto").
// It must run before the program starts: asking the terminal for its
// background while Bubble Tea reads the keyboard would race for the input.
func SetTheme(theme string) error {
	switch theme {
	case ThemeDark:
		lipgloss.SetHasDarkBackground(true)
	case ThemeLight:
		lipgloss.SetHasDarkBackground(false)
	case ThemeAuto, "":
		lipgloss.HasDarkBackground()
	default:
		return fmt.Errorf("theme %q: want auto, dark or light", theme)
	}
	return nil
}

// Run draws the dashboard in the alternate screen until the user quits.
func Run(opts Options) error {
	m, err := New(opts)
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(m, tea.WithAltScreen()).Run()
	return err
}
