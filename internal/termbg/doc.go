// Package termbg finds out whether the terminal's background is dark
// without holding up the first frame or losing a key: it asks the
// terminal (OSC 11, then DA1 as a sentinel that nearly every terminal
// answers), hands Bubble Tea the terminal's input through a pipe, and
// takes the answers out of it on the way, for a bounded time. Everything
// else read from the terminal passes through untouched and in order.
//
// It imports Bubble Tea (for the initialisation order below, nothing
// else), cancelreader and its own package early; nothing of the ui.
//
// # Why package early sets $CI while packages initialise
//
// This is the one place that explains package early. Bubble Tea v1's
// package init calls lipgloss.HasDarkBackground (tea_init.go, "This
// workaround will be removed in v2"). On a terminal, termenv then writes
// OSC 11 and a cursor-position query and waits up to five seconds for the
// answers: on a terminal that never answers (the Linux console behind a
// serial line, a bare pty) the first frame comes five seconds late, and on
// one that answers, keys typed meanwhile are eaten. termenv skips the
// question when $CI is set, and reads nothing else that a program can set.
//
// Explicit start-up code cannot do this. Go runs every package's
// initialisation before main.main, so anything main does comes after the
// question. Nor can an init that calls lipgloss.SetHasDarkBackground (or
// installs a renderer or termenv output of its own): it needs lipgloss
// initialised, and Bubble Tea is ready to initialise the moment lipgloss
// is and sorts first by import path, so Bubble Tea's init always runs
// before such a package's (GODEBUG=inittrace=1 shows lipgloss, then
// bubbletea, at once). What works is setting $CI before Bubble Tea's init
// and unsetting it after, which is what package early and this package do:
//
//   - The rule relied on (the Go spec, "Package initialization", Go 1.21
//     and later): given the list of all packages sorted by import path,
//     each step initialises the first package in the list whose imports
//     are all initialised.
//   - Package early imports only syscall. Once syscall is initialised,
//     early is ready, and it sorts ("github.com/targon-dash/...") before
//     "os" and "time", which Bubble Tea, lipgloss and termenv all need: so
//     early's init runs before any of theirs. It sets $CI to its own
//     marker value, and only if $CI was unset.
//   - This package imports Bubble Tea, so its init runs after Bubble
//     Tea's; it calls early.Restore, which unsets $CI if it still holds
//     early's marker. By main.main $CI is as the user left it, and
//     lipgloss, which decides its colour profile lazily, sees the real
//     terminal.
//
// The background is then decided explicitly: ui.SetTheme sets it from
// --theme or $COLORFGBG before the first frame, and Start asks the
// terminal without waiting. The pty tests in the repository root
// (TestFirstFrameWithoutAnswers, TestAutoThemeDoesNotWait) fail after
// three seconds without package early.
package termbg
