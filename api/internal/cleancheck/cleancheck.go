// Package cleancheck is a test helper for the provider adapters' tests: it
// holds hostile text a fake server puts in every string it sends, and
// finds the string fields of a value that are not clean (api.CleanText
// would change them). It imports only api and the standard library, and
// only tests import it.
package cleancheck

import (
	"errors"
	"fmt"
	"iter"
	"reflect"
	"strings"
	"testing"

	"github.com/targon-dash/targon-dash/api"
)

// Hostile is text to put inside a JSON string a fake server sends, as JSON
// escapes: an OSC 52 clipboard write, a CSI colour, a C1 control, bidi
// overrides and isolates, and zero-width characters.
const Hostile = `\u001b]52;c;ZXZpbA==\u0007\u001b[31m\u0085\u202e\u2066\u200b\u2060\ufeff`

// Unclean lists the paths of the string fields in v (structs, pointers,
// slices, arrays and maps, followed all the way down) that are not clean,
// with their values; none when every string is clean.
func Unclean(v any) []string {
	var out []string
	walk(reflect.ValueOf(v), fmt.Sprintf("%T", v), &out)
	return out
}

func walk(v reflect.Value, path string, out *[]string) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); api.CleanText(s) != s {
			*out = append(*out, fmt.Sprintf("%s = %q", path, s))
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walk(v.Elem(), path, out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				walk(v.Field(i), path+"."+f.Name, out)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walk(v.MapIndex(k), fmt.Sprintf("%s[%v]", path, k), out)
		}
	}
}

// Collect gathers every page of a walk (Account.Keys, SSHKeys), or stops
// at its error.
func Collect[T any](pages iter.Seq2[[]T, error]) ([]T, error) {
	var all []T
	for page, err := range pages {
		if err != nil {
			return all, err
		}
		all = append(all, page...)
	}
	return all, nil
}

// Calls are the calls of an Account that return a neutral value, by name.
type Calls map[string]func() (any, error)

// ValuesClean makes every call against a server that sends Hostile in
// every string, and fails t for an error or for any string field of a
// value that is not clean.
func ValuesClean(t testing.TB, calls Calls) {
	t.Helper()
	for name, call := range calls {
		v, err := call()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if bad := Unclean(v); len(bad) > 0 {
			t.Errorf("%s returned text that is not clean:\n%s", name, strings.Join(bad, "\n"))
		}
	}
}

// ErrorsClean makes every call against a server that answers every
// request with an error body holding Hostile and the word "evil", and
// fails t unless each returns an api.StatusError whose text and server
// message are clean and keep the server's words.
func ErrorsClean(t testing.TB, calls Calls) {
	t.Helper()
	for name, call := range calls {
		_, err := call()
		var se api.StatusError
		if err == nil || !errors.As(err, &se) {
			t.Errorf("%s: err = %v, want the server's error", name, err)
			continue
		}
		for _, text := range []string{err.Error(), se.ServerMessage()} {
			if api.CleanText(text) != text || !strings.Contains(text, "evil") {
				t.Errorf("%s: error text %q is not the clean server message", name, text)
			}
		}
	}
}
