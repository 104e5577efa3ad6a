// Package debuglog writes the --debug log: one line per API attempt, to a
// file only its owner can read, with anything that looks like a Targon key
// or a bearer token redacted before it is written.
package debuglog

import (
	"context"
	"io"
	"log/slog"
	"os"
	"regexp"
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

// Open appends to the log at path (created with mode 0600) and returns a
// logger whose every string is redacted, and the file to close at exit.
func Open(path string) (*slog.Logger, io.Closer, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, nil, err
	}
	return New(f), f, nil
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
