package openroutertest

import (
	"cmp"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"time"
)

// Usage is what a key has spent, in USD: OpenRouter credits and external
// BYOK (bring your own key) usage, in total and for the current UTC day,
// week (Monday to Sunday) and month.
type Usage struct {
	Total, Daily, Weekly, Monthly            float64
	BYOK, BYOKDaily, BYOKWeekly, BYOKMonthly float64
}

// Limit reset periods, as the API spells them; "" is no reset.
const (
	resetDaily   = "daily"
	resetWeekly  = "weekly"
	resetMonthly = "monthly"
)

// key is an API key, management or inference.
type key struct {
	hash       string // hex SHA-256 of the secret
	secret     string
	name       string
	management bool
	disabled   bool
	limit      *float64
	limitReset string // "" for none
	byokLimit  bool   // include_byok_in_limit
	usage      Usage
	createdAt  time.Time
	updatedAt  time.Time // zero until first updated
	expiresAt  time.Time // zero for never
	creator    string    // creator_user_id; "" is null
	workspace  string
	// seq is the key's place in the order the store received keys: of
	// two keys created in the same instant, the later is the more recent.
	seq uint64
}

// label is the key as OpenRouter shows it: the prefix, three characters,
// an ellipsis and the last four, e.g. "sk-or-v1-0e6...1c96" (the example
// in OpenRouter's API document).
func (k *key) label() string {
	s := k.secret
	return s[:len(secretPrefix)+3] + "..." + s[len(s)-4:]
}

// limitRemaining is what the key may still spend in its current reset
// period: the limit minus the period's usage (the total when the limit
// never resets), BYOK usage included when the key says so, never below
// zero; nil without a limit.
func (k *key) limitRemaining() *float64 {
	if k.limit == nil {
		return nil
	}
	u := k.usage
	used, byok := u.Total, u.BYOK
	switch k.limitReset {
	case resetDaily:
		used, byok = u.Daily, u.BYOKDaily
	case resetWeekly:
		used, byok = u.Weekly, u.BYOKWeekly
	case resetMonthly:
		used, byok = u.Monthly, u.BYOKMonthly
	}
	if k.byokLimit {
		used += byok
	}
	r := roundUSD(max(*k.limit-used, 0))
	return &r
}

// expired reports whether the key has expired at now.
func (k *key) expired(now time.Time) bool {
	return !k.expiresAt.IsZero() && !now.Before(k.expiresAt)
}

// roundUSD rounds to nine decimals, so that subtractions do not show
// float noise like 74.49999999999999.
func roundUSD(v float64) float64 { return math.Round(v*1e9) / 1e9 }

// secretPrefix starts every OpenRouter API key.
const secretPrefix = "sk-or-v1-"

// newSecret makes a key secret from rnd: the prefix and 64 hex digits.
func newSecret(rnd func() uint64) string {
	var b [32]byte
	for i := 0; i < len(b); i += 8 {
		binary.BigEndian.PutUint64(b[i:], rnd())
	}
	return secretPrefix + hex.EncodeToString(b[:])
}

// hashOf is the hash identifier of a secret.
func hashOf(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// cryptoUint64 is a uint64 from crypto/rand.
func cryptoUint64() uint64 {
	var b [8]byte
	rand.Read(b[:])
	return binary.BigEndian.Uint64(b[:])
}

// newUUID makes a version 4 UUID from rnd.
func newUUID(rnd func() uint64) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], rnd())
	binary.BigEndian.PutUint64(b[8:], rnd())
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// newUserID makes a user id the way OpenRouter's look: "user_" and 27
// letters and digits.
func newUserID(rnd func() uint64) string {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b := []byte("user_")
	for range 27 {
		b = append(b, alphabet[rnd()%uint64(len(alphabet))])
	}
	return string(b)
}

// store holds the keys. It is guarded by Server.mu.
type store struct {
	byHash   map[string]*key
	bySecret map[string]*key
	// sorted is every inference key, newest first; nil when it must be
	// rebuilt.
	sorted []*key
	// added counts the keys ever added: the next key's seq.
	added uint64
}

func newStore() store {
	return store{byHash: map[string]*key{}, bySecret: map[string]*key{}}
}

// add stores k.
func (st *store) add(k *key) {
	st.added++
	k.seq = st.added
	st.byHash[k.hash] = k
	st.bySecret[k.secret] = k
	st.sorted = nil
}

// remove deletes k.
func (st *store) remove(k *key) {
	delete(st.byHash, k.hash)
	delete(st.bySecret, k.secret)
	st.sorted = nil
}

// inference returns the inference key with the hash, or nil: management
// keys are not reachable through /keys.
func (st *store) inference(hash string) *key {
	if k := st.byHash[hash]; k != nil && !k.management {
		return k
	}
	return nil
}

// newestFirst returns every inference key, the most recent first, as
// OpenRouter documents GET /keys ("List the most recent 100 API keys"):
// by created_at, and of keys created in the same instant the one created
// last first.
func (st *store) newestFirst() []*key {
	if st.sorted == nil {
		st.sorted = make([]*key, 0, len(st.byHash))
		for _, k := range st.byHash {
			if !k.management {
				st.sorted = append(st.sorted, k)
			}
		}
		slices.SortFunc(st.sorted, func(a, b *key) int {
			if c := b.createdAt.Compare(a.createdAt); c != 0 {
				return c
			}
			return cmp.Compare(b.seq, a.seq)
		})
	}
	return st.sorted
}
