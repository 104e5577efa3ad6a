// Package debuglog writes the --debug log: one line per API attempt, to a
// file only its owner can read, with anything that looks like a Targon key
// or a bearer token redacted before it is written.
//
// It imports only the standard library.
package debuglog

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"regexp"
	"runtime"
	"syscall"
)

// secretPattern matches Targon keys ("tgn_…") and bearer credentials.
var secretPattern = regexp.MustCompile(`tgn_[A-Za-z0-9_\-]{4,}|(?i)(bearer\s+)[^\s"',]+`)

// Redact replaces every key or bearer token in s with a placeholder that
// keeps only the last four characters of a key, so lines stay tellable
// apart without holding a usable secret.
func Redact(s string) string {
	return secretPattern.ReplaceAllStringFunc(s, func(m string) string {
		if sub := secretPattern.FindStringSubmatch(m); sub[1] != "" {
			return sub[1] + "[redacted]"
		}
		return "tgn_[redacted…" + m[len(m)-4:] + "]"
	})
}

// Open appends to the log at path and returns a logger whose every string
// is redacted, and the file to close at exit. A new file is created with
// mode 0600; an existing one is made 0600 before anything is written, and
// refused if that is not possible: it must be a regular file owned by the
// user (not a directory, pipe or device), so the log is never left readable
// by others.
func Open(path string) (*slog.Logger, io.Closer, error) {
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s: %s", path, errNotRegular)
	}
	// Non-blocking, so that a named pipe without a reader fails at once
	// instead of hanging start-up; the type is then checked on the opened
	// file itself.
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY|syscall.O_NONBLOCK, 0o600)
	if err != nil {
		return nil, nil, err
	}
	if err := makePrivate(f); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return New(f), f, nil
}

// errNotRegular refuses a directory, pipe, device or socket as the log.
var errNotRegular = errors.New("not a regular file: give the path of a log file")

// makePrivate checks that f is a regular file of the user's and takes
// every permission away from group and others.
func makePrivate(f *os.File) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return errNotRegular
	}
	if runtime.GOOS == "windows" { // permission bits mean little there
		return nil
	}
	if ownedByOther(info) {
		return errors.New("the file belongs to another user, who could read the log: use a file of your own")
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		if err := f.Chmod(perm &^ 0o077); err != nil {
			return fmt.Errorf("others can read it and it cannot be made private: %w", err)
		}
	}
	return nil
}

// New returns a redacting debug logger writing text lines to w.
func New(w io.Writer) *slog.Logger {
	h := slog.NewTextHandler(w, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			switch a.Value.Kind() {
			case slog.KindString:
				a.Value = slog.StringValue(Redact(a.Value.String()))
			case slog.KindAny:
				if err, ok := a.Value.Any().(error); ok {
					a.Value = slog.StringValue(Redact(err.Error()))
				}
			}
			return a
		},
	})
	return slog.New(redactMessage{h})
}

// redactMessage redacts the record's message too (ReplaceAttr does not
// see it).
type redactMessage struct{ slog.Handler }

func (r redactMessage) Handle(ctx context.Context, rec slog.Record) error {
	rec.Message = Redact(rec.Message)
	return r.Handler.Handle(ctx, rec)
}

func (r redactMessage) WithAttrs(as []slog.Attr) slog.Handler {
	return redactMessage{r.Handler.WithAttrs(as)}
}

func (r redactMessage) WithGroup(name string) slog.Handler {
	return redactMessage{r.Handler.WithGroup(name)}
}
