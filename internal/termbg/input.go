package termbg

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/muesli/cancelreader"

	// Imported so that Bubble Tea's package init runs before this
	// package's, which undoes package early's work (see doc.go).
	_ "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/internal/termbg/early"
)

// init ends package early's $CI once Bubble Tea's init is done (doc.go).
func init() { early.Restore() }

// holdTimeout is how long a possible answer's first bytes are held back
// before they pass as input (a lone esc key, alt+]). An answer comes in
// one burst.
const holdTimeout = 50 * time.Millisecond

// Input is the terminal's input with the answers to Query taken out, for
// Bubble Tea (tea.WithInput(in.Reader())).
type Input struct {
	src    cancelreader.CancelReader
	pr, pw *os.File
	result chan bool
	done   chan struct{}
	once   sync.Once
}

// Start writes Query to out and reads in (the terminal, already in raw
// mode) until Close, passing everything to Reader but the answers that
// arrive within window.
func Start(in io.Reader, out io.Writer, window time.Duration) (*Input, error) {
	src, err := cancelreader.NewReader(in)
	if err != nil {
		return nil, err
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		src.Cancel()
		return nil, err
	}
	if _, err := io.WriteString(out, Query); err != nil {
		src.Cancel()
		pr.Close()
		pw.Close()
		return nil, err
	}
	i := &Input{src: src, pr: pr, pw: pw, result: make(chan bool, 1), done: make(chan struct{})}
	chunks := make(chan []byte)
	go i.read(chunks)
	go i.filter(chunks, window)
	return i, nil
}

// Reader is what Bubble Tea reads the keys from.
func (i *Input) Reader() *os.File { return i.pr }

// Background delivers true (dark) or false (light) once if the terminal
// answered in time; it is closed when no answer will come.
func (i *Input) Background() <-chan bool { return i.result }

// Close stops reading the terminal and ends Reader with EOF.
func (i *Input) Close() error {
	i.once.Do(func() { i.src.Cancel() })
	<-i.done
	return i.pr.Close()
}

// read hands what the terminal sends to filter, in order.
func (i *Input) read(chunks chan<- []byte) {
	defer close(chunks)
	buf := make([]byte, 256)
	for {
		n, err := i.src.Read(buf)
		if n > 0 {
			select {
			case chunks <- append([]byte(nil), buf[:n]...):
			case <-i.done:
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// filter passes the chunks on to the pipe, answers taken out, until
// reading ends.
func (i *Input) filter(chunks <-chan []byte, window time.Duration) {
	defer close(i.done)
	defer i.pw.Close()
	var f Filter
	answered := false
	finish := func() {
		if answered {
			return
		}
		answered = true
		if dark, ok := f.Background(); ok {
			i.result <- dark
		}
		close(i.result)
	}
	defer finish()

	windowEnd := time.NewTimer(window)
	defer windowEnd.Stop()
	hold := time.NewTimer(time.Hour)
	hold.Stop()
	write := func(p []byte) bool {
		if len(p) == 0 {
			return true
		}
		_, err := i.pw.Write(p)
		return err == nil
	}
	for {
		select {
		case p, ok := <-chunks:
			if !ok {
				write(f.Stop())
				return
			}
			if !write(f.Feed(p)) {
				return
			}
			if _, ok := f.Background(); ok || f.Done() {
				finish()
			}
			if f.Held() {
				hold.Reset(holdTimeout)
			} else {
				hold.Stop()
			}
		case <-hold.C:
			write(f.Flush())
		case <-windowEnd.C:
			write(f.Stop())
			finish()
		}
	}
}
