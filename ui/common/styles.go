package common

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// The palette. Every colour adapts to light and dark terminals; which one
// applies is lipgloss's detection, or --theme / the "theme" preference.
var (
	colorAccent   = lipgloss.AdaptiveColor{Light: "#5B3CC4", Dark: "#A78BFA"}
	colorText     = lipgloss.AdaptiveColor{Light: "#1F2328", Dark: "#E6EDF3"}
	colorMuted    = lipgloss.AdaptiveColor{Light: "#6E7781", Dark: "#8B949E"}
	colorFaint    = lipgloss.AdaptiveColor{Light: "#D0D7DE", Dark: "#30363D"}
	colorSelBg    = lipgloss.AdaptiveColor{Light: "#EDE9FE", Dark: "#2E2A4A"}
	colorSuccess  = lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#3FB950"}
	colorWarning  = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#D29922"}
	colorError    = lipgloss.AdaptiveColor{Light: "#CF222E", Dark: "#F85149"}
	colorOnAccent = lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#0D1117"}
)

// Styles holds every style of the dashboard; nothing else defines colours.
type Styles struct {
	TabBar, Tab, TabActive, AppName lipgloss.Style

	StatusBar, StatusKey, StatusValue, StatusError lipgloss.Style
	HelpLine                                       lipgloss.Style
	HelpKey, HelpDesc, HelpSep                     lipgloss.Style

	Header, Row, RowSelected, RowDim, RowSelectedDim lipgloss.Style
	Badge, Empty                                     lipgloss.Style
	FilterPrompt, FilterCursor                       lipgloss.Style

	Modal, ModalTitle, ModalDanger lipgloss.Style
	Card                           lipgloss.Style
	Label, LabelFocused, Hint      lipgloss.Style
	Input, InputFocused            lipgloss.Style
	Button, ButtonActive           lipgloss.Style
	DetailKey, DetailValue         lipgloss.Style
	Secret                         lipgloss.Style

	Error, Success, Warning, Muted, Accent lipgloss.Style
	ToastInfo, ToastSuccess, ToastError    lipgloss.Style

	// BalanceLow marks a balance that is low (none left, on accounts with
	// two cues), BalanceWarn one running low.
	Balance, BalanceLow, BalanceWarn, BalanceCurrency lipgloss.Style
	Sparkline, Up, Down                               lipgloss.Style
}

// NewStyles builds the styles from the palette. Without colour (NO_COLOR,
// TERM=dumb, not a terminal: lipgloss's ASCII profile, which draws no
// attribute either) the selected tab and button keep a mark of their own
// (see plain).
func NewStyles() *Styles {
	s := &Styles{}
	base := lipgloss.NewStyle().Foreground(colorText)
	muted := lipgloss.NewStyle().Foreground(colorMuted)

	s.chrome(base, muted)
	s.lists(base, muted)
	s.dialogs(base, muted)
	s.messages(base, muted)
	if lipgloss.ColorProfile() == termenv.Ascii {
		s.plain()
	}
	return s
}

// plain marks the selection by shape where colour marked it alone: the
// active tab in brackets ("[2 API keys]", as wide as a padded tab), the
// highlighted framed button with a heavy frame. (Compact buttons, rows and
// choices are marked by shape already.)
func (s *Styles) plain() {
	s.TabActive = s.TabActive.UnsetPadding().Transform(func(t string) string { return "[" + t + "]" })
	s.ButtonActive = s.ButtonActive.Border(lipgloss.ThickBorder())
}

// chrome sets the styles of the tab bar, the status bar and the help line.
func (s *Styles) chrome(base, muted lipgloss.Style) {
	s.TabBar = lipgloss.NewStyle().BorderStyle(lipgloss.NormalBorder()).BorderBottom(true).BorderForeground(colorFaint)
	s.Tab = muted.Padding(0, 1)
	s.TabActive = lipgloss.NewStyle().Foreground(colorOnAccent).Background(colorAccent).Bold(true).Padding(0, 1)
	s.AppName = lipgloss.NewStyle().Foreground(colorAccent).Bold(true).Padding(0, 1)

	s.StatusBar = muted
	s.StatusKey = muted
	s.StatusValue = base
	s.StatusError = lipgloss.NewStyle().Foreground(colorError)
	s.HelpLine = muted
	s.HelpKey = lipgloss.NewStyle().Foreground(colorAccent)
	s.HelpDesc = muted
	s.HelpSep = lipgloss.NewStyle().Foreground(colorFaint)
}

// lists sets the styles of tables and their filter.
func (s *Styles) lists(base, muted lipgloss.Style) {
	s.Header = muted.Bold(true)
	s.Row = base
	s.RowSelected = lipgloss.NewStyle().Foreground(colorAccent).Background(colorSelBg).Bold(true)
	s.RowDim = muted
	s.RowSelectedDim = lipgloss.NewStyle().Foreground(colorMuted).Background(colorSelBg)
	s.Badge = lipgloss.NewStyle().Foreground(colorWarning).Bold(true)
	s.Empty = muted.Italic(true)
	s.FilterPrompt = lipgloss.NewStyle().Foreground(colorAccent)
	s.FilterCursor = lipgloss.NewStyle().Foreground(colorAccent)
}

// dialogs sets the styles of modals, cards, forms and buttons.
func (s *Styles) dialogs(base, muted lipgloss.Style) {
	s.Modal = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorAccent).Padding(1, 2)
	s.Card = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorFaint).Padding(1, 3)
	s.ModalTitle = lipgloss.NewStyle().Foreground(colorAccent).Bold(true)
	s.ModalDanger = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorError).Padding(1, 2)
	s.Label = muted
	s.LabelFocused = lipgloss.NewStyle().Foreground(colorAccent).Bold(true)
	s.Hint = muted.Italic(true)
	s.Input = base
	s.InputFocused = base
	s.Button = muted.Padding(0, 2).Border(lipgloss.RoundedBorder()).BorderForeground(colorFaint)
	s.ButtonActive = lipgloss.NewStyle().Foreground(colorAccent).Bold(true).Padding(0, 2).Border(lipgloss.RoundedBorder()).BorderForeground(colorAccent)
	s.DetailKey = muted.Width(14)
	s.DetailValue = base
	s.Secret = lipgloss.NewStyle().Foreground(colorSuccess).Bold(true)
}

// messages sets the styles of messages, toasts, the balance and charts.
func (s *Styles) messages(base, muted lipgloss.Style) {
	s.Error = lipgloss.NewStyle().Foreground(colorError)
	s.Success = lipgloss.NewStyle().Foreground(colorSuccess)
	s.Warning = lipgloss.NewStyle().Foreground(colorWarning)
	s.Muted = muted
	s.Accent = lipgloss.NewStyle().Foreground(colorAccent)
	s.ToastInfo = base
	s.ToastSuccess = lipgloss.NewStyle().Foreground(colorSuccess).Bold(true)
	s.ToastError = lipgloss.NewStyle().Foreground(colorError).Bold(true)

	s.Balance = lipgloss.NewStyle().Foreground(colorText).Bold(true)
	s.BalanceLow = lipgloss.NewStyle().Foreground(colorError).Bold(true)
	s.BalanceWarn = lipgloss.NewStyle().Foreground(colorWarning).Bold(true)
	s.BalanceCurrency = muted
	s.Sparkline = lipgloss.NewStyle().Foreground(colorAccent)
	s.Up = lipgloss.NewStyle().Foreground(colorSuccess)
	s.Down = lipgloss.NewStyle().Foreground(colorError)
}
