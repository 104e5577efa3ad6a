// Package early keeps Bubble Tea v1 from asking the terminal for its
// background colour while the program loads.
//
// Bubble Tea v1's package init calls lipgloss.HasDarkBackground, which
// writes a query to the terminal and waits up to five seconds for an
// answer: on a terminal that never answers (the Linux console behind a
// serial line, a bare pty) the first frame comes five seconds late, and on
// one that does, keys typed meanwhile are eaten. termenv, which asks, skips
// the question when $CI is set. This package sets it for the length of the
// package inits; package termbg, which is initialised after Bubble Tea,
// puts it back with Restore.
//
// It works because Go initialises packages in import-path order among
// those whose imports are ready: this package imports only syscall, so it
// is ready before os, and "github.com/targon-dash/..." sorts before "os",
// on which Bubble Tea depends. It must import nothing else.
package early

import "syscall"

// ciVar is the variable termenv reads to decide it is not on a terminal.
const ciVar = "CI"

// set records whether this package set ciVar (it was unset before).
var set bool

func init() {
	if _, ok := syscall.Getenv(ciVar); !ok {
		set = syscall.Setenv(ciVar, "1") == nil
	}
}

// Restore unsets $CI again if this package set it. Package termbg calls it
// from its init, which runs after Bubble Tea's.
func Restore() {
	if set {
		syscall.Unsetenv(ciVar)
		set = false
	}
}
