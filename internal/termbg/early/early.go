// Package early sets $CI while Go initialises packages, so that Bubble
// Tea v1's package init does not ask the terminal a question it may never
// answer. Package termbg's comment explains why this cannot be start-up
// code in main, and the initialisation order it relies on. It must import
// nothing but syscall.
package early

import "syscall"

// ciVar is the variable termenv reads to decide it is not on a terminal.
const ciVar = "CI"

// marker is the value init gives $CI, so that Restore undoes only its own
// work (a $CI the user set is never touched).
const marker = "targon-dash: set while packages initialise (see internal/termbg)"

func init() {
	if _, ok := syscall.Getenv(ciVar); !ok {
		syscall.Setenv(ciVar, marker)
	}
}

// Restore unsets $CI if init set it. Package termbg calls it from its own
// init, which runs after Bubble Tea's.
func Restore() {
	if v, _ := syscall.Getenv(ciVar); v == marker {
		syscall.Unsetenv(ciVar)
	}
}
