package common

// SortOrder is how a list starts sorted: by the column named Column
// ("name", "created", … as in the preferences file), in that column's
// natural direction (names A→Z, dates newest first), or the other way
// round when Reverse. The zero value is the default: created, newest first.
type SortOrder struct {
	Column  string
	Reverse bool
}
