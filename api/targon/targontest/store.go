package targontest

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"slices"
	"time"
)

// account is one Targon user: a v2 balance, API keys (which v3 calls
// personal API tokens), v2 SSH keys, and for v3 a profile and memberships
// of organizations.
type account struct {
	credits     int64
	currency    string
	apiKeys     []*apiKey     // ascending by seq, i.e. oldest first
	sshRing                   // the v2 SSH keys
	profile                   // who the user is, for v3
	personal    *org          // the user's PERSONAL org
	memberships []*membership // ascending by seq
}

// sshRing is a set of SSH keys: a v2 account's, or a v3 organization's.
type sshRing struct {
	sshKeys  []*sshKey // ascending by seq
	sshBlobs map[string]*sshKey
}

// keyMeta is what every stored key has, API key or SSH key.
type keyMeta struct {
	seq              uint64
	uid, name        string
	created, updated time.Time
	owner            *account
}

// apiKey is a stored API key.
type apiKey struct {
	keyMeta
	raw string
}

// sshKey is a stored SSH public key.
type sshKey struct {
	keyMeta
	publicKeyRaw string // normalized authorized_keys line
	blob         string // wire encoding, for duplicate detection
	ring         *sshRing
}

func (k *apiKey) wire() wireAPIKey {
	return wireAPIKey{UID: k.uid, Name: k.name, KeyRaw: k.raw, CreatedAt: formatTime(k.created), UpdatedAt: formatTime(k.updated)}
}

func (k *sshKey) wire() wireSSHKey {
	return wireSSHKey{UID: k.uid, Name: k.name, PublicKeyRaw: k.publicKeyRaw, CreatedAt: formatTime(k.created), UpdatedAt: formatTime(k.updated)}
}

func (k *keyMeta) sequence() uint64 { return k.seq }

// meta is the part of a key that every kind of key has.
func (k *keyMeta) meta() *keyMeta { return k }

// store holds every account and indexes keys by uid and secret. It is
// guarded by Server.mu.
type store struct {
	seq      uint64 // last sequence number handed out
	accounts []*account
	apiKeys  map[string]*apiKey // by uid
	sshKeys  map[string]*sshKey // by uid: the v2 SSH keys
	tokens   map[string]*apiKey // by key_raw
	v3       v3Store
}

func newStore() store {
	return store{apiKeys: map[string]*apiKey{}, sshKeys: map[string]*sshKey{}, tokens: map[string]*apiKey{}, v3: newV3Store()}
}

// newAccount adds an empty account.
func (st *store) newAccount(credits int64, currency string) *account {
	a := &account{credits: credits, currency: currency, sshRing: newSSHRing()}
	st.accounts = append(st.accounts, a)
	return a
}

func newSSHRing() sshRing { return sshRing{sshBlobs: map[string]*sshKey{}} }

// nextSeq hands out the next creation sequence number.
func (st *store) nextSeq() uint64 {
	st.seq++
	return st.seq
}

// addAPIKey stores a new API key for a with a fresh uid and secret drawn
// from rnd.
func (st *store) addAPIKey(a *account, name string, created, updated time.Time, rnd func() uint64) *apiKey {
	k := &apiKey{keyMeta: keyMeta{seq: st.nextSeq(), name: name, created: created, updated: updated, owner: a}}
	k.uid = uniqueID("key-", rnd, func(id string) bool { return st.apiKeys[id] != nil })
	k.raw = st.newSecret(rnd)
	st.apiKeys[k.uid] = k
	st.tokens[k.raw] = k
	a.apiKeys = append(a.apiKeys, k)
	return k
}

// addSSHKey stores a validated public key for a.
func (st *store) addSSHKey(a *account, name string, pk parsedKey, created, updated time.Time, rnd func() uint64) *sshKey {
	k := st.addToRing(&a.sshRing, st.sshKeys, name, pk, created, updated, rnd)
	k.owner = a
	return k
}

// addToRing stores a validated public key in ring and index under a uid
// that neither the v2 nor the v3 SSH keys use.
func (st *store) addToRing(ring *sshRing, index map[string]*sshKey, name string, pk parsedKey, created, updated time.Time, rnd func() uint64) *sshKey {
	k := &sshKey{keyMeta: keyMeta{seq: st.nextSeq(), name: name, created: created, updated: updated}, publicKeyRaw: pk.line, blob: pk.blob, ring: ring}
	k.uid = uniqueID("shk-", rnd, func(id string) bool { return st.sshKeys[id] != nil || st.v3.sshKeys[id] != nil })
	index[k.uid] = k
	ring.sshBlobs[k.blob] = k
	ring.sshKeys = append(ring.sshKeys, k)
	return k
}

// rollAPIKey gives k a new secret; the old one stops authenticating.
func (st *store) rollAPIKey(k *apiKey, now time.Time, rnd func() uint64) {
	delete(st.tokens, k.raw)
	k.raw = st.newSecret(rnd)
	st.tokens[k.raw] = k
	k.touch(now)
}

// deleteAPIKey removes k; its secret stops authenticating.
func (st *store) deleteAPIKey(k *apiKey) {
	delete(st.apiKeys, k.uid)
	delete(st.tokens, k.raw)
	k.owner.apiKeys = removeSeq(k.owner.apiKeys, k.seq)
}

// deleteSSHKey removes k, a v2 SSH key or an organization's.
func (st *store) deleteSSHKey(k *sshKey) {
	delete(st.sshKeys, k.uid)
	delete(st.v3.sshKeys, k.uid)
	delete(k.ring.sshBlobs, k.blob)
	k.ring.sshKeys = removeSeq(k.ring.sshKeys, k.seq)
}

// touch sets the update time, never before creation.
func (k *keyMeta) touch(now time.Time) { k.updated = laterOf(now, k.created) }

func laterOf(a, b time.Time) time.Time {
	if a.Before(b) {
		return b
	}
	return a
}

// sequenced is an item ordered by its creation sequence number.
type sequenced interface{ sequence() uint64 }

// removeSeq deletes the item with sequence number seq from the ascending
// slice items.
func removeSeq[T sequenced](items []T, seq uint64) []T {
	i, found := slices.BinarySearchFunc(items, seq, func(it T, s uint64) int {
		switch {
		case it.sequence() < s:
			return -1
		case it.sequence() > s:
			return 1
		}
		return 0
	})
	if !found {
		return items
	}
	return slices.Delete(items, i, i+1)
}

// newSecret returns a key_raw that no stored key and no service token
// uses.
func (st *store) newSecret(rnd func() uint64) string {
	for {
		s := "tgn_" + randomAlnum(40, rnd)
		if st.tokens[s] == nil && st.v3.svcSecrets[s] == nil {
			return s
		}
	}
}

// uniqueID returns prefix and 12 lowercase hex digits, retrying while taken
// reports the id as used.
func uniqueID(prefix string, rnd func() uint64, taken func(string) bool) string {
	for {
		id := fmt.Sprintf("%s%012x", prefix, rnd()&(1<<48-1))
		if !taken(id) {
			return id
		}
	}
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// randomAlnum returns n characters drawn uniformly from [A-Za-z0-9].
func randomAlnum(n int, rnd func() uint64) string {
	b := make([]byte, 0, n)
	for len(b) < n {
		v := rnd()
		for range 10 { // ten 6-bit draws per 64-bit value
			if c := v & 63; c < uint64(len(alnum)) && len(b) < n {
				b = append(b, alnum[c])
			}
			v >>= 6
		}
	}
	return string(b)
}

// cryptoUint64 is a random source for identifiers created through the API.
func cryptoUint64() uint64 {
	var b [8]byte
	rand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:])
}
