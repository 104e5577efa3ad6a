package activity

import (
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// State is where a read of one activity stands in a Cache.
type State int

// The states of a read.
const (
	// Unasked: nobody asked for it yet.
	Unasked State = iota
	// Loading: it was asked for and has not come.
	Loading
	// Answered: it came (Entry.Err may say it failed).
	Answered
)

// Entry is one answer a Cache keeps.
type Entry struct {
	Name  string
	Spend Spend
	Err   error
}

// Forbidden reports whether the read was refused for the key in use
// (only a management key may read activity).
func (e Entry) Forbidden() bool { return errors.Is(e.Err, api.ErrForbidden) }

// Cache keeps the activity answers of one account for the session: by
// key id, "" for the whole account. A view holds one and gives it every
// message (Take); since the root hands answers to every view of the
// account, each view's cache takes what any of them asked for, and
// nothing is asked twice by the view that holds it.
type Cache struct {
	acct    api.Account
	now     func() time.Time
	entries map[string]Entry
	asked   map[string]bool
}

// NewCache returns an empty cache of c's account: nil when the account
// cannot tell its activity (not an api.Activity).
func NewCache(c *common.Common) *Cache {
	if _, ok := c.Account.(api.Activity); !ok {
		return nil
	}
	return &Cache{acct: c.Account, now: c.Now, entries: map[string]Entry{}, asked: map[string]bool{}}
}

// Get is the answer for key ("" for the account) and where its read
// stands.
func (c *Cache) Get(key string) (Entry, State) {
	if c == nil {
		return Entry{}, Unasked
	}
	if e, ok := c.entries[key]; ok {
		return e, Answered
	}
	if c.asked[key] {
		return Entry{}, Loading
	}
	return Entry{}, Unasked
}

// Need asks for the activity of key, named name ("" for the account),
// unless it is loading or was answered; an answer that failed for another
// reason than a refusal is asked for again (the user asked anew).
func (c *Cache) Need(key, name string) tea.Cmd {
	if c == nil {
		return nil
	}
	if e, state := c.Get(key); state == Loading || state == Answered && (e.Err == nil || e.Forbidden()) {
		return nil
	}
	delete(c.entries, key)
	c.asked[key] = true
	acct, now := c.acct, c.now()
	return func() tea.Msg { return read(acct, key, name, now) }
}

// MaxKeys is the most keys NeedKeys reads the activity of in one session,
// so that an account of thousands of keys costs no more than this many
// requests (MaxInFlight at a time).
const MaxKeys = 24

// NeedKeys asks for the activity of keys not asked for yet, in one
// command (see MaxInFlight), up to MaxKeys in all; nil when none is left
// to ask.
func (c *Cache) NeedKeys(keys []KeyRef) tea.Cmd {
	if c == nil {
		return nil
	}
	var todo []KeyRef
	for _, k := range keys {
		if len(c.asked) >= MaxKeys {
			break
		}
		if k.ID == "" || c.asked[k.ID] {
			continue
		}
		c.asked[k.ID] = true
		todo = append(todo, k)
	}
	if len(todo) == 0 {
		return nil
	}
	acct, now := c.acct, c.now()
	return func() tea.Msg { return readMany(acct, todo, now) }
}

// Loading reports whether a read this cache asked for has not come yet.
func (c *Cache) Loading() bool {
	if c == nil {
		return false
	}
	for key := range c.asked {
		if _, ok := c.entries[key]; !ok {
			return true
		}
	}
	return false
}

// Take keeps msg when it is an answer for this cache's account, and
// reports whether it was one.
func (c *Cache) Take(msg tea.Msg) bool {
	if c == nil {
		return false
	}
	switch msg := msg.(type) {
	case Msg:
		if msg.Account != c.acct {
			return false
		}
		c.put(msg)
		return true
	case ManyMsg:
		if msg.Account != c.acct {
			return false
		}
		for _, a := range msg.Answers {
			c.put(a)
		}
		return true
	}
	return false
}

// put keeps one answer.
func (c *Cache) put(m Msg) {
	c.asked[m.Key] = true
	c.entries[m.Key] = Entry{Name: m.Name, Spend: m.Spend, Err: m.Err}
}

// Keys calls fn with every key answer kept without error (the account's
// own aside).
func (c *Cache) Keys(fn func(id string, e Entry)) {
	if c == nil {
		return
	}
	for id, e := range c.entries {
		if id != "" && e.Err == nil {
			fn(id, e)
		}
	}
}

// Forbidden reports whether any read was refused for the key in use.
func (c *Cache) Forbidden() bool {
	if c == nil {
		return false
	}
	for _, e := range c.entries {
		if e.Forbidden() {
			return true
		}
	}
	return false
}
