//go:build !unix

package debuglog

import "io/fs"

// ownedByOther is false where ownership cannot be read this way.
func ownedByOther(fs.FileInfo) bool { return false }
