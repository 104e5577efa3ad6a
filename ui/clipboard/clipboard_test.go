package clipboard

import (
	"encoding/base64"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/targon-dash/targon-dash/ui/common"
	"github.com/targon-dash/targon-dash/ui/uitest"
)

var _ common.Copier = (*Clipboard)(nil)

// systemOf is the System of an in-memory system clipboard.
func systemOf(s *uitest.SystemClipboard) System { return System{Write: s.Write, Read: s.Read} }

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

const secret = "sn4_sk_live_0123456789abcdef"

func plainSeq(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\a"
}

func TestLocalUsesSystemClipboard(t *testing.T) {
	sys, tty := &uitest.SystemClipboard{}, &uitest.Terminal{}
	c := New(WithGetenv(env("TERM", "xterm-256color")), WithSystem(systemOf(sys)), WithTerminal(tty))

	how, err := c.Copy(secret)
	if err != nil {
		t.Fatal(err)
	}
	if how != HowSystem {
		t.Errorf("how = %q, want %q", how, HowSystem)
	}
	if sys.Text() != secret {
		t.Errorf("system clipboard = %q, want the secret", sys.Text())
	}
	if got := tty.String(); got != "" {
		t.Errorf("OSC 52 written although the system clipboard worked: %q", got)
	}
}

func TestFallbackToOSC52(t *testing.T) {
	failing := &uitest.SystemClipboard{Err: errors.New("exit status 1")}
	for name, sys := range map[string]System{
		"write fails": systemOf(failing),
		"unsupported": {Write: failing.Write, Read: failing.Read, Unsupported: true},
		"nil writer":  {},
	} {
		t.Run(name, func(t *testing.T) {
			tty := &uitest.Terminal{}
			c := New(WithGetenv(env("TERM", "xterm")), WithSystem(sys), WithTerminal(tty))
			how, err := c.Copy(secret)
			if err != nil {
				t.Fatal(err)
			}
			if how != HowOSC52 || !strings.Contains(how, "OSC 52") {
				t.Errorf("how = %q, want %q", how, HowOSC52)
			}
			want := "\x1b]52;c;c240X3NrX2xpdmVfMDEyMzQ1Njc4OWFiY2RlZg==\a"
			if want != plainSeq(secret) {
				t.Fatalf("test vector wrong")
			}
			if len(tty.Writes()) != 1 || string(tty.Writes()[0]) != want {
				t.Errorf("terminal got %q, want one write %q", tty.Writes(), want)
			}
		})
	}
}

func TestSSHAlwaysOSC52(t *testing.T) {
	for _, key := range []string{"SSH_TTY", "SSH_CONNECTION"} {
		t.Run(key, func(t *testing.T) {
			sys, tty := &uitest.SystemClipboard{}, &uitest.Terminal{}
			c := New(WithGetenv(env(key, "x", "TERM", "xterm")), WithSystem(systemOf(sys)), WithTerminal(tty))
			how, err := c.Copy(secret)
			if err != nil {
				t.Fatal(err)
			}
			if how != HowOSC52 {
				t.Errorf("how = %q, want %q", how, HowOSC52)
			}
			if sys.Writes() != 0 {
				t.Errorf("system clipboard written %d times over SSH", sys.Writes())
			}
			if got := tty.String(); got != plainSeq(secret) {
				t.Errorf("terminal got %q", got)
			}
		})
	}
}

func TestSSHWithoutTerminal(t *testing.T) {
	sys := &uitest.SystemClipboard{}
	c := New(WithGetenv(env("SSH_TTY", "pts-1")), WithSystem(systemOf(sys)), WithTerminal(nil))
	_, err := c.Copy(secret)
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	if sys.Writes() != 0 {
		t.Error("system clipboard used over SSH")
	}
}

func TestTmuxPlain(t *testing.T) {
	tty := &uitest.Terminal{}
	c := New(WithGetenv(env("TMUX", "tmux-socket,1,0", "TERM", "screen-256color", "STY", "outer")),
		WithSystem(System{Unsupported: true}), WithTerminal(tty))
	if _, err := c.Copy(secret); err != nil {
		t.Fatal(err)
	}
	got := tty.String()
	if strings.Contains(got, "\x1bPtmux;") || strings.Contains(got, "\x1bP") {
		t.Errorf("tmux got a DCS wrapper: %q", got)
	}
	if got != plainSeq(secret) {
		t.Errorf("terminal got %q, want %q", got, plainSeq(secret))
	}
}

// screenChunk is how many bytes of base64 go-osc52 puts in each of GNU
// screen's DCS strings.
const screenChunk = 76

func TestScreenDCS(t *testing.T) {
	text := strings.Repeat("k", 200) // long enough to need several chunks
	tty := &uitest.Terminal{}
	c := New(WithGetenv(env("TERM", "screen.xterm-256color", "STY", "1234.pts-0.host")),
		WithSystem(System{Unsupported: true}), WithTerminal(tty))
	if _, err := c.Copy(text); err != nil {
		t.Fatal(err)
	}
	if len(tty.Writes()) != 1 {
		t.Fatalf("%d writes, want 1", len(tty.Writes()))
	}
	got := string(tty.Writes()[0])
	if !strings.HasPrefix(got, "\x1bP\x1b]52;c;") || !strings.HasSuffix(got, "\a\x1b\\") {
		t.Fatalf("not DCS-wrapped: %q", got)
	}
	// Unwrapping every ESC P ... ESC \ chunk gives back the plain sequence.
	var inner strings.Builder
	rest := got
	for rest != "" {
		if !strings.HasPrefix(rest, "\x1bP") {
			t.Fatalf("chunk does not start with ESC P: %q", rest)
		}
		end := strings.Index(rest, "\x1b\\")
		if end < 0 {
			t.Fatalf("unterminated chunk: %q", rest)
		}
		chunk := rest[2:end]
		// go-osc52 puts at most 76 bytes of base64 in each DCS string,
		// plus the OSC 52 head in the first and BEL in the last: far
		// below GNU screen's limit on one string (256 bytes before
		// screen 4.2.1, 768 since).
		payload := strings.TrimSuffix(strings.TrimPrefix(chunk, "\x1b]52;c;"), "\a")
		if len(payload) > screenChunk || len(chunk) > screenChunk+len("\x1b]52;c;") {
			t.Errorf("chunk of %d bytes (%d of base64), over %d", len(chunk), len(payload), screenChunk)
		}
		inner.WriteString(chunk)
		rest = rest[end+2:]
	}
	if inner.String() != plainSeq(text) {
		t.Errorf("unwrapped %q, want %q", inner.String(), plainSeq(text))
	}
}

