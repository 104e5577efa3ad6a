package common

import "sync/atomic"

// IDs numbers what must never be mistaken for something else: the dialogs'
// action runs, the lists' page walks and refresh chains, the credits'
// requests, the SSH view's details requests. A reply carries the number of
// what asked for it, and one meant for a view an account switch discarded
// matches nothing in its successor, because every Common of a program
// shares one IDs: the copy an account switch makes keeps the pointer.
// It is safe across goroutines.
//
// Common.IDs must be set (the root's New and uitest.NewCommon set it):
// Next on a nil *IDs panics rather than hand out numbers that could repeat.
type IDs struct{ n atomic.Int64 }

// Next is a number this IDs never gave before; the first is 1, so 0 never
// names anything.
func (ids *IDs) Next() int64 {
	if ids == nil {
		panic("common: Common.IDs is not set")
	}
	return ids.n.Add(1)
}
