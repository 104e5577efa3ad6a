// Package activity reads what an account spent over the last 30 completed
// UTC days (api.Activity), on demand and off the UI goroutine, keeps the
// answers for the session (the figures change once a day) and sums them
// up: the spend of each day, the total and the models by spend. The API
// keys view (a key's details, the "unused 30d" marker) and the Credits
// view (the account's 30 days, its top keys and models) use it. It
// imports api (neutral) and ui/common only.
package activity

import (
	"cmp"
	"context"
	"math/big"
	"slices"
	"sync"
	"time"

	"github.com/targon-dash/targon-dash/api"
	"github.com/targon-dash/targon-dash/ui/common"
)

// Days is how many completed UTC days the activity covers.
const Days = 30

// Spend is a summary of activity rows.
type Spend struct {
	// From is the first of the Days days (midnight UTC); Day[i] is the
	// spend of From + i days, oldest first (zero where nothing was spent).
	From time.Time
	Day  [Days]*big.Rat
	// Total is the spend of all Days days.
	Total *big.Rat
	// Models are the models by spend, most first (ties by name).
	Models []Share
	// Requests counts the requests of all Days days.
	Requests int64
	// Unreadable counts rows whose spend was not a plausible amount: left
	// out of the figures, and said.
	Unreadable int
}

// Share is what one model (or key) spent.
type Share struct {
	Name  string
	Spend *big.Rat
}

// Summarize sums rows up over the Days completed UTC days before now's
// day; rows of other days are left out.
func Summarize(rows []api.ActivityRow, now time.Time) Spend {
	today := now.UTC().Truncate(24 * time.Hour)
	s := Spend{From: today.AddDate(0, 0, -Days), Total: new(big.Rat)}
	for i := range s.Day {
		s.Day[i] = new(big.Rat)
	}
	models := map[string]*big.Rat{}
	for _, r := range rows {
		i := int(r.Day.UTC().Sub(s.From).Hours() / 24)
		if r.Day.Before(s.From) || i < 0 || i >= Days {
			continue
		}
		v := common.ReadAmount(r.Spend).Value
		if v == nil {
			s.Unreadable++
			continue
		}
		s.Day[i].Add(s.Day[i], v)
		s.Total.Add(s.Total, v)
		s.Requests += r.Requests
		if models[r.Model] == nil {
			models[r.Model] = new(big.Rat)
		}
		models[r.Model].Add(models[r.Model], v)
	}
	for name, v := range models {
		s.Models = append(s.Models, Share{Name: name, Spend: v})
	}
	SortShares(s.Models)
	return s
}

// SortShares orders shares by spend, most first, ties by name.
func SortShares(shares []Share) {
	slices.SortFunc(shares, func(a, b Share) int {
		if c := b.Spend.Cmp(a.Spend); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
}

// Msg is the answer to reading the activity of Account: the whole
// account's (Key "") or one key's (its hash), named Name.
type Msg struct {
	Account   api.Account
	Key, Name string
	Spend     Spend
	Err       error
}

// ManyMsg is the answers to reading the activity of many keys at once
// (Cache.NeedKeys).
type ManyMsg struct {
	Account api.Account
	Answers []Msg
}

// read reads the activity of key (one key's, or the account's when "")
// and sums it up as of now.
func read(acct api.Account, key, name string, now time.Time) Msg {
	msg := Msg{Account: acct, Key: key, Name: name}
	reader, ok := acct.(api.Activity)
	if !ok {
		msg.Err = api.ErrForbidden
		return msg
	}
	ctx, cancel := context.WithTimeout(context.Background(), common.RequestTimeout)
	defer cancel()
	rows, err := reader.Activity(ctx, api.ActivityQuery{KeyID: key})
	msg.Err = err
	if err == nil {
		msg.Spend = Summarize(rows, now)
	}
	return msg
}

// KeyRef names a key whose activity is wanted: its id (hash) and name.
type KeyRef struct{ ID, Name string }

// MaxInFlight is how many activity reads of keys run at once.
const MaxInFlight = 4

// readMany reads the activity of every key, at most MaxInFlight at once.
func readMany(acct api.Account, keys []KeyRef, now time.Time) ManyMsg {
	out := ManyMsg{Account: acct, Answers: make([]Msg, len(keys))}
	sem := make(chan struct{}, MaxInFlight)
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out.Answers[i] = read(acct, k.ID, k.Name, now)
		}()
	}
	wg.Wait()
	return out
}
