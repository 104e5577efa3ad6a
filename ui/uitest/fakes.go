package uitest

import (
	"bytes"
	"sync"
)

// How is what Clipboard.Copy says it copied with.
const How = "system clipboard"

// Clipboard is a fake common.Copier that records what was copied. It is
// safe across goroutines.
type Clipboard struct {
	// Err, when not nil, makes every copy fail with it (nothing is
	// recorded). Set it while nothing copies.
	Err error

	mu     sync.Mutex
	copied []string
}

// Copy records text and reports How, or fails with Err.
func (c *Clipboard) Copy(text string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.Err != nil {
		return "", c.Err
	}
	c.copied = append(c.copied, text)
	return How, nil
}

// Copied is every text copied so far, oldest first.
func (c *Clipboard) Copied() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.copied...)
}

// Last is the text copied last, "" before the first copy.
func (c *Clipboard) Last() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.copied) == 0 {
		return ""
	}
	return c.copied[len(c.copied)-1]
}

// SystemClipboard is a system clipboard in memory: its Write and Read make
// a clipboard.System. It counts both and is safe across goroutines.
type SystemClipboard struct {
	// Err, when not nil, makes every Write fail with it. Set it before use.
	Err error

	mu     sync.Mutex
	text   string
	reads  int
	writes int
}

// Write puts text on the clipboard, or fails with Err.
func (s *SystemClipboard) Write(text string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writes++
	if s.Err != nil {
		return s.Err
	}
	s.text = text
	return nil
}

// Read returns what the clipboard holds.
func (s *SystemClipboard) Read() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reads++
	return s.text, nil
}

// SetText is the user copying text in another program: neither a Write
// nor counted.
func (s *SystemClipboard) SetText(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.text = text
}

// Text is what the clipboard holds, without counting a Read.
func (s *SystemClipboard) Text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text
}

// Reads is how many times Read was called.
func (s *SystemClipboard) Reads() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reads
}

// Writes is how many times Write was called, failed ones included.
func (s *SystemClipboard) Writes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writes
}

// Terminal records what is written to it, each Write apart. It is safe
// across goroutines.
type Terminal struct {
	mu     sync.Mutex
	writes [][]byte
}

// Write records p.
func (t *Terminal) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.writes = append(t.writes, bytes.Clone(p))
	return len(p), nil
}

// Writes is every Write's bytes, in order.
func (t *Terminal) Writes() [][]byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([][]byte(nil), t.writes...)
}

// String is everything written, joined.
func (t *Terminal) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.Join(t.writes, nil))
}