func TestScreenNeedsSTY(t *testing.T) {
	tty := &uitest.Terminal{}
	c := New(WithGetenv(env("TERM", "screen")), WithSystem(System{Unsupported: true}), WithTerminal(tty))
	if _, err := c.Copy(secret); err != nil {
		t.Fatal(err)
	}
	if got := tty.String(); got != plainSeq(secret) {
		t.Errorf("got %q, want plain OSC 52", got)
	}
}

func TestNothingAvailable(t *testing.T) {
	for name, sys := range map[string]System{
		"unsupported": {Unsupported: true},
		"write fails": systemOf(&uitest.SystemClipboard{Err: errors.New("xclip: Can't open display")}),
	} {
		t.Run(name, func(t *testing.T) {
			c := New(WithGetenv(env()), WithSystem(sys), WithTerminal(nil))
			how, err := c.Copy(secret)
			if err == nil {
				t.Fatalf("no error, how = %q", how)
			}
			if !errors.Is(err, ErrUnavailable) {
				t.Errorf("err = %v, want ErrUnavailable", err)
			}
			msg := err.Error()
			for _, want := range []string{"no clipboard available", "xclip", "OSC 52"} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q lacks %q", msg, want)
				}
			}
			if strings.Contains(msg, secret) || strings.Contains(msg, base64.StdEncoding.EncodeToString([]byte(secret))) {
				t.Errorf("error leaks the text: %q", msg)
			}
		})
	}
}

func TestTooLongForOSC52(t *testing.T) {
	tty := &uitest.Terminal{}
	c := New(WithGetenv(env()), WithSystem(System{Unsupported: true}), WithTerminal(tty))
	_, err := c.Copy(strings.Repeat("a", MaxOSC52Bytes+1))
	if !errors.Is(err, ErrTooLong) {
		t.Fatalf("err = %v, want ErrTooLong", err)
	}
	if len(tty.Writes()) != 0 {
		t.Error("over-long text was written to the terminal")
	}
	if _, err := c.Copy(strings.Repeat("a", MaxOSC52Bytes)); err != nil {
		t.Errorf("text at the limit: %v", err)
	}
}

type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, errors.New("input/output error") }

func TestTerminalWriteError(t *testing.T) {
	c := New(WithGetenv(env()), WithSystem(System{Unsupported: true}), WithTerminal(errWriter{}))
	_, err := c.Copy(secret)
	if err == nil || strings.Contains(err.Error(), secret) {
		t.Fatalf("err = %v", err)
	}
}

func TestClearIfUnchangedSystem(t *testing.T) {
	sys := &uitest.SystemClipboard{}
	c := New(WithGetenv(env()), WithSystem(systemOf(sys)), WithTerminal(nil))

	how, err := c.Copy(secret)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ClearIfUnchanged(secret, how); err != nil {
		t.Fatal(err)
	}
	if sys.Text() != "" {
		t.Errorf("clipboard = %q after clear, want empty", sys.Text())
	}

	// The user copies something else before the timer fires: leave it alone.
	if _, err := c.Copy(secret); err != nil {
		t.Fatal(err)
	}
	sys.SetText("something the user copied")
	writes := sys.Writes()
	if err := c.ClearIfUnchanged(secret, how); err != nil {
		t.Fatal(err)
	}
	if sys.Text() != "something the user copied" || sys.Writes() != writes {
		t.Errorf("clipboard changed to %q (%d writes)", sys.Text(), sys.Writes()-writes)
	}
}

// An OSC 52 copy cannot be read back, so it is never "cleared": nothing
// is written and the caller learns why.
func TestClearIfUnchangedOSC52(t *testing.T) {
	tty := &uitest.Terminal{}
	c := New(WithGetenv(env()), WithSystem(System{Unsupported: true}), WithTerminal(tty))
	how, err := c.Copy(secret)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ClearIfUnchanged(secret, how); !errors.Is(err, ErrNotClearable) {
		t.Errorf("ClearIfUnchanged = %v, want ErrNotClearable", err)
	}
	if len(tty.Writes()) != 1 {
		t.Errorf("writes = %q, want the copy only", tty.Writes())
	}
}

func TestClearIfUnchangedUnknown(t *testing.T) {
	c := New(WithGetenv(env()), WithSystem(System{Unsupported: true}), WithTerminal(nil))
	if err := c.ClearIfUnchanged(secret, "carrier pigeon"); err == nil {
		t.Error("no error for an unknown method")
	}
}

func TestConcurrentCopy(t *testing.T) {
	tty := &uitest.Terminal{}
	c := New(WithGetenv(env()), WithSystem(System{Unsupported: true}), WithTerminal(tty))
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Copy(secret); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if len(tty.Writes()) != 8 {
		t.Errorf("%d writes, want 8", len(tty.Writes()))
	}
}
