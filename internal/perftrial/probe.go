package main

import (
	"fmt"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui"
	"github.com/targon-dash/targon-dash/ui/components/list"
)

// probe wraps the root model: it forwards every message and watches the
// list pages go by. It runs on the program's event loop; what it records
// before closing loaded may be read after it.
type probe struct {
	inner   tea.Model
	wantSSH bool // the account has SSH keys: wait for that list too
	size    tea.WindowSizeMsg
	start   time.Time

	api, ssh listStats
	err      error
	doneAt   time.Time
	loaded   chan struct{}
	closed   bool
	progress atomic.Int64 // pages so far, API keys in the high half, for the timeout message

	msgs                 int
	updateTime, viewTime time.Duration
	slowest, lastUpdate  time.Duration

	// A key is being timed: the next View completes it.
	timingKey bool
	moved     chan time.Duration
}

// Init sends the window size a terminal would, then the root model's Init.
func (p *probe) Init() tea.Cmd {
	size := p.size
	return tea.Batch(func() tea.Msg { return size }, p.inner.Init())
}

func (p *probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	t0 := time.Now()
	m, cmd := p.inner.Update(msg)
	d := time.Since(t0)
	p.inner = m
	if p.closed {
		if km, ok := msg.(tea.KeyMsg); ok && km.String() == "j" {
			p.timingKey, p.lastUpdate = true, d
		}
		return p, cmd
	}
	p.msgs++
	p.updateTime += d
	p.lastUpdate = d
	switch msg := ui.Inner(msg).(type) {
	case list.PageMsg[api.Key]:
		p.page(&p.api, len(msg.Items), msg.Done, msg.Err, "API keys")
	case list.PageMsg[api.SSHKey]:
		p.page(&p.ssh, len(msg.Items), msg.Done, msg.Err, "SSH keys")
	}
	p.progress.Store(int64(p.api.pages)<<32 | int64(p.ssh.pages))
	if !p.closed && (p.err != nil || (p.api.last && (p.ssh.last || !p.wantSSH))) {
		// The wrapped Update has returned for the last page of both lists
		// (or for an error): loading is over.
		p.doneAt = time.Now()
		p.closed = true
		close(p.loaded)
	}
	return p, cmd
}

func (p *probe) page(s *listStats, items int, done bool, err error, what string) {
	switch {
	case err != nil:
		if p.err == nil {
			p.err = fmt.Errorf("%s: page %d failed: %w", what, s.pages+1, err)
		}
	case done:
		// The walk ended after the last page (no request is made for this).
		s.last = true
	default:
		s.pages++
		s.items += items
	}
}

func (p *probe) View() string {
	t0 := time.Now()
	v := p.inner.View()
	d := time.Since(t0)
	if !p.closed {
		p.viewTime += d
		p.slowest = max(p.slowest, p.lastUpdate+d)
	} else if p.timingKey {
		p.timingKey = false
		select {
		case p.moved <- p.lastUpdate + d:
		default:
		}
	}
	return v
}

// pagesSoFar reads the page counts safely from another goroutine.
func (p *probe) pagesSoFar(s *listStats) int64 {
	v := p.progress.Load()
	if s == &p.api {
		return v >> 32
	}
	return v & (1<<32 - 1)
}
