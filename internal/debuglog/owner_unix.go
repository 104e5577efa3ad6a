//go:build unix

package debuglog

import (
	"io/fs"
	"os"
	"syscall"
)

// ownedByOther reports whether the file belongs to a user other than the
// one running the dashboard.
func ownedByOther(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) != os.Getuid()
}
