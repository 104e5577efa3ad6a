package table

import (
	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// RowID is how a key's row names the key: the id requests and copies use,
// set only when the account found it in its provider's shape and unique
// in the list (api.Key.ID), what to show for it, and why there is none. A
// row embeds it: its UID (table.Row) comes from here.
type RowID struct {
	id, text, problem string
}

// NewRowID is the RowID of a key the account handed over with id, text and
// problem (api.Key's ID, IDText and IDProblem); text defaults to id.
func NewRowID(id, text, problem string) RowID {
	if text == "" {
		text = id
	}
	if id == "" && problem == "" {
		problem = api.IDInvalid
	}
	return RowID{id: id, text: text, problem: problem}
}

// ID is the id requests name the key by; "" when it cannot be acted on.
func (r RowID) ID() string { return r.id }

// UID identifies the row in the table (table.Row): the id, or for a key
// without one its problem and shown id after a NUL, which no id holds, so
// that the cursor still follows the row and no action on an id finds it.
func (r RowID) UID() string {
	if r.id != "" {
		return r.id
	}
	return "\x00" + r.problem + "\x00" + r.text
}

// IDCell is the id as a column or a detail shows it: the id, "invalid id",
// or the id with "(ambiguous id)".
func (r RowID) IDCell() string {
	switch {
	case r.id != "":
		return r.id
	case r.problem == api.IDAmbiguous:
		return r.text + " (" + api.IDAmbiguous + ")"
	}
	return api.IDInvalid
}

// Mark is what follows the name of a key without an id ("" for others):
// " · invalid id", " · ambiguous id".
func (r RowID) Mark() string {
	if r.id != "" {
		return ""
	}
	return " · " + r.problem
}

// Usable refuses every action on a key without an id, saying why in a
// line that fits 80 columns: nothing is sent about it and nothing copies
// it.
func (r RowID) Usable() *common.Refusal {
	switch {
	case r.id != "":
		return nil
	case r.problem == api.IDAmbiguous:
		return common.Answer("Can't act on this key: " + api.IDAmbiguous + " (another key has it)")
	}
	return common.Answer("Can't act on this key: the server sent an " + api.IDInvalid)
}

// MarkRepeated takes the id of a key the server just created when a row
// of t has that id already (api.IDAmbiguous), as the account does within
// one list: id and problem point to the key's ID and IDProblem.
func (t *Table) MarkRepeated(id, problem *string) {
	if *id != "" && indexOf(t.base, *id) >= 0 {
		*id, *problem = "", api.IDAmbiguous
	}
}

// UsableRow is a Row that may refuse to be acted on: a key without an id
// (a row embedding RowID).
type UsableRow interface {
	Row
	Usable() *common.Refusal
}
